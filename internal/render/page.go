package render

import (
	"html/template"
	"time"
)

// page is the data of one page template. The fields a kind of page does
// not use are zero.
type page struct {
	Site *site
	// Kind is the page template's name: "home", "about", "posts", "post",
	// "tags", "tag", "links" or "404".
	Kind        string
	Title       string // the document's <title>
	Heading     string // the page's h1, for the pages that are not a post
	Description string
	Canonical   string // the absolute URL of the page; "" for the 404 page
	OG          openGraph
	JSONLD      template.JS // already safe JSON (see jsonLD), or ""
	NoIndex     bool
	Nav         []navItem
	// Header is the theme's "header" run on the page's Site, Kind and
	// Nav: the same for every page of a kind with the same current link,
	// it runs once for each.
	Header template.HTML

	List  *postList
	Pager *pager
	Post  *postView
	Prev  *postView // the older post
	Next  *postView // the newer post
	Tags  []*tagView
	Tag   *tagView
	About template.HTML // content/about.md, or "" when the page is built from the profile
	Links *linksView    // the links page's

	lastMod time.Time // for the sitemap; zero when the page has no date
}

// openGraph holds the Open Graph values that are not the page's own.
type openGraph struct {
	Type      string // "website", "article" or "profile"
	Title     string // the heading, without the site's name
	Published string // RFC 3339, articles only
	Modified  string
	Tags      []string
	Image     *ogImage // the link preview, or nil
}

// ogImage is a page's link preview image.
type ogImage struct {
	URL           string // absolute
	Width, Height int
	Alt           string
}

// postView is a post as pages show it.
type postView struct {
	URL         string
	Title       string
	Summary     string
	DateISO     string // 2026-11-02
	DateText    string // 2 novembre 2026
	UpdatedISO  string // "" when the post was not updated after its date
	UpdatedText string
	ReadingTime string
	Tags        []tagLink
	Cover       *Image // with its alt text
	HTML        template.HTML
	Badge       string // "Brouillon", "Programmé" or ""

	src *Post
	dir string // site-relative: posts/<slug>/
}

// tagLink is a tag of a post; URL is "" for a tag that has no page (its
// name has no letter or digit to make a slug of).
type tagLink struct {
	Name string
	URL  string
	slug string
}

// tagView is a tag with its posts, newest first.
type tagView struct {
	Name  string
	Slug  string
	URL   string
	Count string // "3 articles"
	posts []*postView
}

// postList is a list of posts and the level of their headings (2 on pages
// of posts, 3 under the home page's "Latest posts").
type postList struct {
	Posts []*postView
	Level int
}

// pager links one page of the posts list to its neighbours.
type pager struct {
	Label      string // the navigation's accessible name
	Where      string // "Page 2 of 3"
	Newer      string // URL of the page of newer posts, or ""
	Older      string
	NewerLabel string
	OlderLabel string
}

// title returns the document title of a page whose own title is head.
func (s *site) title(head string) string {
	if head == "" || head == s.Name {
		return s.Name
	}
	return head + " · " + s.Name
}

// modified returns when a post last changed: its update date, or its date.
func (p *Post) modified() time.Time {
	if p.Updated.After(p.Date) {
		return p.Updated
	}
	return p.Date
}

// newest returns the latest modification among posts, zero when there are none.
func newest(posts []*postView) time.Time {
	var t time.Time
	for _, p := range posts {
		if m := p.src.modified(); m.After(t) {
			t = m
		}
	}
	return t
}
