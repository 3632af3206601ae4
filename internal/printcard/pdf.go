package printcard

import (
	"image"
	"image/color"

	"golang.org/x/image/draw"

	"github.com/marque-kit/marque/internal/brand"
	"github.com/marque-kit/marque/internal/pdf"
	"github.com/marque-kit/marque/internal/qr"
)

// maxImageDPI caps the resolution of the logo in the PDF: more pixels
// than that print no sharper and only make the file heavier.
const maxImageDPI = 600

// writePDF adds the side as a page: the trimmed card in the middle of the
// page, with bleed and slug around it, and crop marks.
func (s *Side) writePDF(doc *pdf.Document, fonts *fontSet) error {
	pw, ph := Width+2*Slug, Height+2*Slug
	media := pdf.Rect{X0: 0, Y0: 0, X1: pdf.MM(pw), Y1: pdf.MM(ph)}
	trim := media.Inset(pdf.MM(Slug))
	bleed := trim.Inset(-pdf.MM(Bleed))
	page := doc.AddPage(media, bleed, trim)
	// box converts a layout rectangle to page coordinates.
	box := func(r Rect) pdf.Rect {
		return pdf.Rect{
			X0: pdf.MM(Slug + r.X), Y0: pdf.MM(Slug + Height - r.Y - r.H),
			X1: pdf.MM(Slug + r.X + r.W), Y1: pdf.MM(Slug + Height - r.Y),
		}
	}
	byName := map[string]*pdf.Font{"heading": fonts.heading, "body": fonts.body, "fallback": fonts.fallback}
	images := map[image.Image]*pdf.Image{}
	for _, op := range s.Ops {
		switch op.Kind {
		case "fill":
			page.Fill(rgba(op.Color), box(op.Rect))
		case "tile":
			page.FillRounded(rgba(op.Color), box(op.Rect), pdf.MM(1.5))
		case "text":
			page.Text(byName[op.Font], op.Size, pdf.MM(Slug+op.Rect.X), pdf.MM(Slug+Height-op.Baseline), rgba(op.Color), op.Text)
		case "image":
			img, ok := images[op.Image]
			if !ok {
				img = doc.AddImage(capResolution(op.Image, op.Rect.W, op.Rect.H))
				images[op.Image] = img
			}
			page.Image(img, box(op.Rect))
		case "qr":
			page.Fill(rgba(op.Color), qrRects(op.QR, box(op.Rect))...)
		}
	}
	cropMarks(page, trim)
	return nil
}

func rgba(c brand.Color) color.RGBA { return color.RGBA{c.R, c.G, c.B, 255} }

// qrRects returns the dark modules of code as rectangles filling r, quiet
// zone included, one per horizontal run. Runs overlap their neighbours by
// a hair so that no rasteriser leaves a light seam between modules.
func qrRects(code *qr.Code, r pdf.Rect) []pdf.Rect {
	m := (r.X1 - r.X0) / float64(code.Side())
	var out []pdf.Rect
	code.Runs(func(x, y, n int) {
		x0 := r.X0 + float64(x+qr.QuietZone)*m
		y1 := r.Y1 - float64(y+qr.QuietZone)*m
		out = append(out, pdf.Rect{X0: x0, Y0: y1 - m - 0.01, X1: x0 + float64(n)*m, Y1: y1})
	})
	return out
}

// cropMarks draws the eight marks that extend the trim lines past the
// bleed, at each corner.
func cropMarks(page *pdf.Page, trim pdf.Rect) {
	start, end := pdf.MM(Bleed+0.5), pdf.MM(Slug-1.5)
	const w = 0.25 // points: the hairline printers use
	for _, x := range []float64{trim.X0, trim.X1} {
		page.Mark(x, trim.Y0-start, x, trim.Y0-end, w)
		page.Mark(x, trim.Y1+start, x, trim.Y1+end, w)
	}
	for _, y := range []float64{trim.Y0, trim.Y1} {
		page.Mark(trim.X0-start, y, trim.X0-end, y, w)
		page.Mark(trim.X1+start, y, trim.X1+end, y, w)
	}
}

// capResolution returns img scaled down to maxImageDPI at wmm×hmm when it
// has more pixels than that.
func capResolution(img image.Image, wmm, hmm float64) image.Image {
	b := img.Bounds()
	maxW := int(wmm / 25.4 * maxImageDPI)
	if b.Dx() <= maxW || maxW < 1 {
		return img
	}
	h := max(1, int(float64(maxW)*float64(b.Dy())/float64(b.Dx())+0.5))
	dst := image.NewNRGBA(image.Rect(0, 0, maxW, h))
	// Bilinear, widened to the reduction as x/image/draw does: as sharp as
	// Catmull-Rom at this scale, for half the work.
	draw.BiLinear.Scale(dst, dst.Bounds(), img, b, draw.Src, nil)
	return dst
}
