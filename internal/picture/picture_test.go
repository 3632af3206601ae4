package picture

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"testing"
	"testing/fstest"
)

func TestCrop(t *testing.T) {
	tests := []struct {
		name   string
		bounds image.Rectangle
		w, h   int
		f      Focus
		want   image.Rectangle
	}{
		{"portrait to square, upper third", image.Rect(0, 0, 1200, 1500), 1, 1, Focus{0.5, 0.33}, image.Rect(0, 0, 1200, 1200)},
		{"landscape to square, centred", image.Rect(0, 0, 3000, 1000), 1, 1, Focus{0.5, 0.5}, image.Rect(1000, 0, 2000, 1000)},
		{"focus at the edge shifts inside", image.Rect(0, 0, 3000, 1000), 1, 1, Focus{0.99, 0.5}, image.Rect(2000, 0, 3000, 1000)},
		{"focus at the left edge", image.Rect(0, 0, 3000, 1000), 1, 1, Focus{0, 0}, image.Rect(0, 0, 1000, 1000)},
		{"wide crop of a tall image", image.Rect(0, 0, 1000, 3000), 16, 9, Focus{0.5, 0.5}, image.Rect(0, 1219, 1000, 1781)},
		{"offset bounds", image.Rect(10, 20, 110, 220), 1, 1, Focus{0.5, 1}, image.Rect(10, 120, 110, 220)},
	}
	for _, tt := range tests {
		if got := Crop(tt.bounds, tt.w, tt.h, tt.f); got != tt.want {
			t.Errorf("%s: Crop = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestFillNeverEnlarges(t *testing.T) {
	small := image.NewRGBA(image.Rect(0, 0, 100, 80))
	out, up := Fill(small, 240, 240, Focus{0.5, 0.5})
	if !up || out.Bounds().Dx() != 80 || out.Bounds().Dy() != 80 {
		t.Errorf("Fill of a small image = %v upscaled=%v, want 80×80 and upscaled", out.Bounds(), up)
	}
	big := image.NewRGBA(image.Rect(0, 0, 1000, 800))
	out, up = Fill(big, 240, 135, Focus{0.5, 0.5})
	if up || out.Bounds().Dx() != 240 || out.Bounds().Dy() != 135 {
		t.Errorf("Fill = %v upscaled=%v, want 240×135", out.Bounds(), up)
	}
}

func TestDecode(t *testing.T) {
	img := image.NewNRGBA(image.Rect(0, 0, 4, 3))
	img.Set(1, 1, color.NRGBA{255, 0, 0, 255})
	var b bytes.Buffer
	png.Encode(&b, img)
	fsys := fstest.MapFS{
		"ok.png":        {Data: b.Bytes()},
		"huge.png":      {Data: withSize(b.Bytes(), 20000, 20000)},
		"text.jpg":      {Data: []byte("not an image")},
		"truncated.png": {Data: b.Bytes()[:len(b.Bytes())/2]},
	}
	if got, err := Decode(fsys, "ok.png"); err != nil || got.Bounds().Dx() != 4 {
		t.Errorf("Decode(ok.png) = %v, %v", got, err)
	}
	for _, name := range []string{"text.jpg", "truncated.png", "huge.png"} {
		if _, err := Decode(fsys, name); !errors.Is(err, ErrNotImage) {
			t.Errorf("Decode(%s) = %v, want ErrNotImage", name, err)
		}
	}
}

// withSize returns a PNG whose header claims w×h pixels: what a hostile or
// enormous file looks like before its pixels are read.
func withSize(p []byte, w, h uint32) []byte {
	p = bytes.Clone(p)
	// The IHDR chunk follows the 8-byte signature: length, type, data, CRC.
	binary.BigEndian.PutUint32(p[16:], w)
	binary.BigEndian.PutUint32(p[20:], h)
	binary.BigEndian.PutUint32(p[29:], crc32.ChecksumIEEE(p[12:29]))
	return p
}

func TestFillShrinksLargeSources(t *testing.T) {
	big := image.NewRGBA(image.Rect(0, 0, 4000, 3000))
	for y := range 3000 {
		for x := range 4000 {
			if x > 2000 {
				big.SetRGBA(x, y, color.RGBA{255, 0, 0, 255})
			} else {
				big.SetRGBA(x, y, color.RGBA{0, 0, 255, 255})
			}
		}
	}
	out, up := Fill(big, 240, 240, Focus{0.5, 0.5})
	if up || out.Bounds().Dx() != 240 || out.Bounds().Dy() != 240 {
		t.Fatalf("Fill = %v upscaled=%v", out.Bounds(), up)
	}
	// The centred square keeps the red right half and the blue left half.
	if r, _, b, _ := out.At(10, 120).RGBA(); r > b {
		t.Errorf("left edge is red: the crop moved")
	}
	if r, _, b, _ := out.At(230, 120).RGBA(); r < b {
		t.Errorf("right edge is blue: the crop moved")
	}
	for _, tt := range []struct {
		scale float64
		want  int
	}{{1, 1}, {0.3, 1}, {0.2, 2}, {0.06, 8}, {0.01, 32}} {
		if got := shrinkFactor(tt.scale); got != tt.want {
			t.Errorf("shrinkFactor(%g) = %d, want %d", tt.scale, got, tt.want)
		}
	}
}
