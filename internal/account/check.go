package account

import (
	"fmt"
	"strings"

	"github.com/marque-kit/marque/internal/brand"
	"github.com/marque-kit/marque/internal/diag"
	"github.com/marque-kit/marque/internal/tomldoc"
)

// Check reports, at their lines of brand.toml, the handles that do not
// match their URLs (identity.handle) and what keeps the site from proving
// the Bluesky account is the person's (identity.verify): a domain handle
// that is not the site's host, a handle that is the site's host without a
// did, a did that nothing will publish, a site that does not live at the
// root of its host.
func Check(p *brand.Profile, l *diag.List) {
	for _, n := range p.Networks {
		base := tomldoc.JoinPath("networks", n.Name)
		if pr := Match(n); pr != nil {
			l.Add(p.ValuePos(base+"."+pr.Field), "identity.handle", "%s %s %s", n.Name, pr.Field, pr.Message)
		}
		if n.Name == "bluesky" {
			checkBluesky(p, n, base, l)
		}
	}
}

func checkBluesky(p *brand.Profile, n brand.Network, base string, l *diag.List) {
	handle := strings.ToLower(strings.TrimPrefix(n.Handle, "@"))
	site := siteHost(p)
	switch {
	case handle == "":
	case !strings.Contains(handle, "."):
		f := l.Add(p.ValuePos(base+".handle"), "identity.handle", "bluesky handle %q is not a domain: Bluesky handles are names such as %s.bsky.social or a domain the person owns", n.Handle, handle)
		f.Suggestion = fmt.Sprintf("write %q", handle+".bsky.social")
		return
	case handle == site:
		if n.DID == "" {
			f := l.Add(p.ValuePos(base+".handle"), "identity.verify", "the Bluesky handle is the site's domain, but [networks.bluesky] has no did: the site cannot publish /.well-known/atproto-did to prove it")
			f.Suggestion = `add did = "did:plc:..." (Bluesky shows it in Settings, Account, Handle, "I have my own domain"), or verify the domain with a DNS TXT record _atproto`
		} else if !atRoot(p) {
			l.Add(p.ValuePos("person.site_url"), "identity.verify", "the site lives under %s, but Bluesky reads /.well-known/atproto-did at the root of %s: publish it there, or verify the handle with a DNS TXT record _atproto", p.Person.SiteURL.Path, site)
		}
		return
	case strings.HasSuffix(handle, ".bsky.social"):
	default:
		f := l.Add(p.ValuePos(base+".handle"), "identity.verify", "the Bluesky handle %s is a domain that is not the site's (%s): the site cannot prove it; %s itself must answer /.well-known/atproto-did or a DNS TXT record _atproto", handle, site, handle)
		if site != "" {
			f.Suggestion = fmt.Sprintf("use the site's domain, handle = %q, to have marque publish the proof", site)
		}
	}
	if n.DID != "" {
		l.Add(p.ValuePos(base+".did"), "identity.verify", "did is published only for a Bluesky handle that is the site's domain (%s), and the handle is %s", site, handle)
	}
}

// siteHost returns the host of the profile's site, lower case, without
// a port; "" when the site has no URL.
func siteHost(p *brand.Profile) string {
	if p.Person.SiteURL == nil {
		return ""
	}
	return strings.ToLower(p.Person.SiteURL.Hostname())
}

// atRoot reports whether the site is at the root of its host, where the
// files of /.well-known/ must be.
func atRoot(p *brand.Profile) bool {
	return p.Person.SiteURL != nil && strings.Trim(p.Person.SiteURL.Path, "/") == ""
}
