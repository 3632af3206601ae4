package markdown

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// countWords counts the words of text: runs between spaces that hold a
// letter or a digit, so that a French "!" after its space is no word.
func countWords(text string) int {
	n := 0
	word := false // the run so far holds a letter or a digit
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf { // the common case, without decoding
			i++
			switch {
			case c == ' ' || '\t' <= c && c <= '\r':
				if word {
					n++
				}
				word = false
			case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9':
				word = true
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		switch {
		case unicode.IsSpace(r):
			if word {
				n++
			}
			word = false
		case !word && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			word = true
		}
	}
	if word {
		n++
	}
	return n
}

// Summary returns the first paragraphs of text (a Doc's Text) that fit in
// maxRunes, joined by spaces. Whole paragraphs are taken while they fit;
// when what they make is shorter than half of maxRunes (or empty), the next
// paragraph is cut at a word boundary and "…" added, the ellipsis counting
// in maxRunes. A word is never cut unless it alone is longer than maxRunes.
func Summary(text string, maxRunes int) string {
	if maxRunes < 1 {
		return ""
	}
	var kept []string
	size := 0
	for p := range strings.SplitSeq(text, "\n\n") {
		p = collapseSpaces(p)
		if p == "" {
			continue
		}
		n := utf8.RuneCountInString(p)
		if len(kept) > 0 {
			n++ // the space joining it to the previous one
		}
		if size+n <= maxRunes {
			kept = append(kept, p)
			size += n
			continue
		}
		if size*2 < maxRunes {
			room := maxRunes - size - 1 // for the "…"
			if len(kept) > 0 {
				room--
			}
			if cut := cutAtWord(p, room, len(kept) == 0); cut != "" {
				kept = append(kept, cut+"…")
			}
		}
		break
	}
	return strings.Join(kept, " ")
}

// cutAtWord returns the longest start of p made of whole words that fits
// in room runes, without the punctuation that would dangle before an
// ellipsis. When no word fits, it cuts through the first one if force is
// set, and returns "" otherwise.
func cutAtWord(p string, room int, force bool) string {
	if room < 1 {
		return ""
	}
	// Byte offset of the rune after the room-th one.
	end, n := len(p), 0
	for i := range p {
		if n == room {
			end = i
			break
		}
		n++
	}
	cut := p[:end]
	// A cut in the middle of a word goes back to the space before it.
	// Only an ordinary space is a break: French no-break spaces bind "!"
	// and "»" to their word.
	if end < len(p) && p[end] != ' ' {
		if i := strings.LastIndexByte(cut, ' '); i >= 0 {
			cut = cut[:i]
		} else if !force {
			return ""
		}
	}
	return strings.TrimRightFunc(cut, func(c rune) bool {
		return unicode.IsSpace(c) || strings.ContainsRune(",;:.([{«“‘-–—", c)
	})
}

// collapseSpaces turns each run of ordinary white space (line breaks
// included) into one space, and keeps no-break spaces as they are.
func collapseSpaces(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, c := range strings.TrimSpace(s) {
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(c)
	}
	return b.String()
}
