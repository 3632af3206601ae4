package render

import (
	"encoding/xml"
	"strings"
	"time"
)

type sitemapURL struct {
	Loc     string
	LastMod time.Time
}

type urlset struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []sitemapLoc `xml:"url"`
}

type sitemapLoc struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

// sitemap writes sitemap.xml: every page but the 404 page, in the order
// they were written, with the date of their newest post where they have one.
func (r *renderer) sitemap() error {
	var set urlset
	for _, u := range r.urls {
		loc := sitemapLoc{Loc: u.Loc}
		if !u.LastMod.IsZero() {
			loc.LastMod = u.LastMod.Format(isoDate)
		}
		set.URLs = append(set.URLs, loc)
	}
	return r.addXML("sitemap.xml", set)
}

// robots writes robots.txt, unless the theme has its own.
func (r *renderer) robots() error {
	if r.tree.Has("robots.txt") {
		return nil
	}
	var b strings.Builder
	b.WriteString("User-agent: *\n")
	b.WriteString("Disallow:\n\n")
	b.WriteString("Sitemap: " + r.site.Abs("sitemap.xml") + "\n")
	return r.tree.Add("robots.txt", []byte(b.String()))
}
