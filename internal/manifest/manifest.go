package manifest

import (
	"cmp"
	"slices"
	"strconv"
	"unicode/utf8"
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
//
// It writes the bytes encoding/json's Encoder writes, indented by two
// spaces and with HTML left unescaped, but directly: without reflection,
// and without a second pass that indents. The manifest of a thousand
// posts is 2 MB, which encoding/json took 11 ms to write on each of
// serve's rebuilds, and this 2. TestJSONAsEncodingJSON and FuzzJSON keep
// the two the same.
func (m *Manifest) JSON() ([]byte, error) {
	images := sorted(m.Images, func(a, b *Image) int {
		return cmp.Or(cmp.Compare(a.Network, b.Network), cmp.Compare(a.Slot, b.Slot))
	})
	bios := sorted(m.Bios, func(a, b *Bio) int {
		return cmp.Or(cmp.Compare(a.Network, b.Network), cmp.Compare(a.Field, b.Field))
	})
	shares := sorted(m.Shares, func(a, b *Share) int {
		return cmp.Or(cmp.Compare(a.Post, b.Post), cmp.Compare(a.Network, b.Network))
	})
	files := sorted(m.Files, func(a, b *File) int { return cmp.Compare(a.Path, b.Path) })

	// What the entries take, the strings' escapes aside, so that the
	// buffer is allocated once: each entry's punctuation, names and
	// numbers take less than 300 bytes.
	size := 64
	for _, e := range m.Images {
		size += 300 + len(e.Network) + len(e.Slot) + len(e.Path) + len(e.SHA256)
	}
	for _, e := range m.Bios {
		size += 300 + len(e.Network) + len(e.Field) + len(e.Text) + len(e.Unit)
	}
	for _, e := range m.Shares {
		size += 300 + len(e.Post) + len(e.Network) + len(e.Text) + len(e.Image) + len(e.SHA256) + len(e.Unit)
	}
	for _, e := range m.Files {
		size += 300 + len(e.Kind) + len(e.Network) + len(e.Path) + len(e.URL) + len(e.Type) + len(e.SHA256)
	}
	b := make([]byte, 0, size)
	b = append(b, "{\n"...)
	b = appendList(b, "images", images, false, func(f fields, e *Image) fields {
		f.str("network", e.Network)
		f.str("slot", e.Slot)
		f.str("path", e.Path)
		f.num("width", e.Width)
		f.num("height", e.Height)
		f.num("bytes", e.Bytes)
		f.str("sha256", e.SHA256)
		return f
	})
	b = appendList(b, "bios", bios, false, func(f fields, e *Bio) fields {
		f.str("network", e.Network)
		f.str("field", e.Field)
		f.str("text", e.Text)
		f.num("count", e.Count)
		f.num("limit", e.Limit)
		f.str("unit", e.Unit)
		return f
	})
	b = appendList(b, "shares", shares, false, func(f fields, e *Share) fields {
		f.str("post", e.Post)
		f.str("network", e.Network)
		f.str("text", e.Text)
		f.optStr("image", e.Image)
		f.optNum("width", e.Width)
		f.optNum("height", e.Height)
		f.optNum("bytes", e.Bytes)
		f.optStr("sha256", e.SHA256)
		f.num("count", e.Count)
		f.num("limit", e.Limit)
		f.str("unit", e.Unit)
		return f
	})
	b = appendList(b, "files", files, true, func(f fields, e *File) fields {
		f.str("kind", e.Kind)
		f.optStr("network", e.Network)
		f.str("path", e.Path)
		f.optStr("url", e.URL)
		f.str("type", e.Type)
		f.optNum("width", e.Width)
		f.optNum("height", e.Height)
		f.num("bytes", e.Bytes)
		f.str("sha256", e.SHA256)
		return f
	})
	return append(b, "}\n"...), nil
}

// sorted returns pointers to the items of s, sorted (stably) by cmp.
// Pointers, not a sorted copy: moving the structs of two thousand shares
// about, each with its strings, took most of the time of JSON.
func sorted[T any](s []T, cmp func(a, b *T) int) []*T {
	out := make([]*T, len(s))
	for i := range s {
		out[i] = &s[i]
	}
	slices.SortStableFunc(out, cmp)
	return out
}

// appendList appends the member name of the manifest, the list items, as
// the indented encoder writes it, each item's fields written by item; and
// a comma unless it is the last member.
func appendList[T any](b []byte, name string, items []*T, last bool, item func(fields, *T) fields) []byte {
	b = append(b, `  "`...)
	b = append(b, name...)
	b = append(b, `": [`...)
	for i := range items {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n    {"...)
		// By value: a *fields would go to the heap through the func
		// value, and each append then pay the GC's write barrier.
		b = append(item(fields{b: b}, items[i]).b, "\n    }"...)
	}
	if len(items) > 0 {
		b = append(b, "\n  "...)
	}
	b = append(b, ']')
	if !last {
		b = append(b, ',')
	}
	return append(b, '\n')
}

// fields appends the members of one item of a list.
type fields struct {
	b    []byte
	more bool // a member is written: the next one follows a comma
}

func (f *fields) name(name string) {
	if f.more {
		f.b = append(f.b, ',')
	}
	f.more = true
	f.b = append(f.b, "\n      \""...)
	f.b = append(f.b, name...)
	f.b = append(f.b, `": `...)
}

func (f *fields) str(name, v string) {
	f.name(name)
	f.b = appendString(f.b, v)
}

func (f *fields) num(name string, v int) {
	f.name(name)
	f.b = strconv.AppendInt(f.b, int64(v), 10)
}

// optStr and optNum write a member tagged omitempty: not at all when
// empty.
func (f *fields) optStr(name, v string) {
	if v != "" {
		f.str(name, v)
	}
}

func (f *fields) optNum(name string, v int) {
	if v != 0 {
		f.num(name, v)
	}
}

// appendString appends s as a JSON string, escaped as encoding/json does
// when it leaves HTML alone: quotes, backslashes and control characters
// (the usual ones by their short escapes), U+2028 and U+2029, and each
// byte of invalid UTF-8 as U+FFFD.
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if i+8 <= len(s) && plain(s, i) {
			i += 8
			continue
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// plain reports whether the eight bytes of s from i are ASCII that JSON
// writes as it is: no control character, quote or backslash. Testing
// eight bytes at once with the bit tricks below took the time of
// appendString on a manifest of a thousand posts from 2.4 ms to 0.8.
func plain(s string, i int) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	_ = s[i+7]
	w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
		uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
	// A byte below 0x20 borrows in w-0x20 into its high bit, which w
	// does not have set, as does a byte that is zero once xored with '"'
	// or '\\' in x-1; a byte of 0x80 and above has it set already.
	below := func(x, n uint64) uint64 { return (x - n*ones) &^ x }
	return (below(w, 0x20)|below(w^'"'*ones, 1)|below(w^'\\'*ones, 1)|w)&highs == 0
}
