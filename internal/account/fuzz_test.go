package account

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/marque-kit/marque/internal/brand"
)

// FuzzAccount reads any handle and URL as each kind of network does:
// the handle's display, the Mastodon address, the check that both name
// one account, and the WebFinger file, which must stay valid JSON.
func FuzzAccount(f *testing.F) {
	f.Add("@solene@piaille.fr", "https://piaille.fr/@solene")
	f.Add("solene.bsky.social", "https://bsky.app/profile/did:plc:abc")
	f.Add("@a@b@c", "https://x.example/users/a?id=a#@")
	f.Add("\xff@\x00", "https://host/@")
	f.Add("@zoe@piaille.fr/", "")
	f.Fuzz(func(t *testing.T, handle, link string) {
		if u, err := url.Parse(link); err != nil || u.Scheme != "https" && u.Scheme != "http" || u.Hostname() == "" {
			link = "" // the profile keeps only absolute web URLs
		}
		for _, name := range []string{"mastodon", "bluesky", "linkedin", "facebook", "unknown"} {
			n := brand.Network{Name: name, Handle: handle, URL: link, DID: "did:plc:abc"}
			if d := Display(n); d != "" && !strings.Contains(d, strings.TrimLeft(handle, "@")) && name != "mastodon" {
				t.Fatalf("%s: Display(%q) = %q", name, handle, d)
			}
			if user, host, ok := Fediverse(n); ok && (user == "" || host == "") {
				t.Fatalf("%s: Fediverse(%q, %q) = %q, %q", name, handle, link, user, host)
			}
			if p := Match(n); p != nil && (p.Field != "handle" && p.Field != "url" || p.Message == "") {
				t.Fatalf("%s: Match = %+v", name, p)
			}
			if wf := webfinger(n); wf != nil {
				var doc jrd
				if err := json.Unmarshal(wf, &doc); err != nil || !strings.HasPrefix(doc.Subject, "acct:") {
					t.Fatalf("%s: webfinger %s: %v", name, wf, err)
				}
				for _, a := range doc.Aliases {
					if u, err := url.Parse(a); err == nil && u.Hostname() == "" {
						t.Fatalf("%s: webfinger alias %q has no host", name, a)
					}
				}
			}
		}
	})
}
