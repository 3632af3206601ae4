// Package post loads a kit's posts: the load stage for content. It finds
// content/posts/*.md and page bundles content/posts/<slug>/index.md, splits
// and strictly decodes their TOML front matter, and reports every problem as
// a finding whose line counts from the top of the file.
package post
