package render

import (
	"encoding/xml"
	"time"
)

// The Atom feed (RFC 4287) is written with encoding/xml, which escapes
// every text and attribute; entry contents are HTML carried as escaped text
// (type="html"), with xml:base set to the post's URL so that readers
// resolve the relative links and images of page bundles.

type atomFeed struct {
	XMLName  xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang     string      `xml:"xml:lang,attr"`
	Title    string      `xml:"title"`
	Subtitle string      `xml:"subtitle,omitempty"`
	Links    []atomLink  `xml:"link"`
	ID       string      `xml:"id"`
	Updated  string      `xml:"updated"`
	Author   atomAuthor  `xml:"author"`
	Entries  []atomEntry `xml:"entry"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
}

type atomAuthor struct {
	Name string `xml:"name"`
	URI  string `xml:"uri"`
}

type atomEntry struct {
	Title      string         `xml:"title"`
	Links      []atomLink     `xml:"link"`
	ID         string         `xml:"id"`
	Published  string         `xml:"published"`
	Updated    string         `xml:"updated"`
	Summary    *atomText      `xml:"summary,omitempty"`
	Content    atomText       `xml:"content"`
	Categories []atomCategory `xml:"category"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Base string `xml:"xml:base,attr,omitempty"`
	Text string `xml:",chardata"`
}

type atomCategory struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr,omitempty"`
}

// feed writes feed.xml, the newest posts with their whole content. A site
// without posts has no feed: its updated date would have to come from the
// clock.
func (r *renderer) feed() error {
	if len(r.posts) == 0 {
		return nil
	}
	s := r.site
	posts := r.posts[:min(feedLength, len(r.posts))]
	f := atomFeed{
		Lang:     s.T.Lang,
		Title:    s.Name,
		Subtitle: s.Tagline,
		Links: []atomLink{
			{Href: s.Abs("feed.xml"), Rel: "self", Type: "application/atom+xml"},
			{Href: s.Abs(""), Rel: "alternate", Type: "text/html"},
		},
		ID:      s.Abs(""),
		Updated: newest(posts).Format(time.RFC3339),
		Author:  atomAuthor{Name: s.Name, URI: s.Abs("")},
	}
	for _, v := range posts {
		u := s.Abs(v.dir)
		e := atomEntry{
			Title:     v.Title,
			Links:     []atomLink{{Href: u, Rel: "alternate", Type: "text/html"}},
			ID:        u,
			Published: v.src.Date.Format(time.RFC3339),
			Updated:   v.src.modified().Format(time.RFC3339),
			Content:   atomText{Type: "html", Base: u, Text: string(v.HTML)},
		}
		if v.Summary != "" {
			e.Summary = &atomText{Type: "text", Text: v.Summary}
		}
		for _, t := range v.Tags {
			e.Categories = append(e.Categories, atomCategory{Term: firstOf(t.slug, t.Name), Label: t.Name})
		}
		f.Entries = append(f.Entries, e)
	}
	return r.addXML("feed.xml", f)
}

func (r *renderer) addXML(name string, v any) error {
	b, err := xml.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	b = append([]byte(xml.Header), b...)
	b = append(b, '\n')
	return r.tree.Add(name, b)
}
