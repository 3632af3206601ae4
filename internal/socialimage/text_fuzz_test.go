package socialimage

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzWrap breaks any title into lines, as a card does: no text is lost
// or added (spaces aside), and every line fits the width but a single
// character wider than it; ellipsize then ends within the width too.
func FuzzWrap(f *testing.F) {
	f.Add("Trois couleurs pour une identité\u00a0!", 300.0)
	f.Add("Anticonstitutionnellement", 40.0)
	f.Add("👨‍👩‍👧‍👦 日本語 e\u0301  x", 1.0)
	f.Add("", 0.0)
	fonts := DefaultFonts()
	f.Fuzz(func(t *testing.T, text string, w float64) {
		if !utf8.ValidString(text) || !(w >= 0 && w < 1e5) || len(text) > 500 {
			return // the planner hands wrap typeset (valid) text and a box's width
		}
		sh := fonts.shaper(Heading, 40)
		lines := wrap(sh, text, w)
		if got, want := strings.ReplaceAll(strings.Join(lines, ""), " ", ""), strings.ReplaceAll(text, " ", ""); got != want {
			t.Fatalf("wrap(%q) = %q: the text changed", text, lines)
		}
		for _, l := range lines {
			if l == "" || sh.width(l) > w && utf8.RuneCountInString(l) > 1 {
				t.Fatalf("wrap(%q, %v): line %q is %v wide", text, w, l, sh.width(l))
			}
		}
		if len(lines) > 1 {
			short := ellipsize(sh, lines, 1, w)
			if len(short) != 1 || !strings.HasSuffix(short[0], "…") {
				t.Fatalf("ellipsize(%q) = %q", lines, short)
			}
		}
	})
}
