package post

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// letters spells the Latin letters that no Unicode decomposition turns into
// ASCII.
var letters = map[rune]string{
	'œ': "oe", 'æ': "ae", 'ß': "ss", 'ø': "o", 'đ': "d", 'ð': "d", 'þ': "th", 'ł': "l", 'ı': "i",
}

// Slugify turns s into the part of a URL path that names a post or a tag:
// lower-case ASCII letters and digits, words joined by single dashes.
// Accents are dropped ("Été" is "ete"), œ, æ and ß are spelled out, and
// every other run of characters becomes one dash; none leads or trails.
// It returns "" when s has no letter or digit it can keep.
//
// The decomposition is NFKD rather than NFD so that compatibility forms
// (the "ﬁ" ligature, full-width letters, superscript digits) keep their
// letters too.
func Slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFKD.String(strings.ToLower(s)) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		word, ok := letters[r]
		switch {
		case ok:
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
			word = string(r)
		default:
			dash = b.Len() > 0
			continue
		}
		if dash {
			b.WriteByte('-')
			dash = false
		}
		b.WriteString(word)
	}
	return b.String()
}
