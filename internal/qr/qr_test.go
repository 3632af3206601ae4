package qr

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/marque-kit/marque/internal/brand"
	"github.com/marque-kit/marque/internal/contrast"
)

// Values from the standard's tables, which the encoder must reproduce.

func TestFormatBits(t *testing.T) {
	// ISO/IEC 18004 table C.1, mask 0 of each level, and a few others.
	tests := []struct {
		l    Level
		mask int
		want string
	}{
		{L, 0, "111011111000100"},
		{M, 0, "101010000010010"},
		{Q, 0, "011010101011111"},
		{H, 0, "001011010001001"},
		{M, 5, "100000011001110"},
		{L, 7, "110100101110110"},
	}
	for _, tt := range tests {
		if got := fmt.Sprintf("%015b", FormatBits(tt.l, tt.mask)); got != tt.want {
			t.Errorf("FormatBits(%v, %d) = %s, want %s", tt.l, tt.mask, got, tt.want)
		}
	}
}

func TestVersionBits(t *testing.T) {
	// ISO/IEC 18004 table D.1.
	for v, want := range map[int]string{7: "000111110010010100", 8: "001000010110111100", 40: "101000110001101001"} {
		if got := fmt.Sprintf("%018b", VersionBits(v)); got != want {
			t.Errorf("VersionBits(%d) = %s, want %s", v, got, want)
		}
	}
}

func TestAlignmentCentres(t *testing.T) {
	// ISO/IEC 18004 table E.1.
	tests := map[int][]int{
		1: nil, 2: {6, 18}, 6: {6, 34}, 7: {6, 22, 38}, 14: {6, 26, 46, 66},
		22: {6, 26, 50, 74, 98}, 32: {6, 34, 60, 86, 112, 138}, 36: {6, 24, 50, 76, 102, 128, 154},
		40: {6, 30, 58, 86, 114, 142, 170},
	}
	for v, want := range tests {
		if got := AlignmentCentres(v); !slices.Equal(got, want) {
			t.Errorf("AlignmentCentres(%d) = %v, want %v", v, got, want)
		}
	}
}

func TestByteCapacity(t *testing.T) {
	// ISO/IEC 18004 table 7: the most bytes each version holds.
	tests := []struct {
		v    int
		l    Level
		want int
	}{
		{1, L, 17}, {1, M, 14}, {1, Q, 11}, {1, H, 7},
		{2, M, 26}, {5, Q, 60}, {9, M, 180}, {10, M, 213}, {10, H, 119},
		{13, M, 331}, {27, L, 1465}, {40, L, 2953}, {40, M, 2331}, {40, Q, 1663}, {40, H, 1273},
	}
	for _, tt := range tests {
		got := (DataCodewords(tt.v, tt.l)*8 - dataBits(0, tt.v, false)) / 8
		if got != tt.want {
			t.Errorf("version %d-%v holds %d bytes, want %d", tt.v, tt.l, got, tt.want)
		}
	}
}

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
		min  Level
	}{
		{"empty", nil, M},
		{"url", []byte("https://solene-garnier.example/"), M},
		{"v1 full at M", bytes.Repeat([]byte("a"), 14), M},
		{"v2 at M", bytes.Repeat([]byte("a"), 15), M},
		{"binary", []byte{0, 1, 2, 0xFF, 0xFE, 0x80, '\r', '\n'}, Q},
		{"utf-8", []byte("Solène Garnier — ça"), M},
		{"vcard", vcard, M},
		{"vcard at H", vcard, H},
		{"long", bytes.Repeat([]byte("marque "), 200), L},
		{"largest", bytes.Repeat([]byte{0xA5}, 2331), M},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Encode(tt.data, tt.min)
			if err != nil {
				t.Fatal(err)
			}
			if c.Level < tt.min {
				t.Errorf("level %v below %v", c.Level, tt.min)
			}
			if c.Version > 1 && dataBits(len(tt.data), c.Version-1, needsECI(tt.data)) <= DataCodewords(c.Version-1, tt.min)*8 {
				t.Errorf("version %d where %d holds the data", c.Version, c.Version-1)
			}
			dark, light := contrast.Black, contrast.White
			p, err := c.PNG(3, dark, light)
			if err != nil {
				t.Fatal(err)
			}
			for format, decode := range map[string]func([]byte) (*decoded, error){
				"png": decodePNG,
				"svg": decodeSVG,
			} {
				file := p
				if format == "svg" {
					file = c.SVG(4, dark, light, "")
				}
				d, err := decode(file)
				if err != nil {
					t.Fatalf("%s: %v", format, err)
				}
				if !bytes.Equal(d.data, tt.data) {
					t.Errorf("%s decodes to %q", format, d.data)
				}
				if wantECI := needsECI(tt.data); wantECI != (d.eci == eciUTF8) {
					t.Errorf("%s: ECI %d, want UTF-8's: %v", format, d.eci, wantECI)
				}
				if d.version != c.Version || d.level != c.Level || d.mask != c.Mask {
					t.Errorf("%s reads version %d-%v mask %d, wrote %d-%v mask %d", format, d.version, d.level, d.mask, c.Version, c.Level, c.Mask)
				}
			}
		})
	}
}

func TestEncodeTooLong(t *testing.T) {
	if _, err := Encode(make([]byte, 2332), M); err != ErrTooLong {
		t.Errorf("2332 bytes at M: err = %v, want ErrTooLong", err)
	}
	if _, err := Encode(make([]byte, 2953), L); err != nil {
		t.Errorf("2953 bytes at L: %v", err)
	}
}

func TestLevelRaisedWhenFree(t *testing.T) {
	// 7 bytes fit version 1 at H: asking for M gets H.
	c, err := Encode([]byte("abcdefg"), M)
	if err != nil {
		t.Fatal(err)
	}
	if c.Version != 1 || c.Level != H {
		t.Errorf("got %d-%v, want 1-H", c.Version, c.Level)
	}
}

func TestBestMaskHasLowestPenalty(t *testing.T) {
	c, err := Encode(vcard, M)
	if err != nil {
		t.Fatal(err)
	}
	chosen := c.penalty()
	c.applyMask(c.Mask)
	for m := range 8 {
		c.applyMask(m)
		c.drawFormat(m)
		if p := c.penalty(); p < chosen {
			t.Errorf("mask %d scores %d, below the chosen mask %d's %d", m, p, c.Mask, chosen)
		}
		c.applyMask(m)
	}
}

func TestPenaltyRules(t *testing.T) {
	b := func(s string) []bool {
		out := make([]bool, len(s))
		for i, r := range s {
			out[i] = r == '1'
		}
		return out
	}
	runs := []struct {
		line string
		want int
	}{
		{"1010101010", 0},
		{"1111100000", 6},        // two runs of five
		{"1111111010", 3 + 2},    // a run of seven
		{"0000000000000", 3 + 8}, // one run of thirteen
	}
	for _, tt := range runs {
		if got := runPenalty(b(tt.line)); got != tt.want {
			t.Errorf("runPenalty(%s) = %d, want %d", tt.line, got, tt.want)
		}
	}
	finders := []struct {
		line string
		want int
	}{
		{"00001011101", 40 + 40}, // light before, and the quiet zone after
		{"10111010000", 40 + 40},
		{"110111010000101110", 40},
		{"1011101", 40 + 40},
		{"11011101", 40},
		{"0101110101", 40}, // the quiet zone makes four light modules before
		{"1101110111", 0},
		{"00001011101001", 40},
	}
	for _, tt := range finders {
		if got := finderPenalty(b(tt.line)); got != tt.want {
			t.Errorf("finderPenalty(%s) = %d, want %d", tt.line, got, tt.want)
		}
	}
}

func TestInks(t *testing.T) {
	hex := func(s string) brand.Color { c, _ := brand.ParseColor(s); return c }
	tests := []struct {
		name                string
		bg                  string
		candidates          []string
		wantDark, wantLight string
	}{
		{"brand primary on cream", "#FBF7F1", []string{"#1E4D5C", "#1D2427"}, "#1E4D5C", "#FBF7F1"},
		{"pale primary falls to text", "#FFFFFF", []string{"#7FB2E5", "#222222"}, "#222222", "#FFFFFF"},
		{"nothing dark enough: black", "#FFFFFF", []string{"#AAAAAA", "#999999"}, "#000000", "#FFFFFF"},
		{"dark ground: white, never inverted", "#102030", []string{"#F0F0F0", "#1E4D5C"}, "#1E4D5C", "#FFFFFF"},
	}
	for _, tt := range tests {
		var cs []brand.Color
		for _, c := range tt.candidates {
			cs = append(cs, hex(c))
		}
		dark, light := Inks(hex(tt.bg), cs...)
		if dark.Hex() != tt.wantDark || light.Hex() != tt.wantLight {
			t.Errorf("%s: Inks = %s on %s, want %s on %s", tt.name, dark.Hex(), light.Hex(), tt.wantDark, tt.wantLight)
		}
	}
}

func TestSVGTitleEscaped(t *testing.T) {
	c, _ := Encode([]byte("x"), M)
	svg := string(c.SVG(1, contrast.Black, contrast.White, `<a & "b">`))
	if strings.Contains(svg, "<a") || !strings.Contains(svg, "&lt;a &amp; &quot;b&quot;&gt;") {
		t.Errorf("title not escaped: %s", svg)
	}
}

func FuzzEncode(f *testing.F) {
	f.Add([]byte("https://example.com/"), uint8(1))
	f.Add(vcard, uint8(1))
	f.Add([]byte{}, uint8(3))
	f.Fuzz(func(t *testing.T, data []byte, level uint8) {
		l := Level(level % 4)
		c, err := Encode(data, l)
		if err == ErrTooLong {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		d, err := decodeSVG(c.SVG(1, contrast.Black, contrast.White, ""))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(d.data, data) {
			t.Fatalf("decodes to %q, want %q", d.data, data)
		}
	})
}
