package markdown

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"

	"github.com/marque-kit/marque/internal/typo"
)

// kindProse is the kind of prose nodes.
var kindProse = ast.NewNodeKind("Prose")

// prose is text already decoded and typeset. It replaces an ast.Text, whose
// value is a slice of the source that goldmark's renderer would decode
// (escapes, entities) on its way out: typesetting has to see the decoded
// characters, and the renderer must then not decode them a second time.
type prose struct {
	ast.BaseInline
	value     string
	softBreak bool
	hardBreak bool
}

func (n *prose) Kind() ast.NodeKind { return kindProse }

func (n *prose) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Value": n.value}, nil)
}

// objectReplacement stands, in a run of text, for an inline element with
// no text of its own, such as an image: it reads as a word to its
// neighbours.
const objectReplacement = "\uFFFC"

// typeset applies lang's typography to every run of inline text under
// root, replacing its ast.Text nodes with prose nodes.
func typeset(root ast.Node, src []byte, lang string) {
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if c := n.FirstChild(); c != nil && c.Type() == ast.TypeInline {
			typesetRun(n, src, lang)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// typesetRun typesets the inline children of block as one run, so that
// the rules see across emphasis and links: in "*Bonjour* !" the space
// before "!" is in a different node than the word before it.
func typesetRun(block ast.Node, src []byte, lang string) {
	r := run{src: src}
	r.add(block)
	out := typo.ApplySegments(lang, r.segs)
	for _, t := range r.texts {
		p := &prose{
			value:     strings.Join(out[t.from:t.to], ""),
			softBreak: t.node.SoftLineBreak(),
			hardBreak: t.node.HardLineBreak(),
		}
		p.SetPos(t.node.Pos())
		t.node.Parent().ReplaceChild(t.node.Parent(), t.node, p)
	}
	// An image's alt text is a run of its own: it is read apart from the
	// paragraph around it.
	for _, img := range r.images {
		typesetRun(img, src, lang)
	}
}

// run gathers the segments of one run of inline text.
type run struct {
	src    []byte
	segs   []typo.Segment
	texts  []textSegs
	images []*ast.Image
}

// textSegs records which segments an ast.Text was cut into.
type textSegs struct {
	node     *ast.Text
	from, to int
}

func (r *run) piece(s string, verbatim bool) {
	if s != "" {
		r.segs = append(r.segs, typo.Segment{Text: s, Verbatim: verbatim})
	}
}

func (r *run) add(parent ast.Node) {
	for c := parent.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			from := len(r.segs)
			if c.IsRaw() {
				r.piece(string(c.Segment.Value(r.src)), true)
			} else {
				decodeText(c.Segment.Value(r.src), r.piece)
			}
			r.texts = append(r.texts, textSegs{c, from, len(r.segs)})
			if c.SoftLineBreak() || c.HardLineBreak() {
				// Not verbatim: the rules read a line end as a space,
				// and leave it as it is.
				r.piece("\n", false)
			}
		case *ast.String:
			r.piece(string(c.Value), true)
		case *ast.CodeSpan:
			r.piece(codeText(c, r.src), true)
		case *ast.AutoLink:
			r.piece(string(c.Label(r.src)), true)
		case *ast.RawHTML:
			// Dropped from the page, so no neighbour to anything.
		case *ast.Image:
			r.piece(objectReplacement, true)
			r.images = append(r.images, c)
		default:
			if c.HasChildren() {
				r.add(c)
			} else {
				r.piece(objectReplacement, true) // a footnote mark, a task's checkbox
			}
		}
	}
}

// decodeText cuts the raw text of an ast.Text into pieces: plain text, and
// the characters that backslash escapes and entity references stand for.
// The author chose those characters: typography leaves them as they are,
// so that \" or &quot; stays a straight quote.
func decodeText(raw []byte, piece func(s string, verbatim bool)) {
	start := 0
	for i := 0; i < len(raw); {
		switch raw[i] {
		case '\\':
			if i+1 < len(raw) && util.IsPunct(raw[i+1]) {
				piece(string(raw[start:i]), false)
				piece(string(raw[i+1]), true)
				i += 2
				start = i
				continue
			}
		case '&':
			if s, n := entity(raw[i:]); n > 0 {
				piece(string(raw[start:i]), false)
				piece(s, true)
				i += n
				start = i
				continue
			}
		case 0:
			piece(string(raw[start:i]), false)
			piece("\uFFFD", false)
			i++
			start = i
			continue
		}
		i++
	}
	piece(string(raw[start:]), false)
}

// entity decodes the entity reference at the start of b, as CommonMark
// reads them, and returns its characters and length, or 0 when b does not
// start with one.
func entity(b []byte) (string, int) {
	end := strings.IndexByte(string(b[:min(len(b), 40)]), ';')
	if len(b) < 3 || b[0] != '&' || end < 0 {
		return "", 0
	}
	name := string(b[1:end])
	if digits, ok := strings.CutPrefix(name, "#"); ok {
		base, most := 10, 7
		if len(digits) > 0 && (digits[0] == 'x' || digits[0] == 'X') {
			digits, base, most = digits[1:], 16, 6
		}
		if len(digits) == 0 || len(digits) > most {
			return "", 0
		}
		v, err := strconv.ParseUint(digits, base, 32)
		if err != nil {
			return "", 0
		}
		return string(util.ToValidRune(rune(v))), end + 1
	}
	if e, ok := util.LookUpHTML5EntityByName(name); ok {
		return string(e.Characters), end + 1
	}
	return "", 0
}

// codeText returns the text of a code span as rendered: its line endings
// are spaces.
func codeText(n *ast.CodeSpan, src []byte) string {
	var b strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			v := t.Segment.Value(src)
			if len(v) > 0 && v[len(v)-1] == '\n' {
				b.Write(v[:len(v)-1])
				b.WriteByte(' ')
			} else {
				b.Write(v)
			}
		}
	}
	return b.String()
}
