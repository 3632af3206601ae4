package markdown

import (
	"bytes"
	"cmp"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// read gathers a typeset tree's prose, links, images and headings.
func read(root ast.Node, src []byte) *Doc {
	d := &Doc{}
	// The paragraphs go straight into one buffer, separated by "\n\n".
	text := make([]byte, 0, len(src)) // the text is most often shorter than its source
	sep := func() int {
		mark := len(text)
		if mark > 0 {
			text = append(text, "\n\n"...)
		}
		return mark
	}
	var blocks func(n ast.Node)
	blocks = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Heading:
				id, _ := c.AttributeString("id")
				idBytes, _ := id.([]byte)
				d.Headings = append(d.Headings, Heading{Level: c.Level, Text: plainText(c, src), ID: string(idBytes)})
			case *ast.Paragraph, *ast.TextBlock:
				mark := sep()
				start := len(text)
				if text = appendPlain(text, c, src); len(text) == start {
					text = text[:mark] // no text, no paragraph
				}
			case *east.TableHeader, *east.TableRow:
				cells := make([]string, 0, c.ChildCount())
				for cell := c.FirstChild(); cell != nil; cell = cell.NextSibling() {
					cells = append(cells, plainText(cell, src))
				}
				if row := strings.TrimSpace(strings.Join(cells, "\t")); row != "" {
					sep()
					text = append(text, row...)
				}
			case *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock:
				// Not prose.
			default:
				blocks(c)
			}
		}
	}
	blocks(root)
	d.Text = string(text)
	d.Words = countWords(d.Text)

	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			d.Links = append(d.Links, Ref{Dest: destination(n.Destination), Text: plainText(n, src), Offset: n.Pos()})
		case *ast.AutoLink:
			d.Links = append(d.Links, Ref{Dest: autoLinkDest(n, src), Text: string(n.Label(src)), Offset: autoLinkOffset(n, src)})
		case *ast.Image:
			d.Images = append(d.Images, Ref{Dest: destination(n.Destination), Text: plainText(n, src), Offset: n.Pos()})
		}
		return ast.WalkContinue, nil
	})
	// Footnotes are moved to the end of the tree; their links are not at
	// the end of the source.
	byOffset := func(a, b Ref) int { return cmp.Compare(a.Offset, b.Offset) }
	slices.SortStableFunc(d.Links, byOffset)
	slices.SortStableFunc(d.Images, byOffset)
	return d
}

// destination resolves the backslash escapes and entity references of a
// link destination as goldmark stores it.
func destination(raw []byte) string {
	if bytes.IndexByte(raw, '\\') < 0 && bytes.IndexByte(raw, '&') < 0 {
		return string(raw)
	}
	return string(util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(raw))))
}

// autoLinkDest returns the href of an autolink, completed as goldmark's
// renderer completes it.
func autoLinkDest(n *ast.AutoLink, src []byte) string {
	url := string(n.URL(src))
	if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(url), "mailto:") {
		return "mailto:" + url
	}
	return url
}

// autoLinkOffset returns where an autolink starts. For a bare URL found by
// linkify, goldmark's position is that of the character that made it look
// (a space, "(" or "*" before the URL), so the label is looked for just
// after it.
func autoLinkOffset(n *ast.AutoLink, src []byte) int {
	p := n.Pos()
	if p < 0 || p >= len(src) || src[p] == '<' {
		return p
	}
	label := n.Label(src)
	if i := bytes.Index(src[p:min(len(src), p+len(label)+4)], label); i > 0 {
		p += i
	}
	return p
}

// plainText returns the visible text of n's inline children, without the
// doubled spaces that dropped HTML and images leave.
func plainText(n ast.Node, src []byte) string {
	return string(appendPlain(nil, n, src))
}

// appendPlain appends plainText(n, src) to dst.
func appendPlain(dst []byte, n ast.Node, src []byte) []byte {
	start := len(dst)
	dst = writePlain(dst, n, src)
	// Trimmed, and each run of spaces made one, in place.
	t := bytes.TrimSpace(dst[start:])
	out := dst[:start]
	if !bytes.Contains(t, []byte("  ")) {
		return append(out, t...) // the common case, a copy at most
	}
	for i := 0; i < len(t); i++ {
		if t[i] == ' ' && i > 0 && t[i-1] == ' ' {
			continue
		}
		out = append(out, t[i])
	}
	return out
}

func writePlain(b []byte, n ast.Node, src []byte) []byte {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *prose:
			b = append(b, c.value...)
			switch {
			case c.hardBreak:
				b = append(b, '\n')
			case c.softBreak:
				b = append(b, ' ')
			}
		case *ast.Text:
			b = append(b, c.Segment.Value(src)...)
		case *ast.String:
			b = append(b, c.Value...)
		case *ast.CodeSpan:
			b = append(b, codeText(c, src)...)
		case *ast.AutoLink:
			b = append(b, c.Label(src)...)
		case *ast.Image, *ast.RawHTML, *east.FootnoteLink, *east.FootnoteBacklink:
			// Not text in the line: an image's alt is its own.
		default:
			b = writePlain(b, c, src)
		}
	}
	return b
}
