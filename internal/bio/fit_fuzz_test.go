package bio

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"
	"unicode/utf8"

	"github.com/marque-kit/marque/internal/brand"
	"github.com/marque-kit/marque/internal/diag"
	"github.com/marque-kit/marque/internal/network"
)

// tomlQuote writes s as a TOML basic string.
func tomlQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// FuzzFit fits any role, tagline and bio candidates to every network's
// fields: a choice that is returned fits, unless it is the one text the
// field can have and a finding says so; every finding is placed in
// brand.toml.
func FuzzFit(f *testing.F) {
	f.Add("Designer UX", "Des interfaces simples", "Designer UX à Lyon.", strings.Repeat("J’aide les PME. ", 20))
	f.Add("", "👨‍👩‍👧‍👦 https://x.com", "#tag @me@piaille.fr", "\u0301\u200d")
	f.Add(strings.Repeat("é", 300), " ", "\t\n", "a")
	var nets strings.Builder
	for _, name := range network.Names() {
		fmt.Fprintf(&nets, "[networks.%s]\ngoal = \"g\"\n", name)
	}
	f.Fuzz(func(t *testing.T, role, tagline, bio1, bio2 string) {
		for _, s := range []string{role, tagline, bio1, bio2} {
			if !utf8.ValidString(s) {
				return
			}
		}
		if strings.TrimFunc(role, unicode.IsSpace) == "" {
			role = "Designer" // a profile needs a role
		}
		src := "[person]\nname = \"Zoé Laurent\"\nrole = " + tomlQuote(role) + "\ntagline = " + tomlQuote(tagline) +
			"\nsite_url = \"https://zoe.example\"\n[bio]\ncandidates = [" + tomlQuote(bio1) + ", " + tomlQuote(bio2) + "]\n" + nets.String()
		p, _ := brand.Load(fstest.MapFS{"brand.toml": {Data: []byte(src)}})
		if p == nil {
			t.Fatalf("profile does not load:\n%s", src)
		}
		var l diag.List
		for _, c := range Fit(p, &l) {
			if !utf8.ValidString(c.Text) || c.Source == "" {
				t.Fatalf("choice %+v", c)
			}
			if !c.Fits() && c.Source != "person.name" && c.Source != "person.location" && !strings.HasSuffix(c.Source, ".bio") {
				t.Fatalf("%s %s: %q does not fit and was chosen from %s", c.Network.Name, c.Field.Name, c.Text, c.Source)
			}
		}
		for _, fd := range l.Items() {
			if fd.File != brand.FileName || fd.Line < 1 || fd.Rule == "" {
				t.Fatalf("finding %v", fd)
			}
		}
	})
}

func FuzzHashtags(f *testing.F) {
	f.Add("mise en page", "Mise-en-Page", "l’été", 3)
	f.Add("C++", "日本語", "e\u0301t\u00e9", 1)
	f.Add("", "123", "_", 5)
	f.Fuzz(func(t *testing.T, a, b, c string, max int) {
		max = int(uint(max) % 8)
		tags := Hashtags([]string{a, b, c}, max)
		if len(tags) > max {
			t.Fatalf("%d hashtags, at most %d", len(tags), max)
		}
		seen := map[string]bool{}
		for _, h := range tags {
			body, ok := strings.CutPrefix(h, "#")
			if !ok || body == "" || !utf8.ValidString(body) {
				t.Fatalf("hashtag %q", h)
			}
			// A hashtag ends at the first character that is not a
			// letter, a digit, a mark or "_" on every network.
			for _, r := range body {
				if !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == '_') {
					t.Fatalf("hashtag %q holds %q", h, r)
				}
			}
			if seen[strings.ToLower(h)] {
				t.Fatalf("%q twice in %q", h, tags)
			}
			seen[strings.ToLower(h)] = true
		}
	})
}
