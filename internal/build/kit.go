package build

import (
	"context"

	"github.com/marque-kit/marque/internal/diag"
	"github.com/marque-kit/marque/internal/manifest"
	"github.com/marque-kit/marque/internal/output"
)

// renderKit adds the brand kit to the site: each part adds its files under
// kit/ and its entries to the manifest, written last.
func renderKit(ctx context.Context, k *kit, site *output.Tree, l *diag.List) error {
	var m manifest.Manifest
	// Each part of the kit adds its files and manifest entries here.
	if err := encodeImages(ctx, k, site, &m, l); err != nil {
		return err
	}
	if err := addBios(ctx, k, site, &m, l); err != nil {
		return err
	}
	attachShares(k, &m) // last: the share texts' entries exist by now
	if len(m.Images)+len(m.Bios)+len(m.Shares) == 0 {
		return nil // nothing in the kit yet: no index of nothing
	}
	data, err := m.JSON()
	if err != nil {
		return err
	}
	return site.Add(manifest.Path, data)
}
