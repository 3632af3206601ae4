package socialimage

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"image/png"
	"math"

	"github.com/disintegration/imaging"
)

// Encoder settings. They are part of every cache key (see Key), so a
// change here re-encodes what it affects.
const (
	// flatPSNR is the quality, in dB, above which a 256-colour palette is
	// taken as lossless to the eye: flat graphics with anti-aliased text
	// reach it, photographs do not.
	flatPSNR = 40
	// jpegQuality is the quality of a JPEG without a byte cap, and the
	// highest tried under one.
	jpegQuality = 88
	// jpegFloor is the lowest quality the search goes to for a cap.
	jpegFloor = 30
)

// ErrOverCap is wrapped by Encode's error when no quality the encoder
// allows fits the slot's byte cap.
var ErrOverCap = errors.New("over the slot's byte cap")

// Encode encodes the composed pixels of img in the plan's format, or, for
// Auto, as a PNG when the image is flat and the PNG fits the cap, else as
// a JPEG whose quality is searched to fit. It returns the bytes and the
// format chosen. No metadata is written: nothing of a source's EXIF
// (camera, GPS) reaches the output.
func Encode(img *Image, pix *image.RGBA) ([]byte, Format, error) {
	switch img.Format {
	case JPEG:
		data, err := encodeJPEG(pix, img.MaxBytes)
		return data, JPEG, err
	case PNG:
		data, err := encodePNG(pix, img.MaxBytes, true)
		return data, PNG, err
	case ICO:
		return nil, ICO, fmt.Errorf("encode %s: an icon file is made by EncodeICO", img.Path)
	}
	if data, err := encodePNG(pix, img.MaxBytes, false); err == nil && data != nil {
		return data, PNG, nil
	}
	data, err := encodeJPEG(pix, img.MaxBytes)
	return data, JPEG, err
}

// encodePNG encodes pix as a PNG: paletted when it has 256 colours or
// fewer, or when a 256-colour palette keeps it visually lossless. With
// force unset, it returns nil bytes for an image that is not flat; with
// force set, such an image is written in full colour, or dithered to a
// palette when that is the only way under maxBytes.
func encodePNG(pix *image.RGBA, maxBytes int64, force bool) ([]byte, error) {
	if !opaque(pix) {
		return pngBytes(toNRGBA(pix), maxBytes)
	}
	if pal, ok := exactPalette(pix); ok {
		return pngBytes(paletted(pix, pal), maxBytes)
	}
	pal := medianCut(pix, 256)
	q := paletted(pix, pal)
	if psnr(pix, q) >= flatPSNR {
		return pngBytes(q, maxBytes)
	}
	if !force {
		return nil, nil
	}
	data, err := pngBytes(pix, 0)
	if err != nil || maxBytes == 0 || int64(len(data)) <= maxBytes {
		return data, err
	}
	dithered := image.NewPaletted(pix.Bounds(), pal)
	draw.FloydSteinberg.Draw(dithered, pix.Bounds(), pix, image.Point{})
	return pngBytes(dithered, maxBytes)
}

func pngBytes(img image.Image, maxBytes int64) ([]byte, error) {
	var b bytes.Buffer
	// Not png.BestCompression: on these images it takes twice the time
	// for a tenth fewer bytes, far under every cap.
	enc := png.Encoder{CompressionLevel: png.DefaultCompression}
	if err := enc.Encode(&b, img); err != nil {
		return nil, err
	}
	if maxBytes > 0 && int64(b.Len()) > maxBytes {
		return b.Bytes(), fmt.Errorf("%w: PNG of %d bytes, cap %d", ErrOverCap, b.Len(), maxBytes)
	}
	return b.Bytes(), nil
}

// encodeJPEG encodes pix at jpegQuality, or at the highest quality that
// fits maxBytes, found by binary search.
func encodeJPEG(pix *image.RGBA, maxBytes int64) ([]byte, error) {
	enc := func(q int) ([]byte, error) {
		var b bytes.Buffer
		err := jpeg.Encode(&b, pix, &jpeg.Options{Quality: q})
		return b.Bytes(), err
	}
	best, err := enc(jpegQuality)
	if err != nil || maxBytes == 0 || int64(len(best)) <= maxBytes {
		return best, err
	}
	lo, hi := jpegFloor, jpegQuality-1
	var fit []byte
	for lo <= hi {
		q := (lo + hi) / 2
		data, err := enc(q)
		if err != nil {
			return nil, err
		}
		if int64(len(data)) <= maxBytes {
			fit, lo = data, q+1
		} else {
			best, hi = data, q-1
		}
	}
	if fit == nil {
		return best, fmt.Errorf("%w: JPEG of %d bytes at quality %d, cap %d", ErrOverCap, len(best), jpegFloor, maxBytes)
	}
	return fit, nil
}

// EncodeICO writes a Windows icon file holding one PNG per image, as every
// browser since Windows Vista's icon format allows.
func EncodeICO(imgs []image.Image) ([]byte, error) {
	var pngs [][]byte
	for _, img := range imgs {
		var b bytes.Buffer
		if err := png.Encode(&b, img); err != nil {
			return nil, err
		}
		pngs = append(pngs, b.Bytes())
	}
	var out bytes.Buffer
	le := binary.LittleEndian
	out.Write(le.AppendUint16(nil, 0))                 // reserved
	out.Write(le.AppendUint16(nil, 1))                 // type: icon
	out.Write(le.AppendUint16(nil, uint16(len(imgs)))) // count
	offset := 6 + 16*len(imgs)
	for i, img := range imgs {
		b := img.Bounds()
		dim := func(v int) byte {
			if v >= 256 {
				return 0 // 0 means 256
			}
			return byte(v)
		}
		out.Write([]byte{dim(b.Dx()), dim(b.Dy()), 0, 0})
		out.Write(le.AppendUint16(nil, 1))  // colour planes
		out.Write(le.AppendUint16(nil, 32)) // bits per pixel
		out.Write(le.AppendUint32(nil, uint32(len(pngs[i]))))
		out.Write(le.AppendUint32(nil, uint32(offset)))
		offset += len(pngs[i])
	}
	for _, p := range pngs {
		out.Write(p)
	}
	return out.Bytes(), nil
}

func opaque(pix *image.RGBA) bool { return pix.Opaque() }

func toNRGBA(pix *image.RGBA) *image.NRGBA { return imaging.Clone(pix) }

// exactPalette returns the colours of an opaque pix when there are 256 or
// fewer, in order of first appearance.
func exactPalette(pix *image.RGBA) (color.Palette, bool) {
	seen := make(map[uint32]bool, 256)
	var pal color.Palette
	b := pix.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		row := pix.Pix[pix.PixOffset(b.Min.X, y):pix.PixOffset(b.Max.X, y)]
		for i := 0; i < len(row); i += 4 {
			k := uint32(row[i])<<16 | uint32(row[i+1])<<8 | uint32(row[i+2])
			if seen[k] {
				continue
			}
			if len(pal) == 256 {
				return nil, false
			}
			seen[k] = true
			pal = append(pal, color.RGBA{row[i], row[i+1], row[i+2], 255})
		}
	}
	return pal, true
}

// paletted maps each pixel of an opaque pix to its nearest colour of pal.
// Pixels are looked up through a table of 5-bit-per-channel bins, each bin
// holding the nearest entry to the first colour met in it, except that an
// exact entry always wins: a brand colour stays exact.
func paletted(pix *image.RGBA, pal color.Palette) *image.Paletted {
	out := image.NewPaletted(pix.Bounds(), pal)
	exact := make(map[uint32]uint8, len(pal))
	for i, c := range pal {
		r, g, b, _ := c.RGBA()
		exact[uint32(r>>8)<<16|uint32(g>>8)<<8|uint32(b>>8)] = uint8(i)
	}
	var table [1 << 15]int16
	for i := range table {
		table[i] = -1
	}
	bnd := pix.Bounds()
	for y := bnd.Min.Y; y < bnd.Max.Y; y++ {
		row := pix.Pix[pix.PixOffset(bnd.Min.X, y):pix.PixOffset(bnd.Max.X, y)]
		dst := out.Pix[out.PixOffset(bnd.Min.X, y):]
		for i, x := 0, 0; i < len(row); i, x = i+4, x+1 {
			r, g, b := row[i], row[i+1], row[i+2]
			if e, ok := exact[uint32(r)<<16|uint32(g)<<8|uint32(b)]; ok {
				dst[x] = e
				continue
			}
			bin := int(r>>3)<<10 | int(g>>3)<<5 | int(b>>3)
			if table[bin] < 0 {
				table[bin] = int16(nearest(pal, r, g, b))
			}
			dst[x] = uint8(table[bin])
		}
	}
	return out
}

func nearest(pal color.Palette, r, g, b uint8) int {
	best, bestD := 0, math.MaxInt
	for i, c := range pal {
		cr, cg, cb, _ := c.RGBA()
		dr, dg, db := int(cr>>8)-int(r), int(cg>>8)-int(g), int(cb>>8)-int(b)
		if d := 2*dr*dr + 4*dg*dg + 3*db*db; d < bestD {
			best, bestD = i, d
		}
	}
	return best
}

// psnr is the peak signal-to-noise ratio of q against pix, in dB.
func psnr(pix *image.RGBA, q *image.Paletted) float64 {
	var sum float64
	b := pix.Bounds()
	rgb := make([][3]int, len(q.Palette))
	for i, c := range q.Palette {
		r, g, bl, _ := c.RGBA()
		rgb[i] = [3]int{int(r >> 8), int(g >> 8), int(bl >> 8)}
	}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		row := pix.Pix[pix.PixOffset(b.Min.X, y):pix.PixOffset(b.Max.X, y)]
		qrow := q.Pix[q.PixOffset(b.Min.X, y):]
		for i, x := 0, 0; i < len(row); i, x = i+4, x+1 {
			c := rgb[qrow[x]]
			dr, dg, db := int(row[i])-c[0], int(row[i+1])-c[1], int(row[i+2])-c[2]
			sum += float64(dr*dr + dg*dg + db*db)
		}
	}
	mse := sum / float64(3*b.Dx()*b.Dy())
	if mse == 0 {
		return math.Inf(1)
	}
	return 10 * math.Log10(255*255/mse)
}
