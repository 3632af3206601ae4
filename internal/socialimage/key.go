package socialimage

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"image"
	"math"

	"github.com/marque-kit/marque/internal/brand"
)

// Version changes whenever the same plan would give different bytes:
// a new layout rule, encoder setting or embedded font. It is part of every
// cache key, with marque's own version.
const Version = "socialimage 1"

// Key returns the cache key of img: a hash of everything that decides its
// bytes. That is the plan (sizes, crops, text and its positions, colours,
// format and cap), the contents of the sources it draws (sums, by kit
// path) and of the fonts its text uses, the encoder's settings and the
// version of the code. Two images with the same key have the same bytes.
// A plan holding a number that is not finite has no key: an error.
//
// The plan is hashed in a binary form written field by field, each string
// with its length and each list with its count, so that two different
// plans never write the same bytes. Marshalling it to JSON first took
// three to four times as long, with five times the allocations
// (BenchmarkKey). TestKeyCoversPlan fails when a field of Image is left
// out.
func Key(img *Image, fonts *Fonts, sums map[string]string, version string) (string, error) {
	k := keyWriter{b: make([]byte, 0, 1024)}
	k.str(Version)
	k.str(version)
	k.int(flatPSNR)
	k.int(jpegFloor)
	k.int(jpegQuality)
	k.image(img)
	if k.err != nil {
		return "", fmt.Errorf("key of %s: %w", img.Path, k.err)
	}
	for _, l := range []*Layer{img.Photo, img.Logo} {
		if l != nil {
			k.str(l.Src)
			k.str(sums[l.Src])
		}
	}
	var used [3]bool
	for _, line := range img.Lines {
		for i, r := range keyRoles {
			if line.Role == r {
				used[i] = true
			}
		}
	}
	for i, r := range keyRoles {
		if used[i] {
			k.str(string(r))
			k.str(fonts.face(r).sum)
		}
	}
	if len(img.Lines) > 0 {
		k.str(fonts.fallback.sum)
	}
	sum := sha256.Sum256(k.b)
	return hex.EncodeToString(sum[:]), nil
}

var keyRoles = [3]Role{Heading, Body, Strong}

// keyWriter writes a plan as the bytes Key hashes.
type keyWriter struct {
	b   []byte
	err error
}

func (k *keyWriter) image(img *Image) {
	k.str(img.Network)
	k.str(img.Slot)
	k.str(img.Post)
	k.str(string(img.Kind))
	k.str(img.Path)
	k.int(int64(img.Width))
	k.int(int64(img.Height))
	k.str(string(img.Format))
	k.int(img.MaxBytes)
	k.int(int64(len(img.Sizes)))
	for _, s := range img.Sizes {
		k.int(int64(s))
	}
	k.color(img.Fill)
	k.layer(img.Photo)
	k.bool(img.Overlay != nil)
	if o := img.Overlay; o != nil {
		k.color(o.Color)
		k.float(o.Alpha)
	}
	k.int(int64(len(img.Shapes)))
	for _, s := range img.Shapes {
		k.rect(s.Rect)
		k.color(s.Color)
		k.bool(s.Round)
	}
	k.layer(img.Logo)
	k.int(int64(len(img.Lines)))
	for _, l := range img.Lines {
		k.str(l.Text)
		k.str(string(l.Role))
		k.float(l.Size)
		k.int(int64(l.X))
		k.int(int64(l.Y))
		k.color(l.Color)
		k.int(int64(len(l.On)))
		for _, c := range l.On {
			k.color(c)
		}
	}
}

func (k *keyWriter) layer(l *Layer) {
	k.bool(l != nil)
	if l != nil {
		k.str(l.Src)
		k.rect(l.Crop)
		k.rect(l.Dest)
	}
}

func (k *keyWriter) str(s string) {
	k.b = binary.AppendUvarint(k.b, uint64(len(s)))
	k.b = append(k.b, s...)
}

func (k *keyWriter) int(i int64) { k.b = binary.AppendVarint(k.b, i) }

func (k *keyWriter) float(f float64) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		k.err = fmt.Errorf("the plan holds the number %v", f)
	}
	k.b = binary.LittleEndian.AppendUint64(k.b, math.Float64bits(f))
}

func (k *keyWriter) bool(b bool) {
	if b {
		k.b = append(k.b, 1)
	} else {
		k.b = append(k.b, 0)
	}
}

func (k *keyWriter) color(c brand.Color) { k.b = append(k.b, c.R, c.G, c.B) }

func (k *keyWriter) rect(r image.Rectangle) {
	k.int(int64(r.Min.X))
	k.int(int64(r.Min.Y))
	k.int(int64(r.Max.X))
	k.int(int64(r.Max.Y))
}
