package markdown

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// linkify is goldmark's Linkify extension, its parser behind a test that
// turns down at once the places where no link can start. The parser is
// tried at every space of a body's text, and a bare URL or e-mail address
// starts at few of them: those tries took a tenth of the time of Render.
type linkify struct{}

func (linkify) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(
		// The priority extension.Linkify gives it.
		util.Prioritized(quickLinkify{extension.NewLinkifyParser()}, 999),
	))
}

type quickLinkify struct{ parser.InlineParser }

func (q quickLinkify) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if len(line) > 0 {
		switch line[0] { // the parser's triggers, which it skips as well
		case ' ', '*', '_', '~', '(':
			line = line[1:]
		}
	}
	if !mayLink(line) {
		return nil
	}
	return q.InlineParser.Parse(parent, block, pc)
}

// mayLink reports whether the linkify parser may find a link at the start
// of line: a URL starts with "http:", "https:", "ftp:" or "www.", and an
// e-mail address has its "@" within the first 65 bytes, before any space
// (an address's local part is at most 64 bytes, none of them a space).
// Whatever it lets through, the parser itself decides.
func mayLink(line []byte) bool {
	for _, prefix := range [...]string{"http:", "https:", "ftp:", "www."} {
		if bytes.HasPrefix(line, []byte(prefix)) {
			return true
		}
	}
	head := line[:min(len(line), 65)]
	i := bytes.IndexAny(head, "@ \t\n\v\f\r")
	return i > 0 && head[i] == '@'
}
