package voice

import (
	"sort"

	"github.com/marque-kit/marque/internal/diag"
	"github.com/marque-kit/marque/internal/markdown"
)

// Doc is the prose of one file, checked together: a post (its title,
// summary, cover text and body), the About page, or the profile.
type Doc struct {
	File *diag.File
	// Whole is set for a post or a page, whose rules on the whole text
	// (exclamation marks, reading ease) apply; the profile's fields are
	// read one by one.
	Whole    bool
	Segments []*Segment
	// Images are the body's images, for identity.alt.
	Images []Image
	// Addresses are the link and image destinations and file names of the
	// doc: no prose, but a confidential name must not hide in them.
	Addresses []Address
	// RawHTML holds the byte ranges of raw HTML in File, where
	// marque:disable comments are.
	RawHTML []markdown.Range
}

// Image is an image of a body.
type Image struct {
	Offset int    // of its "!" in Doc.File
	Dest   string // as written
	Alt    string // its alternative text, "" when it has none
}

// Address is a URL or file name written in a doc.
type Address struct {
	Offset int
	Text   string
}

// Role says where a segment's text is read, which decides the rules that
// apply to it (emoji are welcome in bios only, for one).
type Role uint8

// The roles of segments.
const (
	Body    Role = iota // a paragraph, list item or table cell
	Heading             // a heading of a body
	Alt                 // the alternative text of an image, or a cover
	Title               // a post's title
	Summary             // a post's summary
	Bio                 // a bio candidate or a network's bio
	Field               // another prose field of the profile: tagline, role, brief, goal
)

// Segment is a stretch of prose: one block of a body or one value of the
// profile or the front matter, with the map from its text to the file.
type Segment struct {
	Role  Role
	Quote bool // someone else's words: a block quote
	Text  string
	// Spans map Text to byte offsets of the doc's file (see markdown.Span).
	Spans []markdown.Span

	toks    []token
	sents   []sentence
	matches []match // of the word lists
}

// offset returns the byte offset in the file of the text offset i.
func (s *Segment) offset(i int) int {
	if len(s.Spans) == 0 {
		return 0
	}
	k := sort.Search(len(s.Spans), func(k int) bool { return s.Spans[k].At+s.Spans[k].Len > i })
	if k == len(s.Spans) {
		last := s.Spans[k-1]
		return last.Source + last.SourceLen
	}
	sp := s.Spans[k]
	if sp.Literal && i >= sp.At {
		return sp.Source + i - sp.At
	}
	return sp.Source
}

// literal returns the file range of the text [a, b) when the text was typed
// there exactly as it reads, so that a fix may replace it; ok is false when
// any of it was an escape, an entity, markup or a line break. An empty range
// (an insertion) is literal when a character next to it is.
func (s *Segment) literal(a, b int) (start, end int, ok bool) {
	if a == b {
		for _, i := range []int{a, a - 1} {
			if i < 0 || i >= len(s.Text) {
				continue
			}
			if st, _, ok := s.literal(i, i+1); ok {
				if i == a {
					return st, st, true
				}
				return st + 1, st + 1, true
			}
		}
		return 0, 0, false
	}
	k := sort.Search(len(s.Spans), func(k int) bool { return s.Spans[k].At+s.Spans[k].Len > a })
	start = -1
	for i := a; i < b; k++ {
		if k >= len(s.Spans) || !s.Spans[k].Literal {
			return 0, 0, false
		}
		sp := s.Spans[k]
		src := sp.Source + i - sp.At
		if start < 0 {
			start = src
		} else if src != end {
			return 0, 0, false // markup between the two spans
		}
		stop := min(b, sp.At+sp.Len)
		end = src + stop - i
		i = stop
	}
	return start, end, true
}

// segmentFromProse makes seg the segment of a markdown block of a file
// whose body starts at bodyOffset. It appends the block's spans, moved to
// the file, to spans, which seg then holds a slice of, and returns spans.
func segmentFromProse(seg *Segment, p markdown.Prose, bodyOffset int, spans []markdown.Span) []markdown.Span {
	role := Body
	switch p.Kind {
	case markdown.HeadingText:
		role = Heading
	case markdown.AltText:
		role = Alt
	}
	from := len(spans)
	for _, sp := range p.Spans {
		sp.Source += bodyOffset
		spans = append(spans, sp)
	}
	*seg = Segment{Role: role, Quote: p.Quote, Text: p.Text, Spans: spans[from:len(spans):len(spans)]}
	return spans
}

// spanBuilder builds a segment's text and spans from source bytes, for
// values decoded outside Markdown (TOML strings).
type spanBuilder struct {
	src   []byte
	text  []byte
	spans []markdown.Span
}

func (b *spanBuilder) literal(start, stop int) {
	if stop <= start {
		return
	}
	at := len(b.text)
	b.text = append(b.text, b.src[start:stop]...)
	if n := len(b.spans); n > 0 {
		last := &b.spans[n-1]
		if last.Literal && last.Source+last.SourceLen == start && last.At+last.Len == at {
			last.Len += stop - start
			last.SourceLen += stop - start
			return
		}
	}
	b.spans = append(b.spans, markdown.Span{At: at, Len: stop - start, Source: start, SourceLen: stop - start, Literal: true})
}

func (b *spanBuilder) stand(s string, start, n int) {
	if s == "" {
		return
	}
	b.spans = append(b.spans, markdown.Span{At: len(b.text), Len: len(s), Source: start, SourceLen: n})
	b.text = append(b.text, s...)
}
