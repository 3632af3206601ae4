package printcard

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzLay lays out a card with any name, role, e-mail and handle: what
// is printed stays inside the safe area at a readable size, and what
// cannot be is a problem named by its brand.toml key.
func FuzzLay(f *testing.F) {
	f.Add("Solène Garnier", "Designer graphique indépendante", "bonjour@solene.example", "@solene")
	f.Add(strings.Repeat("Zoé", 40), "Designer 🦄\t\n", strings.Repeat("contact", 12)+"@example.com", "")
	f.Add("Marie-Gwendoline de La Tour d’Auvergne-Lauraguais", " ", "", "\u202f\u00a0x")
	f.Fuzz(func(t *testing.T, name, role, email, handle string) {
		if len(name)+len(role)+len(email)+len(handle) > 1000 || !utf8.ValidString(name+role+email+handle) {
			return // profile text is UTF-8, and a card's fields are short
		}
		c := example(t)
		c.Logo = nil
		c.Name, c.Role, c.Email = name, role, email
		c.Handles = []Handle{{"networks.instagram.handle", "Instagram", handle}}
		res, err := Lay(c)
		if err != nil {
			t.Fatal(err)
		}
		checkInside(t, res)
		for _, p := range res.Problems {
			if p.Key == "" || p.Rule == "" || p.Message == "" {
				t.Fatalf("problem %+v", p)
			}
		}
	})
}
