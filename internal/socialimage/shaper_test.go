package socialimage

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// refWidth is the width of text as layout measured it before shapers
// kept anything: every glyph, advance and kerning asked of sfnt.
func refWidth(s *shaper, text string) float64 {
	var buf sfnt.Buffer
	var x fixed.Int26_6
	var prevFace *Face
	var prev sfnt.GlyphIndex
	for _, r := range text {
		face := s.main
		idx, _ := face.font.GlyphIndex(&buf, r)
		if idx == 0 {
			if fi, _ := s.fallback.font.GlyphIndex(&buf, r); fi != 0 {
				face, idx = s.fallback, fi
			}
		}
		if idx == 0 {
			if !isSpace(r) {
				continue
			}
			prevFace = nil
			si, _ := s.main.font.GlyphIndex(&buf, ' ')
			adv, _ := s.main.font.GlyphAdvance(&buf, si, s.ppem, font.HintingNone)
			if r == '\u202f' || r == '\u2009' || r == '\u200a' {
				adv /= 2
			}
			x += adv
			continue
		}
		if prevFace == face {
			if k, err := face.font.Kern(&buf, prev, idx, s.ppem, font.HintingNone); err == nil {
				x += k
			}
		}
		prevFace, prev = face, idx
		if adv, err := face.font.GlyphAdvance(&buf, idx, s.ppem, font.HintingNone); err == nil {
			x += adv
		}
	}
	return float64(x) / 64
}

// refWrap is wrap as it was before lines grew by spans: each try
// measured whole.
func refWrap(sh *shaper, text string, w float64) []string {
	var lines []string
	var cur string
	for _, word := range strings.Split(text, " ") {
		if word == "" {
			continue
		}
		try := word
		if cur != "" {
			try = cur + " " + word
		}
		if refWidth(sh, try) <= w {
			cur = try
			continue
		}
		if cur != "" {
			lines = append(lines, cur)
		}
		cur = word
		for refWidth(sh, cur) > w && utf8.RuneCountInString(cur) > 1 {
			end := 0
			for i, r := range cur {
				next := i + utf8.RuneLen(r)
				if end > 0 && refWidth(sh, cur[:next]) > w {
					break
				}
				end = next
			}
			lines = append(lines, cur[:end])
			cur = cur[end:]
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

var shaperTexts = []string{
	"Pourquoi vos utilisateurs ne lisent pas vos écrans",
	"Trois questions à poser sur les messages d’erreur\u00a0?",
	"What an audit taught me about “cookie banners” in 2025",
	"AVATAR Type Wave Yo LTA «\u202fguillemets\u202f»",
	"fin\u2009: l’été — 12\u00a0000\u00a0€",
	"Ωμέγα → Кириллица ✓ 😀 e\u0301",
	"private \uE000 use, and  double  spaces ",
	" leading and trailing ",
	"Anticonstitutionnellement",
	"",
}

// TestWidthMatchesFonts checks that shapers, which keep what they look up
// and measure lines from their words' spans, give every width to the
// 1/64 of a pixel as sfnt does asked each time, in every role and at
// many sizes, warm or cold.
func TestWidthMatchesFonts(t *testing.T) {
	fonts := DefaultFonts()
	_, brandFonts := withFont(t, "fonts/Inter-Regular.otf")
	for _, f := range []*Fonts{fonts, brandFonts} {
		for _, role := range []Role{Heading, Body, Strong} {
			for _, size := range []float64{9.5, 16, 33.3, 47.2, 70.8, 141.6} {
				warm := f.shaper(role, size)
				for _, text := range shaperTexts {
					want := refWidth(warm, text)
					if got := warm.width(text); got != want {
						t.Errorf("%s %v: width(%q) = %v, want %v", role, size, text, got, want)
					}
					if _, got := f.shaper(role, size).layout(text); float64(got)/64 != want {
						t.Errorf("%s %v: layout(%q) is %v wide, want %v", role, size, text, float64(got)/64, want)
					}
				}
			}
		}
	}
}

// TestWrapMatchesReference checks that wrap breaks lines where measuring
// each try whole would, cuts of long words included.
func TestWrapMatchesReference(t *testing.T) {
	fonts := DefaultFonts()
	sh := fonts.shaper(Heading, 47.2)
	for _, text := range shaperTexts {
		for _, w := range []float64{0, 30, 120, 300, 640, 2000} {
			if got, want := wrap(sh, text, w), refWrap(sh, text, w); !slices.Equal(got, want) {
				t.Errorf("wrap(%q, %v) = %q, want %q", text, w, got, want)
			}
		}
	}
}

// FuzzWidth compares widths and wraps with the reference on any text.
func FuzzWidth(f *testing.F) {
	for _, s := range shaperTexts {
		f.Add(s, 300.0, 40.0)
	}
	fonts := DefaultFonts()
	f.Fuzz(func(t *testing.T, text string, w, size float64) {
		if !utf8.ValidString(text) || !(w >= 0 && w < 1e5) || !(size > 1 && size < 500) || len(text) > 300 {
			return // the planner hands wrap typeset (valid) text
		}
		sh := fonts.shaper(Body, size)
		if got, want := sh.width(text), refWidth(sh, text); got != want {
			t.Fatalf("width(%q) = %v, want %v", text, got, want)
		}
		if got, want := wrap(sh, text, w), refWrap(sh, text, w); !slices.Equal(got, want) {
			t.Fatalf("wrap(%q, %v) = %q, want %q", text, w, got, want)
		}
	})
}
