package pdf

import (
	"image"
	"image/draw"
	"strconv"
)

// Image is an image XObject.
type Image struct {
	id            ref
	Width, Height int // in pixels
}

func (img *Image) resName() string { return "/Im" + strconv.Itoa(int(img.id)) }

// AddImage adds src to the document as 8-bit RGB, with a soft mask when it
// has transparency. The pixels are interpolated when printed larger than
// they are.
func (d *Document) AddImage(src image.Image) *Image {
	b := src.Bounds()
	nrgba := image.NewNRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(nrgba, nrgba.Bounds(), src, b.Min, draw.Src)
	w, h := b.Dx(), b.Dy()
	rgbData := make([]byte, 0, w*h*3)
	alpha := make([]byte, 0, w*h)
	opaque := true
	for i := 0; i < len(nrgba.Pix); i += 4 {
		rgbData = append(rgbData, nrgba.Pix[i], nrgba.Pix[i+1], nrgba.Pix[i+2])
		alpha = append(alpha, nrgba.Pix[i+3])
		if nrgba.Pix[i+3] != 255 {
			opaque = false
		}
	}
	img := &Image{id: d.alloc(), Width: w, Height: h}
	size := " /Width " + strconv.Itoa(w) + " /Height " + strconv.Itoa(h) + " /BitsPerComponent 8 /Interpolate true"
	dict := "/Type /XObject /Subtype /Image" + size + " /ColorSpace /DeviceRGB"
	if !opaque {
		mask := d.alloc()
		d.stream(mask, "/Type /XObject /Subtype /Image"+size+" /ColorSpace /DeviceGray", alpha)
		dict += " /SMask " + mask.String()
	}
	d.stream(img.id, dict, rgbData)
	return img
}
