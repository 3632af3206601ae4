package markdown

import (
	"bytes"
	"slices"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Prose is the visible text of one block of a body (a paragraph or list
// item, a heading, a table cell, an image's alternative text) as the author
// typed it, before typography, with a map from each stretch of the text back
// to the source. The voice linter reads it: its findings point into the
// file, and its fixes rewrite only text that was typed as it reads.
//
// Code spans, autolinks (URLs and e-mail addresses) and images stand in the
// text as one U+FFFC each, so that they still read as a word to their
// neighbours; raw HTML and link destinations leave nothing.
type Prose struct {
	Kind ProseKind
	// Quote is set for text inside a block quote: words that may be
	// someone else's.
	Quote bool
	Text  string
	Spans []Span // in order, covering Text
}

// ProseKind says what block a Prose is the text of.
type ProseKind uint8

// The kinds of prose.
const (
	Paragraph ProseKind = iota // a paragraph, or the text of a tight list item
	HeadingText
	TableCell
	AltText // an image's alternative text
)

// Span maps the bytes Text[At:At+Len] of a Prose to the source bytes
// [Source, Source+SourceLen). A literal span is text typed as it reads:
// Len == SourceLen and the bytes are equal, so that an offset inside it
// maps one to one. Other spans stand for something else: a backslash escape
// or an entity reference (the character the author chose), a line break, a
// code span or a URL; an offset inside one maps to its start.
type Span struct {
	At, Len           int
	Source, SourceLen int
	Literal           bool
}

// Range is a byte range [Start, End) of the source.
type Range struct{ Start, End int }

// readProse collects the prose blocks of the tree under root, which must not
// be typeset yet, and the ranges of raw HTML, where marque:disable comments
// live. text is src as a string.
func readProse(root ast.Node, src []byte, text string) (prose []Prose, raw []Range) {
	quote := 0
	// Prose is about as long as its source: its text fits in len(src).
	b := proseBuilder{src: src, srcText: text, raw: &raw, text: make([]byte, 0, len(src))}
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.Blockquote:
			if entering {
				quote++
			} else {
				quote--
			}
			return ast.WalkContinue, nil
		case *ast.CodeBlock, *ast.FencedCodeBlock:
			return ast.WalkSkipChildren, nil
		case *ast.HTMLBlock:
			if entering {
				raw = appendLines(raw, n.Lines())
				if n.HasClosure() {
					raw = appendRange(raw, Range{n.ClosureLine.Start, n.ClosureLine.Stop})
				}
			}
			return ast.WalkSkipChildren, nil
		}
		if !entering {
			return ast.WalkContinue, nil
		}
		if c := n.FirstChild(); c == nil || c.Type() != ast.TypeInline {
			return ast.WalkContinue, nil
		}
		kind := Paragraph
		switch n.(type) {
		case *ast.Heading:
			kind = HeadingText
		case *east.TableCell:
			kind = TableCell
		}
		b.inline(n)
		b.end(kind, quote > 0)
		// Alternative texts are read apart from the text around them; an
		// image inside an image's alt text is not a thing Markdown makes.
		images := b.images
		b.images = nil
		for _, img := range images {
			b.inline(img)
			b.end(AltText, quote > 0)
		}
		b.images = images[:0]
		return ast.WalkSkipChildren, nil
	})
	return b.prose(), raw
}

func appendLines(raw []Range, lines *text.Segments) []Range {
	for i := range lines.Len() {
		s := lines.At(i)
		raw = appendRange(raw, Range{s.Start, s.Stop})
	}
	return raw
}

// appendRange adds r, merged with the last range when they touch, so that a
// comment over several lines is one range.
func appendRange(raw []Range, r Range) []Range {
	if n := len(raw); n > 0 && raw[n-1].End >= r.Start && r.Start >= raw[n-1].Start {
		raw[n-1].End = max(raw[n-1].End, r.End)
		return raw
	}
	return append(raw, r)
}

// proseBuilder gathers the text of the blocks of a body, one after the
// other. Their texts and spans go end to end into two buffers, which the
// blocks are slices of in the end: a few allocations for a body, where a
// builder and a slice for each block made some two hundred for a post.
type proseBuilder struct {
	src     []byte
	srcText string // src as a string
	raw     *[]Range
	images  []*ast.Image
	text    []byte // the text of every block, end to end
	spans   []Span // the spans of every block, end to end
	blocks  []block
	// The start in text and spans of the block being read. A span's At
	// is relative to the start of its block's text.
	start, spanStart int
}

// block is a Prose whose text and spans are still in a proseBuilder.
type block struct {
	kind               ProseKind
	quote              bool
	start, end         int // in text
	spanStart, spanEnd int
}

// end ends the block being read: it is kept unless it is only white space.
func (b *proseBuilder) end(kind ProseKind, quote bool) {
	if len(bytes.TrimSpace(b.text[b.start:])) == 0 {
		b.text, b.spans = b.text[:b.start], b.spans[:b.spanStart]
		return
	}
	b.blocks = append(b.blocks, block{kind, quote, b.start, len(b.text), b.spanStart, len(b.spans)})
	b.start, b.spanStart = len(b.text), len(b.spans)
}

// prose returns the blocks read.
func (b *proseBuilder) prose() []Prose {
	if len(b.blocks) == 0 {
		return nil
	}
	text := string(b.text)
	spans := slices.Clone(b.spans) // no room to spare in what the Doc keeps
	prose := make([]Prose, len(b.blocks))
	for i, k := range b.blocks {
		prose[i] = Prose{
			Kind:  k.kind,
			Quote: k.quote,
			Text:  text[k.start:k.end],
			Spans: spans[k.spanStart:k.spanEnd:k.spanEnd],
		}
	}
	return prose
}

// literal adds the source bytes [start, stop) as typed.
func (b *proseBuilder) literal(start, stop int) {
	if stop <= start {
		return
	}
	at := len(b.text) - b.start
	b.text = append(b.text, b.src[start:stop]...)
	if n := len(b.spans); n > b.spanStart {
		last := &b.spans[n-1]
		if last.Literal && last.Source+last.SourceLen == start && last.At+last.Len == at {
			last.Len += stop - start
			last.SourceLen += stop - start
			return
		}
	}
	b.spans = append(b.spans, Span{At: at, Len: stop - start, Source: start, SourceLen: stop - start, Literal: true})
}

// stand adds s, which stands for the source bytes [start, start+n).
func (b *proseBuilder) stand(s string, start, n int) {
	if s == "" {
		return
	}
	b.spans = append(b.spans, Span{At: len(b.text) - b.start, Len: len(s), Source: start, SourceLen: n})
	b.text = append(b.text, s...)
}

func (b *proseBuilder) inline(parent ast.Node) {
	for c := parent.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			b.textNode(c)
		case *ast.String:
			b.stand(string(c.Value), max(c.Pos(), 0), 0)
		case *ast.CodeSpan:
			start := max(c.Pos(), 0)
			end := start + 1
			if last := c.LastChild(); last != nil {
				if t, ok := last.(*ast.Text); ok {
					end = t.Segment.Stop
				}
			}
			for end < len(b.src) && b.src[end] == '`' {
				end++
			}
			b.stand(objectReplacement, start, end-start)
		case *ast.AutoLink:
			start := autoLinkOffset(c, b.src)
			n := len(c.Label(b.src))
			if start >= 0 && start < len(b.src) && b.src[start] == '<' {
				n += 2
			}
			b.stand(objectReplacement, max(start, 0), n)
		case *ast.RawHTML:
			if c.Segments.Len() > 0 {
				first, last := c.Segments.At(0), c.Segments.At(c.Segments.Len()-1)
				*b.raw = appendRange(*b.raw, Range{first.Start, last.Stop})
			}
		case *ast.Image:
			b.stand(objectReplacement, max(c.Pos(), 0), 1)
			b.images = append(b.images, c)
		default:
			// Emphasis, links, strikethrough: their text is the block's.
			// Childless marks (footnote references, task boxes) have none.
			b.inline(c)
		}
	}
}

// textNode adds a text node: its plain runs as typed, its escapes and
// entity references as the characters they stand for, its line break as a
// "\n".
func (b *proseBuilder) textNode(t *ast.Text) {
	start, stop := t.Segment.Start, t.Segment.Stop
	if t.IsRaw() {
		b.literal(start, stop)
	} else {
		raw := b.srcText[start:stop]
		from := 0
		for i := 0; i < len(raw); {
			switch raw[i] {
			case '\\':
				if i+1 < len(raw) && util.IsPunct(raw[i+1]) {
					b.literal(start+from, start+i)
					b.stand(raw[i+1:i+2], start+i, 2)
					i += 2
					from = i
					continue
				}
			case '&':
				if s, n := entity(raw[i:]); n > 0 {
					b.literal(start+from, start+i)
					b.stand(s, start+i, n)
					i += n
					from = i
					continue
				}
			case 0:
				b.literal(start+from, start+i)
				b.stand("\uFFFD", start+i, 1)
				i++
				from = i
				continue
			default:
				if raw[i] >= utf8.RuneSelf {
					// Invalid UTF-8 is not text the author can see:
					// it stands as U+FFFD, so the text is always valid.
					r, size := utf8.DecodeRuneInString(raw[i:])
					if r == utf8.RuneError && size == 1 {
						b.literal(start+from, start+i)
						b.stand("\uFFFD", start+i, 1)
						from = i + 1
					}
					i += size
					continue
				}
			}
			i++
		}
		b.literal(start+from, stop)
	}
	if t.SoftLineBreak() || t.HardLineBreak() {
		end := stop
		for end < len(b.src) && b.src[end] != '\n' {
			end++
		}
		b.stand("\n", stop, min(end+1, len(b.src))-stop)
	}
}
