package render

import (
	"net/url"
	"strings"
)

// The links page is the one address a bio gives on networks whose posts
// cannot carry a link (Instagram, TikTok): the person, a large link to
// each network and to the latest posts, and nothing to load but the style
// sheet.
//
// With [links] utm = true, each network also gets its own copy of the
// page, links/NETWORK/, to put in that network's website field: its links
// to the site's own pages carry utm_source=NETWORK, so the site's
// analytics tell which network a reader came from. Tags go on the site's
// own links only: on another site's address they would tell nothing to
// the person, and links from one page of a site to another must not be
// tagged at all when the source is not known, or analytics restart the
// visit with a wrong one. The copies point to links/ as their canonical
// page and stay out of the sitemap.

// linksOnPage is how many latest posts the links page lists.
const linksOnPage = 5

// LinksDir is the site-relative folder of the links page.
const LinksDir = "links/"

// linksView is what the links page shows.
type linksView struct {
	Networks []linkItem
	Posts    []linkItem
	Site     linkItem // the home page
	// Source is the network this copy of the page is for; "" on links/.
	Source string
}

// linkItem is one tap target of the links page.
type linkItem struct {
	Name   string // the network's name, for styling; "" for the site's own pages
	Label  string // the network's or the post's name
	Detail string // the handle, the post's date, the site's host
	URL    string
}

func (r *renderer) links() error {
	if err := r.writeLinks(""); err != nil {
		return err
	}
	if !r.in.Profile.Links.UTM {
		return nil
	}
	for _, n := range r.site.Networks {
		if err := r.writeLinks(n.Name); err != nil {
			return err
		}
	}
	return nil
}

// writeLinks writes the links page for readers coming from source, or the
// page itself when source is "".
func (r *renderer) writeLinks(source string) error {
	s := r.site
	own := func(u string) string { return tagged(u, source) }
	v := &linksView{Source: source}
	for _, n := range s.Networks {
		v.Networks = append(v.Networks, linkItem{Name: n.Name, Label: n.Label, Detail: n.Shown, URL: n.URL})
	}
	for _, p := range r.posts[:min(linksOnPage, len(r.posts))] {
		v.Posts = append(v.Posts, linkItem{Label: p.Title, Detail: p.DateText, URL: own(p.URL)})
	}
	host := strings.TrimPrefix(strings.TrimPrefix(s.base, "https://"), "http://")
	v.Site = linkItem{Label: s.T.Home, Detail: host, URL: own(s.HomeURL)}
	p := &page{
		Title:       s.title(s.T.Links),
		Heading:     s.Name,
		Description: firstOf(s.Tagline, s.Role),
		OG:          openGraph{Type: "profile"},
		Links:       v,
		lastMod:     newest(r.posts[:min(linksOnPage, len(r.posts))]),
	}
	if source == "" {
		return r.write("links", LinksDir, p)
	}
	if err := r.write("links", LinksDir+source+"/", p); err != nil {
		return err
	}
	// A copy: the page itself is canonical, and only it is in the sitemap.
	p.Canonical = s.Abs(LinksDir)
	r.urls = r.urls[:len(r.urls)-1]
	return nil
}

// tagged returns the site's own link u with the campaign parameters of a
// reader from source, or u unchanged when source is "".
func tagged(u, source string) string {
	if source == "" {
		return u
	}
	q := url.Values{"utm_source": {source}, "utm_medium": {"social"}, "utm_campaign": {"links"}}
	sep := "?"
	if strings.Contains(u, "?") {
		sep = "&"
	}
	return u + sep + q.Encode()
}
