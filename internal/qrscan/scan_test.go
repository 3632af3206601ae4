package qrscan

import (
	"bytes"
	"image"
	"image/png"
	"strings"
	"testing"

	"github.com/marque-kit/marque/internal/contrast"
	"github.com/marque-kit/marque/internal/qr"
)

const scale = 4

func code(t *testing.T) (*qr.Code, *image.Paletted) {
	t.Helper()
	c, err := qr.Encode([]byte("https://solene-garnier.example/"), qr.M)
	if err != nil {
		t.Fatal(err)
	}
	return c, c.Image(scale, contrast.Black, contrast.White)
}

func encode(t *testing.T, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// flip inverts the module at column x, row y of the symbol.
func flip(img *image.Paletted, x, y int) {
	for dy := range scale {
		for dx := range scale {
			px, py := (x+qr.QuietZone)*scale+dx, (y+qr.QuietZone)*scale+dy
			img.SetColorIndex(px, py, 1-img.ColorIndexAt(px, py))
		}
	}
}

func TestReadsClean(t *testing.T) {
	_, img := code(t)
	s, err := PNG(encode(t, img))
	if err != nil {
		t.Fatal(err)
	}
	if string(s.Data) != "https://solene-garnier.example/" || s.ECI != -1 {
		t.Errorf("read %q, ECI %d", s.Data, s.ECI)
	}
}

// The checks are real: a damaged code is refused rather than misread.
func TestRefusesDamage(t *testing.T) {
	c, img := code(t)
	// A module of the data area, right of the lower left finder.
	flip(img, c.Size-1, c.Size-1)
	if _, err := PNG(encode(t, img)); err == nil || !strings.Contains(err.Error(), "syndrome") {
		t.Errorf("a flipped data module: err = %v, want a syndrome error", err)
	}

	_, img = code(t)
	for i := range 5 { // more than the BCH code corrects
		flip(img, 8, i)
		flip(img, c.Size-1-i, 8)
	}
	if _, err := PNG(encode(t, img)); err == nil || !strings.Contains(err.Error(), "format") {
		t.Errorf("damaged format information: err = %v", err)
	}

	_, img = code(t)
	narrow := img.SubImage(img.Bounds().Inset(2 * scale))
	if _, err := PNG(encode(t, narrow)); err == nil || !strings.Contains(err.Error(), "quiet zone") {
		t.Errorf("a two-module quiet zone: err = %v", err)
	}
}
