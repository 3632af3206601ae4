package render

import (
	"fmt"
	"html/template"
	"net/url"
	"testing"
	"time"

	"github.com/marque-kit/marque/internal/brand"
	"github.com/marque-kit/marque/internal/diag"
	"github.com/marque-kit/marque/internal/output"
	"github.com/marque-kit/marque/internal/post"
	"github.com/marque-kit/marque/theme"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func mustURL(s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		panic(err)
	}
	return u
}

// profile returns a kit's profile in lang, the example freelancer of SPEC.md.
func profile(lang string) *brand.Profile {
	p := &brand.Profile{
		Person: brand.Person{
			Name:     "Camille Martin",
			Role:     "Designer UX indépendante",
			Tagline:  "Des interfaces simples pour des métiers complexes",
			Location: "Lyon",
			Language: lang,
			SiteURL:  mustURL("https://camille.example"),
			Email:    "bonjour@camille.example",
		},
		Strategy: brand.Strategy{
			Audience: "PME industrielles de la région lyonnaise",
			Message:  "La simplicité se conçoit : elle ne s'improvise pas !",
		},
		Identity: brand.Identity{Colors: brand.Palette{
			Primary:    brand.Color{R: 0x1F, G: 0x3A, B: 0x5F},
			Accent:     brand.Color{R: 0xE4, G: 0x57, B: 0x2E},
			Background: brand.Color{R: 0xFA, G: 0xF7, B: 0xF2},
			Text:       brand.Color{R: 0x1B, G: 0x1B, B: 0x1B},
			Muted:      brand.Color{R: 0x6B, G: 0x72, B: 0x80},
		}},
		Networks: []brand.Network{
			{Name: "linkedin", Handle: "camille-martin", URL: "https://www.linkedin.com/in/camille-martin"},
			{Name: "mastodon", Handle: "camille", URL: "https://mastodon.social/@camille"},
			{Name: "x", Handle: "camillemartin", URL: "https://x.com/camillemartin"},
		},
	}
	if lang == "en" {
		p.Person.Role = "Independent UX designer"
		p.Person.Tagline = "Simple interfaces for complex trades"
		p.Strategy.Message = "Simplicity is designed: it doesn't just happen."
		p.Strategy.Audience = "Industrial SMEs around Lyon"
	}
	return p
}

func newPost(slug, title string, date time.Time, tags ...string) *Post {
	src := fmt.Sprintf("+++\ntitle = %q\n+++\nBody of %s.\n", title, slug)
	return &Post{
		Post: &post.Post{
			File:  diag.NewFile("content/posts/"+slug+".md", []byte(src)),
			Slug:  slug,
			Title: title,
			Date:  date,
			Tags:  tags,
		},
		HTML:    template.HTML("<p>Body of " + template.HTMLEscapeString(slug) + ".</p>\n"),
		Summary: "Summary of " + slug + ".",
		Words:   120,
	}
}

// fixture returns a small site in lang: three posts, one with a cover and
// an update, tags shared between them, a portrait.
func fixture(lang string) *Input {
	first := newPost("premier-article", "Pourquoi vos utilisateurs ne lisent pas vos écrans", day(2026, time.November, 2), "UX", "industrie")
	first.Summary = "Personne ne lit : on survole. Voici comment concevoir pour l'œil qui balaie."
	first.Updated = day(2026, time.November, 5)
	first.Words = 700
	first.HTML = `<h2 id="lire">Lire, c’est survoler</h2>
<p>Un paragraphe avec du <code>code</code> et un <a href="https://example.org/a?b=1&amp;c=2">lien</a>.</p>
<blockquote><p>Une citation.</p></blockquote>
<pre><code>go build ./...
</code></pre>
<table><thead><tr><th>Écran</th><th>Temps</th></tr></thead><tbody><tr><td>Accueil</td><td>3 s</td></tr></tbody></table>
<ul><li><input checked="" disabled="" type="checkbox"> fait</li><li><input disabled="" type="checkbox"> à faire</li></ul>
<p>Une note<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup>.</p>
<div class="footnotes" role="doc-endnotes"><hr><ol><li id="fn:1"><p>La note. <a href="#fnref:1" class="footnote-backref" role="doc-backlink">↩︎</a></p></li></ol></div>
`
	first.Post.Cover = "content/posts/premier-article/cover.jpg"
	first.CoverAlt = "Un atelier"
	first.Cover = &Image{URL: "/posts/premier-article/cover.jpg", Width: 1600, Height: 900,
		Srcset: "/posts/premier-article/cover-800.jpg 800w, /posts/premier-article/cover.jpg 1600w"}
	second := newPost("le-1er-du-mois", "Le 1er du mois", day(2026, time.November, 1), "ux")
	third := newPost("ancien", "Un article plus ancien", day(2026, time.October, 12), "Méthode")
	if lang == "en" {
		first.Title = "Why your users don't read your screens"
		first.Summary = "Nobody reads: they skim. Here is how to design for the scanning eye."
		second.Title = "The first of the month"
		third.Title = "An older post"
	}
	in := &Input{
		Profile:  profile(lang),
		BaseURL:  mustURL("https://camille.example"),
		Posts:    []*Post{first, second, third},
		Portrait: &Image{URL: "/img/portrait.jpg", Width: 480, Height: 480, Srcset: "/img/portrait-240.jpg 240w, /img/portrait.jpg 480w"},
	}
	if lang == "fr" {
		// The French site has its link cards and icon set; the English one
		// shows the pages without them.
		in.Card = &Image{URL: "/card.png", Width: 1200, Height: 630}
		first.Card = &Image{URL: "/posts/premier-article/card.png", Width: 1200, Height: 630}
		in.Icons = Icons{ICO: "/favicon.ico", PNG: &Image{URL: "/favicon-32.png", Width: 32, Height: 32}, Apple: "/apple-touch-icon.png",
			Manifest: []*Image{{URL: "/icon-192.png", Width: 192, Height: 192}, {URL: "/icon-512.png", Width: 512, Height: 512}}}
	}
	return in
}

// render renders in with the default theme into a new tree.
func render(t *testing.T, in *Input) *output.Tree {
	t.Helper()
	th, err := theme.Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	tree := output.NewTree()
	if err := Render(in, th, tree); err != nil {
		t.Fatal(err)
	}
	return tree
}

func get(t *testing.T, tree *output.Tree, name string) string {
	t.Helper()
	b, ok := tree.Get(name)
	if !ok {
		t.Fatalf("no file %s in %v", name, tree.Names())
	}
	return string(b)
}
