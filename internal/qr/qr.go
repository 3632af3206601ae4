package qr

import (
	"errors"
	"fmt"
	"unicode/utf8"
)

// Level is an error correction level: the share of the symbol that may be
// damaged or hidden and still decode.
type Level int

// Levels, from least to most redundant: about 7 %, 15 %, 25 % and 30 % of
// the codewords can be restored.
const (
	L Level = iota
	M
	Q
	H
)

func (l Level) String() string { return [...]string{"L", "M", "Q", "H"}[l] }

// formatBits are the two bits of a level in the format information, which
// the standard does not assign in the levels' order.
func (l Level) formatBits() int { return [...]int{1, 0, 3, 2}[l] }

// MinVersion and MaxVersion bound the versions Encode chooses from.
const (
	MinVersion = 1
	MaxVersion = 40
)

// QuietZone is the width, in modules, of the light margin a reader needs
// around the symbol.
const QuietZone = 4

// ErrTooLong is returned for data that no version holds at the level asked.
var ErrTooLong = errors.New("qr: data too long for a QR code")

// Code is an encoded symbol.
type Code struct {
	Version int
	Level   Level
	Mask    int
	Size    int // modules on a side, quiet zone excluded

	dark     []bool // row-major, Size×Size
	function []bool // finder, timing, alignment, format and version modules
}

// Dark reports whether the module at column x, row y is dark. Coordinates
// outside the symbol are in the quiet zone, which is light.
func (c *Code) Dark(x, y int) bool {
	if x < 0 || y < 0 || x >= c.Size || y >= c.Size {
		return false
	}
	return c.dark[y*c.Size+x]
}

// Encode returns the QR code of data in byte mode at level min or higher:
// the smallest version that holds data at min, with the highest level that
// version still holds it at.
//
// Byte mode means ISO 8859-1 unless an ECI says otherwise, so text in
// UTF-8 beyond ASCII (an accented name in a vCard) is preceded by the ECI
// of UTF-8: without it, readers guess the encoding, and some guess wrong.
func Encode(data []byte, min Level) (*Code, error) {
	if min < L || min > H {
		return nil, fmt.Errorf("qr: unknown level %d", min)
	}
	eci := needsECI(data)
	v := MinVersion
	for ; v <= MaxVersion; v++ {
		if dataBits(len(data), v, eci) <= DataCodewords(v, min)*8 {
			break
		}
	}
	if v > MaxVersion {
		return nil, ErrTooLong
	}
	level := min
	for l := H; l > min; l-- {
		if dataBits(len(data), v, eci) <= DataCodewords(v, l)*8 {
			level = l
			break
		}
	}
	c := newCode(v, level)
	c.drawFunctionPatterns()
	c.drawCodewords(interleave(codewords(data, v, level, eci), v, level))
	c.Mask = c.bestMask()
	c.applyMask(c.Mask)
	c.drawFormat(c.Mask)
	return c, nil
}

// countBits returns the length of the character count indicator of byte
// mode in version v.
func countBits(v int) int {
	if v <= 9 {
		return 8
	}
	return 16
}

// dataBits returns the bits that n bytes take in byte mode in version v:
// the ECI segment when eci is set, then mode indicator, character count
// and the bytes themselves.
func dataBits(n, v int, eci bool) int {
	if n >= 1<<countBits(v) {
		return 1 << 30 // the count does not fit its field
	}
	bits := 4 + countBits(v) + 8*n
	if eci {
		bits += 4 + 8
	}
	return bits
}

// needsECI reports whether data is UTF-8 text that is not plain ASCII.
func needsECI(data []byte) bool {
	ascii := true
	for _, b := range data {
		if b >= 0x80 {
			ascii = false
			break
		}
	}
	return !ascii && utf8.Valid(data)
}

// bitWriter appends bits, most significant first.
type bitWriter struct {
	bytes []byte
	n     int // bits written
}

func (w *bitWriter) write(value, bits int) {
	for i := bits - 1; i >= 0; i-- {
		if w.n%8 == 0 {
			w.bytes = append(w.bytes, 0)
		}
		if value>>i&1 == 1 {
			w.bytes[w.n/8] |= 0x80 >> (w.n % 8)
		}
		w.n++
	}
}

// Mode indicators, and the ECI designator of UTF-8 (the assignment
// number 26 fits the one-byte form, 0bbbbbbb).
const (
	modeByte = 0b0100
	modeECI  = 0b0111
	eciUTF8  = 26
)

// codewords returns the data codewords of data in version v at level l:
// the segments, the terminator, and the pad codewords that fill the rest.
func codewords(data []byte, v int, l Level, eci bool) []byte {
	capacity := DataCodewords(v, l) * 8
	var w bitWriter
	if eci {
		w.write(modeECI, 4)
		w.write(eciUTF8, 8)
	}
	w.write(modeByte, 4)
	w.write(len(data), countBits(v))
	for _, b := range data {
		w.write(int(b), 8)
	}
	w.write(0, min(4, capacity-w.n))
	if w.n%8 != 0 {
		w.write(0, 8-w.n%8)
	}
	for pad := 0xEC; w.n < capacity; pad ^= 0xEC ^ 0x11 {
		w.write(pad, 8)
	}
	return w.bytes
}

// interleave splits the data codewords into the version's blocks, appends
// each block's error correction, and interleaves them column by column as
// they are placed in the symbol: the data of every block first, then the
// error correction of every block.
func interleave(data []byte, v int, l Level) []byte {
	blocks, ecc, shortData := Blocks(v, l)
	long := TotalCodewords(v) % blocks // the last blocks hold one more data codeword
	gen := generator(ecc)
	var dataBlocks, eccBlocks [][]byte
	for i, off := 0, 0; i < blocks; i++ {
		n := shortData
		if i >= blocks-long {
			n++
		}
		block := data[off : off+n]
		off += n
		dataBlocks = append(dataBlocks, block)
		eccBlocks = append(eccBlocks, remainder(block, gen))
	}
	out := make([]byte, 0, TotalCodewords(v))
	for i := 0; i <= shortData; i++ {
		for _, b := range dataBlocks {
			if i < len(b) {
				out = append(out, b[i])
			}
		}
	}
	for i := range ecc {
		for _, b := range eccBlocks {
			out = append(out, b[i])
		}
	}
	return out
}

func newCode(v int, l Level) *Code {
	n := Size(v)
	return &Code{Version: v, Level: l, Size: n, dark: make([]bool, n*n), function: make([]bool, n*n)}
}

func (c *Code) set(x, y int, dark bool) {
	c.dark[y*c.Size+x] = dark
	c.function[y*c.Size+x] = true
}

// drawFunctionPatterns draws the patterns that are not data, and reserves
// the format area so that data skips it.
func (c *Code) drawFunctionPatterns() {
	n := c.Size
	for i := range n {
		c.set(6, i, i%2 == 0)
		c.set(i, 6, i%2 == 0)
	}
	c.drawFinder(3, 3)
	c.drawFinder(n-4, 3)
	c.drawFinder(3, n-4)
	centres := AlignmentCentres(c.Version)
	last := len(centres) - 1
	for i, cx := range centres {
		for j, cy := range centres {
			// Three corners hold finders instead.
			if i == 0 && j == 0 || i == 0 && j == last || i == last && j == 0 {
				continue
			}
			c.drawAlignment(cx, cy)
		}
	}
	c.drawFormat(0) // a placeholder, overwritten once the mask is chosen
	c.drawVersion()
}

// drawFinder draws a finder pattern centred on (cx, cy) with its separator,
// clipped to the symbol.
func (c *Code) drawFinder(cx, cy int) {
	for dy := -4; dy <= 4; dy++ {
		for dx := -4; dx <= 4; dx++ {
			x, y := cx+dx, cy+dy
			if x < 0 || y < 0 || x >= c.Size || y >= c.Size {
				continue
			}
			d := max(abs(dx), abs(dy))
			c.set(x, y, d != 2 && d != 4)
		}
	}
}

func (c *Code) drawAlignment(cx, cy int) {
	for dy := -2; dy <= 2; dy++ {
		for dx := -2; dx <= 2; dx++ {
			c.set(cx+dx, cy+dy, max(abs(dx), abs(dy)) != 1)
		}
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// FormatBits returns the 15 bits of format information for level l and
// mask: the five data bits, their BCH(15,5) code, and the fixed XOR mask
// that keeps them from being all light.
func FormatBits(l Level, mask int) int {
	data := l.formatBits()<<3 | mask
	rem := data
	for range 10 {
		rem = rem<<1 ^ (rem>>9)*0x537
	}
	return (data<<10 | rem) ^ 0x5412
}

// VersionBits returns the 18 bits of version information of version v
// (7 and up): six data bits and their BCH(18,6) code.
func VersionBits(v int) int {
	rem := v
	for range 12 {
		rem = rem<<1 ^ (rem>>11)*0x1F25
	}
	return v<<12 | rem
}

// drawFormat draws both copies of the format information for mask, and
// the dark module beside the lower left finder.
func (c *Code) drawFormat(mask int) {
	bits := FormatBits(c.Level, mask)
	bit := func(i int) bool { return bits>>i&1 == 1 }
	n := c.Size
	// Around the upper left finder.
	for i := 0; i <= 5; i++ {
		c.set(8, i, bit(i))
	}
	c.set(8, 7, bit(6))
	c.set(8, 8, bit(7))
	c.set(7, 8, bit(8))
	for i := 9; i < 15; i++ {
		c.set(14-i, 8, bit(i))
	}
	// Split between the other two finders.
	for i := range 8 {
		c.set(n-1-i, 8, bit(i))
	}
	for i := 8; i < 15; i++ {
		c.set(8, n-15+i, bit(i))
	}
	c.set(8, n-8, true)
}

// drawVersion draws both copies of the version information, from version 7.
func (c *Code) drawVersion() {
	if c.Version < 7 {
		return
	}
	bits := VersionBits(c.Version)
	for i := range 18 {
		dark := bits>>i&1 == 1
		a, b := c.Size-11+i%3, i/3
		c.set(a, b, dark)
		c.set(b, a, dark)
	}
}

// drawCodewords places the codewords' bits in the two-module-wide columns
// that run up and down from the lower right corner, skipping the function
// patterns and the vertical timing pattern; the remainder bits stay light.
func (c *Code) drawCodewords(data []byte) {
	i := 0
	n := c.Size
	for right := n - 1; right >= 1; right -= 2 {
		if right == 6 {
			right = 5
		}
		upward := (right+1)&2 == 0
		for vert := range n {
			y := vert
			if upward {
				y = n - 1 - vert
			}
			for j := range 2 {
				x := right - j
				if c.function[y*n+x] || i >= len(data)*8 {
					continue
				}
				c.dark[y*n+x] = data[i/8]>>(7-i%8)&1 == 1
				i++
			}
		}
	}
}

// MaskBit reports whether mask pattern m inverts the module at column x,
// row y (ISO/IEC 18004 table 10).
func MaskBit(m, x, y int) bool {
	switch m {
	case 0:
		return (x+y)%2 == 0
	case 1:
		return y%2 == 0
	case 2:
		return x%3 == 0
	case 3:
		return (x+y)%3 == 0
	case 4:
		return (x/3+y/2)%2 == 0
	case 5:
		return x*y%2+x*y%3 == 0
	case 6:
		return (x*y%2+x*y%3)%2 == 0
	case 7:
		return ((x+y)%2+x*y%3)%2 == 0
	}
	panic("qr: mask out of range")
}

// applyMask inverts the data modules that mask m selects; applying it
// twice undoes it.
func (c *Code) applyMask(m int) {
	for y := range c.Size {
		for x := range c.Size {
			if i := y*c.Size + x; !c.function[i] && MaskBit(m, x, y) {
				c.dark[i] = !c.dark[i]
			}
		}
	}
}

// bestMask returns the mask whose symbol has the lowest penalty score, the
// lowest-numbered one on a tie.
func (c *Code) bestMask() int {
	best, bestScore := 0, -1
	for m := range 8 {
		c.applyMask(m)
		c.drawFormat(m)
		if s := c.penalty(); bestScore < 0 || s < bestScore {
			best, bestScore = m, s
		}
		c.applyMask(m)
	}
	return best
}

// Penalty weights of ISO/IEC 18004 section 7.8.3.1.
const (
	penaltyRun     = 3  // N1: a run of five or more same-colour modules, plus one per extra module
	penaltyBlock   = 3  // N2: each 2×2 block of one colour
	penaltyFinder  = 40 // N3: a 1:1:3:1:1 pattern beside four light modules
	penaltyBalance = 10 // N4: each 5 % of dark modules away from half
)

// penalty scores the symbol as it stands: readers like few long runs, few
// blocks, nothing that looks like a finder, and as much dark as light.
func (c *Code) penalty() int {
	n := c.Size
	score := 0
	line := make([]bool, n)
	for _, vertical := range []bool{false, true} {
		for a := range n {
			for b := range n {
				if vertical {
					line[b] = c.dark[b*n+a]
				} else {
					line[b] = c.dark[a*n+b]
				}
			}
			score += runPenalty(line) + finderPenalty(line)
		}
	}
	dark := 0
	for y := range n {
		for x := range n {
			d := c.dark[y*n+x]
			if d {
				dark++
			}
			if x+1 < n && y+1 < n && d == c.dark[y*n+x+1] && d == c.dark[(y+1)*n+x] && d == c.dark[(y+1)*n+x+1] {
				score += penaltyBlock
			}
		}
	}
	total := n * n
	k := (abs(dark*20-total*10)+total-1)/total - 1
	return score + k*penaltyBalance
}

func runPenalty(line []bool) int {
	score, run := 0, 1
	for i := 1; i <= len(line); i++ {
		if i < len(line) && line[i] == line[i-1] {
			run++
			continue
		}
		if run >= 5 {
			score += penaltyRun + run - 5
		}
		run = 1
	}
	return score
}

// finderPenalty counts the dark-light-dark×3-light-dark patterns with four
// light modules before or after them, the quiet zone counting as light.
func finderPenalty(line []bool) int {
	at := func(i int) bool { return i >= 0 && i < len(line) && line[i] }
	core := [7]bool{true, false, true, true, true, false, true}
	score := 0
	for i := -1; i+7 <= len(line)+1; i++ {
		match := true
		for j, want := range core {
			if at(i+j) != want {
				match = false
				break
			}
		}
		if !match {
			continue
		}
		if !at(i-1) && !at(i-2) && !at(i-3) && !at(i-4) {
			score += penaltyFinder
		}
		if !at(i+7) && !at(i+8) && !at(i+9) && !at(i+10) {
			score += penaltyFinder
		}
	}
	return score
}
