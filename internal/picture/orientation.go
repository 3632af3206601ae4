package picture

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"io/fs"
)

// Size returns the size of the image at name as it is shown, its EXIF
// orientation applied (a portrait taken with the phone on its side is
// taller than wide), decoding only the file's header. It refuses the same
// files Decode refuses, with the same errors.
func Size(fsys fs.FS, name string) (image.Point, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return image.Point{}, err
	}
	return SizeBytes(data)
}

// SizeBytes returns the size of the image file data as Size does.
func SizeBytes(data []byte) (image.Point, error) {
	cfg, err := config(data)
	if err != nil {
		return image.Point{}, err
	}
	if orientation(data) >= 5 { // 5 to 8 turn the image a quarter
		return image.Pt(cfg.Height, cfg.Width), nil
	}
	return image.Pt(cfg.Width, cfg.Height), nil
}

// config reads the header of data and checks its size against MaxPixels.
func config(data []byte) (image.Config, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return cfg, fmt.Errorf("%w: %v", ErrNotImage, err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || int64(cfg.Width)*int64(cfg.Height) > MaxPixels {
		return cfg, fmt.Errorf("%w: %s image of %d×%d pixels (at most %d megapixels)", ErrNotImage, format, cfg.Width, cfg.Height, MaxPixels/1_000_000)
	}
	return cfg, nil
}

// orientation returns the EXIF orientation of a JPEG (1 to 8), or 0 when
// it has none or data is not a JPEG.
func orientation(data []byte) int {
	if len(data) < 4 || data[0] != 0xFF || data[1] != 0xD8 {
		return 0
	}
	p := data[2:]
	for len(p) >= 4 && p[0] == 0xFF {
		marker := p[1]
		if marker == 0xD8 || marker >= 0xD0 && marker <= 0xD7 || marker == 0x01 {
			p = p[2:]
			continue
		}
		if marker == 0xDA || marker == 0xD9 {
			return 0 // image data: no EXIF came before it
		}
		n := int(binary.BigEndian.Uint16(p[2:]))
		if n < 2 || len(p) < 2+n {
			return 0
		}
		seg := p[4 : 2+n]
		if marker == 0xE1 && bytes.HasPrefix(seg, []byte("Exif\x00\x00")) {
			return tiffOrientation(seg[6:])
		}
		p = p[2+n:]
	}
	return 0
}

// tiffOrientation reads tag 0x0112 of the first IFD of a TIFF header.
func tiffOrientation(t []byte) int {
	if len(t) < 8 {
		return 0
	}
	var bo binary.ByteOrder
	switch string(t[:2]) {
	case "II":
		bo = binary.LittleEndian
	case "MM":
		bo = binary.BigEndian
	default:
		return 0
	}
	off := int(bo.Uint32(t[4:]))
	if off < 8 || off+2 > len(t) {
		return 0
	}
	count := int(bo.Uint16(t[off:]))
	for i := range count {
		e := off + 2 + 12*i
		if e+12 > len(t) {
			return 0
		}
		if bo.Uint16(t[e:]) == 0x0112 {
			if v := int(bo.Uint16(t[e+8:])); v >= 1 && v <= 8 {
				return v
			}
			return 0
		}
	}
	return 0
}
