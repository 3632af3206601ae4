package bio

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/marque-kit/marque/internal/brand"
	"github.com/marque-kit/marque/internal/diag"
)

func loadProfile(t *testing.T, toml string) *brand.Profile {
	t.Helper()
	p, list := brand.Load(fstest.MapFS{"brand.toml": {Data: []byte(toml)}})
	if p == nil || list.Len() > 0 {
		t.Fatalf("profile: %v", list.Items())
	}
	return p
}

const person = `[person]
name = "Camille Martin"
role = "Designer UX indépendante"
tagline = "Des interfaces simples pour des métiers complexes"
location = "Lyon"
site_url = "https://camille.example"
`

func TestFit(t *testing.T) {
	long := strings.Repeat("J’aide les PME industrielles à rendre leurs logiciels simples. ", 4) // 4 × 62
	tests := []struct {
		name     string
		toml     string
		want     string // one line per choice: network field source count/max unit
		findings string
	}{
		{
			name: "the longest candidate that fits each field",
			toml: person + "[bio]\ncandidates = [\"" + long + "\", \"Designer UX indépendante à Lyon. J’aide les PME industrielles à rendre leurs logiciels métier simples, de l’atelier au bureau.\", \"Designer UX · Lyon\"]\n" +
				"[networks.x]\ngoal = \"g\"\n[networks.linkedin]\ngoal = \"g\"\n[networks.tiktok]\ngoal = \"g\"\n",
			want: "x name person.name 14/50 strict\n" +
				"x bio bio.candidates.1 126/160 strict\n" +
				"x location person.location 4/30 strict\n" +
				"linkedin headline person.role 76/220 strict\n" +
				"linkedin about bio.candidates.0 251/2600 strict\n" +
				"tiktok name person.name 14/30 strict\n" +
				"tiktok bio bio.candidates.2 18/80 strict\n",
		},
		{
			name: "no candidate fits; an override too long; Malt's minimum",
			toml: person + "[bio]\ncandidates = [\"" + long + "\"]\n" +
				"[networks.x]\ngoal = \"g\"\n[networks.threads]\ngoal = \"g\"\nbio = \"" + strings.Repeat("é", 151) + "\"\n[networks.malt]\ngoal = \"g\"\n",
			want: "x name person.name 14/50 strict\n" +
				"x location person.location 4/30 strict\n" +
				"threads bio networks.threads.bio 151/150 strict\n" +
				"malt headline person.role 76/100 strict\n" +
				"malt bio bio.candidates.0 251/2600 strict\n",
			findings: "brand.toml:8:15: error bio.length: no text fits X's bio (at most 160 characters, strict): the shortest, bio.candidates[0], is 251 characters (strict) (add a shorter candidate, or set the network's bio)\n" +
				"brand.toml:13:7: error bio.length: networks.threads.bio: 151 characters (strict), but Threads's bio takes at most 150\n",
		},
		{
			name: "Malt wants at least 200; headline falls back to the role",
			toml: strings.Replace(person, "Des interfaces", strings.Repeat("très ", 15)+"des interfaces", 1) +
				"[bio]\ncandidates = [\"Designer UX à Lyon.\"]\n[networks.malt]\ngoal = \"g\"\n",
			want:     "malt headline person.role 24/100 strict\n",
			findings: "brand.toml:8:15: error bio.length: no text fits Malt's bio (at least 200, at most 2600 characters, strict): the longest, bio.candidates[0], is 19 characters (strict) (add a longer candidate, or set the network's bio)\n",
		},
		{
			name: "Bluesky's byte cap, a name too long, no candidates",
			toml: strings.Replace(person, "Camille Martin", "Camille Martin-Delacroix de la Tour", 1) +
				"[networks.instagram]\ngoal = \"g\"\n[networks.bluesky]\ngoal = \"g\"\nbio = \"Bonjour " + strings.Repeat("\U0001F468\u200D\U0001F469\u200D\U0001F467", 150) + "\"\n",
			want: "instagram name person.name 35/30 strict\n" +
				"bluesky name person.name 35/64 graphemes\n" +
				"bluesky bio networks.bluesky.bio 158/256 graphemes\n",
			findings: "brand.toml:2:8: error bio.length: person.name: 35 characters (strict), but Instagram's name takes at most 30\n" +
				"brand.toml:7:11: warning bio.length: Instagram's bio has no text: write [bio] candidates, or networks.instagram.bio\n" +
				"brand.toml:11:7: error bio.length: networks.bluesky.bio: 2708 bytes, but Bluesky's bio takes at most 2560 bytes\n",
		},
		{
			name: "Mastodon: a link in the bio, and its editor's UTF-16 limit",
			toml: person + "[bio]\ncandidates = [\"" + strings.Repeat("\U0001F3A8", 260) + " voir https://camille.fr/a-propos\"]\n[networks.mastodon]\ngoal = \"g\"\n",
			want: "mastodon name person.name 14/30 strict\n" +
				"mastodon bio bio.candidates.0 288/500 mastodon\n",
			findings: "brand.toml:8:15: warning bio.length: bio.candidates[0]: Mastodon's server counts 288, but its web profile editor stops at 500 UTF-16 code units and this text has 553 (paste it from a Mastodon app, or use fewer emoji)\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := loadProfile(t, tt.toml)
			var l diag.List
			var got strings.Builder
			for _, c := range Fit(p, &l) {
				fmt.Fprintf(&got, "%s %s %s %d/%d %s\n", c.Network.Name, c.Field.Name, c.Source, c.Count, c.Limit.Max, c.Limit.Unit)
			}
			if got.String() != tt.want {
				t.Errorf("choices:\n%s\nwant:\n%s", got.String(), tt.want)
			}
			l.Sort()
			var findings strings.Builder
			for _, f := range l.Items() {
				findings.WriteString(f.String() + "\n")
			}
			if findings.String() != tt.findings {
				t.Errorf("findings:\n%s\nwant:\n%s", findings.String(), tt.findings)
			}
		})
	}
}
