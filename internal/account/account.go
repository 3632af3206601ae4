package account

import (
	"net/url"
	"strings"

	"github.com/marque-kit/marque/internal/brand"
	"github.com/marque-kit/marque/internal/network"
)

// Display returns the handle of n as its network writes it: "@name" where
// handles take an @, the full "@user@host" address on Mastodon, the handle
// alone elsewhere; "" without a handle.
func Display(n brand.Network) string {
	if n.Name == "mastodon" {
		if user, host, ok := Fediverse(n); ok {
			return "@" + user + "@" + host
		}
	}
	h := strings.TrimPrefix(n.Handle, "@")
	if h == "" {
		return ""
	}
	if known, ok := network.Lookup(n.Name); ok && known.At {
		return "@" + h
	}
	return h
}

// Fediverse returns the user and the host of a Mastodon account: from its
// handle when written in full ("@user@host"), else the user of its handle
// or URL and the URL's host. ok is false when neither says.
func Fediverse(n brand.Network) (user, host string, ok bool) {
	h := strings.TrimPrefix(n.Handle, "@")
	if u, hst, found := strings.Cut(h, "@"); found && u != "" && hst != "" {
		// The host names a server in URLs: "piaille.fr/" or "#" would
		// make the WebFinger file point nowhere.
		if su, err := url.Parse("https://" + hst); err != nil || su.Host != hst || su.Hostname() == "" {
			return "", "", false
		}
		return u, strings.ToLower(hst), true
	}
	pu, err := url.Parse(n.URL)
	if err != nil || pu.Hostname() == "" { // "//:" has a host, ":", without a name
		return "", "", false
	}
	user = h
	if user == "" {
		user = profileUser(pu)
	}
	if user == "" {
		return "", "", false
	}
	return user, strings.ToLower(pu.Hostname()), true
}

// profileUser returns the user of a Mastodon profile URL: /@user or
// /users/user.
func profileUser(u *url.URL) string {
	segs := segments(u)
	switch {
	case len(segs) == 1 && strings.HasPrefix(segs[0], "@"):
		return segs[0][1:]
	case len(segs) == 2 && segs[0] == "users":
		return segs[1]
	}
	return ""
}

// segments returns the non-empty segments of u's path, unescaped.
func segments(u *url.URL) []string {
	var out []string
	for _, s := range strings.Split(u.Path, "/") {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// hostMatches reports whether host is one of the patterns of a network's
// Hosts, or a subdomain of one.
func hostMatches(host string, patterns []string) bool {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	for _, p := range patterns {
		if base, ok := strings.CutSuffix(p, ".*"); ok {
			// The name under any top-level domain, one or two labels
			// long (pinterest.fr, pinterest.co.uk).
			labels := strings.Split(host, ".")
			for i, l := range labels {
				if l == base && len(labels)-i-1 >= 1 && len(labels)-i-1 <= 2 {
					return true
				}
			}
			continue
		}
		if host == p || strings.HasSuffix(host, "."+p) {
			return true
		}
	}
	return false
}

// Problem is what makes a handle and its URL disagree.
type Problem struct {
	// Field is the key of the value at fault: "handle" or "url".
	Field   string
	Message string
}

// Match reports whether n's handle and URL can name the same account; it
// returns nil when they do, or when either is missing. The URL's host must
// be one of the network's, and the handle one segment of its path (with or
// without an @, in any case); a Mastodon handle's user and host must be
// the URL's.
func Match(n brand.Network) *Problem {
	if n.Handle == "" || n.URL == "" {
		return nil
	}
	known, ok := network.Lookup(n.Name)
	if !ok {
		return nil
	}
	u, err := url.Parse(n.URL)
	if err != nil {
		return nil // the profile already reports a URL that does not parse
	}
	if len(known.Hosts) > 0 && !hostMatches(u.Hostname(), known.Hosts) {
		return &Problem{"url", "is not on " + known.Label + ": its host is " + u.Hostname() + ", not " + strings.Join(known.Hosts, " or ")}
	}
	handle := strings.ToLower(strings.TrimPrefix(n.Handle, "@"))
	switch n.Name {
	case "mastodon":
		user, host, full := strings.Cut(handle, "@")
		if got := strings.ToLower(profileUser(u)); got != user {
			if got == "" {
				return &Problem{"url", "is not a Mastodon profile URL such as https://" + u.Hostname() + "/@" + user}
			}
			return &Problem{"handle", "names the user " + user + " but the URL names " + got}
		}
		if full && host != strings.ToLower(u.Hostname()) {
			return &Problem{"handle", "is on " + host + " but the URL is on " + u.Hostname() + " (a server whose web address differs from its accounts' is rare: check both)"}
		}
		return nil
	case "bluesky":
		segs := segments(u)
		if len(segs) != 2 || segs[0] != "profile" {
			return &Problem{"url", "is not a Bluesky profile URL such as https://bsky.app/profile/" + handle}
		}
		if got := strings.ToLower(segs[1]); got != handle && (n.DID == "" || got != strings.ToLower(n.DID)) {
			return &Problem{"handle", "is " + handle + " but the URL names " + segs[1]}
		}
		return nil
	}
	for _, s := range segments(u) {
		if strings.ToLower(strings.TrimPrefix(s, "@")) == handle {
			return nil
		}
	}
	// Facebook's numeric profiles: profile.php?id=HANDLE.
	for _, vs := range u.Query() {
		for _, v := range vs {
			if strings.ToLower(v) == handle {
				return nil
			}
		}
	}
	return &Problem{"handle", "does not appear in its URL " + n.URL}
}
