package render

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"flag"
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/marque-kit/marque/internal/brand"
	"github.com/marque-kit/marque/internal/output"
	"github.com/marque-kit/marque/internal/typo"
	"github.com/marque-kit/marque/theme"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	file := filepath.Join("testdata", filepath.FromSlash(name))
	if *update {
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (run go test -update and review the diff):\n%s", name, firstDiff(string(want), got))
	}
}

func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(wl), len(gl)); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\nwant %q\ngot  %q", i+1, w, g)
		}
	}
	return ""
}

func TestGolden(t *testing.T) {
	for _, lang := range []string{"fr", "en"} {
		t.Run(lang, func(t *testing.T) {
			tree := render(t, fixture(lang))
			golden(t, lang+"/files.txt", strings.Join(tree.Names(), "\n")+"\n")
			pages := []string{"index.html", "posts/premier-article/index.html"}
			if lang == "en" {
				pages = append(pages, "favicon.svg") // the English site has no icon set
			}
			if lang == "fr" {
				pages = append(pages, "about/index.html", "posts/index.html", "tags/index.html",
					"tags/ux/index.html", "links/index.html", "404.html", "feed.xml", "sitemap.xml", "robots.txt", "site.webmanifest")
			}
			for _, name := range pages {
				golden(t, lang+"/"+name, get(t, tree, name))
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	a, b := render(t, fixture("fr")), render(t, fixture("fr"))
	if !slices.Equal(a.Names(), b.Names()) {
		t.Fatalf("file lists differ:\n%v\n%v", a.Names(), b.Names())
	}
	for _, name := range a.Names() {
		x, _ := a.Get(name)
		y, _ := b.Get(name)
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two renders", name)
		}
	}
}

var linkRE = regexp.MustCompile(`(?:href|src)="([^"]*)"`)

// TestLinks follows every internal link and image of every page, in a site
// served from the root and from a path: each must reach a file of the tree
// (images are the caller's, so the test adds them as the caller would).
func TestLinks(t *testing.T) {
	for _, base := range []string{"https://camille.example", "https://example.org/blog/"} {
		t.Run(base, func(t *testing.T) {
			in := fixture("fr")
			in.BaseURL = mustURL(base)
			prefix := strings.TrimSuffix(in.BaseURL.Path, "/")
			prefixImages(in, prefix)
			th, err := theme.Load(nil)
			if err != nil {
				t.Fatal(err)
			}
			tree := output.NewTree()
			for _, img := range []string{"img/portrait.jpg", "img/portrait-240.jpg", "posts/premier-article/cover.jpg", "posts/premier-article/cover-800.jpg",
				"favicon.ico", "favicon-32.png", "apple-touch-icon.png", "icon-192.png", "icon-512.png", "card.png", "posts/premier-article/card.png"} {
				if err := tree.Add(img, nil); err != nil {
					t.Fatal(err)
				}
			}
			if err := Render(in, th, tree); err != nil {
				t.Fatal(err)
			}
			for _, name := range tree.Names() {
				if !strings.HasSuffix(name, ".html") {
					continue
				}
				page := get(t, tree, name)
				targets := []string{}
				// The canonical URL is absolute on purpose, the other links need not be.
				inPage := regexp.MustCompile(`<link rel="canonical" [^>]*>`).ReplaceAllString(page, "")
				for _, m := range linkRE.FindAllStringSubmatch(inPage, -1) {
					targets = append(targets, m[1])
				}
				for _, m := range regexp.MustCompile(`srcset="([^"]*)"`).FindAllStringSubmatch(page, -1) {
					for _, c := range strings.Split(m[1], ",") {
						targets = append(targets, strings.Fields(c)[0])
					}
				}
				for _, href := range targets {
					href = strings.ReplaceAll(href, "&amp;", "&")
					if strings.HasPrefix(href, "https://camille.example") || strings.HasPrefix(href, "https://example.org/blog") {
						t.Errorf("%s: absolute link %q where a path would do", name, href)
					}
					if !strings.HasPrefix(href, "/") || strings.HasPrefix(href, "//") {
						continue // an external link, a mailto: or a fragment
					}
					if !strings.HasPrefix(href, prefix+"/") {
						t.Errorf("%s: link %q outside the base path %q", name, href, prefix)
						continue
					}
					file, _, _ := strings.Cut(strings.TrimPrefix(href, prefix+"/"), "?")
					file, _, _ = strings.Cut(file, "#")
					if file == "" || strings.HasSuffix(file, "/") {
						file += "index.html"
					}
					if !tree.Has(file) {
						t.Errorf("%s: link %q to nothing", name, href)
					}
				}
				if name != "404.html" && !strings.Contains(page, `<link rel="canonical" href="`+in.BaseURL.Scheme+"://"+in.BaseURL.Host+prefix+"/") {
					t.Errorf("%s: no canonical URL under the base URL", name)
				}
			}
			sitemap := get(t, tree, "sitemap.xml")
			var set struct {
				URLs []struct {
					Loc string `xml:"loc"`
				} `xml:"url"`
			}
			if err := xml.Unmarshal([]byte(sitemap), &set); err != nil {
				t.Fatal(err)
			}
			for _, u := range set.URLs {
				if !strings.HasPrefix(u.Loc, strings.TrimSuffix(base, "/")+"/") {
					t.Errorf("sitemap: %q is not under %s", u.Loc, base)
				}
			}
			if want := "Sitemap: " + strings.TrimSuffix(base, "/") + "/sitemap.xml\n"; !strings.Contains(get(t, tree, "robots.txt"), want) {
				t.Errorf("robots.txt does not point at the sitemap: want %q", want)
			}
		})
	}
}

// prefixImages puts the fixture's image URLs under prefix, as the caller
// does with the base URL's path.
func prefixImages(in *Input, prefix string) {
	fix := func(img *Image) {
		img.URL = prefix + img.URL
		var parts []string
		for _, c := range strings.Split(img.Srcset, ", ") {
			parts = append(parts, prefix+c)
		}
		img.Srcset = strings.Join(parts, ", ")
	}
	fix(in.Portrait)
	for _, p := range in.Posts {
		if p.Cover != nil {
			fix(p.Cover)
		}
		if p.Card != nil {
			fix(p.Card)
		}
	}
	if in.Card != nil {
		fix(in.Card)
	}
	ic := &in.Icons
	if ic.ICO != "" {
		ic.ICO, ic.Apple = prefix+ic.ICO, prefix+ic.Apple
		fix(ic.PNG)
		for _, m := range ic.Manifest {
			fix(m)
		}
	}
}

const hostile = `</script><script>alert(1)</script> "quoted" & 'single' <b>`

// TestHostile puts a string made to break out of every context into every
// user text, and checks each output: no element is injected in HTML, the
// JSON-LD and the feed parse and give the text back.
func TestHostile(t *testing.T) {
	in := fixture("fr")
	in.Profile.Person.Name = "Camille " + hostile
	in.Profile.Person.Role = hostile
	in.Profile.Person.Tagline = hostile
	in.Profile.Person.Location = hostile
	in.Profile.Strategy.Message = hostile
	in.Profile.Strategy.Audience = hostile
	in.Portrait.Alt = hostile
	p := in.Posts[0]
	p.Title = hostile
	p.Summary = hostile
	p.Tags = []string{hostile, "ux"}
	p.Cover.Alt = hostile
	tree := render(t, in)
	want := typo.Apply("fr", hostile)

	for _, name := range tree.Names() {
		body := get(t, tree, name)
		if strings.Contains(body, "<script>alert") || strings.Contains(body, "<b>") {
			t.Errorf("%s: the hostile markup came through unescaped", name)
		}
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		if n, ld := strings.Count(body, "<script"), strings.Count(body, `<script type="application/ld+json">`); n != ld {
			t.Errorf("%s: %d script elements, %d of them JSON-LD", name, n, ld)
		}
		if strings.Contains(body, `"quoted"`) {
			t.Errorf("%s: straight quotes of user text left unescaped", name)
		}
		for _, ld := range jsonLD(t, name, body) {
			if name == "posts/premier-article/index.html" && ld["headline"] != want {
				t.Errorf("%s: JSON-LD headline = %q, want %q", name, ld["headline"], want)
			}
			if ld["@type"] == "Person" && ld["jobTitle"] != want {
				t.Errorf("%s: JSON-LD jobTitle = %q, want %q", name, ld["jobTitle"], want)
			}
		}
	}

	post := get(t, tree, "posts/premier-article/index.html")
	esc := template.HTMLEscapeString(want)
	for _, attr := range []string{
		`<meta name="description" content="` + esc + `">`,
		`<meta property="og:title" content="` + esc + `">`,
		`alt="` + esc + `"`,
		`<meta property="article:tag" content="` + esc + `">`,
	} {
		if !strings.Contains(post, attr) {
			t.Errorf("post page: no %s", attr)
		}
	}
	if !strings.Contains(post, "<h1>"+esc) {
		t.Errorf("post page: title not escaped in the heading")
	}

	var feed struct {
		Title   string `xml:"title"`
		Entries []struct {
			Title    string `xml:"title"`
			Summary  string `xml:"summary"`
			Content  string `xml:"content"`
			Category []struct {
				Label string `xml:"label,attr"`
			} `xml:"category"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal([]byte(get(t, tree, "feed.xml")), &feed); err != nil {
		t.Fatalf("feed.xml does not parse: %v", err)
	}
	if feed.Title != typo.Apply("fr", "Camille "+hostile) {
		t.Errorf("feed title = %q", feed.Title)
	}
	e := feed.Entries[0]
	if e.Title != want || e.Summary != want || e.Category[0].Label != want {
		t.Errorf("feed entry: title %q, summary %q, category %q; want %q", e.Title, e.Summary, e.Category[0].Label, want)
	}
	if e.Content != string(p.HTML) {
		t.Errorf("feed content is not the post's HTML")
	}
}

// TestTags checks that tags written differently but with one slug share a
// page, named as the newest post writes it, and that a tag without a slug
// is shown without a link.
func TestTags(t *testing.T) {
	in := fixture("fr")
	in.Posts[0].Tags = []string{"—", "Méthode", "méthode"}
	in.Posts[2].Tags = []string{"methode"}
	tree := render(t, in)
	post := get(t, tree, "posts/premier-article/index.html")
	if !strings.Contains(post, "<li><span>—</span></li>") || strings.Count(post, `href="/tags/methode/"`) != 1 {
		t.Errorf("post tags:\n%s", regexp.MustCompile(`(?s)<ul class="tags".*?</ul>`).FindString(post))
	}
	index := get(t, tree, "tags/index.html")
	if !strings.Contains(index, `<a href="/tags/methode/">Méthode <span class="muted">2`+"\u00a0"+`articles</span></a>`) {
		t.Errorf("tags index:\n%s", regexp.MustCompile(`(?s)<ul class="tag-index">.*?</ul>`).FindString(index))
	}
	if strings.Contains(index, "—") {
		t.Errorf("the tag without a slug is in the index")
	}
}

var ldRE = regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)

// jsonLD parses the JSON-LD blocks of an HTML page.
func jsonLD(t *testing.T, name, page string) []map[string]any {
	t.Helper()
	var all []map[string]any
	for _, m := range ldRE.FindAllStringSubmatch(page, -1) {
		var v map[string]any
		if err := json.Unmarshal([]byte(m[1]), &v); err != nil {
			t.Errorf("%s: JSON-LD does not parse: %v\n%s", name, err, m[1])
			continue
		}
		all = append(all, v)
	}
	return all
}

func TestJSONLD(t *testing.T) {
	tree := render(t, fixture("fr"))
	tests := []struct {
		page string
		want map[string]any
	}{
		{"index.html", map[string]any{"@type": "Person", "name": "Camille Martin", "url": "https://camille.example/",
			"image": "https://camille.example/img/portrait.jpg", "email": "mailto:bonjour@camille.example"}},
		{"about/index.html", map[string]any{"@type": "Person", "jobTitle": "Designer UX indépendante"}},
		{"posts/premier-article/index.html", map[string]any{"@type": "BlogPosting",
			"headline":      "Pourquoi vos utilisateurs ne lisent pas vos écrans",
			"datePublished": "2026-11-02", "dateModified": "2026-11-05", "inLanguage": "fr",
			"url": "https://camille.example/posts/premier-article/", "image": "https://camille.example/posts/premier-article/cover.jpg"}},
	}
	for _, tt := range tests {
		lds := jsonLD(t, tt.page, get(t, tree, tt.page))
		if len(lds) != 1 {
			t.Errorf("%s: %d JSON-LD blocks, want 1", tt.page, len(lds))
			continue
		}
		for k, v := range tt.want {
			if lds[0][k] != v {
				t.Errorf("%s: JSON-LD %s = %v, want %v", tt.page, k, lds[0][k], v)
			}
		}
	}
	for _, name := range []string{"posts/index.html", "tags/index.html", "404.html"} {
		if n := len(jsonLD(t, name, get(t, tree, name))); n != 0 {
			t.Errorf("%s: %d JSON-LD blocks, want none", name, n)
		}
	}
}

func TestPagination(t *testing.T) {
	in := fixture("en")
	in.Posts = nil
	for i := range 23 {
		in.Posts = append(in.Posts, newPost(fmt.Sprintf("post-%02d", 23-i), fmt.Sprintf("Post %d", 23-i), day(2026, time.January, 23-i)))
	}
	tree := render(t, in)
	if tree.Has("posts/page/1/index.html") || tree.Has("posts/page/4/index.html") {
		t.Errorf("pages of posts: %v", tree.Names())
	}
	tests := []struct {
		file         string
		first, last  string // the slugs of the first and last post listed
		count        int
		newer, older string // hrefs of the pager, "" when absent
	}{
		{"posts/index.html", "post-23", "post-14", 10, "", "/posts/page/2/"},
		{"posts/page/2/index.html", "post-13", "post-04", 10, "/posts/", "/posts/page/3/"},
		{"posts/page/3/index.html", "post-03", "post-01", 3, "/posts/page/2/", ""},
	}
	cardRE := regexp.MustCompile(`<h2><a href="/posts/(post-\d+)/">`)
	for _, tt := range tests {
		page := get(t, tree, tt.file)
		cards := cardRE.FindAllStringSubmatch(page, -1)
		if len(cards) != tt.count || cards[0][1] != tt.first || cards[len(cards)-1][1] != tt.last {
			t.Errorf("%s: %d posts from %s to %s, want %d from %s to %s", tt.file, len(cards), cards[0][1], cards[len(cards)-1][1], tt.count, tt.first, tt.last)
		}
		for rel, want := range map[string]string{"prev": tt.newer, "next": tt.older} {
			m := regexp.MustCompile(`<a href="([^"]*)" rel="` + rel + `">`).FindStringSubmatch(page)
			got := ""
			if m != nil {
				got = m[1]
			}
			if got != want {
				t.Errorf("%s: rel=%s link %q, want %q", tt.file, rel, got, want)
			}
		}
	}
	if !strings.Contains(get(t, tree, "posts/page/2/index.html"), "Page 2 of 3") {
		t.Errorf("page 2 does not say where it is")
	}
	if n := strings.Count(get(t, tree, "feed.xml"), "<entry>"); n != feedLength {
		t.Errorf("feed has %d entries, want %d", n, feedLength)
	}
	if !strings.Contains(get(t, tree, "feed.xml"), "<updated>2026-01-23T00:00:00Z</updated>\n  <author>") {
		t.Errorf("feed updated is not the newest post's date")
	}
	if !strings.Contains(get(t, tree, "sitemap.xml"), "<loc>https://camille.example/posts/page/3/</loc>\n    <lastmod>2026-01-03</lastmod>") {
		t.Errorf("sitemap lacks page 3 with the date of its newest post")
	}
}

func TestDates(t *testing.T) {
	tests := []struct{ lang, want string }{
		{"fr", `<time datetime="2026-11-01">1er` + "\u00a0" + `novembre 2026</time>`},
		{"fr", `<time datetime="2026-11-02">2` + "\u00a0" + `novembre 2026</time>`},
		{"fr", `Mis à jour le <time datetime="2026-11-05">5` + "\u00a0" + `novembre 2026</time>`},
		{"fr", "4\u00a0min de lecture"},
		{"en", `<time datetime="2026-11-01">November` + "\u00a0" + `1, 2026</time>`},
		{"en", `Updated <time datetime="2026-11-05">November` + "\u00a0" + `5, 2026</time>`},
		{"en", "1\u00a0min read"},
	}
	trees := map[string]*output.Tree{"fr": render(t, fixture("fr")), "en": render(t, fixture("en"))}
	for _, tt := range tests {
		var all strings.Builder
		for _, name := range trees[tt.lang].Names() {
			all.WriteString(get(t, trees[tt.lang], name))
		}
		if !strings.Contains(all.String(), tt.want) {
			t.Errorf("%s: no page has %q", tt.lang, tt.want)
		}
	}
}

// TestTypography checks that user text gets the language's typography in
// pages, and that URLs do not.
func TestTypography(t *testing.T) {
	tree := render(t, fixture("fr"))
	home := get(t, tree, "index.html")
	if want := "La simplicité se conçoit\u00a0: elle ne s’improvise pas\u202f!"; !strings.Contains(home, want) {
		t.Errorf("home: the message lacks French typography, want %q", want)
	}
	post := get(t, tree, "posts/premier-article/index.html")
	if !strings.Contains(post, `href="https://example.org/a?b=1&amp;c=2"`) {
		t.Errorf("post: a URL of the body was changed")
	}
	if want := "Personne ne lit\u00a0: on survole. Voici comment concevoir pour l’œil qui balaie."; !strings.Contains(post, want) {
		t.Errorf("post: the summary lacks French typography, want %q", want)
	}
}

func TestDraftsAndScheduled(t *testing.T) {
	in := fixture("fr")
	in.Posts[0].Draft = true
	in.Posts[1].Scheduled = true
	tests := []struct {
		drafts bool
		file   string
		badge  string
	}{
		{true, "posts/premier-article/index.html", `<span class="badge">Brouillon</span>`},
		{true, "posts/le-1er-du-mois/index.html", `<span class="badge">Programmé</span>`},
		{false, "posts/premier-article/index.html", ""},
	}
	for _, tt := range tests {
		in.Drafts = tt.drafts
		page := get(t, render(t, in), tt.file)
		hasBadge := strings.Contains(page, `class="badge"`)
		noIndex := strings.Contains(page, `<meta name="robots" content="noindex">`)
		if tt.badge != "" && (!strings.Contains(page, tt.badge) || !noIndex) {
			t.Errorf("drafts=%v %s: want badge %s and noindex", tt.drafts, tt.file, tt.badge)
		}
		if tt.badge == "" && (hasBadge || noIndex) {
			t.Errorf("drafts=%v %s: a badge or noindex in a build without drafts", tt.drafts, tt.file)
		}
	}
}

func TestNoPosts(t *testing.T) {
	in := fixture("en")
	in.Posts = nil
	in.Portrait = nil
	tree := render(t, in)
	want := []string{"404.html", "about/index.html", "favicon.svg", "index.html", "links/index.html", "posts/index.html", "robots.txt", "sitemap.xml", "style.css"}
	if got := tree.Names(); !slices.Equal(got, want) {
		t.Errorf("files = %v, want %v", got, want)
	}
	for _, name := range tree.Names() {
		if body := get(t, tree, name); strings.Contains(body, "feed.xml") || strings.Contains(body, "/tags/") {
			t.Errorf("%s links to a feed or tags that do not exist", name)
		}
	}
	if !strings.Contains(get(t, tree, "posts/index.html"), "No posts yet.") {
		t.Errorf("the empty posts list does not say so")
	}
}

func TestAboutFromContent(t *testing.T) {
	in := fixture("en")
	in.About = &Page{Title: "Hello, I'm Camille", HTML: "<p>I design <em>simple</em> things.</p>", Summary: "Who I am."}
	page := get(t, render(t, in), "about/index.html")
	for _, want := range []string{"<h1>Hello, I’m Camille</h1>", "<p>I design <em>simple</em> things.</p>",
		`<meta name="description" content="Who I am.">`, "<title>Hello, I’m Camille · Camille Martin</title>"} {
		if !strings.Contains(page, want) {
			t.Errorf("about page lacks %q", want)
		}
	}
	if strings.Contains(page, `class="facts"`) {
		t.Errorf("about page built from the profile although content/about.md was given")
	}
}

func TestThemeOverride(t *testing.T) {
	kit := fstest.MapFS{
		"theme/templates/post.html": {Data: []byte(`<!doctype html><title>{{.Post.Title}}</title><p>custom {{.Site.Name}}</p>`)},
		"theme/static/style.css":    {Data: []byte("body { color: var(--text); }\n")},
		"theme/static/img/mark.svg": {Data: []byte("<svg/>")},
	}
	th, err := theme.Load(kit)
	if err != nil {
		t.Fatal(err)
	}
	tree := output.NewTree()
	if err := Render(fixture("en"), th, tree); err != nil {
		t.Fatal(err)
	}
	if got, want := get(t, tree, "posts/ancien/index.html"), "<!doctype html><title>An older post</title><p>custom Camille Martin</p>"; got != want {
		t.Errorf("overridden post page = %q, want %q", got, want)
	}
	css := get(t, tree, "style.css")
	if !strings.HasSuffix(css, "body { color: var(--text); }\n") || !strings.Contains(css, "--primary: #1F3A5F;") {
		t.Errorf("overridden style.css lacks the palette or the kit's rules:\n%s", css)
	}
	if get(t, tree, "img/mark.svg") != "<svg/>" {
		t.Errorf("the kit's added static file is missing")
	}
	if !strings.Contains(get(t, tree, "index.html"), `class="hero h-card"`) {
		t.Errorf("the pages the kit does not override lost the default theme")
	}
}

func TestPrelude(t *testing.T) {
	base := profile("fr").Identity.Colors
	pale := base
	pale.Primary = brand.Color{R: 0x9A, G: 0xB8, B: 0xD8} // 2:1 on the background
	pale.Accent = brand.Color{R: 0xF5, G: 0xE6, B: 0xC8}  // under 3:1, but primary is no better
	pale.Muted = brand.Color{R: 0xB0, G: 0xB0, B: 0xB0}
	tests := []struct {
		name   string
		colors brand.Palette
		fonts  Fonts
		want   []string
	}{
		{"brand colours", base, Fonts{}, []string{"--link: #1F3A5F;", "--heading: #1F3A5F;", "--focus: #E4572E;", "--muted-text: #6B7280;", "--on-primary: #FAF7F2;", "--font-heading: \"Iowan Old Style\""}},
		{"pale colours", pale, Fonts{}, []string{"--link: #1B1B1B;", "--heading: #1B1B1B;", "--focus: #1B1B1B;", "--muted-text: #1B1B1B;", "--on-primary: #000000;"}},
		{"fonts", base, Fonts{Heading: "/fonts/Heading.woff2", Body: `/fonts/Bo"dy.ttf`}, []string{
			`src: url("/fonts/Heading.woff2") format("woff2");`,
			`src: url("/fonts/Bo\22 dy.ttf") format("truetype");`,
			`--font-heading: "Brand Heading", "Iowan`, `--font-body: "Brand Body", system-ui`}},
	}
	for _, tt := range tests {
		css := string(prelude(tt.colors, tt.fonts))
		for _, w := range tt.want {
			if !strings.Contains(css, w) {
				t.Errorf("%s: no %q in\n%s", tt.name, w, css)
			}
		}
	}
}

func TestFediverseAddress(t *testing.T) {
	tests := []struct{ handle, url, want string }{
		{"@camille@mastodon.social", "", "@camille@mastodon.social"},
		{"camille@piaille.fr", "https://piaille.fr/@camille", "@camille@piaille.fr"},
		{"camille", "https://mastodon.social/@camille", "@camille@mastodon.social"},
		{"camille", "https://mastodon.social/users/camille", ""},
		{"", "not a url", ""},
	}
	for _, tt := range tests {
		if got := fediverseAddress(tt.handle, tt.url); got != tt.want {
			t.Errorf("fediverseAddress(%q, %q) = %q, want %q", tt.handle, tt.url, got, tt.want)
		}
	}
}

func TestStyleSize(t *testing.T) {
	css := get(t, render(t, fixture("fr")), "style.css")
	if len(css) > 12*1024 {
		t.Errorf("style.css is %d bytes, over 12 KiB", len(css))
	}
}
