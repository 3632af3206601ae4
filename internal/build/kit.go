package build

import (
	"context"

	"github.com/marque-kit/marque/internal/diag"
	"github.com/marque-kit/marque/internal/manifest"
	"github.com/marque-kit/marque/internal/output"
	"github.com/marque-kit/marque/theme"
)

// renderKit adds the brand kit to the site: each part adds its files under
// kit/ and its entries to the manifest, then the kit page shows them all,
// and the manifest is written last.
func renderKit(ctx context.Context, k *kit, th *theme.Theme, site *output.Tree, l *diag.List) error {
	var m manifest.Manifest
	// Each part of the kit adds its files and manifest entries here.
	if err := encodeImages(ctx, k, site, &m, l); err != nil {
		return err
	}
	if err := addBios(ctx, k, site, &m, l); err != nil {
		return err
	}
	if err := addIdentity(ctx, k, site, &m, l); err != nil {
		return err
	}
	attachShares(k, &m) // last: the share texts' entries exist by now
	// The kit page shows every file of the kit: after all the others.
	if err := addKitPage(k, th, site, &m); err != nil {
		return err
	}
	if manifestEmpty(&m) {
		return nil // nothing in the kit yet: no index of nothing
	}
	data, err := m.JSON()
	if err != nil {
		return err
	}
	return site.Add(manifest.Path, data)
}
