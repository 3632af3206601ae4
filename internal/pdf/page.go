package pdf

import (
	"fmt"
	"image/color"
	"slices"
	"strings"
)

// Page is one page. Coordinates are in points from the lower left corner
// of its media box.
type Page struct {
	id                 ref
	media, bleed, trim Rect
	content            strings.Builder
	fonts              []*Font
	images             []*Image
}

// AddPage adds a page of the given media box with the bleed and trim
// boxes a printer reads: the trim box is the finished piece, the bleed box
// the area the printed colour must cover so that no white edge shows
// after the cut. Crop marks go between the bleed and media boxes.
func (d *Document) AddPage(media, bleed, trim Rect) *Page {
	p := &Page{id: d.alloc(), media: media, bleed: bleed, trim: trim}
	d.pages = append(d.pages, p)
	return p
}

func (p *Page) op(format string, args ...any) { fmt.Fprintf(&p.content, format+"\n", args...) }

func rgb(c color.Color) string {
	r, g, b, _ := c.RGBA()
	return num(float64(r)/0xFFFF) + " " + num(float64(g)/0xFFFF) + " " + num(float64(b)/0xFFFF)
}

// Fill fills the rectangles with c, as one path.
func (p *Page) Fill(c color.Color, rs ...Rect) {
	if len(rs) == 0 {
		return
	}
	p.op("%s rg", rgb(c))
	for _, r := range rs {
		p.op("%s %s %s %s re", num(r.X0), num(r.Y0), num(r.X1-r.X0), num(r.Y1-r.Y0))
	}
	p.op("f")
}

// kappa places the control points of a cubic Bézier that draws a quarter
// circle.
const kappa = 0.5523

// FillRounded fills r with c, its corners rounded with radius rad.
func (p *Page) FillRounded(c color.Color, r Rect, rad float64) {
	rad = min(rad, (r.X1-r.X0)/2, (r.Y1-r.Y0)/2)
	k := rad * kappa
	p.op("%s rg", rgb(c))
	p.op("%s %s m", num(r.X0+rad), num(r.Y0))
	p.op("%s %s l", num(r.X1-rad), num(r.Y0))
	p.op("%s %s %s %s %s %s c", num(r.X1-rad+k), num(r.Y0), num(r.X1), num(r.Y0+rad-k), num(r.X1), num(r.Y0+rad))
	p.op("%s %s l", num(r.X1), num(r.Y1-rad))
	p.op("%s %s %s %s %s %s c", num(r.X1), num(r.Y1-rad+k), num(r.X1-rad+k), num(r.Y1), num(r.X1-rad), num(r.Y1))
	p.op("%s %s l", num(r.X0+rad), num(r.Y1))
	p.op("%s %s %s %s %s %s c", num(r.X0+rad-k), num(r.Y1), num(r.X0), num(r.Y1-rad+k), num(r.X0), num(r.Y1-rad))
	p.op("%s %s l", num(r.X0), num(r.Y0+rad))
	p.op("%s %s %s %s %s %s c", num(r.X0), num(r.Y0+rad-k), num(r.X0+rad-k), num(r.Y0), num(r.X0+rad), num(r.Y0))
	p.op("f")
}

// Mark strokes a line of width w in registration colour (every ink at
// 100 %), as crop marks are drawn so that they print on every plate.
func (p *Page) Mark(x0, y0, x1, y1, w float64) {
	p.op("q 1 1 1 1 K %s w 0 J", num(w))
	p.op("%s %s m %s %s l S Q", num(x0), num(y0), num(x1), num(y1))
}

// Text draws s with its baseline starting at (x, y), in font f at size
// points, in colour c. Characters f does not draw show as its .notdef
// glyph: callers choose a font that covers the text (see Font.Covers).
func (p *Page) Text(f *Font, size, x, y float64, c color.Color, s string) {
	if s == "" {
		return
	}
	if !slices.Contains(p.fonts, f) {
		p.fonts = append(p.fonts, f)
	}
	p.op("BT %s rg %s %s Tf %s %s Td <%X> Tj ET", rgb(c), f.resName(), num(size), num(x), num(y), f.encode(s))
}

// Image draws img into r, stretched to fill it.
func (p *Page) Image(img *Image, r Rect) {
	if !slices.Contains(p.images, img) {
		p.images = append(p.images, img)
	}
	p.op("q %s 0 0 %s %s %s cm %s Do Q", num(r.X1-r.X0), num(r.Y1-r.Y0), num(r.X0), num(r.Y0), img.resName())
}

func (p *Page) write(d *Document) {
	contents := d.alloc()
	d.stream(contents, "", []byte(p.content.String()))
	var res strings.Builder
	res.WriteString("<<")
	if len(p.fonts) > 0 {
		res.WriteString("/Font <<")
		for _, f := range p.fonts {
			res.WriteString(f.resName() + " " + f.id.String() + " ")
		}
		res.WriteString(">>")
	}
	if len(p.images) > 0 {
		res.WriteString("/XObject <<")
		for _, img := range p.images {
			res.WriteString(img.resName() + " " + img.id.String() + " ")
		}
		res.WriteString(">>")
	}
	res.WriteString(">>")
	d.set(p.id, fmt.Sprintf("<</Type /Page /Parent %s /MediaBox %s /BleedBox %s /TrimBox %s /Resources %s /Contents %s>>",
		d.pagesID, p.media.array(), p.bleed.array(), p.trim.array(), res.String(), contents))
}
