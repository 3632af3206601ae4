package render

import (
	"encoding/json"
	"html"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestLinksPageUTM(t *testing.T) {
	in := fixture("fr")
	in.Profile.Links.UTM = true
	tree := render(t, in)
	for _, n := range []string{"linkedin", "mastodon", "x"} {
		page := get(t, tree, "links/"+n+"/index.html")
		if !strings.Contains(page, `<link rel="canonical" href="https://camille.example/links/">`) {
			t.Errorf("links/%s/ does not name links/ as its canonical page", n)
		}
		tag := "?utm_campaign=links&amp;utm_medium=social&amp;utm_source=" + n
		for _, want := range []string{`href="/posts/premier-article/` + tag + `"`, `href="/` + tag + `"`} {
			if !strings.Contains(page, want) {
				t.Errorf("links/%s/ lacks %s", n, want)
			}
		}
		// Other sites' addresses are never tagged.
		if !strings.Contains(page, `href="https://www.linkedin.com/in/camille-martin" rel="me"`) {
			t.Errorf("links/%s/ tags or drops the LinkedIn profile", n)
		}
		if strings.Contains(page, "linkedin.com/in/camille-martin?") {
			t.Errorf("links/%s/ tags another site's address", n)
		}
	}
	page := get(t, tree, "links/index.html")
	if strings.Contains(page, "utm_") {
		t.Error("links/ itself tags its links: it does not know where its reader comes from")
	}
	sitemap := get(t, tree, "sitemap.xml")
	if !strings.Contains(sitemap, "<loc>https://camille.example/links/</loc>") || strings.Contains(sitemap, "/links/linkedin/") {
		t.Errorf("the sitemap should list links/ and no copy:\n%s", sitemap)
	}
}

func TestLinksPageWithoutUTM(t *testing.T) {
	tree := render(t, fixture("en"))
	if slices.ContainsFunc(tree.Names(), func(n string) bool { return strings.HasPrefix(n, "links/") && n != "links/index.html" }) {
		t.Errorf("copies of the links page without [links] utm: %v", tree.Names())
	}
	page := get(t, tree, "links/index.html")
	for _, want := range []string{
		"<title>Links · Camille Martin</title>",
		`<a href="/posts/premier-article/"><span>Why your users don’t read your screens</span>`,
		`<a href="https://mastodon.social/@camille" rel="me"><span>Mastodon</span><span>@camille@mastodon.social</span></a>`,
		`<a href="https://x.com/camillemartin" rel="me"><span>X</span><span>@camillemartin</span></a>`,
		`<a href="mailto:bonjour@camille.example">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("links page lacks %s", want)
		}
	}
	if strings.Contains(page, "<script") {
		t.Error("the links page runs a script")
	}
}

var hcardRE = regexp.MustCompile(`(?s)<section class="hero h-card".*?</section>`)

// TestHCardMatchesJSONLD reads the home page's h-card as a microformats2
// parser would, for the properties marque writes, and compares it with
// the JSON-LD Person of the same page.
func TestHCardMatchesJSONLD(t *testing.T) {
	page := get(t, render(t, fixture("fr")), "index.html")
	var ld ldPerson
	m := ldRE.FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no JSON-LD")
	}
	if err := json.Unmarshal([]byte(m[1]), &ld); err != nil {
		t.Fatal(err)
	}
	card := hcardRE.FindString(page)
	if card == "" {
		t.Fatal("no h-card")
	}
	text := func(class string) string {
		re := regexp.MustCompile(`<(\w+)[^>]*class="[^"]*\b` + class + `\b[^"]*"[^>]*>(.*?)</(\w+)>`)
		m := re.FindStringSubmatch(card)
		if m == nil {
			return ""
		}
		return html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(m[2], ""))
	}
	attrs := func(class, attr string) []string {
		var out []string
		re := regexp.MustCompile(`<\w+[^>]*class="[^"]*\b` + class + `\b[^"]*"[^>]*>`)
		for _, tag := range re.FindAllString(card, -1) {
			if a := regexp.MustCompile(`\b` + attr + `="([^"]*)"`).FindStringSubmatch(tag); a != nil {
				out = append(out, html.UnescapeString(a[1]))
			}
		}
		return out
	}
	checks := []struct{ prop, h, ld string }{
		{"p-name", text("p-name"), ld.Name},
		{"p-job-title", text("p-job-title"), ld.JobTitle},
		{"p-note", text("p-note"), ld.Description},
		{"p-locality", text("p-locality"), ld.HomeLocation.Name},
		{"u-email", strings.Join(attrs("u-email", "href"), " "), ld.Email},
		{"u-photo", "https://camille.example" + strings.Join(attrs("u-photo", "src"), " "), ld.Image},
	}
	for _, c := range checks {
		if c.h == "" || c.h != c.ld {
			t.Errorf("h-card %s = %q, JSON-LD says %q", c.prop, c.h, c.ld)
		}
	}
	urls := attrs("u-url", "value")
	urls = append(urls, attrs("u-url", "href")...)
	want := append([]string{ld.URL}, ld.SameAs...)
	if !slices.Equal(urls, want) {
		t.Errorf("h-card u-url = %v, JSON-LD url and sameAs = %v", urls, want)
	}
	if len(ld.SameAs) != 3 {
		t.Errorf("sameAs = %v, want every profile", ld.SameAs)
	}
	for _, u := range ld.SameAs {
		if !strings.Contains(card, `href="`+u+`" rel="me"`) {
			t.Errorf("profile %s not linked rel=me in the h-card", u)
		}
	}
}
