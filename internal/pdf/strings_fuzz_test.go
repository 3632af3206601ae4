package pdf

import (
	"encoding/hex"
	"image/color"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/image/font/gofont/goregular"
)

// readTextString reads back a string textString wrote: a literal in
// parentheses or UTF-16BE in hex after a byte order mark.
func readTextString(t *testing.T, s string) string {
	t.Helper()
	if lit, ok := strings.CutPrefix(s, "("); ok {
		lit, ok = strings.CutSuffix(lit, ")")
		var b strings.Builder
		for i := 0; ok && i < len(lit); i++ {
			switch c := lit[i]; {
			case c == '\\' && i+1 < len(lit):
				i++
				b.WriteByte(lit[i])
			case c == '\\' || c == '(' || c == ')':
				t.Fatalf("unescaped %q in %s", c, s)
			default:
				b.WriteByte(c)
			}
		}
		return b.String()
	}
	h, ok := strings.CutPrefix(s, "<FEFF")
	h, ok2 := strings.CutSuffix(h, ">")
	raw, err := hex.DecodeString(h)
	if !ok || !ok2 || err != nil || len(raw)%2 != 0 {
		t.Fatalf("text string %s", s)
	}
	u := make([]uint16, len(raw)/2)
	for i := range u {
		u[i] = uint16(raw[2*i])<<8 | uint16(raw[2*i+1])
	}
	return string(utf16.Decode(u))
}

// readName reads back a name that name wrote.
func readName(t *testing.T, s string) string {
	t.Helper()
	body, ok := strings.CutPrefix(s, "/")
	var b strings.Builder
	for i := 0; ok && i < len(body); i++ {
		c := body[i]
		if c < '!' || c > '~' || strings.IndexByte("()<>[]{}/%", c) >= 0 {
			t.Fatalf("name %s holds %q", s, c)
		}
		if c == '#' && i+2 < len(body) {
			v, err := strconv.ParseUint(body[i+1:i+3], 16, 8)
			if err != nil {
				t.Fatalf("name %s: %v", s, err)
			}
			b.WriteByte(byte(v))
			i += 2
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// FuzzStrings writes a person's name (as the card's text, the document's
// title and a font's name) into a PDF: each reads back as written, and
// the text is drawn without error.
func FuzzStrings(f *testing.F) {
	f.Add("Solène Garnier (design) \\ 100 %")
	f.Add("😀 \x00\x7f )(")
	f.Add("/Font#20<x>")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // profile text is UTF-8
		}
		if got := readTextString(t, textString(s)); got != s {
			t.Fatalf("textString(%q) reads back as %q", s, got)
		}
		if got := readName(t, name(s)); got != s {
			t.Fatalf("name(%q) = %s reads back as %q", s, name(s), got)
		}
		d := New(Info{Title: s, Author: s})
		font, err := d.AddFont(goregular.TTF)
		if err != nil {
			t.Fatal(err)
		}
		if w := font.Width(s, 10); w < 0 {
			t.Fatalf("Width(%q) = %v", s, w)
		}
		media := Rect{0, 0, 100, 100}
		d.AddPage(media, media, media).Text(font, 10, 10, 10, color.Black, s)
		if _, err := d.Bytes(); err != nil {
			t.Fatal(err)
		}
	})
}
