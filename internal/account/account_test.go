package account

import (
	"encoding/json"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/marque-kit/marque/internal/brand"
	"github.com/marque-kit/marque/internal/diag"
	"github.com/marque-kit/marque/internal/network"
)

func TestEveryNetworkHasHosts(t *testing.T) {
	for _, n := range network.All {
		if len(n.Hosts) == 0 && n.Name != "mastodon" {
			t.Errorf("%s has no Hosts: its handles cannot be checked", n.Name)
		}
	}
}

func TestMatch(t *testing.T) {
	tests := []struct {
		name, handle, url, did string
		field                  string // the field at fault, "" for a match
	}{
		{"linkedin", "solene-garnier-design", "https://www.linkedin.com/in/solene-garnier-design", "", ""},
		{"linkedin", "Solene-Garnier-Design", "https://fr.linkedin.com/in/solene-garnier-design/", "", ""},
		{"linkedin", "solene-garnier", "https://www.linkedin.com/in/solene-garnier-design", "", "handle"},
		{"linkedin", "solene", "https://www.instagram.com/solene", "", "url"},
		{"instagram", "@solene.garnier.design", "https://www.instagram.com/solene.garnier.design", "", ""},
		{"pinterest", "solenegarnierdesign", "https://www.pinterest.fr/solenegarnierdesign", "", ""},
		{"pinterest", "solenegarnierdesign", "https://pinterest.co.uk/solenegarnierdesign", "", ""},
		{"pinterest", "x", "https://notpinterest.example.com/x", "", "url"},
		{"malt", "solenegarnier", "https://www.malt.fr/profile/solenegarnier", "", ""},
		{"x", "@solene", "https://twitter.com/solene", "", ""},
		{"youtube", "@solene", "https://www.youtube.com/@solene", "", ""},
		{"tiktok", "solene", "https://www.tiktok.com/@solene", "", ""},
		{"facebook", "100012345", "https://www.facebook.com/profile.php?id=100012345", "", ""},
		{"mastodon", "@solenegarnier@piaille.fr", "https://piaille.fr/@solenegarnier", "", ""},
		{"mastodon", "@SoleneGarnier@Piaille.fr", "https://piaille.fr/@solenegarnier", "", ""},
		{"mastodon", "@solenegarnier", "https://piaille.fr/users/solenegarnier", "", ""},
		{"mastodon", "@solene@piaille.fr", "https://piaille.fr/@solenegarnier", "", "handle"},
		{"mastodon", "@solenegarnier@mastodon.social", "https://piaille.fr/@solenegarnier", "", "handle"},
		{"mastodon", "@solenegarnier@piaille.fr", "https://piaille.fr/about", "", "url"},
		{"bluesky", "solene-garnier.example", "https://bsky.app/profile/solene-garnier.example", "", ""},
		{"bluesky", "solene-garnier.example", "https://bsky.app/profile/did:plc:abc", "did:plc:abc", ""},
		{"bluesky", "solene-garnier.example", "https://bsky.app/profile/other.example", "", "handle"},
		{"bluesky", "solene-garnier.example", "https://bsky.app/solene", "", "url"},
		{"linkedin", "", "https://www.linkedin.com/in/x", "", ""}, // nothing to compare
	}
	for _, tt := range tests {
		p := Match(brand.Network{Name: tt.name, Handle: tt.handle, URL: tt.url, DID: tt.did})
		got := ""
		if p != nil {
			got = p.Field
		}
		if got != tt.field {
			t.Errorf("Match(%s %q %q) = %+v, want a problem with %q", tt.name, tt.handle, tt.url, p, tt.field)
		}
	}
}

func TestDisplay(t *testing.T) {
	tests := []struct{ name, handle, url, want string }{
		{"instagram", "solene.garnier.design", "", "@solene.garnier.design"},
		{"instagram", "@solene", "", "@solene"},
		{"linkedin", "solene-garnier-design", "", "solene-garnier-design"},
		{"mastodon", "solenegarnier", "https://piaille.fr/@solenegarnier", "@solenegarnier@piaille.fr"},
		{"bluesky", "solene-garnier.example", "", "@solene-garnier.example"},
		{"github", "", "https://github.com/x", ""},
	}
	for _, tt := range tests {
		if got := Display(brand.Network{Name: tt.name, Handle: tt.handle, URL: tt.url}); got != tt.want {
			t.Errorf("Display(%s %q) = %q, want %q", tt.name, tt.handle, got, tt.want)
		}
	}
}

// load returns the profile of a brand.toml made of head and networks.
func load(t *testing.T, siteURL, networks string) *brand.Profile {
	t.Helper()
	src := "[person]\nname = \"Solène Garnier\"\nrole = \"Designer\"\nsite_url = \"" + siteURL + "\"\n\n" + networks
	p, l := brand.Load(fstest.MapFS{"brand.toml": {Data: []byte(src)}})
	if l.Len() > 0 || p == nil {
		t.Fatalf("brand.toml does not load: %v", l.Items())
	}
	return p
}

func findings(p *brand.Profile) string {
	var l diag.List
	Check(p, &l)
	var b strings.Builder
	for _, f := range l.Items() {
		b.WriteString(f.String() + "\n")
	}
	return b.String()
}

func TestCheck(t *testing.T) {
	tests := []struct {
		name, site, networks string
		want                 []string // substrings of the findings, in order; none for a clean profile
	}{
		{"clean", "https://solene.example", `[networks.bluesky]
handle = "solene.example"
url = "https://bsky.app/profile/solene.example"
goal = "g"
did = "did:plc:abc"
[networks.mastodon]
handle = "@solene@piaille.fr"
url = "https://piaille.fr/@solene"
goal = "g"
`, nil},
		{"bsky.social handle", "https://solene.example", `[networks.bluesky]
handle = "solene.bsky.social"
url = "https://bsky.app/profile/solene.bsky.social"
goal = "g"
`, nil},
		{"missing did", "https://solene.example", `[networks.bluesky]
handle = "solene.example"
url = "https://bsky.app/profile/solene.example"
goal = "g"
`, []string{"brand.toml:7:10: warning identity.verify: the Bluesky handle is the site's domain, but [networks.bluesky] has no did"}},
		{"another domain", "https://solene.example", `[networks.bluesky]
handle = "solene.other.example"
url = "https://bsky.app/profile/solene.other.example"
goal = "g"
did = "did:plc:abc"
`, []string{
			"brand.toml:7:10: warning identity.verify: the Bluesky handle solene.other.example is a domain that is not the site's (solene.example)",
			"brand.toml:10:7: warning identity.verify: did is published only for a Bluesky handle that is the site's domain",
		}},
		{"site under a path", "https://solene.example/blog", `[networks.bluesky]
handle = "solene.example"
url = "https://bsky.app/profile/solene.example"
goal = "g"
did = "did:plc:abc"
`, []string{"brand.toml:4:12: warning identity.verify: the site lives under /blog"}},
		{"handle not a domain", "https://solene.example", `[networks.bluesky]
handle = "solene"
url = "https://bsky.app/profile/solene"
goal = "g"
`, []string{`brand.toml:7:10: warning identity.handle: bluesky handle "solene" is not a domain`}},
		{"mismatches", "https://solene.example", `[networks.linkedin]
handle = "solene-garnier"
url = "https://www.linkedin.com/in/solene-garnier-design"
goal = "g"
[networks.instagram]
handle = "solene"
url = "https://www.instagram.example/solene"
goal = "g"
`, []string{
			"brand.toml:7:10: warning identity.handle: linkedin handle does not appear in its URL https://www.linkedin.com/in/solene-garnier-design",
			"brand.toml:12:7: warning identity.handle: instagram url is not on Instagram: its host is www.instagram.example, not instagram.com",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := findings(load(t, tt.site, tt.networks))
			lines := strings.Split(strings.TrimSpace(got), "\n")
			if got == "" {
				lines = nil
			}
			if len(lines) != len(tt.want) {
				t.Fatalf("findings:\n%s\nwant %d", got, len(tt.want))
			}
			for i, w := range tt.want {
				if !strings.HasPrefix(lines[i], w) {
					t.Errorf("finding %d = %s\nwant %s…", i, lines[i], w)
				}
			}
		})
	}
}

func TestWellKnown(t *testing.T) {
	networks := `[networks.bluesky]
handle = "solene.example"
url = "https://bsky.app/profile/solene.example"
goal = "g"
did = "did:plc:q4x7nbk2c5vmr3hd6tzwafla"
[networks.mastodon]
handle = "@solenegarnier@piaille.fr"
url = "https://piaille.fr/@solenegarnier"
goal = "g"
`
	files := WellKnown(load(t, "https://solene.example", networks))
	if len(files) != 2 || files[0].Name != ".well-known/atproto-did" || files[1].Name != ".well-known/webfinger" {
		t.Fatalf("WellKnown = %+v", files)
	}
	if string(files[0].Data) != "did:plc:q4x7nbk2c5vmr3hd6tzwafla" {
		t.Errorf("atproto-did = %q", files[0].Data)
	}
	var wf jrd
	if err := json.Unmarshal(files[1].Data, &wf); err != nil {
		t.Fatal(err)
	}
	if wf.Subject != "acct:solenegarnier@piaille.fr" {
		t.Errorf("subject = %q: Mastodon follows it to the account's server, so it must be the real address", wf.Subject)
	}
	var self string
	for _, l := range wf.Links {
		if l.Rel == "self" && l.Type == "application/activity+json" {
			self = l.Href
		}
	}
	if self != "https://piaille.fr/users/solenegarnier" {
		t.Errorf("self link = %q", self)
	}
	if len(wf.Aliases) == 0 || wf.Aliases[0] != "https://piaille.fr/@solenegarnier" {
		t.Errorf("aliases = %v", wf.Aliases)
	}

	if files := WellKnown(load(t, "https://solene.example/blog", networks)); len(files) != 0 {
		t.Errorf("a site under /blog gets %v: /.well-known is only read at the root", files)
	}
	other := strings.Replace(networks, `handle = "solene.example"`, `handle = "solene.bsky.social"`, 1)
	if files := WellKnown(load(t, "https://solene.example", other)); len(files) != 1 || files[0].Name != ".well-known/webfinger" {
		t.Errorf("a bsky.social handle gets %+v, want webfinger alone", files)
	}
}
