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
	if len(line) == 0 {
		return false
	}
	switch line[0] {
	case 'h':
		if bytes.HasPrefix(line, []byte("http:")) || bytes.HasPrefix(line, []byte("https:")) {
			return true
		}
	case 'f':
		if bytes.HasPrefix(line, []byte("ftp:")) {
			return true
		}
	case 'w':
		if bytes.HasPrefix(line, []byte("www.")) {
			return true
		}
	}
	for i, c := range line[:min(len(line), 65)] {
		switch c {
		case '@':
			return i > 0
		case ' ', '\t', '\n', '\v', '\f', '\r':
			return false
		}
	}
	return false
}
