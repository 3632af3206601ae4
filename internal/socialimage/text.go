package socialimage

import (
	"image"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/marque-kit/marque/internal/brand"
	"github.com/marque-kit/marque/internal/diag"
)

// block is one element of a stack of text: a paragraph of one role and
// size, or an accent rule.
type block struct {
	role     Role
	text     string
	size     float64 // em size in pixels at full scale
	maxLines int
	leading  float64 // line height as a multiple of size
	color    brand.Color
	gap      float64 // room above the block at full scale

	// A rule is a short bar of colour instead of text.
	rule         bool
	ruleW, ruleH float64
}

// placed is a stack once fitted: its blocks' lines and the height of each.
type placed struct {
	scale  float64
	blocks []placedBlock
	height float64
}

type placedBlock struct {
	*block
	size            float64
	lines           []string
	ascent, descent float64
	height          float64
	gap             float64
}

// fitStack scales the blocks down from full size until they fit a box of
// w×h, each within its lines, but never below minScale: there, the text
// that is still too long ends in an ellipsis, and the blocks that still do
// not fit are left out from the last, so that nothing leaves the box.
func (p *planner) fitStack(blocks []*block, w, h, minScale float64) placed {
	for k := 1.0; ; k -= 0.03 {
		last := k-0.03 < minScale
		if last {
			k = minScale
		}
		st := p.measure(blocks, w, k, last)
		if st.height <= h && st.fits {
			return st.placed
		}
		if last {
			for len(st.blocks) > 1 && st.height > h {
				drop := st.blocks[len(st.blocks)-1]
				st.blocks = st.blocks[:len(st.blocks)-1]
				st.height -= drop.gap + drop.height
			}
			return st.placed
		}
	}
}

type measured struct {
	placed
	fits bool // every block within its lines
}

func (p *planner) measure(blocks []*block, w, k float64, truncate bool) measured {
	m := measured{placed: placed{scale: k}, fits: true}
	for i, b := range blocks {
		pb := placedBlock{block: b, size: b.size * k, gap: b.gap * k}
		if i == 0 {
			pb.gap = 0
		}
		if b.rule {
			pb.height = b.ruleH * k
		} else {
			sh := p.shaper(b.role, pb.size)
			pb.ascent, pb.descent = sh.metrics()
			pb.lines = wrap(sh, b.text, w)
			if len(pb.lines) > b.maxLines {
				m.fits = false
				if truncate {
					pb.lines = ellipsize(sh, pb.lines, b.maxLines, w)
				}
			}
			n := float64(len(pb.lines))
			pb.height = pb.ascent + (n-1)*b.leading*pb.size + pb.descent
		}
		m.height += pb.gap + pb.height
		m.blocks = append(m.blocks, pb)
	}
	return m
}

// align says where lines start in their box.
type align int

const (
	left align = iota
	centre
	right
)

// draw adds the fitted stack to img, its top at y, in the box from x over
// w pixels.
func (p *planner) draw(img *Image, st placed, x, y, w float64, a align, on []brand.Color) {
	for _, b := range st.blocks {
		y += b.gap
		if b.rule {
			rw, rh := b.ruleW*st.scale, b.ruleH*st.scale
			rx := x
			switch a {
			case centre:
				rx = x + (w-rw)/2
			case right:
				rx = x + w - rw
			}
			img.Shapes = append(img.Shapes, Shape{Rect: rect(rx, y, rx+rw, y+rh), Color: b.color})
			y += b.height
			continue
		}
		sh := p.shaper(b.role, b.size)
		base := y + b.ascent
		for _, line := range b.lines {
			lx := x
			switch a {
			case centre:
				lx = x + (w-sh.width(line))/2
			case right:
				lx = x + w - sh.width(line)
			}
			img.Lines = append(img.Lines, Line{Text: line, Role: b.role, Size: round2(b.size),
				X: int(math.Round(lx)), Y: int(math.Round(base)), Color: b.color, On: on})
			base += b.leading * b.size
		}
		y += b.height
	}
}

// wrap breaks text into lines no wider than w, at spaces; a no-break space
// never breaks. A word wider than w alone is cut between characters.
//
// A line grows a word at a time, its span joined with the next word's
// rather than the whole line measured again, and is a slice of text
// unless text has runs of spaces: the same lines as measuring and joining
// each try (TestWrapMatchesReference), for a cost linear in the words
// instead of quadratic, and without allocating each try. That took
// BenchmarkPlan from about 48 to 29 ms, and the slices, with smaller
// spans, from 14 to 10 ms.
func wrap(sh *shaper, text string, w float64) []string {
	var lines []string
	var cur line
	space := sh.word(" ")
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], ' ')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		word, at := text[start:end], start
		start = end + 1
		if word == "" {
			continue
		}
		ws := sh.word(word)
		try := ws
		if cur.words > 0 {
			try = sh.join(sh.join(cur.span, space), ws)
		}
		if try.px() <= w {
			cur.words, cur.size, cur.end, cur.span = cur.words+1, cur.size+len(word), end, try
			continue
		}
		if cur.words > 0 {
			lines = append(lines, cur.text(text))
		}
		for ws.px() > w && utf8.RuneCountInString(word) > 1 {
			head := cutToWidth(sh, word, w)
			lines = append(lines, head)
			word, at = word[len(head):], at+len(head)
			ws = sh.word(word)
		}
		cur = line{start: at, end: end, words: 1, size: len(word), span: ws}
	}
	if cur.words > 0 {
		lines = append(lines, cur.text(text))
	}
	return lines
}

// line is a line that wrap fills: the words of text[start:end], size
// bytes in all.
type line struct {
	start, end  int
	words, size int
	span        span
}

// text returns the line's words with a space between each.
func (l line) text(text string) string {
	s := text[l.start:l.end]
	if len(s) == l.size+l.words-1 {
		return s // a single space between each
	}
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == ' ' }), " ")
}

// cutToWidth returns the longest prefix of s, at least one character, that
// fits w.
func cutToWidth(sh *shaper, s string, w float64) string {
	end := 0
	for i, r := range s {
		next := i + utf8.RuneLen(r)
		if end > 0 && sh.width(s[:next]) > w {
			break
		}
		end = next
	}
	return s[:end]
}

// ellipsize keeps the first n lines and ends the last with an ellipsis,
// dropping words until it fits w.
func ellipsize(sh *shaper, lines []string, n int, w float64) []string {
	out := append([]string(nil), lines[:n]...)
	last := out[n-1]
	for {
		cand := strings.TrimRight(last, " ,;:.\u00a0\u202f") + "…"
		if sh.width(cand) <= w || last == "" {
			out[n-1] = cand
			return out
		}
		if i := strings.LastIndexAny(last, " "); i > 0 {
			last = last[:i]
		} else {
			_, size := utf8.DecodeLastRuneInString(last)
			last = last[:len(last)-size]
		}
	}
}

// text returns s as images draw it: the site's typography applied, and
// without the characters no font of role draws, each of which is noted
// for an identity.glyph finding at pos, where the kit writes the text.
func (p *planner) text(role Role, s string, pos diag.Pos) string {
	key := textKey{role, s}
	ts, ok := p.texts[key]
	if !ok {
		if p.in.Typo != nil {
			s = p.in.Typo(s)
		}
		ts.text, ts.problems = p.in.Fonts.filter(&p.buf, role, s)
		if p.texts == nil {
			p.texts = map[textKey]typeset{}
		}
		p.texts[key] = ts
	}
	face := p.in.Fonts.face(role)
	for _, pr := range ts.problems {
		p.glyphs = append(p.glyphs, glyphNote{pos: pos, face: face.Name, glyphProblem: pr})
	}
	return ts.text
}

// rect returns the rectangle with corners rounded to whole pixels.
func rect(x0, y0, x1, y1 float64) image.Rectangle {
	r := func(f float64) int { return int(math.Round(f)) }
	return image.Rect(r(x0), r(y0), r(x1), r(y1))
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }
