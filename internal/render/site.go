package render

import (
	"html/template"
	"net/url"
	"strings"

	"github.com/marque-kit/marque/internal/account"
	"github.com/marque-kit/marque/internal/i18n"
	"github.com/marque-kit/marque/internal/network"
	"github.com/marque-kit/marque/internal/typo"
)

// site is what every page shows of the person and the site, as the
// templates read it from .Site. Text fields are plain text with the
// language's typography applied; the templates escape them.
type site struct {
	T        *i18n.Strings
	Name     string
	Role     string
	Tagline  string
	Message  string // the brief's message
	Audience string // the brief's audience
	Location string
	Email    string
	Networks []networkLink
	Portrait *Image // with an alt text
	Logo     *Image

	HomeURL    string
	StyleURL   string // set once the style sheet is written
	IconURL    string
	IconType   string
	Icons      *iconSet // the generated icons, or nil: IconURL is then the icon
	FeedURL    string   // "" when the site has no feed (no posts)
	ThemeColor string
	// TwitterSite is the X handle ("@name") and Fediverse the Mastodon
	// address ("@name@host") for the cards of those networks.
	TwitterSite string
	Fediverse   string
	// Head is the theme's "head" run on the site, once: the part of every
	// page's <head> that is the site's (style sheet, icons, feed, author).
	// Footer is its "footer", run the same way. Each is empty when the
	// theme has none.
	Head, Footer template.HTML

	card    *ogImage // the site's link preview, or nil
	hasTags bool
	lang    string
	base    string // BaseURL without query, fragment or trailing slash
	path    string // its escaped path, without the trailing slash
}

// networkLink is one network of the profile, as linked from the pages.
type networkLink struct {
	Name   string // "linkedin"
	Label  string // "LinkedIn"
	Handle string
	URL    string
	Shown  string // the handle as the network writes it: "@name", "@user@host"
}

// navItem is one link of the main navigation.
type navItem struct {
	Label   string
	URL     string
	Current bool // the page is the link's target
}

func newSite(in *Input) *site {
	p := in.Profile
	lang := p.Person.Language
	u := *in.BaseURL
	u.RawQuery, u.Fragment, u.RawFragment = "", "", ""
	s := &site{
		T:          i18n.For(lang),
		lang:       lang,
		base:       strings.TrimSuffix(u.String(), "/"),
		path:       strings.TrimSuffix(u.EscapedPath(), "/"),
		Email:      p.Person.Email,
		Logo:       in.Logo,
		ThemeColor: p.Identity.Colors.Primary.Hex(),
	}
	s.Name = s.typo(p.Person.Name)
	s.Role = s.typo(p.Person.Role)
	s.Tagline = s.typo(p.Person.Tagline)
	s.Message = s.typo(p.Strategy.Message)
	s.Audience = s.typo(p.Strategy.Audience)
	s.Location = s.typo(p.Person.Location)
	s.HomeURL = s.URL("")
	if c := in.Card; c != nil {
		alt := s.Name
		if s.Role != "" {
			alt += " · " + s.Role
		}
		s.card = &ogImage{URL: s.absolute(c.URL), Width: c.Width, Height: c.Height, Alt: alt}
	}
	if in.Portrait != nil {
		img := *in.Portrait
		if img.Alt == "" {
			img.Alt = p.Person.Name
		}
		img.Alt = s.typo(img.Alt)
		s.Portrait = &img
	}
	for _, n := range p.Networks {
		if n.URL == "" {
			continue // never a link to nothing
		}
		label := n.Name
		if known, ok := network.Lookup(n.Name); ok {
			label = known.Label
		}
		s.Networks = append(s.Networks, networkLink{Name: n.Name, Label: label, Handle: n.Handle, URL: n.URL, Shown: account.Display(n)})
		switch n.Name {
		case "x":
			if h := strings.TrimPrefix(n.Handle, "@"); h != "" {
				s.TwitterSite = "@" + h
			}
		case "mastodon":
			s.Fediverse = fediverseAddress(n.Handle, n.URL)
		}
	}
	return s
}

// fediverseAddress returns the @user@host address of a Mastodon account,
// from its handle when it is written in full, else from its profile URL
// (https://host/@user); "" when neither says.
func fediverseAddress(handle, profile string) string {
	h := strings.TrimPrefix(handle, "@")
	if user, host, ok := strings.Cut(h, "@"); ok && user != "" && host != "" {
		return "@" + h
	}
	u, err := url.Parse(profile)
	if err != nil || u.Host == "" {
		return ""
	}
	user, ok := strings.CutPrefix(strings.Trim(u.Path, "/"), "@")
	if !ok || user == "" || strings.Contains(user, "/") {
		return ""
	}
	return "@" + user + "@" + u.Host
}

// typo applies the language's typography to user text bound for the page.
func (s *site) typo(text string) string { return typo.Apply(s.lang, text) }

// URL returns the link to the site-relative path p ("posts/", "" for the
// home page): a path from the root of the host, with the base URL's path.
func (s *site) URL(p string) string { return s.path + "/" + p }

// Abs returns the absolute URL of the site-relative path p.
func (s *site) Abs(p string) string { return s.base + "/" + p }

// absolute resolves a URL of the pages (an image's, a site-root path) into
// an absolute one, for the places that need them (JSON-LD).
func (s *site) absolute(ref string) string {
	base, err := url.Parse(s.base + "/")
	if err != nil {
		return ref
	}
	u, err := base.Parse(ref)
	if err != nil {
		return ref
	}
	return u.String()
}

// nav returns the main navigation as seen from the page at dir.
func (s *site) nav(dir string) []navItem {
	items := []navItem{{Label: s.T.Posts, URL: "posts/"}}
	if s.hasTags {
		items = append(items, navItem{Label: s.T.Tags, URL: "tags/"})
	}
	items = append(items, navItem{Label: s.T.About, URL: "about/"})
	for i := range items {
		items[i].Current = items[i].URL == dir
		items[i].URL = s.URL(items[i].URL)
	}
	return items
}
