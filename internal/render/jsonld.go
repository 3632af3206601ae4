package render

import (
	"encoding/json"
	"html/template"
)

// JSON-LD is written with encoding/json, which escapes <, > and & inside
// strings (\u003c ...), so that no title can close the <script> element it
// sits in; the result is then safe to hand to html/template as template.JS.

type ldPerson struct {
	Context      string   `json:"@context,omitempty"`
	Type         string   `json:"@type"`
	Name         string   `json:"name"`
	URL          string   `json:"url"`
	JobTitle     string   `json:"jobTitle,omitempty"`
	Description  string   `json:"description,omitempty"`
	Image        string   `json:"image,omitempty"`
	Email        string   `json:"email,omitempty"`
	HomeLocation *ldPlace `json:"homeLocation,omitempty"`
	SameAs       []string `json:"sameAs,omitempty"`
}

type ldPlace struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}

type ldPosting struct {
	Context          string    `json:"@context"`
	Type             string    `json:"@type"`
	Headline         string    `json:"headline"`
	Description      string    `json:"description,omitempty"`
	URL              string    `json:"url"`
	MainEntityOfPage string    `json:"mainEntityOfPage"`
	DatePublished    string    `json:"datePublished"`
	DateModified     string    `json:"dateModified"`
	InLanguage       string    `json:"inLanguage"`
	Keywords         []string  `json:"keywords,omitempty"`
	WordCount        int       `json:"wordCount,omitempty"`
	Image            string    `json:"image,omitempty"`
	Author           *ldPerson `json:"author"`
}

// person describes the site's owner; the home and About pages carry it
// whole, posts name it as their author.
func (r *renderer) person(whole bool) *ldPerson {
	s, p := r.site, r.in.Profile
	ld := &ldPerson{Type: "Person", Name: s.Name, URL: s.Abs("")}
	if !whole {
		return ld
	}
	ld.Context = "https://schema.org"
	ld.JobTitle = s.Role
	ld.Description = s.Tagline
	if s.Portrait != nil {
		ld.Image = s.absolute(s.Portrait.URL)
	}
	if p.Person.Email != "" {
		ld.Email = "mailto:" + p.Person.Email
	}
	if s.Location != "" {
		ld.HomeLocation = &ldPlace{Type: "Place", Name: s.Location}
	}
	for _, n := range s.Networks {
		ld.SameAs = append(ld.SameAs, n.URL)
	}
	return ld
}

func (r *renderer) personJSON() template.JS { return marshalJS(r.person(true)) }

func (r *renderer) postingJSON(v *postView) template.JS {
	s := r.site
	ld := &ldPosting{
		Context:          "https://schema.org",
		Type:             "BlogPosting",
		Headline:         v.Title,
		Description:      v.Summary,
		URL:              s.Abs(v.dir),
		MainEntityOfPage: s.Abs(v.dir),
		DatePublished:    v.src.Date.Format(isoDate),
		DateModified:     v.src.modified().Format(isoDate),
		InLanguage:       s.T.Lang,
		WordCount:        v.src.Words,
		Author:           r.person(false),
	}
	for _, t := range v.Tags {
		ld.Keywords = append(ld.Keywords, t.Name)
	}
	if v.Cover != nil {
		ld.Image = s.absolute(v.Cover.URL)
	}
	return marshalJS(ld)
}

func marshalJS(v any) template.JS {
	b, err := json.Marshal(v)
	if err != nil {
		// Only strings, numbers and slices of them: Marshal cannot fail.
		panic(err)
	}
	return template.JS(b)
}
