package post

import (
	"time"

	"github.com/marque-kit/marque/internal/brand"
	"github.com/marque-kit/marque/internal/diag"
)

// Post is one post, its front matter decoded and validated.
type Post struct {
	File *diag.File // the whole file; File.Name is kit-relative, e.g. content/posts/x.md
	// Dir is the kit-relative folder of a page bundle (content/posts/<slug>),
	// whose other files are the post's resources; "" for a single file.
	Dir string

	Slug       string
	Title      string
	Date       time.Time // a calendar date, at midnight UTC
	Updated    time.Time // zero when absent
	Draft      bool
	Summary    string // as written; "" when absent
	Tags       []string
	Cover      string // kit-relative slash path, or ""
	CoverAlt   string
	CoverFocus brand.Focus
	Networks   []string // nil means every configured network

	// Body is the Markdown after the front matter; BodyOffset is the byte
	// offset of Body in File.Src, so that positions in the body map back to
	// the file.
	Body       []byte
	BodyOffset int

	keys   map[string]int // front matter key -> byte offset of the key in File.Src
	values map[string]int // front matter key -> byte offset of its value
}

// Pos returns the position of the front matter key in the post's file, or
// of the file's first line when the key is absent.
func (p *Post) Pos(key string) diag.Pos {
	if off, ok := p.keys[key]; ok {
		return p.File.Pos(off)
	}
	return p.File.LineCol(1, 1)
}

// ValuePos returns the position of the first character of the value of the
// front matter key (for a string, its opening quote), or Pos(key) when the
// key is absent.
func (p *Post) ValuePos(key string) diag.Pos {
	if off, ok := p.values[key]; ok {
		return p.File.Pos(off)
	}
	return p.Pos(key)
}
