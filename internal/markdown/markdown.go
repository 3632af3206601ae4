package markdown

import (
	"bytes"
	"fmt"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Renderer renders Markdown bodies in one language. It is safe for
// concurrent use after New.
type Renderer struct {
	lang   string
	md     goldmark.Markdown
	noHTML bool // Lint
}

// New returns a Renderer that typesets text by the rules of lang ("fr",
// "en"; see typo.Apply).
func New(lang string) *Renderer {
	md := goldmark.New(
		goldmark.WithExtensions(
			extension.Table,
			extension.Strikethrough,
			linkify{}, // extension.Linkify, faster
			extension.TaskList,
			extension.Footnote,
		),
		// Below the HTML renderer's priority (1000), so that ours win.
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(htmlRenderer{}, 100))),
	)
	return &Renderer{lang: lang, md: md}
}

// Lint returns a Renderer that reads bodies as r does and leaves their
// Doc.HTML empty, for a check that shows no page.
func (r *Renderer) Lint() *Renderer {
	l := *r
	l.noHTML = true
	return &l
}

// Doc is a rendered body and what was read from it.
type Doc struct {
	HTML []byte // the body as HTML
	// Text is the visible prose as plain text, typeset, one paragraph,
	// list item or table row a paragraph, paragraphs separated by "\n\n".
	// Headings, code blocks and image alt texts are not prose and are left
	// out; footnotes come last.
	Text     string
	Words    int       // the number of words in Text
	Links    []Ref     // every link and autolink in the body, in source order
	Images   []Ref     // every image, in source order, with its alt text
	Headings []Heading // every heading, in order
	// Prose is the text of every block as typed, before typography, with
	// its map to the source: what the voice linter checks.
	Prose []Prose
	// RawHTML holds the byte ranges of the raw HTML in the body, which the
	// page drops: the voice linter reads its marque:disable comments there.
	RawHTML []Range
}

// Ref is a link or an image in a body.
type Ref struct {
	// Dest is the destination as written, with Markdown's backslash escapes
	// and entity references resolved, before any percent-encoding. An
	// autolink written without a scheme (www.example.com, a@b.fr) has the
	// one its href gets (http://, mailto:).
	Dest string
	// Text is the link text or the image's alt text, as plain typeset text.
	Text string
	// Offset is the byte offset in the rendered source of the link's "[",
	// the image's "!", an autolink's "<" or, for a bare URL, its first
	// character. A caller whose body starts at an offset in its file adds
	// that offset.
	Offset int
}

// Heading is a heading of a body.
type Heading struct {
	Level int    // 1 to 6, as written: a body's headings are not shifted
	Text  string // plain typeset text
	ID    string // the id attribute it got, unique in the body
}

// Render parses src, typesets it and renders it to HTML. Problems in the
// Markdown are not errors: any text renders to something. The error is
// for a failure of the machine.
func (r *Renderer) Render(src []byte) (*Doc, error) {
	root := r.md.Parser().Parse(text.NewReader(src))
	// One copy of src as a string, so that the text read from the tree
	// is slices of it rather than a copy for each piece.
	text := string(src)
	prose, raw := readProse(root, src, text) // before typesetting replaces the text nodes
	typeset(root, src, text, r.lang)
	setHeadingIDs(root, src)
	doc := read(root, src)
	doc.Prose, doc.RawHTML = prose, raw
	if r.noHTML {
		return doc, nil
	}
	var buf htmlBuffer
	buf.Grow(len(src) + len(src)/4)
	if err := r.md.Renderer().Render(&buf, src, root); err != nil {
		return nil, fmt.Errorf("render markdown: %w", err)
	}
	doc.HTML = buf.Bytes()
	return doc, nil
}

// htmlBuffer is a bytes.Buffer that goldmark's renderer writes to as it is:
// it wraps a writer that is not a util.BufWriter in a bufio.Writer, which
// each body would allocate and copy its HTML through.
type htmlBuffer struct{ bytes.Buffer }

// Buffered returns 0: what is written is in the buffer already.
func (*htmlBuffer) Buffered() int { return 0 }

// Flush does nothing, for the same reason.
func (*htmlBuffer) Flush() error { return nil }

var _ util.BufWriter = (*htmlBuffer)(nil)
