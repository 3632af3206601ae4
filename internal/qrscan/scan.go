// Package qrscan reads QR codes back from the clean images package qr
// writes: the pixels of a PNG, the path of an SVG. The tests of qr and of
// the build use it to prove that every code marque writes scans.
//
// It reads what was written, not the encoder's matrix: format and version
// information with their BCH codes, every Reed–Solomon block checked to
// have zero syndromes, the ECI and byte segments parsed. It takes square
// modules of whole pixels on an axis-aligned grid with a light quiet
// zone, as qr draws them, and no photographs.
package qrscan

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/png"
	"math/bits"
	"regexp"
	"slices"
	"strconv"

	"github.com/marque-kit/marque/internal/qr"
)

// Symbol is what a code holds.
type Symbol struct {
	Version int
	Level   qr.Level
	Mask    int
	ECI     int // the ECI assignment number, -1 without one
	Data    []byte
}

// PNG decodes the code in a PNG.
func PNG(data []byte) (*Symbol, error) {
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	return Image(img)
}

// Image decodes the code in img.
func Image(img image.Image) (*Symbol, error) {
	grid, err := sampleImage(img)
	if err != nil {
		return nil, err
	}
	return decodeGrid(grid)
}

// sampleImage finds the module grid of img: the first dark pixel from the
// top left is the corner of the upper left finder, whose top row is seven
// modules wide; each module is then read at its centre.
func sampleImage(img image.Image) ([][]bool, error) {
	b := img.Bounds()
	lum := func(x, y int) float64 {
		r, g, bl, _ := img.At(x, y).RGBA()
		return 0.2126*float64(r) + 0.7152*float64(g) + 0.0722*float64(bl)
	}
	lo, hi := 1e18, -1.0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			l := lum(x, y)
			lo, hi = min(lo, l), max(hi, l)
		}
	}
	if hi-lo < 0.2*0xFFFF {
		return nil, errors.New("no contrast")
	}
	dark := func(x, y int) bool { return lum(x, y) < (lo+hi)/2 }
	x0, y0 := -1, -1
	for y := b.Min.Y; y < b.Max.Y && x0 < 0; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if dark(x, y) {
				x0, y0 = x, y
				break
			}
		}
	}
	if x0 < 0 {
		return nil, errors.New("no dark pixel")
	}
	run := 0
	for x := x0; x < b.Max.X && dark(x, y0); x++ {
		run++
	}
	if run%7 != 0 {
		return nil, fmt.Errorf("finder's top row is %d px, not 7 modules", run)
	}
	scale := run / 7
	if right := b.Max.X - (x0 - b.Min.X); (right-x0)%scale != 0 {
		return nil, fmt.Errorf("symbol width %d px is not a whole number of %d px modules", right-x0, scale)
	}
	n := (b.Max.X - 2*(x0-b.Min.X) - b.Min.X) / scale
	if (x0-b.Min.X)/scale < qr.QuietZone || (y0-b.Min.Y)/scale < qr.QuietZone {
		return nil, fmt.Errorf("quiet zone narrower than %d modules", qr.QuietZone)
	}
	grid := make([][]bool, n)
	for y := range n {
		grid[y] = make([]bool, n)
		for x := range n {
			grid[y][x] = dark(x0+x*scale+scale/2, y0+y*scale+scale/2)
		}
	}
	return grid, nil
}

var (
	svgViewBox = regexp.MustCompile(`viewBox="0 0 (\d+) (\d+)"`)
	svgPath    = regexp.MustCompile(`<path fill="none" stroke="[^"]*" stroke-width="1" d="([^"]*)"`)
	svgCommand = regexp.MustCompile(`([Mmh])(\d+)(?: (\d+)(\.5)?)?`)
)

// SVG decodes the code in an SVG as qr writes it: lines one module thick
// along the middle of the rows, each h command a run of dark modules.
func SVG(data []byte) (*Symbol, error) {
	vb := svgViewBox.FindSubmatch(data)
	if vb == nil {
		return nil, errors.New("no viewBox")
	}
	side, _ := strconv.Atoi(string(vb[1]))
	n := side - 2*qr.QuietZone
	if n < 21 {
		return nil, fmt.Errorf("viewBox %d too small", side)
	}
	path := svgPath.FindSubmatch(data)
	if path == nil {
		return nil, errors.New("no path of modules")
	}
	grid := make([][]bool, n)
	for i := range grid {
		grid[i] = make([]bool, n)
	}
	x, y := 0, -1
	for _, m := range svgCommand.FindAllSubmatch(path[1], -1) {
		a, _ := strconv.Atoi(string(m[2]))
		switch string(m[1]) {
		case "M":
			if len(m[4]) == 0 {
				return nil, errors.New("a row that is not on a module's middle")
			}
			x = a
			y, _ = strconv.Atoi(string(m[3]))
		case "m":
			if string(m[3]) != "0" {
				return nil, errors.New("a move off the row")
			}
			x += a
		case "h":
			gx, gy := x-qr.QuietZone, y-qr.QuietZone
			if gx < 0 || gy < 0 || gy >= n || gx+a > n {
				return nil, fmt.Errorf("run at %d,%d outside the symbol or in the quiet zone", gx, gy)
			}
			for i := range a {
				grid[gy][gx+i] = true
			}
			x += a
		}
	}
	return decodeGrid(grid)
}

// decodeGrid decodes a symbol from its modules, grid[y][x], dark = true.
func decodeGrid(grid [][]bool) (*Symbol, error) {
	n := len(grid)
	if n < 21 || (n-17)%4 != 0 {
		return nil, fmt.Errorf("%d modules is no QR size", n)
	}
	v := (n - 17) / 4
	at := func(x, y int) bool { return grid[y][x] }
	for _, c := range [][2]int{{0, 0}, {n - 7, 0}, {0, n - 7}} {
		for dy := range 7 {
			for dx := range 7 {
				d := max(abs(dx-3), abs(dy-3))
				if at(c[0]+dx, c[1]+dy) != (d != 2) {
					return nil, fmt.Errorf("no finder at %v", c)
				}
			}
		}
	}

	// Format: two copies; either may be damaged, so take the closest code.
	var f1, f2 int
	for i := range 15 {
		var x1, y1, x2, y2 int
		switch {
		case i <= 5:
			x1, y1 = 8, i
		case i == 6:
			x1, y1 = 8, 7
		case i == 7:
			x1, y1 = 8, 8
		case i == 8:
			x1, y1 = 7, 8
		default:
			x1, y1 = 14-i, 8
		}
		if i < 8 {
			x2, y2 = n-1-i, 8
		} else {
			x2, y2 = 8, n-15+i
		}
		if at(x1, y1) {
			f1 |= 1 << i
		}
		if at(x2, y2) {
			f2 |= 1 << i
		}
	}
	level, mask, dist := qr.Level(0), 0, 99
	for l := qr.L; l <= qr.H; l++ {
		for m := range 8 {
			want := qr.FormatBits(l, m)
			if d := min(bits.OnesCount(uint(want^f1)), bits.OnesCount(uint(want^f2))); d < dist {
				level, mask, dist = l, m, d
			}
		}
	}
	if dist > 3 {
		return nil, errors.New("unreadable format information")
	}
	if !at(8, n-8) {
		return nil, errors.New("no dark module")
	}
	if v >= 7 {
		var v1, v2 int
		for i := range 18 {
			a, b := n-11+i%3, i/3
			if at(a, b) {
				v1 |= 1 << i
			}
			if at(b, a) {
				v2 |= 1 << i
			}
		}
		want := qr.VersionBits(v)
		if min(bits.OnesCount(uint(want^v1)), bits.OnesCount(uint(want^v2))) > 3 {
			return nil, fmt.Errorf("version information does not say %d", v)
		}
	}

	// Which modules are not data.
	fn := make([][]bool, n)
	for i := range fn {
		fn[i] = make([]bool, n)
	}
	mark := func(x0, y0, w, h int) {
		for y := y0; y < y0+h; y++ {
			for x := x0; x < x0+w; x++ {
				fn[y][x] = true
			}
		}
	}
	mark(0, 0, 9, 9)   // upper left finder, separator, format
	mark(n-8, 0, 8, 9) // upper right finder, separator, format
	mark(0, n-8, 9, 8) // lower left finder, separator, format, dark module
	finder := make([][]bool, n)
	for y := range fn {
		finder[y] = slices.Clone(fn[y])
	}
	mark(6, 0, 1, n)
	mark(0, 6, n, 1)
	cs := qr.AlignmentCentres(v)
	for _, cx := range cs {
		for _, cy := range cs {
			if finder[cy][cx] {
				continue // no alignment pattern over a finder
			}
			mark(cx-2, cy-2, 5, 5)
		}
	}
	if v >= 7 {
		mark(n-11, 0, 3, 6)
		mark(0, n-11, 6, 3)
	}

	// Read the bits up and down the column pairs from the lower right.
	var stream []byte
	var cur byte
	nbits := 0
	for right := n - 1; right >= 1; right -= 2 {
		if right == 6 {
			right--
		}
		for i := range n {
			y := i
			if ((n-1-right)/2)%2 == 0 && right > 6 || ((n-2-right)/2)%2 == 0 && right < 6 {
				y = n - 1 - i
			}
			for _, x := range []int{right, right - 1} {
				if fn[y][x] {
					continue
				}
				bit := at(x, y) != qr.MaskBit(mask, x, y)
				cur <<= 1
				if bit {
					cur |= 1
				}
				if nbits++; nbits%8 == 0 {
					stream = append(stream, cur)
					cur = 0
				}
			}
		}
	}
	total := len(stream)
	if want := qr.TotalCodewords(v); total != want {
		return nil, fmt.Errorf("read %d codewords, version %d holds %d", total, v, want)
	}

	blocks, ecc, shortData := qr.Blocks(v, level)
	long := total % blocks
	data := make([][]byte, blocks)
	k := 0
	for i := 0; i <= shortData; i++ {
		for j := range blocks {
			if i < shortData || j >= blocks-long {
				data[j] = append(data[j], stream[k])
				k++
			}
		}
	}
	var all []byte
	for j := range blocks {
		block := append([]byte{}, data[j]...)
		for i := range ecc {
			block = append(block, stream[k+i*blocks+j])
		}
		for s := range ecc {
			// The block as a polynomial, evaluated at α^s by Horner.
			root := byte(1)
			for range s {
				root = mul(root, 2)
			}
			var sum byte
			for _, c := range block {
				sum = mul(sum, root) ^ c
			}
			if sum != 0 {
				return nil, fmt.Errorf("block %d: syndrome %d is %d", j, s, sum)
			}
		}
		all = append(all, data[j]...)
	}

	// The byte segment.
	pos := 0
	read := func(n int) int {
		v := 0
		for range n {
			if pos >= len(all)*8 {
				return -1
			}
			v = v<<1 | int(all[pos/8]>>(7-pos%8)&1)
			pos++
		}
		return v
	}
	mode := read(4)
	eci := -1
	if mode == modeECI {
		if eci = read(8); eci >= 0x80 {
			return nil, fmt.Errorf("ECI %d: only the one-byte form is written", eci)
		}
		mode = read(4)
	}
	if mode != modeByte {
		return nil, fmt.Errorf("mode %04b, not byte mode", mode)
	}
	count := read(countBits(v))
	if count < 0 || pos+8*count > len(all)*8 {
		return nil, fmt.Errorf("count %d overruns the data", count)
	}
	out := make([]byte, count)
	for i := range out {
		out[i] = byte(read(8))
	}
	return &Symbol{Version: v, Level: level, Mask: mask, ECI: eci, Data: out}, nil
}

// Mode indicators and character count lengths of ISO/IEC 18004, read
// here without the writer's help.
const (
	modeByte = 0b0100
	modeECI  = 0b0111
)

func countBits(v int) int {
	if v <= 9 {
		return 8
	}
	return 16
}

// mul multiplies in GF(2⁸) modulo x⁸+x⁴+x³+x²+1.
func mul(a, b byte) byte {
	var p byte
	for ; b != 0; b >>= 1 {
		if b&1 != 0 {
			p ^= a
		}
		hi := a & 0x80
		a <<= 1
		if hi != 0 {
			a ^= 0x1D
		}
	}
	return p
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
