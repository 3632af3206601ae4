package socialimage

import (
	"fmt"
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
			sh := p.in.Fonts.shaper(b.role, pb.size)
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
		sh := p.in.Fonts.shaper(b.role, b.size)
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
func wrap(sh *shaper, text string, w float64) []string {
	var lines []string
	var cur string
	for _, word := range strings.Split(text, " ") {
		if word == "" {
			continue
		}
		try := word
		if cur != "" {
			try = cur + " " + word
		}
		if sh.width(try) <= w {
			cur = try
			continue
		}
		if cur != "" {
			lines = append(lines, cur)
		}
		cur = word
		for sh.width(cur) > w && utf8.RuneCountInString(cur) > 1 {
			head := cutToWidth(sh, cur, w)
			lines = append(lines, head)
			cur = cur[len(head):]
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
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
// without the characters no font of role draws, each of which is an
// identity.glyph finding at pos, where the kit writes the text.
func (p *planner) text(role Role, s string, pos diag.Pos) string {
	if p.in.Typo != nil {
		s = p.in.Typo(s)
	}
	out, problems := p.in.Fonts.filter(role, s)
	p.noted += len(problems)
	face := p.in.Fonts.face(role)
	for _, pr := range problems {
		key := fmt.Sprintf("%s:%d:%d:%s:%d", pos.File, pos.Line, pos.Column, face.Name, pr.r)
		if p.glyphSeen[key] {
			continue
		}
		p.glyphSeen[key] = true
		name := face.Name
		if strings.HasPrefix(name, "embedded:") {
			name = "the embedded font"
		}
		if pr.fallback {
			p.list.Add(pos, "identity.glyph", "%q (%U) is not in %s: images draw it with the embedded fallback font", pr.r, pr.r, name)
		} else {
			p.list.Add(pos, "identity.glyph", "%q (%U) is in no font marque has: images leave it out", pr.r, pr.r)
		}
	}
	return out
}

// rect returns the rectangle with corners rounded to whole pixels.
func rect(x0, y0, x1, y1 float64) image.Rectangle {
	r := func(f float64) int { return int(math.Round(f)) }
	return image.Rect(r(x0), r(y0), r(x1), r(y1))
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }
