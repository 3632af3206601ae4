package socialimage

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"math"

	"github.com/disintegration/imaging"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"github.com/marque-kit/marque/internal/brand"
	"github.com/marque-kit/marque/internal/picture"
)

// Source is a decoded source image at the scales the plan draws it at:
// a pyramid of copies, each half the size of the one before, so that every
// image resamples from a copy less than twice its own scale. Resampling a
// large photo straight to an avatar would cost a filter as wide as the
// reduction; halving first costs a fraction of it and looks the same.
type Source struct {
	levels []level // largest first
}

// level is one copy: scale is its pixels per pixel of the file, so that
// the plan's crop rectangles, which count the file's pixels, map onto it.
type level struct {
	img   image.Image
	scale float64
}

// NewSource returns the pyramid of img for an image drawn at scales from
// lo to hi of its size (see Plan.SourceScale). Copies larger than hi are
// dropped, so that a 100-megapixel photo is held whole only while its
// first half is made.
func NewSource(img image.Image, lo, hi float64) *Source {
	b := img.Bounds()
	// The largest power of two the largest scale allows, in one pass...
	k := 1
	for 2*k <= b.Dx() && 2*k <= b.Dy() && 1/float64(2*k) >= hi {
		k *= 2
	}
	cur := level{img: img, scale: 1}
	if k > 1 {
		r := picture.Shrink(img, k)
		cur = level{img: r, scale: float64(r.Bounds().Dx()) / float64(b.Dx())}
	}
	s := &Source{levels: []level{cur}}
	// ...then halves, for the smaller images.
	for cur.scale/2 >= lo && cur.img.Bounds().Dx() >= 2 && cur.img.Bounds().Dy() >= 2 {
		r := picture.Shrink(cur.img, 2)
		cur = level{img: r, scale: float64(r.Bounds().Dx()) / float64(b.Dx())}
		s.levels = append(s.levels, cur)
	}
	return s
}

// pick returns the smallest copy at least at scale.
func (s *Source) pick(scale float64) level {
	best := s.levels[0]
	for _, l := range s.levels {
		if l.scale >= scale*0.999 {
			best = l
		}
	}
	return best
}

// SourceScale returns the smallest and largest scales at which images of
// the plan draw src, the largest at most 1.
func (p *Plan) SourceScale(src string) (lo, hi float64) {
	lo = 1
	for _, img := range p.Images {
		for _, l := range []*Layer{img.Photo, img.Logo} {
			if l == nil || l.Src != src || l.Crop.Empty() {
				continue
			}
			sx := float64(l.Dest.Dx()) / float64(l.Crop.Dx())
			sy := float64(l.Dest.Dy()) / float64(l.Crop.Dy())
			lo, hi = min(lo, max(sx, sy)), max(hi, sx, sy)
		}
	}
	return min(lo, 1), min(hi, 1)
}

// Compose draws the image the plan describes. Sources come from src, by
// kit path; fonts must be the ones the plan was made with.
func Compose(img *Image, fonts *Fonts, src func(path string) (*Source, error)) (*image.RGBA, error) {
	canvas := image.NewRGBA(image.Rect(0, 0, img.Width, img.Height))
	if img.Kind != Icon {
		draw.Draw(canvas, canvas.Bounds(), image.NewUniform(rgba(img.Fill, 1)), image.Point{}, draw.Src)
	}
	if l := img.Photo; l != nil {
		if err := drawLayer(canvas, l, src, draw.Src); err != nil {
			return nil, err
		}
	}
	if o := img.Overlay; o != nil {
		draw.Draw(canvas, canvas.Bounds(), image.NewUniform(rgba(o.Color, o.Alpha)), image.Point{}, draw.Over)
	}
	for _, s := range img.Shapes {
		fill := image.NewUniform(rgba(s.Color, 1))
		if s.Round {
			fillPill(canvas, s.Rect, fill)
		} else {
			draw.Draw(canvas, s.Rect, fill, image.Point{}, draw.Over)
		}
	}
	if l := img.Logo; l != nil {
		if err := drawLayer(canvas, l, src, draw.Over); err != nil {
			return nil, err
		}
	}
	for _, line := range img.Lines {
		drawLine(canvas, fonts, line)
	}
	return canvas, nil
}

// drawLayer draws the layer's crop of its source into its destination,
// resampled to the destination's size.
func drawLayer(dst *image.RGBA, l *Layer, src func(string) (*Source, error), op draw.Op) error {
	s, err := src(l.Src)
	if err != nil {
		return err
	}
	need := max(float64(l.Dest.Dx())/float64(l.Crop.Dx()), float64(l.Dest.Dy())/float64(l.Crop.Dy()))
	lv := s.pick(need)
	b := lv.img.Bounds()
	scaled := func(v int) float64 { return float64(v) * lv.scale }
	crop := image.Rect(
		int(math.Floor(scaled(l.Crop.Min.X))), int(math.Floor(scaled(l.Crop.Min.Y))),
		int(math.Ceil(scaled(l.Crop.Max.X))), int(math.Ceil(scaled(l.Crop.Max.Y))),
	).Add(b.Min).Intersect(b)
	if crop.Empty() {
		return fmt.Errorf("crop %v outside %s (%v)", l.Crop, l.Src, b)
	}
	var part image.Image = imaging.Crop(lv.img, crop)
	if crop.Dx() != l.Dest.Dx() || crop.Dy() != l.Dest.Dy() {
		part = imaging.Resize(part, l.Dest.Dx(), l.Dest.Dy(), imaging.Lanczos)
	}
	draw.Draw(dst, l.Dest, part, image.Point{}, op)
	return nil
}

// fillPill fills r with its corners rounded by half its shorter side: a
// disc when r is square. The edge is anti-aliased.
func fillPill(dst *image.RGBA, r image.Rectangle, src image.Image) {
	w, h := float32(r.Dx()), float32(r.Dy())
	rad := min(w, h) / 2
	const k = 0.5523 // the control distance of a quarter circle as a cubic
	z := vector.NewRasterizer(r.Dx(), r.Dy())
	z.MoveTo(rad, 0)
	z.LineTo(w-rad, 0)
	z.CubeTo(w-rad+k*rad, 0, w, rad-k*rad, w, rad)
	z.LineTo(w, h-rad)
	z.CubeTo(w, h-rad+k*rad, w-rad+k*rad, h, w-rad, h)
	z.LineTo(rad, h)
	z.CubeTo(rad-k*rad, h, 0, h-rad+k*rad, 0, h-rad)
	z.LineTo(0, rad)
	z.CubeTo(0, rad-k*rad, rad-k*rad, 0, rad, 0)
	z.ClosePath()
	z.Draw(dst, r, src, image.Point{})
}

// drawLine draws one line of text with the face of its role and the
// fallback, with the same layout the plan measured.
func drawLine(dst *image.RGBA, fonts *Fonts, line Line) {
	sh := fonts.shaper(line.Role, line.Size)
	glyphs, _ := sh.layout(line.Text)
	faces := map[*Face]font.Face{}
	ink := image.NewUniform(rgba(line.Color, 1))
	origin := fixed.Point26_6{X: fixed.I(line.X), Y: fixed.I(line.Y)}
	for _, g := range glyphs {
		f := faces[g.face]
		if f == nil {
			f, _ = opentype.NewFace(g.face.font, &opentype.FaceOptions{Size: line.Size, DPI: 72, Hinting: font.HintingNone})
			faces[g.face] = f
		}
		dot := fixed.Point26_6{X: origin.X + g.x, Y: origin.Y}
		dr, mask, maskp, _, ok := f.Glyph(dot, g.r)
		if ok {
			draw.DrawMask(dst, dr, ink, image.Point{}, mask, maskp, draw.Over)
		}
	}
}

func rgba(c brand.Color, alpha float64) color.Color {
	return color.NRGBA{R: c.R, G: c.G, B: c.B, A: uint8(math.Round(alpha * 255))}
}
