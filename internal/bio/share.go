package bio

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/marque-kit/marque/internal/count"
	"github.com/marque-kit/marque/internal/network"
	"github.com/marque-kit/marque/internal/typo"
)

// Post is what a post's share texts are made of.
type Post struct {
	Title   string
	Summary string   // as written, or derived from the body
	URL     string   // the post's absolute URL
	Tags    []string // as written in the front matter
}

// Share is one post's text for one network.
type Share struct {
	Network network.Network
	Text    string
	count.Result
}

// linkInBio says where the link is on a network whose posts cannot hold
// one: the profile's link, which leads to the site's links page.
var linkInBio = map[string]string{
	"fr": "Article complet : lien dans la bio.",
	"en": "Full article: link in bio.",
}

// Ellipsis ends a shortened summary.
const Ellipsis = "…"

// ShareText writes the text that shares p on n, in language lang: the
// title, the summary, the link (or, where links are not clickable, where
// to find it) and the hashtags n takes, one paragraph each, with lang's
// typography. To fit n's share limit it shortens the summary at a word
// boundary, then drops hashtags from the last, then shortens the title:
// never a link, a hashtag or a character is cut. The result does not fit
// only when the link alone does not; its Fits says so. n must have a share
// limit.
func ShareText(lang string, p Post, n network.Network) Share {
	return ShareTexts(lang, p, []network.Network{n})[0]
}

// ShareTexts writes the share texts of p for each of nets, as ShareText
// does, preparing the post's typography once for all of them.
func ShareTexts(lang string, p Post, nets []network.Network) []Share {
	title := typo.Apply(lang, oneLine(p.Title))
	summary := typo.Apply(lang, oneLine(p.Summary))
	pp := prepared{
		title: title, titleWords: splitWords(title),
		summary: summary, summaryWords: splitWords(summary),
		inBio: typo.Apply(lang, linkInBio[primary(lang)]),
	}
	out := make([]Share, len(nets))
	for i, n := range nets {
		out[i] = pp.fit(p, n)
	}
	return out
}

// prepared is a post's text with its typography applied, ready to fit.
type prepared struct {
	title, summary           string
	titleWords, summaryWords []string
	inBio                    string
}

func (pp prepared) fit(p Post, n network.Network) Share {
	link := p.URL
	if !n.LinksClickable {
		link = pp.inBio
	}
	tags := Hashtags(p.Tags, n.Hashtags)

	measure := func(title, summary string, tags []string) Share {
		var parts []string
		for _, s := range []string{title, summary, link, strings.Join(tags, " ")} {
			if s != "" {
				parts = append(parts, s)
			}
		}
		text := strings.Join(parts, "\n\n")
		return Share{Network: n, Text: text, Result: count.Measure(text, *n.Share, count.Post)}
	}

	title, words := pp.title, pp.summaryWords
	if s := measure(title, pp.summary, tags); s.Fits() {
		return s
	}
	if len(words) > 0 {
		if k, ok := longestFit(len(words), func(k int) bool { return measure(title, shorten(words, k), tags).Fits() }); ok {
			return measure(title, shorten(words, k), tags)
		}
	}
	for len(tags) > 0 {
		tags = tags[:len(tags)-1]
		if s := measure(title, "", tags); s.Fits() {
			return s
		}
	}
	if words := pp.titleWords; len(words) > 0 {
		if k, ok := longestFit(len(words), func(k int) bool { return measure(shorten(words, k), "", nil).Fits() }); ok {
			return measure(shorten(words, k), "", nil)
		}
	}
	return measure("", "", nil)
}

// longestFit returns the largest k in 1..n-1 for which fits(k) holds,
// fits being true up to some k and false after, as a text shortened to k
// words is.
func longestFit(n int, fits func(k int) bool) (int, bool) {
	k := sort.Search(n, func(k int) bool { return k > 0 && !fits(k) }) - 1
	return k, k >= 1
}

// shorten returns the first k words joined by spaces and ended with an
// ellipsis, the punctuation that ended the last word dropped.
func shorten(words []string, k int) string {
	s := strings.Join(words[:k], " ")
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",;:.!?—–-(«“\"'’", r)
	})
	return s + Ellipsis
}

// splitWords splits s at its ordinary spaces only: the no-break spaces of
// French typography keep a word with the punctuation after it.
func splitWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' })
}

// oneLine puts a text on one line with single spaces.
func oneLine(s string) string { return strings.Join(splitWords(s), " ") }

// primary returns the primary subtag of a language tag, "fr" for "fr-CA",
// or "en" for a language without strings of its own.
func primary(lang string) string {
	p, _, _ := strings.Cut(strings.ToLower(lang), "-")
	if _, ok := linkInBio[p]; ok {
		return p
	}
	return "en"
}

// Hashtags turns tags into at most max hashtags, in order and without
// duplicates: words joined without spaces or punctuation, accents kept,
// and each word of a tag of several capitalised, so that screen readers
// read "#MiseEnPage" as three words. A tag with no letter makes no hashtag.
func Hashtags(tags []string, max int) []string {
	var out []string
	seen := map[string]bool{}
	for _, tag := range tags {
		if len(out) >= max {
			break
		}
		h := Hashtag(tag)
		if h == "" || seen[strings.ToLower(h)] {
			continue
		}
		seen[strings.ToLower(h)] = true
		out = append(out, h)
	}
	return out
}

// Hashtag turns one tag into a hashtag, or "" when it has no letter.
func Hashtag(tag string) string {
	words := strings.FieldsFunc(tag, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == '_')
	})
	if !strings.ContainsFunc(tag, unicode.IsLetter) || len(words) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteByte('#')
	for _, w := range words {
		if len(words) > 1 {
			r, size := utf8.DecodeRuneInString(w)
			b.WriteRune(unicode.ToUpper(r))
			w = w[size:]
		}
		b.WriteString(w)
	}
	return b.String()
}
