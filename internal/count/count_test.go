package count

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/marque-kit/marque/internal/network"
)

const (
	family  = "\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466" // 👨‍👩‍👧‍👦, Emoji 2.0
	flagFR  = "\U0001F1EB\U0001F1F7"                                       // 🇫🇷
	keycap1 = "1\uFE0F\u20E3"                                              // 1️⃣
	thumbs  = "\U0001F44D\U0001F3FD"                                       // 👍🏽
	santa   = "\U0001F9D1\u200D\U0001F384"                                 // 🧑‍🎄, Emoji 13.1
	nfdE    = "Sole\u0300ne"                                               // Solène, decomposed
)

// TestLen holds the hard cases of each unit, beyond the platforms' own.
func TestLen(t *testing.T) {
	tests := []struct {
		name string
		text string
		unit network.Unit
		kind Kind
		want int
	}{
		{"graphemes: ZWJ family", family, network.Graphemes, Post, 1},
		{"graphemes: flag", flagFR, network.Graphemes, Post, 1},
		{"graphemes: keycap", keycap1, network.Graphemes, Post, 1},
		{"graphemes: skin tone", thumbs, network.Graphemes, Post, 1},
		{"graphemes: combining mark on a letter with no precomposed form", "q\u0301", network.Graphemes, Post, 1},
		{"graphemes: NFD input", nfdE, network.Graphemes, Post, 6},
		{"graphemes: CJK", "日本語", network.Graphemes, Post, 3},
		{"graphemes: URL in full", "https://example.com", network.Graphemes, Post, 19},

		{"strict: family is its UTF-16 length", family, network.Strict, Post, 11},
		{"strict: emoji outside the BMP", "\U0001F600", network.Strict, Post, 2},
		{"strict: NFD input counts as NFC", nfdE, network.Strict, Post, 6},
		{"strict: combining mark with no precomposed form", "q\u0301", network.Strict, Post, 2},
		{"strict: CJK", "日本語", network.Strict, Post, 3},

		{"weighted: flag", flagFR, network.Weighted, Post, 2},
		{"weighted: keycap", keycap1, network.Weighted, Post, 2},
		{"weighted: unqualified keycap", "1\u20E3", network.Weighted, Post, 2},
		{"weighted: skin tone", thumbs, network.Weighted, Post, 2},
		{"weighted: copyright sign alone weighs 1", "©", network.Weighted, Post, 1},
		{"weighted: copyright sign as emoji", "©\uFE0F", network.Weighted, Post, 2},
		{"weighted: emoji newer than Emoji 11, one code point", "\U0001FAE0", network.Weighted, Post, 2},
		{"weighted: ZWJ sequence newer than Emoji 11 counts its parts", santa, network.Weighted, Post, 5},
		{"weighted: NFD input", nfdE, network.Weighted, Post, 6},
		{"weighted: French narrow no-break space", "Bonjour\u202F!", network.Weighted, Post, 10},
		{"weighted: ellipsis and euro weigh 2", "…€", network.Weighted, Post, 4},
		{"weighted: curly apostrophe weighs 1", "l’été", network.Weighted, Post, 5},
		{"weighted: bare name.ccTLD is not a link", "voir solene-garnier.fr", network.Weighted, Post, 22},
		{"weighted: bare name.ccTLD with a path is", "voir solene-garnier.fr/posts", network.Weighted, Post, 28},
		{"weighted: bare .com is", "voir example.com", network.Weighted, Post, 28},
		{"weighted: final full stop stays out", "Lu sur https://example.com/a.", network.Weighted, Post, 7 + 23 + 1},
		{"weighted: parentheses around a link", "(https://a.com/x)", network.Weighted, Post, 25},
		{"weighted: balanced parentheses inside a link", "https://fr.wikipedia.org/wiki/Nantes_(ville)", network.Weighted, Post, 23},
		{"weighted: an address is not a link", "mail@example.com", network.Weighted, Post, 16},
		{"weighted: unknown top-level domain", "https://example.invalidtld", network.Weighted, Post, 26},
		{"weighted: query ending", "https://a.com/?q=1&", network.Weighted, Post, 23},
		{"weighted: two links", "https://a.com https://b.org", network.Weighted, Post, 47},

		{"mastodon: status link", "voir https://a.fr", network.Mastodon, Post, 28},
		{"mastodon: note takes the character before a link", "voir https://a.fr", network.Mastodon, Profile, 27},
		{"mastodon: note link at the start", "https://a.fr voir", network.Mastodon, Profile, 28},
		{"mastodon: bare link counts in full", "solene-garnier.fr/posts", network.Mastodon, Post, 23},
		{"mastodon: remote mention", "@solenegarnier@piaille.fr", network.Mastodon, Post, 14},
		{"mastodon: dotted user and host", "merci @jean.dupont@mastodon.social !", network.Mastodon, Post, 20},
		{"mastodon: an address is not a mention", "moi@example.com", network.Mastodon, Post, 15},
		{"mastodon: family", family, network.Mastodon, Post, 1},
		{"mastodon: unknown top-level domain", "https://a.invalidtld", network.Mastodon, Post, 20},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Len(tt.text, tt.unit, tt.kind); got != tt.want {
				t.Errorf("Len(%q, %s) = %d, want %d", tt.text, tt.unit, got, tt.want)
			}
		})
	}
}

func TestMeasure(t *testing.T) {
	bluesky := network.Limit{Max: 64, Unit: network.Graphemes, Bytes: 640}
	if r := Measure(strings.Repeat(family, 30), bluesky, Profile); r.Count != 30 || r.Bytes != 750 || r.Fits() || !r.OverBytes() {
		t.Errorf("30 families on Bluesky: %+v, fits %v", r, r.Fits())
	}
	malt := network.Limit{Max: 2600, Min: 200, Unit: network.Strict}
	if r := Measure("court", malt, Profile); r.Fits() {
		t.Errorf("a 5-character Malt bio fits a minimum of 200")
	}
	mastodon := network.Limit{Max: 500, Unit: network.Mastodon}
	r := Measure(strings.Repeat("\U0001F600", 300), mastodon, Profile)
	if r.Count != 300 || r.UTF16 != 600 || !r.Fits() || !r.EditorRefuses() {
		t.Errorf("300 emoji in a Mastodon bio: %+v, fits %v, editor refuses %v", r, r.Fits(), r.EditorRefuses())
	}
	if r := Measure(nfdE, network.Limit{Max: 6, Unit: network.Strict, Bytes: 7}, Profile); !r.Fits() || r.Bytes != 7 {
		t.Errorf("NFD text is measured after NFC: %+v", r)
	}
}

func TestPunycode(t *testing.T) {
	// From RFC 3492 section 7.1 and IDNA's usual examples.
	tests := map[string]string{
		"bücher":    "bcher-kva",
		"münchen":   "mnchen-3ya",
		"他们为什么不说中文": "ihqwcrb4cv8a8dqg056pqjye",
		"☃":         "n3h",
		"ü":         "tda",
	}
	for in, want := range tests {
		if got, ok := punycode(in); !ok || got != want {
			t.Errorf("punycode(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

func TestLinks(t *testing.T) {
	tests := []struct {
		text string
		bare bool
		want []string
	}{
		{"Lu sur https://example.com/a, puis ailleurs.", false, []string{"https://example.com/a"}},
		{"HTTPS://www.ExaMPLE.COM/index.html", false, []string{"HTTPS://www.ExaMPLE.COM/index.html"}},
		{"http://☃.net/ et http://test_underscore.twitter.com", false, []string{"http://☃.net/", "http://test_underscore.twitter.com"}},
		{"http://domain-dash_2314352345_dfasd.foo-cow_4352.com", false, nil},
		{"http://www.-domain4352.com/", false, nil},
		{"ftp://www.example.com/", false, nil},
		{"xhttps://example.com", false, nil},
		{"www.example.com et foo.co.jp", true, []string{"www.example.com", "foo.co.jp"}},
		{"example.com/path/to/resource?search=foo&lang=en", true, []string{"example.com/path/to/resource?search=foo&lang=en"}},
		{"t.co et a.tv", true, []string{"t.co", "a.tv"}},
		{"Node.js, a.b", true, nil},
		{"port http://example.com:8080/x", false, []string{"http://example.com:8080/x"}},
	}
	for _, tt := range tests {
		var got []string
		for _, sp := range links(tt.text, linkRules{bare: tt.bare, checked: true}) {
			got = append(got, tt.text[sp.start:sp.end])
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("links(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// FuzzLen checks that no text makes a unit panic, and the invariants that
// hold between units.
func FuzzLen(f *testing.F) {
	for _, s := range []string{"", family, "voir https://a.fr/x_(y)?z=1#t", "@a@b.c d.com/e", nfdE + flagFR, "http://xn--n3h.net"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		g := Len(s, network.Graphemes, Post)
		st := Len(s, network.Strict, Post)
		w := Len(s, network.Weighted, Post)
		m := Len(s, network.Mastodon, Post)
		n := Len(s, network.Mastodon, Profile)
		if g < 0 || st < g || w < 0 || m < 0 || n < 0 {
			t.Fatalf("%q: graphemes %d, strict %d, weighted %d, mastodon %d/%d", s, g, st, w, m, n)
		}
		if !utf8.ValidString(s) {
			return
		}
		end := 0
		for _, sp := range links(s, linkRules{bare: true, checked: true}) {
			if sp.start < end || sp.end <= sp.start || sp.end > len(s) {
				t.Fatalf("%q: span %v after %d", s, sp, end)
			}
			end = sp.end
		}
	})
}
