package count

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is the byte range [start, end) of a link in a text.
type span struct{ start, end int }

// linkRules says which links a platform recognises.
type linkRules struct {
	// bare finds links written without http:// or https:// (twitter-text
	// does, Mastodon does not).
	bare bool
	// checked applies twitter-text's last test: a link longer than
	// maxURLLength once its domain is punycode-encoded, or with a domain
	// label longer than 63 octets, is not a link (IDNA refuses it).
	checked bool
}

// maxURLLength is twitter-text's longest link, in code points.
const maxURLLength = 4096

// links returns the links of s, in order, following twitter-text v3's
// extractor: an optional http:// or https://, a domain whose last label is
// a known top-level domain, an optional port, path and query, the path and
// query never ending on punctuation. A link never starts right after a
// letter, a digit, @, $ or #; a bare link never after -, _, . or /.
//
// The scanner is written from twitter-text's published rules rather than
// translated from its regular expression. It keeps to the cases that
// matter for a text a person writes and leaves out twitter-text's special
// handling of t.co links and its splitting of a bare domain that mixes
// scripts.
func links(s string, r linkRules) []span {
	var out []span
	prev := rune(-1) // the rune before i; -1 at the start of the text
	for i := 0; i < len(s); {
		if precedesLink(prev) {
			if n := schemeLen(s[i:]); n > 0 {
				if end, ok := scanLink(s, i, i+n, r); ok {
					out = append(out, span{i, end})
					prev, _ = utf8.DecodeLastRuneInString(s[:end])
					i = end
					continue
				}
			} else if r.bare && !strings.ContainsRune("-_./", prev) {
				if end, ok := scanLink(s, i, i, r); ok {
					out = append(out, span{i, end})
					prev, _ = utf8.DecodeLastRuneInString(s[:end])
					i = end
					continue
				}
			}
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		prev = c
		i += size
	}
	return out
}

// precedesLink reports whether a link may start right after rune r (-1 for
// the start of the text).
func precedesLink(r rune) bool {
	switch {
	case r < 0:
		return true
	case r < utf8.RuneSelf:
		return !(isASCIIAlnum(r) || r == '@' || r == '$' || r == '#')
	}
	return r != '＠' && r != '＃' && !isInvalid(r)
}

// schemeLen returns the length of a leading http:// or https://, in any
// case, or 0.
func schemeLen(s string) int {
	for _, scheme := range []string{"https://", "http://"} {
		if len(s) >= len(scheme) && strings.EqualFold(s[:len(scheme)], scheme) {
			return len(scheme)
		}
	}
	return 0
}

// scanLink reads a link whose scheme (if any) is s[start:host] and whose
// domain starts at host, and returns where it ends.
func scanLink(s string, start, host int, r linkRules) (end int, ok bool) {
	bare := start == host
	labels, domainEnd := domain(s, host, bare)
	if len(labels) < 2 {
		return 0, false
	}
	end = domainEnd
	// A port.
	if end < len(s) && s[end] == ':' {
		j := end + 1
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j > end+1 {
			end = j
		}
	}
	pathStart := end
	if end < len(s) && s[end] == '/' {
		end = path(s, end)
	}
	hasPath := end > pathStart
	if end < len(s) && s[end] == '?' {
		end = query(s, end)
	}
	if bare && !hasPath && len(labels) == 2 && isShortCCTLD(labels[1]) {
		// twitter-text leaves "name.fr" alone without a path: it is as
		// often the end of a sentence as a link. t.co and .tv are links.
		return 0, false
	}
	if r.checked && !fitsIDNA(s[start:end], labels, bare) {
		return 0, false
	}
	return end, true
}

// domain reads the labels of a domain starting at s[i:] and returns them
// with the end of the domain. The domain is the longest run of labels
// whose last one is a known top-level domain, not followed by a letter,
// digit, @, + or -. Only the last label before the top-level domain must
// be free of underscores. A bare domain is written in Latin letters only.
func domain(s string, i int, bare bool) ([]string, int) {
	var labels []string
	var ends []int
	for {
		j := i
		for j < len(s) {
			c, size := utf8.DecodeRuneInString(s[j:])
			if !isDomainChar(c, bare) && c != '-' && c != '_' {
				break
			}
			j += size
		}
		if j == i {
			break
		}
		labels = append(labels, s[i:j])
		ends = append(ends, j)
		if j >= len(s) || s[j] != '.' {
			break
		}
		i = j + 1
	}
	for k := len(labels) - 1; k >= 1; k-- {
		if !isTLD(labels[k]) || !validLabel(labels[k-1], false) {
			continue
		}
		if next, _ := utf8.DecodeRuneInString(s[ends[k]:]); ends[k] < len(s) && (next == '@' || next == '+') {
			continue
		}
		sub := true
		for _, l := range labels[:k-1] {
			sub = sub && validLabel(l, true)
		}
		if sub {
			return labels[:k+1], ends[k]
		}
	}
	return nil, 0
}

// validLabel reports whether a domain label starts and ends with a letter
// or digit, with hyphens (and in a subdomain, underscores) only inside.
func validLabel(l string, sub bool) bool {
	if l == "" {
		return false
	}
	first, _ := utf8.DecodeRuneInString(l)
	last, _ := utf8.DecodeLastRuneInString(l)
	if first == '-' || first == '_' || last == '-' || last == '_' {
		return false
	}
	return sub || !strings.Contains(l, "_")
}

// isDomainChar reports whether c may appear in a domain label, hyphens and
// underscores aside: twitter-text takes any character that is not ASCII
// punctuation, a space, a control or an invisible formatting character;
// in a bare domain, only ASCII letters and digits and Latin letters.
func isDomainChar(c rune, bare bool) bool {
	if c < utf8.RuneSelf {
		return isASCIIAlnum(c)
	}
	if bare {
		return unicode.Is(unicode.Latin, c)
	}
	return !unicode.IsSpace(c) && !unicode.Is(unicode.Zs, c) && !unicode.IsControl(c) &&
		!isInvalid(c) && !isDirectional(c)
}

// path reads a link's path from the slash at s[i] and returns its end:
// the longest run of path characters and balanced parentheses that ends
// on a letter, digit, =, _, #, /, + or - or a closing parenthesis, so
// that the full stop or comma after a link stays out of it.
func path(s string, i int) int {
	end := i + 1 // the slash alone is a path
	depth := 0
	j := i + 1
	for j < len(s) {
		c, size := utf8.DecodeRuneInString(s[j:])
		switch {
		case c == '(':
			if depth > 1 {
				return end
			}
			depth++
		case c == ')':
			if depth == 0 {
				return end
			}
			depth--
			if depth == 0 {
				end = j + size
			}
		case isPathChar(c):
			if depth == 0 && isPathEnd(c) {
				end = j + size
			}
		default:
			return end
		}
		j += size
	}
	return end
}

func isPathChar(c rune) bool {
	if c < utf8.RuneSelf {
		return isASCIIAlnum(c) || strings.ContainsRune("!*';:=+,.$/%#[]-_~&|@", c)
	}
	return c == '–' || unicode.Is(unicode.Latin, c) || unicode.Is(unicode.Cyrillic, c)
}

func isPathEnd(c rune) bool {
	if c < utf8.RuneSelf {
		return isASCIIAlnum(c) || strings.ContainsRune("=_#/+-", c)
	}
	return unicode.Is(unicode.Latin, c) || unicode.Is(unicode.Cyrillic, c)
}

// query reads a query string from the question mark at s[i] and returns
// its end, which must be a letter, digit, -, _, &, =, # or /; a question
// mark followed by nothing of the sort stays out of the link.
func query(s string, i int) int {
	end := i
	for j := i + 1; j < len(s); j++ {
		c := s[j]
		if c >= utf8.RuneSelf || !(isASCIIAlnum(rune(c)) || strings.IndexByte("!?*'();:&=+$/%#[]-_.,~|@", c) >= 0) {
			break
		}
		if isASCIIAlnum(rune(c)) || strings.IndexByte("-_&=#/", c) >= 0 {
			end = j + 1
		}
	}
	return end
}

// isShortCCTLD reports whether a bare "name.tld" is not a link without a
// path: a two-letter country code other than co and tv.
func isShortCCTLD(tld string) bool {
	return len(tld) == 2 && isASCIIAlpha(rune(tld[0])) && isASCIIAlpha(rune(tld[1])) &&
		!strings.EqualFold(tld, "co") && !strings.EqualFold(tld, "tv")
}

// fitsIDNA reports whether the link passes twitter-text's final check:
// each label encodes to at most 63 octets, and the link with its domain so
// encoded (and a scheme added when bare) is at most maxURLLength long.
func fitsIDNA(link string, labels []string, bare bool) bool {
	n := utf8.RuneCountInString(link)
	for _, l := range labels {
		enc, ok := idnaLabelLen(l)
		if !ok || enc > 63 {
			return false
		}
		if raw := utf8.RuneCountInString(l); enc > raw {
			n += enc - raw
		}
	}
	if bare {
		n += len("https://")
	}
	return n <= maxURLLength
}

// idnaLabelLen returns the length of a label once lowercased and, when it
// is not ASCII, punycode-encoded with its xn-- prefix.
func idnaLabelLen(l string) (int, bool) {
	ascii := true
	for i := 0; i < len(l); i++ {
		ascii = ascii && l[i] < utf8.RuneSelf
	}
	if ascii {
		return len(l), true
	}
	enc, ok := punycode(strings.ToLower(l))
	return len("xn--") + len(enc), ok
}

func isASCIIAlpha(c rune) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isASCIIAlnum(c rune) bool { return isASCIIAlpha(c) || c >= '0' && c <= '9' }

// isInvalid reports the characters twitter-text refuses in a text.
func isInvalid(c rune) bool { return c == 0xFFFE || c == 0xFEFF || c == 0xFFFF }

// isDirectional reports the invisible bidirectional controls.
func isDirectional(c rune) bool {
	return c == 0x061C || c == 0x200E || c == 0x200F || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069
}
