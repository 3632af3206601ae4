package build

import (
	"context"

	"golang.org/x/sync/errgroup"

	"github.com/marque-kit/marque/internal/diag"
	"github.com/marque-kit/marque/internal/manifest"
	"github.com/marque-kit/marque/internal/output"
	"github.com/marque-kit/marque/internal/render"
	"github.com/marque-kit/marque/theme"
)

// renderAll makes the site and the brand kit in memory. The pages and the
// parts of the kit that do not need them (the images, the texts, the
// print files) are made at once, each into its own tree, then put
// together in a fixed order; then the manifest lists the links pages, the
// kit page shows every file of the kit, and the manifest is written last.
func renderAll(ctx context.Context, k *kit, th *theme.Theme, l *diag.List) (*output.Tree, error) {
	site, in, err := prepareSite(ctx, k, l)
	if err != nil {
		return nil, err
	}
	type part struct {
		add  func(context.Context, *kit, *output.Tree, *manifest.Manifest, *diag.List) error
		tree *output.Tree
		m    manifest.Manifest
		l    diag.List
	}
	parts := []*part{{add: encodeImages}, {add: addBios}, {add: addPrint}}
	pages := output.NewTree()
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error { return render.Render(in, th, pages) })
	for _, p := range parts {
		p.tree = output.NewTree()
		g.Go(func() error { return p.add(gctx, k, p.tree, &p.m, &p.l) })
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	if err := site.Merge(pages); err != nil {
		return nil, err
	}
	var m manifest.Manifest
	if err := addAccounts(k, site, &m, l); err != nil {
		return nil, err
	}
	for _, p := range parts {
		if err := site.Merge(p.tree); err != nil {
			return nil, err
		}
		m.Images = append(m.Images, p.m.Images...)
		m.Bios = append(m.Bios, p.m.Bios...)
		m.Shares = append(m.Shares, p.m.Shares...)
		m.Files = append(m.Files, p.m.Files...)
		l.Append(p.l)
	}
	if !l.HasErrors() {
		k.out.start(site) // all but the kit page and the manifest
	}
	attachShares(k, &m) // the share texts' entries exist by now
	// The kit page shows every file of the kit: after all the others.
	if err := addKitPage(k, th, site, &m); err != nil {
		return nil, err
	}
	if manifestEmpty(&m) {
		return site, nil // nothing in the kit yet: no index of nothing
	}
	var data []byte // a check names the manifest only, as its pages
	if !k.lint {
		if data, err = m.JSON(); err != nil {
			return nil, err
		}
	}
	if err := site.Add(manifest.Path, data); err != nil {
		return nil, err
	}
	return site, nil
}
