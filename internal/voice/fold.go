package voice

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// fold returns the form words are compared in: lower case, without
// diacritics, ligatures spelt out, typographic apostrophes and hyphens made
// ASCII. "Thébaud’s" and "thebaud's" fold alike.
func fold(s string) string {
	upper := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return foldSlow(s)
		}
		if 'A' <= c && c <= 'Z' {
			upper = true
		}
	}
	if upper {
		return strings.ToLower(s)
	}
	return s
}

func foldSlow(s string) string {
	return string(appendFold(make([]byte, 0, len(s)), s))
}

// isFolded reports whether fold(s) is s: ASCII without capitals.
func isFolded(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}

// appendFold appends fold(s) to dst.
func appendFold(dst []byte, s string) []byte {
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			dst = append(dst, byte(unicode.ToLower(r)))
		case int(r) < len(latinFold):
			dst = append(dst, latinFold[r]...)
		default:
			dst = append(dst, foldRune(r)...)
		}
	}
	return dst
}

// latinFold holds the folded form of every rune below U+0250 (Latin-1 and
// Latin Extended-A and B), computed once: they are nearly all the accented
// letters French and English text uses.
var latinFold = func() []string {
	t := make([]string, 0x250)
	for r := range rune(len(t)) {
		t[r] = foldRune(r)
	}
	return t
}()

// foldRune folds one rune; see fold.
func foldRune(r rune) string {
	switch r {
	case '’', '‘', 'ʼ', '′', '`':
		return "'"
	case '‐', '‑':
		return "-"
	case 'œ', 'Œ':
		return "oe"
	case 'æ', 'Æ':
		return "ae"
	case 'ß':
		return "ss"
	}
	lower := unicode.ToLower(r)
	if lower < utf8.RuneSelf {
		return string(lower)
	}
	var b strings.Builder
	for _, c := range norm.NFD.String(string(lower)) {
		if !unicode.Is(unicode.Mn, c) {
			b.WriteRune(c)
		}
	}
	return b.String()
}
