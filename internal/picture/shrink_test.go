package picture

import (
	"bytes"
	"image"
	"image/jpeg"
	"testing"

	"github.com/disintegration/imaging"
)

// TestShrink checks the direct reduction of a decoded JPEG against the
// general one, through an NRGBA copy: the same colours, give or take rounding.
func TestShrink(t *testing.T) {
	src := image.NewNRGBA(image.Rect(0, 0, 203, 101))
	for y := range 101 {
		for x := range 203 {
			// Smooth, like a photograph: no colour clipped by the conversion.
			src.Pix[src.PixOffset(x, y)+0] = uint8(40 + x)
			src.Pix[src.PixOffset(x, y)+1] = uint8(60 + y + x/4)
			src.Pix[src.PixOffset(x, y)+2] = uint8(200 - x/2)
			src.Pix[src.PixOffset(x, y)+3] = 255
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, src, &jpeg.Options{Quality: 95}); err != nil {
		t.Fatal(err)
	}
	dec, err := jpeg.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := dec.(*image.YCbCr); !ok {
		t.Fatalf("decoded as %T", dec)
	}
	for _, k := range []int{2, 4, 8} {
		fast := Shrink(dec, k)
		slow := Shrink(imaging.Clone(dec), k)
		if fast.Bounds() != slow.Bounds() || fast.Bounds().Dx() != (203+k-1)/k {
			t.Fatalf("k=%d: %v and %v", k, fast.Bounds(), slow.Bounds())
		}
		for i := range fast.Pix {
			if d := int(fast.Pix[i]) - int(slow.Pix[i]); d > 6 || d < -6 {
				t.Fatalf("k=%d: byte %d is %d, %d the general way", k, i, fast.Pix[i], slow.Pix[i])
			}
		}
	}
}
