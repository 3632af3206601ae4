package markdown

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzSummary(f *testing.F) {
	f.Add("Un premier paragraphe.\n\nUn second, plus long que le premier.", 20)
	f.Add("Anticonstitutionnellement", 5)
	f.Add("a\n\n\n\nb  c\t\td", 3)
	f.Add("«\u00a0oui\u00a0» — non…", 1)
	f.Fuzz(func(t *testing.T, text string, max int) {
		if !utf8.ValidString(text) || max > 1<<16 {
			return
		}
		s := Summary(text, max)
		if n := utf8.RuneCountInString(s); n > max && s != "" {
			t.Fatalf("Summary(%q, %d) = %q: %d runes", text, max, s, n)
		}
		if s != strings.TrimSpace(s) || strings.Contains(s, "  ") {
			t.Fatalf("Summary(%q, %d) = %q: spaces at an end or doubled", text, max, s)
		}
		if !utf8.ValidString(s) {
			t.Fatalf("Summary(%q, %d) = %q: invalid UTF-8", text, max, s)
		}
	})
}
