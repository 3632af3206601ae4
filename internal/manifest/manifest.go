package manifest

import (
	"bytes"
	"cmp"
	"encoding/json"
	"slices"
)

// Path is where the manifest lands in the output.
const Path = "kit/manifest.json"

// Manifest is the index of the kit. Its zero value is empty and ready to use.
type Manifest struct {
	Images []Image `json:"images"`
	Bios   []Bio   `json:"bios"`
	Shares []Share `json:"shares"`
	Files  []File  `json:"files"`
}

// Image is one image made once per kit: an avatar, a banner, a story, an
// icon.
type Image struct {
	Network string `json:"network"`
	Slot    string `json:"slot"`
	Path    string `json:"path"` // in the output, e.g. kit/linkedin/banner.png
	Width   int    `json:"width"`
	Height  int    `json:"height"`
	Bytes   int    `json:"bytes"`
	SHA256  string `json:"sha256"`
}

// Bio is the text chosen for one profile field of one network.
type Bio struct {
	Network string `json:"network"`
	Field   string `json:"field"`
	Text    string `json:"text"`
	Count   int    `json:"count"`
	Limit   int    `json:"limit"`
	Unit    string `json:"unit"`
}

// Share is what to post on one network for one post: its text and, when the
// network has a post image slot, its image.
type Share struct {
	Post    string `json:"post"` // the post's slug
	Network string `json:"network"`
	Text    string `json:"text"`
	Image   string `json:"image,omitempty"`
	Width   int    `json:"width,omitempty"`
	Height  int    `json:"height,omitempty"`
	Bytes   int    `json:"bytes,omitempty"`
	SHA256  string `json:"sha256,omitempty"`
	Count   int    `json:"count"`
	Limit   int    `json:"limit"`
	Unit    string `json:"unit"`
}

// File is a file of the kit that is neither an image slot nor a text: the
// contact card and its QR codes, the business card, the e-mail signature,
// the links pages and the site's identity files under .well-known/.
type File struct {
	// Kind says what the file is: "contact", "qr-site", "qr-contact",
	// "business-card", "business-card-preview" (a PNG of each side),
	// "email-signature", "links" or "well-known". The formats of one
	// thing (a QR code's PNG and SVG) share a kind.
	Kind    string `json:"kind"`
	Network string `json:"network,omitempty"` // the network a links page is for
	Path    string `json:"path"`              // in the output, e.g. kit/contact.vcf
	// URL is the absolute address of a page or file the world reads from
	// the site: a links page to put in a network's website field.
	URL    string `json:"url,omitempty"`
	Type   string `json:"type"`             // media type
	Width  int    `json:"width,omitempty"`  // pixels, for PNG images
	Height int    `json:"height,omitempty"` // pixels, for PNG images
	Bytes  int    `json:"bytes"`
	SHA256 string `json:"sha256"`
}

// JSON returns the manifest as indented JSON, its lists sorted so that the
// bytes do not depend on the order in which parallel work filled them.
func (m *Manifest) JSON() ([]byte, error) {
	out := Manifest{
		Images: sorted(m.Images, func(a, b Image) int {
			return cmp.Or(cmp.Compare(a.Network, b.Network), cmp.Compare(a.Slot, b.Slot))
		}),
		Bios: sorted(m.Bios, func(a, b Bio) int {
			return cmp.Or(cmp.Compare(a.Network, b.Network), cmp.Compare(a.Field, b.Field))
		}),
		Shares: sorted(m.Shares, func(a, b Share) int {
			return cmp.Or(cmp.Compare(a.Post, b.Post), cmp.Compare(a.Network, b.Network))
		}),
		Files: sorted(m.Files, func(a, b File) int { return cmp.Compare(a.Path, b.Path) }),
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// sorted returns a sorted copy of s, never nil, so that an empty list is
// written as [] rather than null.
func sorted[T any](s []T, cmp func(a, b T) int) []T {
	out := append(make([]T, 0, len(s)), s...)
	slices.SortStableFunc(out, cmp)
	return out
}
