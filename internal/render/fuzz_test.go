package render

import (
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/marque-kit/marque/internal/output"
	"github.com/marque-kit/marque/internal/typo"
	"github.com/marque-kit/marque/theme"
)

// FuzzEscaping renders a post whose title, summary and tag are arbitrary
// strings and checks that they never escape their context: the page has
// no element but the theme's, and its JSON-LD and the feed parse and give
// the strings back.
func FuzzEscaping(f *testing.F) {
	f.Add(hostile, "summary", "tag")
	f.Add("a\u2028b</SCRIPT >", `"><svg onload=x>`, "]]><!--")
	f.Add("\x00\x1b\xff", "&amp; &#34;", "{{.}}")
	th, err := theme.Load(nil)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, title, summary, tag string) {
		in := fixture("fr")
		p := in.Posts[0]
		p.Title, p.Summary, p.Tags = title, summary, []string{tag}
		tree := output.NewTree()
		if err := Render(in, th, tree); err != nil {
			t.Fatal(err)
		}
		page := get(t, tree, "posts/premier-article/index.html")
		if n := strings.Count(strings.ToLower(page), "<script"); n != 1 {
			t.Fatalf("%d script elements in the post page", n)
		}
		m := ldRE.FindStringSubmatch(page)
		var ld struct{ Headline string }
		if err := json.Unmarshal([]byte(m[1]), &ld); err != nil {
			t.Fatalf("JSON-LD does not parse: %v", err)
		}
		if want := typo.Apply("fr", title); ld.Headline != want {
			t.Fatalf("JSON-LD headline %q, want %q", ld.Headline, want)
		}
		var feed struct {
			Entries []struct {
				Summary string `xml:"summary"`
			} `xml:"entry"`
		}
		if err := xml.Unmarshal([]byte(get(t, tree, "feed.xml")), &feed); err != nil {
			t.Fatalf("feed does not parse: %v", err)
		}
	})
}
