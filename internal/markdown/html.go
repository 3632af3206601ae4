package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// htmlRenderer renders the nodes whose HTML differs from goldmark's:
// prose, images, and raw HTML, which it drops.
type htmlRenderer struct{}

func (htmlRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindProse, renderProse)
	reg.Register(ast.KindImage, renderImage)
	// goldmark without its unsafe option writes a "raw HTML omitted"
	// comment in place of raw HTML; the page gets nothing at all, so that
	// not even the existence of a marque:disable comment shows.
	reg.Register(ast.KindRawHTML, renderNothing)
	reg.Register(ast.KindHTMLBlock, renderNothing)
}

func renderProse(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*prose)
	writeEscaped(w, n.value)
	switch {
	case n.hardBreak:
		_, _ = w.WriteString("<br>\n")
	case n.softBreak:
		_ = w.WriteByte('\n')
	}
	return ast.WalkContinue, nil
}

// renderImage writes an image that the browser loads only when it comes
// near the viewport, and decodes off the main thread.
func renderImage(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Image)
	_, _ = w.WriteString(`<img src="`)
	if dest := util.URLEscape(n.Destination, true); !html.IsDangerousURL(dest) {
		_, _ = w.Write(util.EscapeHTML(dest))
	}
	_, _ = w.WriteString(`" alt="`)
	_, _ = w.Write(util.EscapeHTML([]byte(plainText(n, src))))
	_ = w.WriteByte('"')
	if n.Title != nil {
		_, _ = w.WriteString(` title="`)
		html.DefaultWriter.Write(w, n.Title)
		_ = w.WriteByte('"')
	}
	_, _ = w.WriteString(` loading="lazy" decoding="async">`)
	return ast.WalkSkipChildren, nil
}

func renderNothing(util.BufWriter, []byte, ast.Node, bool) (ast.WalkStatus, error) {
	return ast.WalkSkipChildren, nil
}

// writeEscaped writes s escaped as util.EscapeHTML escapes it, without
// first copying it into a []byte: every run of prose goes through here.
func writeEscaped(w util.BufWriter, s string) {
	from := 0
	for i := 0; i < len(s); i++ {
		if esc := util.EscapeHTMLByte(s[i]); esc != nil {
			_, _ = w.WriteString(s[from:i])
			_, _ = w.Write(esc)
			from = i + 1
		}
	}
	_, _ = w.WriteString(s[from:])
}
