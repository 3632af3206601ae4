package contentline

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"SUMMARY:court", "SUMMARY:court\r\n"},
		{strings.Repeat("a", 75), strings.Repeat("a", 75) + "\r\n"},
		{strings.Repeat("a", 76), strings.Repeat("a", 75) + "\r\n a\r\n"},
		{strings.Repeat("a", 74+74+75), strings.Repeat("a", 75) + "\r\n " + strings.Repeat("a", 74) + "\r\n " + strings.Repeat("a", 74) + "\r\n"},
		// é is two octets: the 75th octet would split it, so it moves down.
		{strings.Repeat("a", 74) + "é", strings.Repeat("a", 74) + "\r\n é\r\n"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) =\n%q, want\n%q", tt.in, got, tt.want)
		}
	}
}

func TestEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Solène Garnier", "Solène Garnier"},
		{`a\b;c,d`, `a\\b\;c\,d`},
		{"deux\r\nlignes\net\rtrois", `deux\nlignes\net\ntrois`},
		{"bip\x07\x00\x7f\tfin", "bip\tfin"},
	}
	for _, tt := range tests {
		if got := Escape(tt.in); got != tt.want {
			t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// unescape undoes Escape, as a reader of calendars and vCards does.
func unescape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
			if s[i] == 'n' || s[i] == 'N' {
				b.WriteByte('\n')
			} else {
				b.WriteByte(s[i])
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// FuzzFoldEscape checks that a folded, escaped value has lines of at most
// 75 octets, never splits a character, and reads back as the value was,
// line breaks made \n and control characters dropped.
func FuzzFoldEscape(f *testing.F) {
	f.Add("Solène Garnier")
	f.Add(strings.Repeat("é,;\\\n", 40))
	f.Add(strings.Repeat("a", 74) + "👨‍👩‍👧")
	f.Add("bip\x07\r\n\x7f")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		folded := Fold("NOTE:" + Escape(s))
		if !strings.HasSuffix(folded, "\r\n") {
			t.Fatalf("no CRLF at the end: %q", folded)
		}
		for _, l := range strings.Split(strings.TrimSuffix(folded, "\r\n"), "\r\n") {
			if len(l) > maxLine || !utf8.ValidString(l) || strings.ContainsAny(l, "\r\n") {
				t.Fatalf("bad line %q", l)
			}
		}
		want := strings.ReplaceAll(s, "\r\n", "\n")
		want = strings.ReplaceAll(want, "\r", "\n")
		want = strings.Map(func(r rune) rune {
			if r < 0x20 && r != '\t' && r != '\n' || r == 0x7f {
				return -1
			}
			return r
		}, want)
		unfolded := strings.ReplaceAll(strings.TrimSuffix(folded, "\r\n"), "\r\n ", "")
		if got := unescape(strings.TrimPrefix(unfolded, "NOTE:")); got != want {
			t.Fatalf("round trip: %q, want %q", got, want)
		}
	})
}

// FuzzFold checks that folding any line, UTF-8 or not, keeps every line
// within 75 octets, never splits a character, and unfolds to the line it
// was given.
func FuzzFold(f *testing.F) {
	f.Add("DESCRIPTION:" + strings.Repeat("é", 80))
	f.Add("SUMMARY:" + strings.Repeat("a", 74) + "👨‍👩‍👧")
	f.Fuzz(func(t *testing.T, s string) {
		if strings.ContainsAny(s, "\r\n") {
			return
		}
		out := Fold(s)
		if !strings.HasSuffix(out, "\r\n") {
			t.Fatalf("no CRLF at the end: %q", out)
		}
		for _, l := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
			if len(l) > maxLine {
				t.Fatalf("a line of %d octets", len(l))
			}
			if utf8.ValidString(s) && !utf8.ValidString(l) {
				t.Fatalf("a character split: %q", l)
			}
		}
		if got := strings.ReplaceAll(strings.TrimSuffix(out, "\r\n"), "\r\n ", ""); got != s {
			t.Fatalf("unfolds to %q, want %q", got, s)
		}
	})
}
