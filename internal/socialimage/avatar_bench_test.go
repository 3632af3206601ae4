package socialimage

import (
	"bytes"
	"image"
	"image/jpeg"
	"os"
	"testing"

	"github.com/marque-kit/marque/internal/brand"
	"github.com/marque-kit/marque/internal/picture"
)

// BenchmarkAvatar cuts a 400×400 avatar from a photograph, the whole way:
// decode, reduce, crop and resize, encode. It reads the JPEG named by
// MARQUE_AVATAR_PHOTO, so that it can be timed against another tool on the
// same file (vipsthumbnail PHOTO -s 400x400 -c), else a 6000×4000 one it
// makes.
func BenchmarkAvatar(b *testing.B) {
	data, err := os.ReadFile(os.Getenv("MARQUE_AVATAR_PHOTO"))
	if err != nil {
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, noise(6000, 4000), &jpeg.Options{Quality: 90}); err != nil {
			b.Fatal(err)
		}
		data = buf.Bytes()
	}
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		b.Fatal(err)
	}
	size := image.Pt(cfg.Width, cfg.Height)
	img := &Image{Kind: Avatar, Width: 400, Height: 400, Format: JPEG,
		Photo: &Layer{Src: "photo", Crop: Crop(size, 400, 400, brand.Focus{X: 0.5, Y: 0.33}), Dest: image.Rect(0, 0, 400, 400)}}
	plan := &Plan{Images: []*Image{img}}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		dec, err := picture.DecodeBytes(data)
		if err != nil {
			b.Fatal(err)
		}
		lo, hi := plan.SourceScale("photo")
		src := NewSource(dec, lo, hi)
		pix, err := Compose(img, DefaultFonts(), func(string) (*Source, error) { return src, nil })
		if err != nil {
			b.Fatal(err)
		}
		if _, _, err := Encode(img, pix); err != nil {
			b.Fatal(err)
		}
	}
}
