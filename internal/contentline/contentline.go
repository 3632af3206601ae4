// Package contentline writes the content lines that iCalendar (RFC 5545,
// section 3.1) and vCard (RFC 6350, section 3.2) share: lines folded at 75
// octets, and text values escaped. The calendar and the vCard of the kit
// are both made with it, at the render stage.
package contentline

import (
	"strings"
	"unicode/utf8"
)

// maxLine is the longest line both formats allow, in octets, CRLF excluded.
const maxLine = 75

// Fold returns one content line folded into lines of at most 75 octets:
// each continuation starts with a space, which counts in its 75, and no
// UTF-8 sequence is split. Every line ends in CRLF.
func Fold(line string) string {
	var b strings.Builder
	b.Grow(len(line) + len(line)/maxLine*3 + 2)
	limit := maxLine
	for len(line) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		if cut == 0 {
			// Not UTF-8: no sequence to keep whole, and cutting
			// nothing would never end.
			cut = limit
		}
		b.WriteString(line[:cut])
		b.WriteString("\r\n ")
		line = line[cut:]
		limit = maxLine - 1 // the leading space counts
	}
	b.WriteString(line)
	b.WriteString("\r\n")
	return b.String()
}

// Escape escapes a text value (RFC 5545 section 3.3.11, RFC 6350 section
// 3.4): backslash, semicolon and comma take a backslash, a line break
// becomes \n, and other control characters, which neither format allows
// in a value, are dropped.
func Escape(s string) string {
	var b strings.Builder
	s = strings.ReplaceAll(s, "\r\n", "\n")
	for _, r := range s {
		switch {
		case r == '\\' || r == ';' || r == ',':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n' || r == '\r':
			b.WriteString(`\n`)
		case r < 0x20 && r != '\t' || r == 0x7f:
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
