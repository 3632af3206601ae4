package markdown

import (
	"strings"
	"testing"
	"unicode"
)

func TestCountWords(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"", 0},
		{"un deux\ttrois\nquatre", 4},
		{"Vraiment\u202f? Oui\u00a0!", 2}, // the marks after no-break spaces are no words
		{"L’été, c’est-à-dire — 2026 !", 3},
		{"a\u0085b\u2003c\u3000d", 4}, // spaces beyond ASCII
		{"... — !!", 0},
		{"été", 1},
		{"x\xffy \xff", 1}, // invalid UTF-8 is neither a space nor a letter
	}
	for _, tt := range tests {
		if got := countWords(tt.text); got != tt.want {
			t.Errorf("countWords(%q) = %d, want %d", tt.text, got, tt.want)
		}
	}
}

// FuzzCountWords checks countWords against its definition: the fields
// between spaces that hold a letter or a digit.
func FuzzCountWords(f *testing.F) {
	for _, s := range []string{"un deux", "Oui\u202f!", "a\u0085b", "x\xffy \xff", " \t\v\f\r "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := 0
		for _, field := range strings.FieldsFunc(s, unicode.IsSpace) {
			if strings.IndexFunc(field, func(c rune) bool { return unicode.IsLetter(c) || unicode.IsDigit(c) }) >= 0 {
				want++
			}
		}
		if got := countWords(s); got != want {
			t.Fatalf("countWords(%q) = %d, want %d", s, got, want)
		}
	})
}
