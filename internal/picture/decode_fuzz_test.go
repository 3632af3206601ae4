package picture

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/gif"
	"image/png"
	"testing"
	"testing/fstest"
)

// FuzzDecodeBytes decodes any file a kit may hold as an image: it is an
// image or an error, and the image has the size Size announces from the
// header alone, since the image plan is made from Size before anything
// is decoded.
func FuzzDecodeBytes(f *testing.F) {
	var p, g bytes.Buffer
	png.Encode(&p, image.NewRGBA(image.Rect(0, 0, 3, 2)))
	gif.Encode(&g, image.NewPaletted(image.Rect(0, 0, 2, 5), color.Palette{color.Black, color.White}), nil)
	f.Add(p.Bytes())
	f.Add(g.Bytes())
	f.Add(withOrientation(f, 4, 2, 6, binary.LittleEndian))
	f.Add(withOrientation(f, 2, 3, 8, binary.BigEndian))
	f.Add([]byte("RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00\x2f\x00\x00\x00\x10\x07\x10\x11\x11\x88\x88\xfe\x07\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		// Each exec decodes at most this many pixels; the pixel cap
		// itself has its own test.
		if cfg, _, err := image.DecodeConfig(bytes.NewReader(data)); err == nil && int64(cfg.Width)*int64(cfg.Height) > 1<<16 {
			return
		}
		img, err := DecodeBytes(data)
		if err != nil {
			return
		}
		size, err := Size(fstest.MapFS{"x": {Data: data}}, "x")
		if err != nil {
			t.Fatalf("DecodeBytes succeeds, Size fails: %v", err)
		}
		if img.Bounds().Size() != size {
			t.Fatalf("decoded %v, Size says %v", img.Bounds().Size(), size)
		}
	})
}
