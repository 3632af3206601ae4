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
	var paras []string
	para := func(s string) {
		if s = strings.TrimSpace(s); s != "" {
			paras = append(paras, s)
		}
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
				para(plainText(c, src))
			case *east.TableHeader, *east.TableRow:
				cells := make([]string, 0, c.ChildCount())
				for cell := c.FirstChild(); cell != nil; cell = cell.NextSibling() {
					cells = append(cells, plainText(cell, src))
				}
				para(strings.Join(cells, "\t"))
			case *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock:
				// Not prose.
			default:
				blocks(c)
			}
		}
	}
	blocks(root)
	d.Text = strings.Join(paras, "\n\n")
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
	var b strings.Builder
	writePlain(&b, n, src)
	s := strings.TrimSpace(b.String())
	for strings.Contains(s, "  ") {
		s = strings.ReplaceAll(s, "  ", " ")
	}
	return s
}

func writePlain(b *strings.Builder, n ast.Node, src []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *prose:
			b.WriteString(c.value)
			switch {
			case c.hardBreak:
				b.WriteByte('\n')
			case c.softBreak:
				b.WriteByte(' ')
			}
		case *ast.Text:
			b.Write(c.Segment.Value(src))
		case *ast.String:
			b.Write(c.Value)
		case *ast.CodeSpan:
			b.WriteString(codeText(c, src))
		case *ast.AutoLink:
			b.Write(c.Label(src))
		case *ast.Image, *ast.RawHTML, *east.FootnoteLink, *east.FootnoteBacklink:
			// Not text in the line: an image's alt is its own.
		default:
			writePlain(b, c, src)
		}
	}
}
