package count

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// writeMentions writes s to b with every remote mention @user@host cut to
// @user, the part Mastodon counts. A mention starts at an @ that does not
// follow a letter, digit, underscore, = or /; its user is letters, digits
// and underscores, with dots or hyphens only between them; its host is
// one or more labels of word characters joined by dots or hyphens, each at
// most 63 characters long (a host no resolver would accept is counted in
// full).
func writeMentions(b *strings.Builder, s string) {
	prev := rune(-1)
	for i := 0; i < len(s); {
		if s[i] == '@' && !(isWordRune(prev) || prev == '=' || prev == '/') {
			if user, host := mention(s[i+1:]); user > 0 && host > 0 {
				b.WriteString(s[i : i+1+user])
				i += 1 + user + host
				prev, _ = utf8.DecodeLastRuneInString(s[:i])
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		b.WriteString(s[i : i+size])
		prev = r
		i += size
	}
}

// mention returns the byte lengths of the user name at the start of s and
// of the "@host" after it, or 0 for either that is missing.
func mention(s string) (user, host int) {
	user = dotted(s, func(r rune) bool { return r < utf8.RuneSelf && (isASCIIAlnum(r) || r == '_') })
	if user == 0 || user >= len(s) || s[user] != '@' {
		return user, 0
	}
	h := dotted(s[user+1:], isWordRune)
	if h == 0 {
		return user, 0
	}
	for _, label := range strings.FieldsFunc(s[user+1:user+1+h], func(r rune) bool { return r == '.' || r == '-' }) {
		if utf8.RuneCountInString(label) > 63 {
			return user, 0
		}
	}
	return user, 1 + h
}

// dotted returns the length of the longest prefix of s made of runs of
// runes that match ok, joined by dots or hyphens: Mastodon's pattern for
// user names and hosts.
func dotted(s string, ok func(rune) bool) int {
	end, n := 0, 0
	for n < len(s) {
		run := n
		for run < len(s) {
			r, size := utf8.DecodeRuneInString(s[run:])
			if !ok(r) {
				break
			}
			run += size
		}
		if run == n {
			break
		}
		end = run
		n = run
		for n < len(s) && (s[n] == '.' || s[n] == '-') {
			n++
		}
	}
	return end
}

func isWordRune(r rune) bool {
	return r >= 0 && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == '_')
}
