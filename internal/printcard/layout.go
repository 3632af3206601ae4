package printcard

import (
	"fmt"
	"image"
	"strings"
	"unicode"

	"github.com/marque-kit/marque/internal/brand"
	"github.com/marque-kit/marque/internal/pdf"
	"github.com/marque-kit/marque/internal/qr"
)

// Side is one face of the card: drawing operations in order, in
// millimetres from the top left corner of the trim, y going down.
type Side struct {
	Name string // "front" or "back"
	Ops  []Op
}

// Op is one drawing operation.
type Op struct {
	Kind  string // "fill" (a rectangle), "tile" (a rounded one), "text", "image", "qr"
	Rect  Rect   // the area covered; for text, its box from ascender to descender
	Color brand.Color
	// Text: the string, its font ("heading", "body" or "fallback"), its
	// size in points and its baseline.
	Text     string
	Font     string
	Size     float64
	Baseline float64
	Image    image.Image // for "image"
	QR       *qr.Code    // for "qr": dark modules in Color, Rect holding the quiet zone
	// Key is the brand.toml key of the value the operation shows, for
	// text and the logo.
	Key string
}

// Rect is a rectangle in millimetres.
type Rect struct{ X, Y, W, H float64 }

// String returns one line per operation, for golden tests and debugging.
func (s *Side) String() string {
	var b strings.Builder
	for _, op := range s.Ops {
		fmt.Fprintf(&b, "%s %s %.2f,%.2f %.2f×%.2f", s.Name, op.Kind, op.Rect.X, op.Rect.Y, op.Rect.W, op.Rect.H)
		switch op.Kind {
		case "text":
			fmt.Fprintf(&b, " %s %gpt baseline %.2f %s %q", op.Font, op.Size, op.Baseline, op.Color.Hex(), op.Text)
		case "qr":
			fmt.Fprintf(&b, " version %d %s", op.QR.Version, op.Color.Hex())
		case "image":
			fmt.Fprintf(&b, " %dx%d px", op.Image.Bounds().Dx(), op.Image.Bounds().Dy())
		default:
			fmt.Fprintf(&b, " %s", op.Color.Hex())
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// layout lays out both sides of a card.
type layout struct {
	card     *Card
	fonts    *fontSet
	problems []Problem
}

func (l *layout) problem(key, rule, format string, args ...any) {
	l.problems = append(l.problems, Problem{Key: key, Rule: rule, Message: fmt.Sprintf(format, args...)})
}

// run is a stretch of text in one font.
type run struct {
	font *pdf.Font
	name string
	text string
}

// runs splits text between font and the fallback, character by character,
// and leaves out (reporting them under key) the characters neither draws.
// An empty key lays out again a text already reported under its own.
func (l *layout) runs(font *pdf.Font, fontName, text, key string) []run {
	var out []run
	var missing []rune
	for _, r := range text {
		f, n := font, fontName
		switch {
		case font.Covers(r):
		case l.fonts.fallback.Covers(r):
			f, n = l.fonts.fallback, "fallback"
		case unicode.IsSpace(r):
			r = ' '
		default:
			missing = append(missing, r)
			continue
		}
		if len(out) > 0 && out[len(out)-1].font == f {
			out[len(out)-1].text += string(r)
			continue
		}
		out = append(out, run{font: f, name: n, text: string(r)})
	}
	if len(missing) > 0 && key != "" {
		l.problem(key, "identity.glyph", "the business card leaves out %q: no font it embeds draws it", string(missing))
	}
	return out
}

func width(rs []run, size float64) float64 {
	w := 0.0
	for _, r := range rs {
		w += ptToMM(r.font.Width(r.text, size))
	}
	return w
}

// fit returns the largest size, from pref down to low in quarter points,
// at which every line fits in w millimetres; ok is false when none does.
func fit(lines [][]run, pref, low, w float64) (size float64, ok bool) {
	for size = pref; size >= low-1e-9; size -= 0.25 {
		fits := true
		for _, rs := range lines {
			if width(rs, size) > w {
				fits = false
				break
			}
		}
		if fits {
			return size, true
		}
	}
	return 0, false
}

// text adds the runs of one line at x with its baseline at y.
func (s *Side) text(rs []run, size, x, y float64, c brand.Color, key string) float64 {
	for _, r := range rs {
		w := ptToMM(r.font.Width(r.text, size))
		asc, desc := ptToMM(r.font.Ascent(size)), ptToMM(r.font.Descent(size))
		s.Ops = append(s.Ops, Op{
			Kind: "text", Text: r.text, Font: r.name, Size: size, Color: c, Key: key,
			Baseline: round(y), Rect: Rect{round(x), round(y - asc), round(w), round(asc + desc)},
		})
		x += w
	}
	return x
}

// Sizes of the card's text, in points.
const (
	nameSize    = 15.0
	nameOneLine = 11.0 // below it, a long name takes two lines
	roleSize    = 7.5
	contactSize = 7.5
	handleSize  = 7.0
)

// front lays out the front: logo, name, role, on the brand's background.
func (l *layout) front() *Side {
	c := l.card
	col := colors(c.Colors)
	s := &Side{Name: "front"}
	s.Ops = append(s.Ops, Op{Kind: "fill", Rect: Rect{-Bleed, -Bleed, Width + 2*Bleed, Height + 2*Bleed}, Color: col.frontBG})
	w := Width - 2*margin

	logoBottom := margin
	if c.Logo != nil {
		logoBottom = l.logo(s, c.Logo)
	}

	name := l.nameLines(w)
	role := l.runs(l.fonts.body, "body", c.Role, "person.role")
	roleSize, roleOK := fit([][]run{role}, roleSize, MinSize, w)
	if !roleOK && c.Role != "" {
		l.problem("person.role", "print.fit", "the role does not fit the business card on one line even at %g pt: it is left off; shorten it", MinSize)
	}

	// The name block sits low on the card, under the logo, its last line
	// and the role above the bottom margin.
	bottom := Height - margin
	y := bottom
	if roleOK && c.Role != "" {
		y -= ptToMM(l.fonts.body.Descent(roleSize))
	}
	var nameSz float64
	var nameRuns [][]run
	if name != nil {
		nameSz, nameRuns = name.size, name.lines
	}
	roleBaseline := y
	lead := ptToMM(nameSz) * 1.15
	nameBaseline := y
	if roleOK && c.Role != "" {
		nameBaseline = roleBaseline - ptToMM(roleSize)*1.9
	}
	first := nameBaseline - lead*float64(len(nameRuns)-1)
	if len(nameRuns) > 0 {
		// An accent rule above the name ties the card to the site.
		top := first - ptToMM(l.fonts.heading.CapHeight(nameSz))
		ruleY := top - 4
		if ruleY-0.8 > logoBottom+2 {
			s.Ops = append(s.Ops, Op{Kind: "fill", Rect: Rect{margin, round(ruleY - 0.8), 10, 0.8}, Color: col.rule})
		}
		for i, rs := range nameRuns {
			s.text(rs, nameSz, margin, first+lead*float64(i), col.name, "person.name")
		}
	}
	if roleOK && c.Role != "" {
		s.text(role, roleSize, margin, roleBaseline, col.role, "person.role")
	}
	return s
}

// nameFit is the name set on one or two lines.
type nameFit struct {
	size  float64
	lines [][]run
}

// nameLines sets the name in w millimetres: on one line down to
// nameOneLine, else on two lines balanced at a space down to MinSize.
func (l *layout) nameLines(w float64) *nameFit {
	c := l.card
	if c.Name == "" {
		return nil
	}
	one := [][]run{l.runs(l.fonts.heading, "heading", c.Name, "person.name")}
	if size, ok := fit(one, nameSize, nameOneLine, w); ok {
		return &nameFit{size, one}
	}
	words := strings.Fields(c.Name)
	best := (*nameFit)(nil)
	for i := 1; i < len(words); i++ {
		a, b := strings.Join(words[:i], " "), strings.Join(words[i:], " ")
		two := [][]run{l.runs(l.fonts.heading, "heading", a, ""), l.runs(l.fonts.heading, "heading", b, "")}
		if size, ok := fit(two, nameOneLine, MinSize, w); ok && (best == nil || size > best.size) {
			best = &nameFit{size, two}
		}
	}
	if best != nil {
		return best
	}
	if size, ok := fit(one, nameOneLine, MinSize, w); ok {
		return &nameFit{size, one}
	}
	l.problem("person.name", "print.fit", "the name does not fit the business card even at %g pt on two lines: it is left off; shorten it for print", MinSize)
	return nil
}

// Largest box of the logo on the front, in millimetres.
const (
	logoMaxW = 38.0
	logoMaxH = 12.0
)

// logo places the logo at the top left, its transparent margins trimmed,
// and returns its bottom edge.
func (l *layout) logo(s *Side, img image.Image) float64 {
	img = trimTransparent(img)
	b := img.Bounds()
	if b.Empty() {
		return margin
	}
	w, h := logoMaxW, logoMaxW*float64(b.Dy())/float64(b.Dx())
	if h > logoMaxH {
		w, h = logoMaxH*float64(b.Dx())/float64(b.Dy()), logoMaxH
	}
	needW, needH := int(w/25.4*DPI+0.5), int(h/25.4*DPI+0.5)
	if b.Dx() < needW {
		l.problem("person.logo", "identity.image-size", "the logo is %d×%d px once its transparent margins are trimmed: printed %.0f×%.0f mm on the business card, it needs %d×%d px for %d dpi",
			b.Dx(), b.Dy(), w, h, needW, needH, DPI)
	}
	s.Ops = append(s.Ops, Op{Kind: "image", Rect: Rect{margin, margin, round(w), round(h)}, Image: img, Key: "person.logo"})
	return margin + h
}

// trimTransparent returns img without its fully transparent margins.
func trimTransparent(img image.Image) image.Image {
	b := img.Bounds()
	alpha := func(x, y int) uint8 {
		_, _, _, a := img.At(x, y).RGBA()
		return uint8(a >> 8)
	}
	if n, ok := img.(*image.NRGBA); ok {
		// What PNG logos decode to: read the alpha bytes directly.
		alpha = func(x, y int) uint8 { return n.Pix[n.PixOffset(x, y)+3] }
	}
	inside := image.Rectangle{}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		x0, x1 := b.Max.X, b.Min.X-1
		for x := b.Min.X; x < b.Max.X; x++ {
			if alpha(x, y) > 0 {
				x0 = x
				break
			}
		}
		for x := b.Max.X - 1; x >= x0; x-- {
			if alpha(x, y) > 0 {
				x1 = x
				break
			}
		}
		if x1 >= x0 {
			inside = inside.Union(image.Rect(x0, y, x1+1, y+1))
		}
	}
	type subImager interface {
		SubImage(image.Rectangle) image.Image
	}
	if si, ok := img.(subImager); ok && inside != b {
		return si.SubImage(inside)
	}
	return img
}

// qrSide is the side of the QR code's tile on the back, quiet zone
// included, in millimetres.
const qrSide = 24.0

// back lays out the back: contact lines and handles beside the QR code.
func (l *layout) back() *Side {
	c := l.card
	col := colors(c.Colors)
	s := &Side{Name: "back"}
	s.Ops = append(s.Ops, Op{Kind: "fill", Rect: Rect{-Bleed, -Bleed, Width + 2*Bleed, Height + 2*Bleed}, Color: col.backBG})
	textRight := Width - margin
	if c.QR != nil {
		x, y := Width-margin-qrSide, (Height-qrSide)/2
		s.Ops = append(s.Ops, Op{Kind: "tile", Rect: Rect{round(x), round(y), qrSide, qrSide}, Color: col.qrLight})
		s.Ops = append(s.Ops, Op{Kind: "qr", Rect: Rect{round(x), round(y), qrSide, qrSide}, Color: col.qrDark, QR: c.QR})
		textRight = x - 4
	}
	w := textRight - margin

	type line struct {
		runs  []run
		size  float64
		color []brand.Color // per run
		key   string
		what  string  // the line, as a finding names it
		gap   float64 // extra space above, mm
	}
	var lines []line
	// Each group of lines (contact, handles) takes one size: the largest
	// at which all its lines fit. A line that does not fit even at
	// MinSize is left off, rather than shrinking the others with it.
	group := func(ls []line, pref float64) []line {
		var kept []line
		size := pref
		for _, ln := range ls {
			s, ok := fit([][]run{ln.runs}, pref, MinSize, w)
			if !ok {
				l.problem(ln.key, "print.fit", "%s does not fit the business card on one line even at %g pt: it is left off", ln.what, MinSize)
				continue
			}
			size = min(size, s)
			kept = append(kept, ln)
		}
		for i := range kept {
			kept[i].size = size
		}
		return kept
	}
	var contact []line
	for _, f := range []struct{ key, text string }{
		{"person.email", c.Email}, {"person.phone", c.Phone}, {"person.site_url", c.Site},
	} {
		if f.text != "" {
			rs := l.runs(l.fonts.body, "body", f.text, f.key)
			contact = append(contact, line{runs: rs, color: repeat(col.ink, len(rs)), key: f.key, what: fmt.Sprintf("%q", f.text)})
		}
	}
	lines = group(contact, contactSize)
	var handles []line
	for _, h := range c.Handles {
		label := l.runs(l.fonts.body, "body", h.Label+"  ", h.Key)
		text := l.runs(l.fonts.body, "body", h.Text, h.Key)
		colors := append(repeat(col.dim, len(label)), repeat(col.ink, len(text))...)
		handles = append(handles, line{runs: append(append([]run{}, label...), text...), color: colors, key: h.Key,
			what: fmt.Sprintf("the %s handle %q", h.Label, h.Text)})
	}
	if handles = group(handles, handleSize); len(handles) > 0 && len(lines) > 0 {
		handles[0].gap = 2.5
	}
	lines = append(lines, handles...)

	// Centre the block vertically; drop the last lines that do not fit.
	height := func(ls []line) float64 {
		h := 0.0
		for i, ln := range ls {
			if i > 0 {
				h += ptToMM(ln.size)*1.55 + ln.gap
			}
		}
		if len(ls) > 0 {
			h += ptToMM(l.fonts.body.CapHeight(ls[0].size))
		}
		return h
	}
	for len(lines) > 0 && height(lines) > Height-2*margin {
		dropped := lines[len(lines)-1]
		l.problem(dropped.key, "print.fit", "the business card has no room left for this line: it is left off; print fewer handles")
		lines = lines[:len(lines)-1]
	}
	if len(lines) == 0 {
		return s
	}
	y := (Height-height(lines))/2 + ptToMM(l.fonts.body.CapHeight(lines[0].size))
	for i, ln := range lines {
		if i > 0 {
			y += ptToMM(ln.size)*1.55 + ln.gap
		}
		x := margin
		for j, r := range ln.runs {
			x = s.text([]run{r}, ln.size, x, y, ln.color[j], ln.key)
		}
	}
	return s
}

func repeat(c brand.Color, n int) []brand.Color {
	out := make([]brand.Color, n)
	for i := range out {
		out[i] = c
	}
	return out
}
