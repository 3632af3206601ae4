package markdown

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
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
// root, replacing its ast.Text nodes with prose nodes. text is src as a
// string: the segments typesetting reads are slices of it, not copies.
func typeset(root ast.Node, src []byte, text, lang string) {
	r := run{src: src, text: text, lang: lang} // reused from one block to the next
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if c := n.FirstChild(); c != nil && c.Type() == ast.TypeInline {
			r.typeset(n)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// run gathers the segments of one run of inline text. Its slices are
// reused from one run to the next.
type run struct {
	src    []byte
	text   string // src as a string
	lang   string
	segs   []typo.Segment
	texts  []textSegs
	images []*ast.Image
}

// typeset typesets the inline children of block as one run, so that the
// rules see across emphasis and links: in "*Bonjour* !" the space before
// "!" is in a different node than the word before it.
func (r *run) typeset(block ast.Node) {
	r.segs, r.texts, r.images = r.segs[:0], r.texts[:0], r.images[:0]
	r.add(block)
	out := typo.ApplySegments(r.lang, r.segs)
	nodes := make([]prose, len(r.texts)) // one allocation for the block's nodes
	for i, t := range r.texts {
		p := &nodes[i]
		p.value = strings.Join(out[t.from:t.to], "")
		p.softBreak = t.node.SoftLineBreak()
		p.hardBreak = t.node.HardLineBreak()
		p.SetPos(t.node.Pos())
		t.node.Parent().ReplaceChild(t.node.Parent(), t.node, p)
	}
	// An image's alt text is a run of its own: it is read apart from the
	// paragraph around it.
	// Each typesets with r.images of its own, given back emptied after.
	images := r.images
	r.images = nil
	for _, img := range images {
		r.typeset(img)
	}
	r.images = images[:0]
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
				r.piece(r.value(c.Segment), true)
			} else {
				decodeText(r.value(c.Segment), r.piece)
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

// value returns the text of s, as s.Value returns it.
func (r *run) value(s text.Segment) string {
	if s.Padding == 0 && !s.ForceNewline {
		return r.text[s.Start:s.Stop]
	}
	return string(s.Value(r.src))
}

// decodeText cuts the raw text of an ast.Text into pieces: plain text, and
// the characters that backslash escapes and entity references stand for.
// The author chose those characters: typography leaves them as they are,
// so that \" or &quot; stays a straight quote.
func decodeText(raw string, piece func(s string, verbatim bool)) {
	start := 0
	for i := 0; i < len(raw); {
		switch raw[i] {
		case '\\':
			if i+1 < len(raw) && util.IsPunct(raw[i+1]) {
				piece(raw[start:i], false)
				piece(raw[i+1:i+2], true)
				i += 2
				start = i
				continue
			}
		case '&':
			if s, n := entity(raw[i:]); n > 0 {
				piece(raw[start:i], false)
				piece(s, true)
				i += n
				start = i
				continue
			}
		case 0:
			piece(raw[start:i], false)
			piece("\uFFFD", false)
			i++
			start = i
			continue
		}
		i++
	}
	piece(raw[start:], false)
}

// entity decodes the entity reference at the start of b, as CommonMark
// reads them, and returns its characters and length, or 0 when b does not
// start with one.
func entity(b string) (string, int) {
	end := strings.IndexByte(b[:min(len(b), 40)], ';')
	if len(b) < 3 || b[0] != '&' || end < 0 {
		return "", 0
	}
	name := b[1:end]
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
