package vcard

import (
	"bytes"
	"strings"

	"github.com/marque-kit/marque/internal/contentline"
)

// Card is a person's contact card.
type Card struct {
	Name   string // the formatted name, as the person writes it
	Title  string // the role
	Note   string // the tagline
	Email  string
	Phone  Phone  // the zero Phone for none
	URL    string // the site
	Photo  string // the absolute URL of a JPEG portrait, or ""
	Locale string // the language of the card's text, "fr" or "en"
	// Profiles are the person's accounts, in the order the profile lists
	// them.
	Profiles []Profile
}

// Profile is one account on a network.
type Profile struct {
	Group string // a vCard group name for the network: letters, digits and hyphens
	Label string // the network's name, as the contact shows it
	URL   string
}

// Essential returns the card with what a phone needs to call, write and
// find the person: name, role, e-mail, phone and site. It is the card a QR
// code carries: the whole card is several times longer, and a code's
// modules shrink as its data grows, until a camera no longer reads it
// across a table or off a printed page.
func (c *Card) Essential() *Card {
	e := *c
	e.Note, e.Photo, e.Locale, e.Profiles = "", "", "", nil
	return &e
}

// Encode returns the card as a vCard 4.0, CRLF line endings, folded.
func (c *Card) Encode() []byte {
	var w writer
	w.line("BEGIN", "", "VCARD")
	w.line("VERSION", "", "4.0")
	w.line("PRODID", "", "-//marque//marque//EN")
	w.line("KIND", "", "individual")
	w.line("FN", "", contentline.Escape(c.Name))
	given, family := splitName(c.Name)
	w.line("N", "", contentline.Escape(family)+";"+contentline.Escape(given)+";;;")
	if c.Title != "" {
		w.line("TITLE", "", contentline.Escape(c.Title))
	}
	if c.Email != "" {
		w.line("EMAIL", ";TYPE=work", contentline.Escape(c.Email))
	}
	switch {
	case c.Phone.Global != "":
		w.line("TEL", ";VALUE=uri;TYPE=voice", c.Phone.URI())
	case c.Phone.Text != "":
		// A national number has no tel: URI without its country.
		w.line("TEL", ";VALUE=text;TYPE=voice", contentline.Escape(c.Phone.Text))
	}
	if c.URL != "" {
		w.line("URL", ";PREF=1", c.URL)
	}
	if c.Photo != "" {
		w.line("PHOTO", ";MEDIATYPE=image/jpeg", c.Photo)
	}
	if c.Note != "" {
		w.line("NOTE", "", contentline.Escape(c.Note))
	}
	if c.Locale != "" {
		w.line("LANG", "", c.Locale)
	}
	for _, p := range c.Profiles {
		// RFC 6350 has no property for a social profile that every
		// address book reads; a grouped URL with an X-ABLABEL, which
		// Apple's and Google's contacts show as the URL's label, is the
		// form they all keep.
		w.line(p.Group+".URL", "", p.URL)
		w.line(p.Group+".X-ABLABEL", "", contentline.Escape(p.Label))
	}
	w.line("END", "", "VCARD")
	return w.b.Bytes()
}

// writer writes content lines, folded.
type writer struct{ b bytes.Buffer }

// line writes "NAME;PARAMS:VALUE", the value already escaped.
func (w *writer) line(name, params, value string) {
	w.b.WriteString(contentline.Fold(name + params + ":" + value))
}

// particles are the lower-case words that belong to a family name that
// follows them: "Jean de La Fontaine" is La Fontaine of the de.
var particles = map[string]bool{
	"de": true, "du": true, "des": true, "d’": true, "d'": true, "la": true, "le": true,
	"van": true, "von": true, "der": true, "den": true, "da": true, "di": true, "del": true, "dos": true,
}

// splitName splits a formatted name into given and family names for the
// structured N property, which address books sort by: the last word is the
// family name, with the particles that precede it. A one-word name is a
// given name. The split is a guess for names it cannot know (several
// family names, family name first); FN keeps the name as written.
func splitName(name string) (given, family string) {
	words := strings.Fields(name)
	if len(words) < 2 {
		return name, ""
	}
	i := len(words) - 1
	for i > 1 && particles[strings.ToLower(words[i-1])] {
		i--
	}
	return strings.Join(words[:i], " "), strings.Join(words[i:], " ")
}
