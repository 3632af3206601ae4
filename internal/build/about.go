package build

import (
	"fmt"
	"github.com/marque-kit/marque/internal/diag"
	"github.com/marque-kit/marque/internal/markdown"
	"github.com/marque-kit/marque/internal/post"
)

// loadAbout reads and renders content/about.md; nil when the kit has none,
// and the About page is then made from the profile.
func loadAbout(k *kit, md *markdown.Renderer, l *diag.List) (*aboutDoc, error) {
	page, pl := post.LoadPage(k.fsys, post.AboutFile)
	l.Append(pl)
	if page == nil {
		return nil, nil
	}
	doc, err := k.markdown(md, page.Body)
	if err != nil {
		return nil, fmt.Errorf("render %s: %w", page.File.Name, err)
	}
	return &aboutDoc{
		file:       page.File,
		bodyOffset: page.BodyOffset,
		title:      page.Title,
		doc:        doc,
		summary:    markdown.Summary(doc.Text, summaryRunes),
	}, nil
}
