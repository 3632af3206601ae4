package count

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/rivo/uniseg"
	"golang.org/x/text/unicode/norm"

	"github.com/marque-kit/marque/internal/network"
)

// Kind says where a text goes. Mastodon counts a profile's note and a
// status differently; every other unit counts both the same.
type Kind int

// Kinds of text.
const (
	Post    Kind = iota // a shared post: a status, a tweet, a caption
	Profile             // a profile field: a bio, a name, a headline
)

// URLLength is what a link counts for on X and Mastodon, whatever its
// length: both shorten links behind the scenes.
const URLLength = 23

// Len returns the length of text in unit u, counted as the network counts
// a text of kind k. Text is normalised to NFC first, as every platform
// does before it counts.
func Len(text string, u network.Unit, k Kind) int {
	return length(norm.NFC.String(text), u, k)
}

// length is Len of a text already in NFC.
func length(text string, u network.Unit, k Kind) int {
	switch u {
	case network.Graphemes:
		return uniseg.GraphemeClusterCount(text)
	case network.Weighted:
		return weighted(text)
	case network.Mastodon:
		return mastodon(text, k)
	}
	return strict(text)
}

// Result is a text measured against a limit.
type Result struct {
	Count int // in the limit's unit
	Bytes int // UTF-8 bytes, after NFC
	// UTF16 is the length in UTF-16 code units, which Mastodon's web
	// profile editor caps at its limit whatever the server counts.
	UTF16 int
	Limit network.Limit
}

// Measure measures text, a text of kind k, against l.
func Measure(text string, l network.Limit, k Kind) Result {
	nfc := norm.NFC.String(text)
	return Result{Count: length(nfc, l.Unit, k), Bytes: len(nfc), UTF16: utf16Len(nfc), Limit: l}
}

// Fits reports whether the text is within every bound of its limit.
func (r Result) Fits() bool {
	return r.Count <= r.Limit.Max && r.Count >= r.Limit.Min && !r.OverBytes()
}

// OverBytes reports whether the text passes the limit's byte cap.
func (r Result) OverBytes() bool { return r.Limit.Bytes > 0 && r.Bytes > r.Limit.Bytes }

// EditorRefuses reports whether a Mastodon field that the server accepts
// is still longer than the web profile editor lets a person type: the
// editor counts UTF-16 code units, so a bio full of emoji can pass the
// server's count and not the form's.
func (r Result) EditorRefuses() bool {
	return r.Limit.Unit == network.Mastodon && r.Count <= r.Limit.Max && r.UTF16 > r.Limit.Max
}

// strict is the largest of the text's graphemes, code points and UTF-16
// code units: whichever way a platform that does not say how it counts
// does count, the text fits. That is always the UTF-16 length, since a
// grapheme holds one code point or more, and a code point one or two
// UTF-16 units.
func strict(text string) int { return utf16Len(text) }

func utf16Len(text string) int {
	n := 0
	for _, r := range text {
		n += utf16.RuneLen(r)
	}
	return n
}

// weighted counts as twitter-text v3 does: each link 23, each emoji
// sequence of its Emoji 11 table 2, every other code point 1 when it lies
// in 0–4351 (Latin, Greek, Cyrillic, Hebrew, Arabic, ... up to Georgian),
// 8192–8205 (spaces and joiners), 8208–8223 (dashes and quotation marks)
// or 8242–8247 (primes), and 2 otherwise — CJK, emoji outside the table,
// and also U+202F, the narrow no-break space of French typography, "…" and
// "€".
func weighted(text string) int {
	spans := links(text, linkRules{bare: true, checked: true})
	total := 0
	for i := 0; i < len(text); {
		if len(spans) > 0 && spans[0].start == i {
			total += URLLength
			i = spans[0].end
			spans = spans[1:]
			continue
		}
		if n := emojiAt(text[i:]); n > 0 {
			total += 2
			i += n
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		total += weight(r)
		i += size
	}
	return total
}

// weight is a code point's weight in twitter-text v3.
func weight(r rune) int {
	switch {
	case r <= 4351, r >= 8192 && r <= 8205, r >= 8208 && r <= 8223, r >= 8242 && r <= 8247:
		return 1
	}
	return 2
}

// mastodon counts as Mastodon's server does: graphemes, each http(s) link
// with a known top-level domain as 23, and each @user@host as @user. In a
// profile's note the server's link pattern also takes the character before
// the link, which then counts as part of the 23.
func mastodon(text string, k Kind) int {
	var b strings.Builder
	spans := links(text, linkRules{checked: k == Post})
	i := 0
	for _, sp := range spans {
		start := sp.start
		if k == Profile && start > 0 {
			_, size := utf8.DecodeLastRuneInString(text[:start])
			start -= size
		}
		if start < i {
			start = i
		}
		writeMentions(&b, text[i:start])
		b.WriteString(strings.Repeat("x", URLLength))
		i = sp.end
	}
	writeMentions(&b, text[i:])
	return uniseg.GraphemeClusterCount(b.String())
}
