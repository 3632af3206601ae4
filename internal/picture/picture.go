package picture

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/draw"
	"image/jpeg"
	"image/png"
	"io/fs"

	_ "image/gif" // decoders for the formats a kit may use
	_ "image/jpeg"

	"github.com/disintegration/imaging"
	_ "golang.org/x/image/webp"
)

// MaxPixels bounds the size of a source image, so that a huge or hostile
// file cannot exhaust memory: 100 megapixels, a large camera's full frame.
const MaxPixels = 100_000_000

// ErrNotImage is wrapped by Decode's errors for files that are not images
// marque can read; the caller turns them into findings.
var ErrNotImage = errors.New("not an image marque can read")

// Decode reads the image at name, honouring its EXIF orientation. It checks
// the dimensions in the header before decoding the pixels.
func Decode(fsys fs.FS, name string) (image.Image, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	return DecodeBytes(data)
}

// DecodeBytes decodes the image file data as Decode does.
func DecodeBytes(data []byte) (image.Image, error) {
	cfg, err := config(data)
	if err != nil {
		return nil, err
	}
	img, err := imaging.Decode(bytes.NewReader(data), imaging.AutoOrientation(true))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotImage, err)
	}
	// A GIF's first frame may cover only part of its logical screen, or
	// lie outside it; the header gives the screen's size, which Size
	// returns and the image plan is made from. The image is the screen,
	// with the frame drawn where it lies.
	screen := image.Rect(0, 0, cfg.Width, cfg.Height)
	if orientation(data) >= 5 {
		screen = image.Rect(0, 0, cfg.Height, cfg.Width)
	}
	if img.Bounds() != screen {
		canvas := image.NewNRGBA(screen)
		draw.Draw(canvas, img.Bounds(), img, img.Bounds().Min, draw.Src)
		img = canvas
	}
	return img, nil
}

// Focus is a focal point, x and y in 0..1 from the top left.
type Focus struct{ X, Y float64 }

// Crop returns the largest rectangle of aspect ratio w:h that img allows,
// centred on the focal point and shifted only as far as needed to stay
// inside the image.
func Crop(bounds image.Rectangle, w, h int, f Focus) image.Rectangle {
	bw, bh := bounds.Dx(), bounds.Dy()
	cw, ch := bw, bw*h/w
	if ch > bh {
		cw, ch = bh*w/h, bh
	}
	x := int(f.X*float64(bw)) - cw/2
	y := int(f.Y*float64(bh)) - ch/2
	x = min(max(x, 0), bw-cw)
	y = min(max(y, 0), bh-ch)
	return image.Rect(x, y, x+cw, y+ch).Add(bounds.Min)
}

// Fill crops img to the aspect ratio w:h around f and resizes it to w×h.
// It never enlarges: when the crop is smaller than w×h, the result keeps
// the crop's size (same aspect ratio), and upscaled reports it.
func Fill(img image.Image, w, h int, f Focus) (out image.Image, upscaled bool) {
	r := Crop(img.Bounds(), w, h, f)
	if r.Dx() < w {
		return imaging.Crop(img, r), true
	}
	// A large reduction (a portrait from a 100-megapixel photo) first
	// shrinks the whole image by a power of two, in one pass and into
	// little memory, rather than copying a huge crop.
	if k := shrinkFactor(float64(w) / float64(r.Dx())); k > 1 {
		b := img.Bounds()
		img = Shrink(img, k)
		r = Crop(img.Bounds(), w, h, Focus{
			X: (float64(r.Min.X-b.Min.X) + float64(r.Dx())/2) / float64(b.Dx()),
			Y: (float64(r.Min.Y-b.Min.Y) + float64(r.Dy())/2) / float64(b.Dy()),
		})
		if r.Dx() < w {
			return imaging.Crop(img, r), true
		}
	}
	return imaging.Resize(imaging.Crop(img, r), w, h, imaging.Lanczos), false
}

// shrinkFactor returns the largest power of two k with 1/k at least twice
// scale: what Shrink may take off before a finer filter does the rest.
func shrinkFactor(scale float64) int {
	k := 1
	for 1/float64(2*k) >= 2*scale {
		k *= 2
	}
	return k
}

// JPEG encodes img as a baseline JPEG without metadata.
func JPEG(img image.Image, quality int) ([]byte, error) {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: quality}); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// PNG encodes img as a PNG, compressed as much as the encoder can.
func PNG(img image.Image) ([]byte, error) {
	var b bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&b, img); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Resize scales img to exactly w×h.
func Resize(img image.Image, w, h int) image.Image {
	return imaging.Resize(img, w, h, imaging.Lanczos)
}
