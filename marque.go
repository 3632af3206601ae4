// Package marque is the root of the marque module. The repository root is
// itself a complete example kit; this package embeds it so that
// `marque new site` can write it anywhere.
package marque

import "embed"

// Example is the example kit: brand.toml, content/ and assets/.
//
//go:embed brand.toml content assets
var Example embed.FS
