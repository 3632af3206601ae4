package socialimage

import (
	"strings"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// shaper lays out and measures text of one size with one role's face and
// the fallback. It keeps what it looks up in the fonts, so it belongs to
// one goroutine.
//
// Planning measures the same words at the same sizes again and again:
// every title is wrapped at each scale the fit tries, on every card of
// every network, and a kit's titles share most of their words. sfnt
// answers each glyph pair's kerning with binary searches through the
// font's class tables, which was most of the plan's time, so a shaper
// keeps each character's glyph and advance, each pair's kerning and each
// word's span. The values kept are sfnt's own at this size, never scaled
// from another size, so a measurement is the same to the last 1/64 of a
// pixel as without them (TestWidthMatchesFonts). With wrap joining spans,
// they took BenchmarkPlan (100 posts) from about 100 ms to about 10 ms on
// one core.
type shaper struct {
	main, fallback *Face
	ppem           fixed.Int26_6
	buf            *sfnt.Buffer // may be shared with the goroutine's other shapers

	glyphs map[rune]glyphInfo
	// kerns holds the kerning of glyph pairs of the main face ([0]) and
	// of the fallback ([1]), by pair (see kernIn).
	kerns   [2]map[uint32]fixed.Int26_6
	words   map[string]span
	metric  *font.Metrics // nil until asked for
	metricE error
}

// shaper returns a new shaper for text of role at size pixels.
func (f *Fonts) shaper(role Role, size float64) *shaper {
	return f.shaperWith(new(sfnt.Buffer), role, ppem(size))
}

// shaperWith returns a new shaper that uses buf, which must not be in use
// on another goroutine: a Buffer is several kilobytes, worth sharing
// between the many shapers of a plan.
func (f *Fonts) shaperWith(buf *sfnt.Buffer, role Role, ppem fixed.Int26_6) *shaper {
	return &shaper{main: f.face(role), fallback: f.fallback, ppem: ppem, buf: buf}
}

// ppem returns the em size in pixels as sfnt takes it.
func ppem(size float64) fixed.Int26_6 { return fixed.Int26_6(size*64 + 0.5) }

// glyph is one character placed on a line.
type glyph struct {
	face *Face
	idx  sfnt.GlyphIndex
	r    rune
	x    fixed.Int26_6 // pen position from the line's start
}

// glyphInfo is how a character is set at the shaper's size.
type glyphInfo struct {
	kind glyphKind
	face *Face // drawn: the face that has the glyph
	idx  sfnt.GlyphIndex
	adv  fixed.Int26_6 // drawn: the glyph's advance; gap: the space's width
}

type glyphKind uint8

const (
	skipped glyphKind = iota // no face draws it, and it is not a space: left out
	drawn                    // a face draws it
	gap                      // a space no face has: blank, and it breaks kerning
)

// glyph returns how r is set: with the role's face, else the fallback's.
func (s *shaper) glyph(r rune) glyphInfo {
	if g, ok := s.glyphs[r]; ok {
		return g
	}
	var g glyphInfo
	face := s.main
	idx, _ := face.font.GlyphIndex(s.buf, r)
	if idx == 0 {
		if fi, _ := s.fallback.font.GlyphIndex(s.buf, r); fi != 0 {
			face, idx = s.fallback, fi
		}
	}
	switch {
	case idx != 0:
		g = glyphInfo{kind: drawn, face: face, idx: idx}
		if adv, err := face.font.GlyphAdvance(s.buf, idx, s.ppem, font.HintingNone); err == nil {
			g.adv = adv
		}
	case isSpace(r):
		g = glyphInfo{kind: gap, adv: s.spaceWidth(r)}
	}
	if s.glyphs == nil {
		s.glyphs = map[rune]glyphInfo{}
	}
	s.glyphs[r] = g
	return g
}

// kern returns the kerning between glyphs a and b of face, 0 when the
// font has none for the pair.
func (s *shaper) kern(face *Face, a, b sfnt.GlyphIndex) fixed.Int26_6 {
	if face == s.main {
		return s.kernIn(0, a, b)
	}
	return s.kernIn(1, a, b)
}

// kernIn is kern with the face given as 0, the main one, or 1, the
// fallback.
func (s *shaper) kernIn(f uint8, a, b sfnt.GlyphIndex) fixed.Int26_6 {
	// A pair as one integer, a map per face: keyed by a struct holding
	// the face, the map's hashing was half the plan's time (BenchmarkPlan
	// went from 28 to 14 ms with this key).
	key := uint32(a)<<16 | uint32(b)
	if k, ok := s.kerns[f][key]; ok {
		return k
	}
	face := s.main
	if f == 1 {
		face = s.fallback
	}
	k, err := face.font.Kern(s.buf, a, b, s.ppem, font.HintingNone)
	if err != nil {
		k = 0
	}
	if s.kerns[f] == nil {
		s.kerns[f] = map[uint32]fixed.Int26_6{}
	}
	s.kerns[f][key] = k
	return k
}

// layout places text on one line: advances, kerning between characters of
// the same face, spaces the face lacks drawn as the width of a space scaled
// to their kind. It returns the glyphs and the line's width.
func (s *shaper) layout(text string) ([]glyph, fixed.Int26_6) {
	var gs []glyph
	var x fixed.Int26_6
	var prev *glyph
	for _, r := range text {
		g := s.glyph(r)
		switch g.kind {
		case skipped:
			continue // filtered out before; never a tofu box
		case gap:
			prev = nil
			x += g.adv
			continue
		}
		if prev != nil && prev.face == g.face {
			x += s.kern(g.face, prev.idx, g.idx)
		}
		gs = append(gs, glyph{face: g.face, idx: g.idx, r: r, x: x})
		prev = &gs[len(gs)-1]
		x += g.adv
	}
	return gs, x
}

// spaceWidth is the width of a space character the face does not have:
// a narrow no-break space is half a space, the others a full one.
func (s *shaper) spaceWidth(r rune) fixed.Int26_6 {
	idx, _ := s.main.font.GlyphIndex(s.buf, ' ')
	adv, _ := s.main.font.GlyphAdvance(s.buf, idx, s.ppem, font.HintingNone)
	if r == '\u202f' || r == '\u2009' || r == '\u200a' {
		return adv / 2
	}
	return adv
}

// span is a piece of text's layout reduced to what joining it to the text
// around it needs: its width, and how each of its ends meets the
// neighbouring text. Spans join like the strings they measure, so a line's
// width is its words' spans joined with the space's, and each word is
// measured once per size.
type span struct {
	w          fixed.Int26_6
	head, tail edge
}

// px returns the span's width in pixels.
func (sp span) px() float64 { return float64(sp.w) / 64 }

// edge is how a span meets its neighbour on one side: through the glyph
// nearest that side, which kerns with the neighbour's glyph when both come
// from the same face; through a gap, which breaks kerning; or not at all,
// when the span holds only characters left out (or nothing).
type edge struct {
	kind glyphKind // skipped: the span is transparent
	face uint8     // drawn: the glyph's face, 0 the main one, 1 the fallback
	idx  sfnt.GlyphIndex
}

// join returns the span of a's text followed by b's: layout's rules (a
// glyph kerns with the glyph placed before it if no gap came between and
// both have the same face) applied where the two meet.
func (s *shaper) join(a, b span) span {
	out := span{w: a.w + b.w, head: a.head, tail: b.tail}
	if a.head.kind == skipped {
		out.head = b.head
	}
	if b.tail.kind == skipped {
		out.tail = a.tail
	}
	if a.tail.kind == drawn && b.head.kind == drawn && a.tail.face == b.head.face {
		out.w += s.kernIn(a.tail.face, a.tail.idx, b.head.idx)
	}
	return out
}

// word returns the span of text, which the shaper keeps: text is one word
// of a line, or the space between words.
func (s *shaper) word(text string) span {
	if sp, ok := s.words[text]; ok {
		return sp
	}
	var sp span
	for _, r := range text {
		g := s.glyph(r)
		e := edge{kind: g.kind, idx: g.idx}
		if g.face == s.fallback {
			e.face = 1
		}
		sp = s.join(sp, span{w: g.adv, head: e, tail: e})
	}
	if s.words == nil {
		s.words = map[string]span{}
	}
	s.words[text] = sp
	return sp
}

// width returns the width of text in pixels: the width layout gives it,
// from the spans of its words.
func (s *shaper) width(text string) float64 {
	var sp span
	for {
		word, rest, found := strings.Cut(text, " ")
		sp = s.join(sp, s.word(word))
		if !found {
			break
		}
		sp = s.join(sp, s.word(" "))
		text = rest
	}
	return sp.px()
}

// metrics returns the ascent and descent of the role's face in pixels:
// the room a line needs above and below its baseline, accents included.
func (s *shaper) metrics() (ascent, descent float64) {
	m, err := s.fontMetrics()
	if err != nil {
		return float64(s.ppem) / 64 * 0.9, float64(s.ppem) / 64 * 0.25
	}
	return float64(m.Ascent) / 64, float64(m.Descent) / 64
}

// capHeight returns the height of capital letters in pixels, for aligning
// the tops of text blocks with shapes.
func (s *shaper) capHeight() float64 {
	m, err := s.fontMetrics()
	if err != nil || m.CapHeight <= 0 {
		return float64(s.ppem) / 64 * 0.7
	}
	return float64(m.CapHeight) / 64
}

func (s *shaper) fontMetrics() (font.Metrics, error) {
	if s.metric == nil {
		m, err := s.main.font.Metrics(s.buf, s.ppem, font.HintingNone)
		s.metric, s.metricE = &m, err
	}
	return *s.metric, s.metricE
}
