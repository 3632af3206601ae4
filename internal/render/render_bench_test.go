package render

import (
	"fmt"
	"html/template"
	"strings"
	"testing"
	"time"

	"github.com/marque-kit/marque/internal/output"
	"github.com/marque-kit/marque/theme"
)

// BenchmarkRender renders a site of 200 posts of about 8 KiB of HTML each,
// tagged from a set of 20: the templates of every page, the feed and the
// sitemap.
func BenchmarkRender(b *testing.B) {
	th, err := theme.Load(nil)
	if err != nil {
		b.Fatal(err)
	}
	in := fixture("fr")
	in.Posts = nil
	body := template.HTML(strings.Repeat("<p>Un paragraphe d’environ quatre-vingts mots, avec <em>de l’emphase</em> et <a href=\"/posts/post-001/\">un lien</a>, pour peser ce que pèse un article.</p>\n", 60))
	for i := range 200 {
		p := newPost(fmt.Sprintf("post-%03d", i), fmt.Sprintf("Article numéro %d : une question ?", i), day(2026, time.January, 1).AddDate(0, 0, -i), fmt.Sprintf("tag-%d", i%20), fmt.Sprintf("tag-%d", (i+7)%20))
		p.HTML = body
		in.Posts = append(in.Posts, p)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := Render(in, th, output.NewTree()); err != nil {
			b.Fatal(err)
		}
	}
}
