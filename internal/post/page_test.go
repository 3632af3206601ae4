package post

import (
	"testing"
	"testing/fstest"
)

func TestLoadPage(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		title    string
		body     string
		findings string
	}{
		{"no front matter", "Je suis designer.\n", "", "Je suis designer.\n", ""},
		{"title", "+++\ntitle = \"À propos\"\n+++\nBonjour.\n", "À propos", "Bonjour.\n", ""},
		{"bom and crlf", "\uFEFF+++\r\ntitle = \"Moi\"\r\n+++\r\nTexte\r\n", "Moi", "Texte\r\n", ""},
		{"unknown key", "+++\ntitle = \"A\"\ndate = 2026-01-01\n+++\n", "A", "",
			"content/about.md:3:1: error content.invalid: unknown key \"date\""},
		{"unclosed", "+++\ntitle = \"A\"\n", "", "",
			"content/about.md:1:1: error content.syntax: the front matter opened by +++ on line 1 is never closed by a +++ line"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, l := LoadPage(fstest.MapFS{AboutFile: {Data: []byte(tt.src)}}, AboutFile)
			got := ""
			for _, f := range l.Items() {
				got += f.String()
			}
			if got != tt.findings {
				t.Errorf("findings = %q, want %q", got, tt.findings)
			}
			if tt.findings != "" && l.Unusable() {
				if p != nil {
					t.Errorf("an unreadable page is returned")
				}
				return
			}
			if p.Title != tt.title || string(p.Body) != tt.body || string(p.File.Src[p.BodyOffset:]) != tt.body {
				t.Errorf("page = %q, %q at %d", p.Title, p.Body, p.BodyOffset)
			}
		})
	}
	if p, l := LoadPage(fstest.MapFS{}, AboutFile); p != nil || l.Len() != 0 {
		t.Errorf("a missing about page = %v, %v; want nothing", p, l.Items())
	}
}
