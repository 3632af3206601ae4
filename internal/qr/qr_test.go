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
	c, err := Encode(bytes.Repeat([]byte("BEGIN:VCARD\r\nFN:Solène\r\n"), 12), M)
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
