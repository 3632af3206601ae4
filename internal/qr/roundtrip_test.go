package qr_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/marque-kit/marque/internal/contrast"
	"github.com/marque-kit/marque/internal/qr"
	"github.com/marque-kit/marque/internal/qrscan"
)

// These tests read every code back from the files the package writes,
// with qrscan, which reads pixels and paths rather than the encoder's
// matrix.

// A vCard of the size the kit writes.
var vcard = []byte(strings.ReplaceAll(`BEGIN:VCARD
VERSION:4.0
KIND:individual
FN:Solène Garnier
N:Garnier;Solène;;;
TITLE:Designer graphique indépendante
EMAIL;TYPE=work:bonjour@solene-garnier.example
TEL;VALUE=uri;TYPE=cell:tel:+33-6-39-98-42-17
URL:https://solene-garnier.example/
PHOTO;MEDIATYPE=image/jpeg:https://solene-garnier.example/images/portrait-240.jpg
linkedin.URL:https://www.linkedin.com/in/solene-garnier-design
linkedin.X-ABLABEL:LinkedIn
END:VCARD
`, "\n", "\r\n"))

func TestEncodeDecodes(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		min  qr.Level
	}{
		{"empty", nil, qr.M},
		{"url", []byte("https://solene-garnier.example/"), qr.M},
		{"v1 full at M", bytes.Repeat([]byte("a"), 14), qr.M},
		{"v2 at M", bytes.Repeat([]byte("a"), 15), qr.M},
		{"binary", []byte{0, 1, 2, 0xFF, 0xFE, 0x80, '\r', '\n'}, qr.Q},
		{"utf-8", []byte("Solène Garnier — ça"), qr.M},
		{"vcard", vcard, qr.M},
		{"vcard at H", vcard, qr.H},
		{"long", bytes.Repeat([]byte("marque "), 200), qr.L},
		{"largest", bytes.Repeat([]byte{0xA5}, 2331), qr.M},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := qr.Encode(tt.data, tt.min)
			if err != nil {
				t.Fatal(err)
			}
			if c.Level < tt.min {
				t.Errorf("level %v below %v", c.Level, tt.min)
			}
			if v := c.Version - 1; v >= 1 && bitsNeeded(tt.data, v) <= qr.DataCodewords(v, tt.min)*8 {
				t.Errorf("version %d where %d holds the data", c.Version, v)
			}
			dark, light := contrast.Black, contrast.White
			png, err := c.PNG(3, dark, light)
			if err != nil {
				t.Fatal(err)
			}
			fromPNG, err := qrscan.PNG(png)
			if err != nil {
				t.Fatalf("png: %v", err)
			}
			fromSVG, err := qrscan.SVG(c.SVG(4, dark, light, ""))
			if err != nil {
				t.Fatalf("svg: %v", err)
			}
			for format, s := range map[string]*qrscan.Symbol{"png": fromPNG, "svg": fromSVG} {
				if !bytes.Equal(s.Data, tt.data) {
					t.Errorf("%s decodes to %q", format, s.Data)
				}
				if wantECI := isUTF8Text(tt.data); wantECI != (s.ECI == 26) {
					t.Errorf("%s: ECI %d, want UTF-8's (26): %v", format, s.ECI, wantECI)
				}
				if s.Version != c.Version || s.Level != c.Level || s.Mask != c.Mask {
					t.Errorf("%s reads version %d-%v mask %d, wrote %d-%v mask %d", format, s.Version, s.Level, s.Mask, c.Version, c.Level, c.Mask)
				}
			}
		})
	}
}

// bitsNeeded returns the bits data takes in version v: an ECI segment for
// UTF-8 text, then the byte segment's mode, count and bytes.
func bitsNeeded(data []byte, v int) int {
	n := 4 + 8 + 8*len(data)
	if v >= 10 {
		n += 8
	}
	if isUTF8Text(data) {
		n += 12
	}
	return n
}

func isUTF8Text(data []byte) bool {
	return utf8.Valid(data) && slices.ContainsFunc(data, func(b byte) bool { return b >= 0x80 })
}

func FuzzEncode(f *testing.F) {
	f.Add([]byte("https://example.com/"), uint8(1))
	f.Add(vcard, uint8(1))
	f.Add([]byte{}, uint8(3))
	f.Fuzz(func(t *testing.T, data []byte, level uint8) {
		c, err := qr.Encode(data, qr.Level(level%4))
		if err == qr.ErrTooLong {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		s, err := qrscan.SVG(c.SVG(1, contrast.Black, contrast.White, ""))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(s.Data, data) {
			t.Fatalf("decodes to %q, want %q", s.Data, data)
		}
	})
}
