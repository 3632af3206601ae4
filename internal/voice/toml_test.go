package voice

import (
	"strings"
	"testing"

	"github.com/marque-kit/marque/internal/diag"
)

func TestTOMLString(t *testing.T) {
	tests := []struct {
		src, want string
		ok        bool
	}{
		{`"plain"`, "plain", true},
		{`"a \"b\" \\ \u00e9\t"`, "a \"b\" \\ é\t", true},
		{`'lit\eral "x"'`, `lit\eral "x"`, true},
		{"\"\"\"\nline one\nline two\"\"\"", "line one\nline two", true},
		{"\"\"\"a \\\n    b\"\"\"", "a b", true},
		{"\"\"\"ends with quotes\"\"\"\"\"", "ends with quotes\"\"", true},
		{"'''\nraw \\n'''", "raw \\n", true},
		{`"unclosed`, "", false},
		{"\"no\nnewline\"", "", false},
		{`"bad \q"`, "", false},
		{`42`, "", false},
	}
	for _, tt := range tests {
		src := []byte("key = " + tt.src)
		got, b, ok := tomlString(src, 6)
		if ok != tt.ok || got != tt.want {
			t.Errorf("tomlString(%q) = %q, %v; want %q, %v", tt.src, got, ok, tt.want, tt.ok)
		}
		if !ok {
			continue
		}
		// Every literal span is the source as typed.
		for _, sp := range b.spans {
			if sp.Literal && got[sp.At:sp.At+sp.Len] != string(src[sp.Source:sp.Source+sp.SourceLen]) {
				t.Errorf("tomlString(%q): span %+v does not match the source", tt.src, sp)
			}
		}
	}
}

// TestOffsetOf checks that offsetOf undoes diag.File.Pos at every character
// of a file with a byte order mark, accents and CRLF line ends.
func TestOffsetOf(t *testing.T) {
	src := []byte("\uFEFFtitre = \"Été\"\r\nrésumé = 'ça'\n\nfin ✓")
	f := diag.NewFile("x.toml", src)
	for off := 3; off < len(src); off++ {
		if src[off]&0xC0 == 0x80 {
			continue // inside a character
		}
		if got := offsetOf(src, f.Pos(off)); got != off {
			t.Errorf("offsetOf(Pos(%d) = %v) = %d", off, f.Pos(off), got)
		}
	}
}

// TestValueSegment checks positions inside a TOML value with escapes
// before the finding: the column is that of the character in the file.
func TestValueSegment(t *testing.T) {
	src := "[person]\ntagline = \"Un \\\"vrai\\\" e-mail\"\n"
	f := diag.NewFile("brand.toml", []byte(src))
	s := valueSegment(f, diag.Pos{File: "brand.toml", Line: 2, Column: 11}, `Un "vrai" e-mail`, Field)
	at := strings.Index(s.Text, "e-mail")
	if got := f.Pos(s.offset(at)); got.Line != 2 || got.Column != 24 {
		t.Errorf("e-mail at %v, want brand.toml:2:24", got)
	}
	if _, _, ok := s.literal(at, at+len("e-mail")); !ok {
		t.Error("e-mail is typed as it reads: it can be fixed")
	}
	if _, _, ok := s.literal(strings.Index(s.Text, `"`), strings.Index(s.Text, `"`)+1); ok {
		t.Error(`an escaped \" cannot be fixed in place`)
	}
	// A value that is not where the profile says falls back to the value's start.
	s = valueSegment(f, diag.Pos{File: "brand.toml", Line: 1, Column: 1}, "autre", Field)
	if got := f.Pos(s.offset(3)); got.Line != 1 || got.Column != 1 {
		t.Errorf("fallback at %v, want 1:1", got)
	}
	if _, _, ok := s.literal(0, 1); ok {
		t.Error("a fallback segment cannot be fixed")
	}
}
