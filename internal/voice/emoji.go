package voice

import (
	"unicode/utf8"
)

// emoji is voice.emoji: an emoji where the brand's [voice] emoji policy
// allows none ("none"), or outside the bios ("bios"). One finding for each
// run of emoji, whatever it is made of (skin tones, joiners, flags).
type emoji struct {
	bios bool // allowed in bios
}

func (*emoji) ID() string { return "voice.emoji" }

func (e *emoji) Check(s *Segment, r *Report) {
	if e.bios && s.Role == Bio {
		return
	}
	text := s.Text
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf && (i+1 == len(text) || text[i+1] < utf8.RuneSelf) {
			i++ // ASCII before ASCII: no emoji, not even a keycap
			continue
		}
		n := emojiLen(text[i:])
		if n == 0 {
			_, size := utf8.DecodeRuneInString(text[i:])
			i += size
			continue
		}
		where := "anywhere"
		if e.bios {
			where = "outside bios"
		}
		r.Add(s, i, e.ID(), "emoji %q: the brand uses none %s", text[i:i+n], where)
		i += n
	}
}

// emojiLen returns the length in bytes of the run of emoji at the start of
// s, or 0. A pictograph counts when it shows as an emoji by default, or
// when a variation selector (U+FE0F) asks for it: "✓" and "→" are
// typography, "✅" and "❤️" are emoji.
func emojiLen(s string) int {
	n := 0
	for n < len(s) {
		r, size := utf8.DecodeRuneInString(s[n:])
		next, nsize := utf8.DecodeRuneInString(s[n+size:])
		switch {
		case isEmoji(r), n > 0 && (r == 0x200D || r == 0xFE0F || 0x1F3FB <= r && r <= 0x1F3FF || 0xE0020 <= r && r <= 0xE007F):
			n += size
		case next == 0xFE0F && (0x2000 <= r && r <= 0x3300 || r == 0xA9 || r == 0xAE):
			n += size + nsize
		case (r == '#' || r == '*' || '0' <= r && r <= '9') && (next == 0x20E3 || next == 0xFE0F && keycap(s[n+size+nsize:])):
			n += size + nsize
			if next == 0xFE0F {
				n += 3 // the U+20E3 after it
			}
		default:
			return n
		}
	}
	return n
}

func keycap(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r == 0x20E3
}

// isEmoji reports whether r shows as an emoji without a variation selector:
// the supplementary pictographs, and the Emoji_Presentation characters of
// the Basic Multilingual Plane.
func isEmoji(r rune) bool {
	if 0x1F000 <= r && r <= 0x1FAFF {
		return true
	}
	switch r {
	case 0x231A, 0x231B, 0x23E9, 0x23EA, 0x23EB, 0x23EC, 0x23F0, 0x23F3, 0x25FD, 0x25FE,
		0x2614, 0x2615, 0x267F, 0x2693, 0x26A1, 0x26AA, 0x26AB, 0x26BD, 0x26BE, 0x26C4, 0x26C5,
		0x26CE, 0x26D4, 0x26EA, 0x26F2, 0x26F3, 0x26F5, 0x26FA, 0x26FD, 0x2705, 0x270A, 0x270B,
		0x2728, 0x274C, 0x274E, 0x2753, 0x2754, 0x2755, 0x2757, 0x2795, 0x2796, 0x2797, 0x27B0,
		0x27BF, 0x2B1B, 0x2B1C, 0x2B50, 0x2B55:
		return true
	}
	return 0x2648 <= r && r <= 0x2653 // the zodiac signs
}
