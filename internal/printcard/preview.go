package printcard

import (
	"fmt"
	"image"
	"image/draw"

	xdraw "golang.org/x/image/draw"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"github.com/marque-kit/marque/internal/qr"
)

// Preview draws a side of the card as it looks once cut, without bleed or
// marks, at dpi dots per inch: the kit page shows it, since not every
// browser shows a PDF. It sets the layout's text in the card's own fonts,
// glyph by glyph as the PDF does, so the preview is the card.
func Preview(c *Card, s *Side, dpi float64) (*image.RGBA, error) {
	px := func(mm float64) float64 { return mm / 25.4 * dpi }
	w, h := int(px(Width)+0.5), int(px(Height)+0.5)
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	files := map[string][]byte{"heading": c.Heading, "body": c.Body, "fallback": c.Fallback}
	fonts := map[string]*opentype.Font{}
	faces := map[[2]any]font.Face{}
	face := func(name string, size float64) (font.Face, error) {
		key := [2]any{name, size}
		if f, ok := faces[key]; ok {
			return f, nil
		}
		otf, ok := fonts[name]
		if !ok {
			var err error
			if otf, err = opentype.Parse(files[name]); err != nil {
				return nil, fmt.Errorf("printcard: %s font: %w", name, err)
			}
			fonts[name] = otf
		}
		f, err := opentype.NewFace(otf, &opentype.FaceOptions{Size: size, DPI: dpi, Hinting: font.HintingNone})
		if err != nil {
			return nil, fmt.Errorf("printcard: %s font: %w", name, err)
		}
		faces[key] = f
		return f, nil
	}
	for _, op := range s.Ops {
		ink := image.NewUniform(rgba(op.Color))
		r := op.Rect
		switch op.Kind {
		case "fill":
			draw.Draw(dst, image.Rect(int(px(r.X)), int(px(r.Y)), int(px(r.X+r.W)+0.5), int(px(r.Y+r.H)+0.5)), ink, image.Point{}, draw.Src)
		case "tile":
			rounded(dst, px(r.X), px(r.Y), px(r.W), px(r.H), px(1.5), ink)
		case "text":
			f, err := face(op.Font, op.Size)
			if err != nil {
				return nil, err
			}
			d := font.Drawer{Dst: dst, Src: ink, Face: f, Dot: fixed.Point26_6{X: fixed.Int26_6(px(r.X) * 64), Y: fixed.Int26_6(px(op.Baseline) * 64)}}
			for _, ch := range op.Text {
				d.DrawString(string(ch)) // one by one: no kerning, as in the PDF
			}
		case "image":
			b := image.Rect(int(px(r.X)+0.5), int(px(r.Y)+0.5), int(px(r.X+r.W)+0.5), int(px(r.Y+r.H)+0.5))
			xdraw.BiLinear.Scale(dst, b, op.Image, op.Image.Bounds(), draw.Over, nil)
		case "qr":
			m := px(r.W) / float64(op.QR.Side())
			var z vector.Rasterizer
			z.Reset(w, h)
			op.QR.Runs(func(x, y, n int) {
				x0, y0 := float32(px(r.X)+float64(x+qr.QuietZone)*m), float32(px(r.Y)+float64(y+qr.QuietZone)*m)
				x1, y1 := x0+float32(float64(n)*m), y0+float32(m)
				z.MoveTo(x0, y0)
				z.LineTo(x1, y0)
				z.LineTo(x1, y1)
				z.LineTo(x0, y1)
				z.ClosePath()
			})
			z.Draw(dst, dst.Bounds(), ink, image.Point{})
		}
	}
	return dst, nil
}

// rounded fills the rectangle at x, y of w×h pixels with corners of
// radius rad.
func rounded(dst *image.RGBA, x, y, w, h, rad float64, src image.Image) {
	var z vector.Rasterizer
	b := dst.Bounds()
	z.Reset(b.Dx(), b.Dy())
	f := func(v float64) float32 { return float32(v) }
	k := rad * 0.5523
	z.MoveTo(f(x+rad), f(y))
	z.LineTo(f(x+w-rad), f(y))
	z.CubeTo(f(x+w-rad+k), f(y), f(x+w), f(y+rad-k), f(x+w), f(y+rad))
	z.LineTo(f(x+w), f(y+h-rad))
	z.CubeTo(f(x+w), f(y+h-rad+k), f(x+w-rad+k), f(y+h), f(x+w-rad), f(y+h))
	z.LineTo(f(x+rad), f(y+h))
	z.CubeTo(f(x+rad-k), f(y+h), f(x), f(y+h-rad+k), f(x), f(y+h-rad))
	z.LineTo(f(x), f(y+rad))
	z.CubeTo(f(x), f(y+rad-k), f(x+rad-k), f(y), f(x+rad), f(y))
	z.ClosePath()
	z.Draw(dst, b, src, image.Point{})
}
