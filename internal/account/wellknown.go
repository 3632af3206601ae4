package account

import (
	"encoding/json"
	"net/url"
	"strings"

	"github.com/marque-kit/marque/internal/brand"
)

// File is a file the site serves under /.well-known/.
type File struct {
	Name string // its path in the site: ".well-known/atproto-did"
	Data []byte
	// Type is the media type a server should send it with.
	Type string
}

// WellKnown returns the identity files of the site, sorted by name:
//
//   - .well-known/atproto-did, the did of the Bluesky account, when its
//     handle is the site's host. Bluesky fetches it to confirm the handle.
//   - .well-known/webfinger, when the person has a Mastodon account: an
//     alias that makes @anything@site-host find the account. Mastodon asks
//     /.well-known/webfinger?resource=acct:USER@HOST and follows the
//     subject of the answer to the account's own server, so the file
//     carries the account's real address. A static file cannot read the
//     query: it answers every resource with the same account, and a static
//     host serves it with its own media type (Mastodon reads it as JSON
//     anyway; others may want application/jrd+json and an
//     Access-Control-Allow-Origin header set in the host's configuration).
//
// Both must be at the root of the host: a site under a path gets neither.
func WellKnown(p *brand.Profile) []File {
	if !atRoot(p) {
		return nil
	}
	var out []File
	for _, n := range p.Networks {
		switch n.Name {
		case "bluesky":
			if n.DID != "" && strings.ToLower(strings.TrimPrefix(n.Handle, "@")) == siteHost(p) {
				// The body is the DID alone: resolvers compare it whole.
				out = append(out, File{Name: ".well-known/atproto-did", Data: []byte(n.DID), Type: "text/plain"})
			}
		case "mastodon":
			if wf := webfinger(n); wf != nil {
				out = append(out, File{Name: ".well-known/webfinger", Data: wf, Type: "application/jrd+json"})
			}
		}
	}
	return out
}

// jrd is a JSON Resource Descriptor (RFC 7033), as Mastodon serves it.
type jrd struct {
	Subject string    `json:"subject"`
	Aliases []string  `json:"aliases"`
	Links   []jrdLink `json:"links"`
}

type jrdLink struct {
	Rel      string `json:"rel"`
	Type     string `json:"type,omitempty"`
	Href     string `json:"href,omitempty"`
	Template string `json:"template,omitempty"`
}

// webfinger returns the WebFinger document of a Mastodon account: the one
// its server answers, so that any client that reads it finds the same
// actor. Its actor URL is Mastodon's, https://HOST/users/USER on the
// server that shows the profile.
func webfinger(n brand.Network) []byte {
	user, host, ok := Fediverse(n)
	if !ok {
		return nil
	}
	web := host
	profile := "https://" + host + "/@" + user
	if u, err := url.Parse(n.URL); err == nil && u.Hostname() != "" {
		profile, web = n.URL, strings.ToLower(u.Hostname())
	}
	actor := "https://" + web + "/users/" + user
	doc := jrd{
		Subject: "acct:" + user + "@" + host,
		Aliases: []string{profile, actor},
		Links: []jrdLink{
			{Rel: "http://webfinger.net/rel/profile-page", Type: "text/html", Href: profile},
			{Rel: "self", Type: "application/activity+json", Href: actor},
			{Rel: "http://ostatus.org/schema/1.0/subscribe", Template: "https://" + web + "/authorize_interaction?uri={uri}"},
		},
	}
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		panic(err) // strings only: Marshal cannot fail
	}
	return append(b, '\n')
}
