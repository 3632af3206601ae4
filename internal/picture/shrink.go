package picture

import (
	"image"
	"image/color"

	"github.com/disintegration/imaging"
)

// Shrink returns img shrunk k times in each direction, each pixel the mean
// of a k×k block (the last row and column of blocks may be partial). It
// reads a decoded JPEG's planes directly: one pass over the pixels, which
// is what makes a large photo cheap to bring down near the size of the
// images made from it, before a finer filter does the rest.
func Shrink(img image.Image, k int) *image.NRGBA {
	b := img.Bounds()
	w, h := (b.Dx()+k-1)/k, (b.Dy()+k-1)/k
	out := image.NewNRGBA(image.Rect(0, 0, w, h))
	switch src := img.(type) {
	case *image.YCbCr:
		reduceYCbCr(src, k, out)
	case *image.NRGBA:
		reduceNRGBA(src.Pix, src.Stride, b, k, out)
	default:
		n := imaging.Clone(img)
		reduceNRGBA(n.Pix, n.Stride, n.Bounds().Sub(n.Bounds().Min), k, out)
	}
	return out
}

func reduceYCbCr(src *image.YCbCr, k int, out *image.NRGBA) {
	b := src.Bounds()
	sx, sy := 1, 1 // how many luma pixels share a chroma sample
	switch src.SubsampleRatio {
	case image.YCbCrSubsampleRatio422:
		sx = 2
	case image.YCbCrSubsampleRatio420:
		sx, sy = 2, 2
	case image.YCbCrSubsampleRatio440:
		sy = 2
	case image.YCbCrSubsampleRatio444:
	default: // 4:1:1 and 4:1:0 are rare: take the general way
		n := imaging.Clone(src)
		reduceNRGBA(n.Pix, n.Stride, n.Bounds(), k, out)
		return
	}
	if k%sx != 0 || k%sy != 0 {
		n := imaging.Clone(src)
		reduceNRGBA(n.Pix, n.Stride, n.Bounds(), k, out)
		return
	}
	w := out.Rect.Dx()
	sumY, nY := make([]int, w), make([]int, w)
	sumCb, sumCr, nC := make([]int, w), make([]int, w), make([]int, w)
	cw := (b.Max.X+sx-1)/sx - b.Min.X/sx // chroma samples per row
	kx := k / sx
	for oy := range out.Rect.Dy() {
		clear(sumY)
		clear(nY)
		clear(sumCb)
		clear(sumCr)
		clear(nC)
		y0, y1 := b.Min.Y+oy*k, min(b.Min.Y+(oy+1)*k, b.Max.Y)
		for y := y0; y < y1; y++ {
			row := src.Y[src.YOffset(b.Min.X, y) : src.YOffset(b.Min.X, y)+b.Dx()]
			for x, v := range row {
				sumY[x/k] += int(v)
				nY[x/k]++
			}
		}
		for cy := y0 / sy; cy < (y1+sy-1)/sy; cy++ {
			off := src.COffset(b.Min.X, cy*sy)
			cb, cr := src.Cb[off:off+cw], src.Cr[off:off+cw]
			for cx := range cw {
				ox := min(cx/kx, w-1)
				sumCb[ox] += int(cb[cx])
				sumCr[ox] += int(cr[cx])
				nC[ox]++
			}
		}
		row := out.Pix[oy*out.Stride:]
		for ox := range w {
			r, g, bl := color.YCbCrToRGB(uint8(sumY[ox]/nY[ox]), uint8(sumCb[ox]/nC[ox]), uint8(sumCr[ox]/nC[ox]))
			row[4*ox], row[4*ox+1], row[4*ox+2], row[4*ox+3] = r, g, bl, 255
		}
	}
}

// reduceNRGBA averages non-premultiplied pixels weighted by their alpha,
// so that transparent pixels lend no colour to the edges of a logo.
func reduceNRGBA(pix []byte, stride int, b image.Rectangle, k int, out *image.NRGBA) {
	w := out.Rect.Dx()
	sums := make([][5]int, w) // r·a, g·a, b·a, a, count
	for oy := range out.Rect.Dy() {
		clear(sums)
		for y := oy * k; y < min((oy+1)*k, b.Dy()); y++ {
			row := pix[(b.Min.Y+y)*stride+4*b.Min.X:]
			for x := 0; x < b.Dx(); x++ {
				s := &sums[x/k]
				a := int(row[4*x+3])
				s[0] += int(row[4*x]) * a
				s[1] += int(row[4*x+1]) * a
				s[2] += int(row[4*x+2]) * a
				s[3] += a
				s[4]++
			}
		}
		orow := out.Pix[oy*out.Stride:]
		for ox, s := range sums {
			if s[3] > 0 {
				orow[4*ox], orow[4*ox+1], orow[4*ox+2] = uint8(s[0]/s[3]), uint8(s[1]/s[3]), uint8(s[2]/s[3])
			}
			orow[4*ox+3] = uint8(s[3] / s[4])
		}
	}
}
