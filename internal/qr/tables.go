package qr

// The tables of ISO/IEC 18004:2015, section 7.5.1 (table 9): for each
// version and error correction level, the number of error correction
// codewords per block and the number of blocks. The data codewords follow
// from the total codewords a version holds (rawDataModules / 8). Index 0 is
// unused so that versions index their own entry.

var eccPerBlock = [4][41]int{
	L: {-1, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30},
	M: {-1, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28},
	Q: {-1, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30, 28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30},
	H: {-1, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28, 30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30},
}

var eccBlocks = [4][41]int{
	L: {-1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25},
	M: {-1, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49},
	Q: {-1, 1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20, 23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68},
	H: {-1, 1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25, 25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81},
}

// rawDataModules returns how many modules of a symbol of version v hold
// data and error correction codewords, remainder bits included: the whole
// symbol less the finder, separator, timing, alignment, format and version
// patterns.
func rawDataModules(v int) int {
	n := (16*v+128)*v + 64
	if v >= 2 {
		align := v/7 + 2
		n -= (25*align-10)*align - 55
		if v >= 7 {
			n -= 36
		}
	}
	return n
}

// TotalCodewords returns the number of 8-bit codewords of version v, data
// and error correction together.
func TotalCodewords(v int) int { return rawDataModules(v) / 8 }

// DataCodewords returns the number of data codewords of version v at
// level l: what is left once the error correction is taken.
func DataCodewords(v int, l Level) int {
	return TotalCodewords(v) - eccPerBlock[l][v]*eccBlocks[l][v]
}

// Blocks returns how version v at level l splits its codewords into
// Reed–Solomon blocks: the number of blocks, the error correction
// codewords of each, and the data codewords of the short blocks (the long
// ones, which come last, hold one more).
func Blocks(v int, l Level) (blocks, ecc, shortData int) {
	blocks, ecc = eccBlocks[l][v], eccPerBlock[l][v]
	return blocks, ecc, TotalCodewords(v)/blocks - ecc
}

// AlignmentCentres returns the row (and column) coordinates of the centres
// of the alignment patterns of version v (ISO/IEC 18004 annex E): evenly
// spaced from 6 to size-7, with an even step, the first gap taking the
// remainder.
func AlignmentCentres(v int) []int {
	if v == 1 {
		return nil
	}
	n := v/7 + 2
	step := (v*8 + n*3 + 5) / (n*4 - 4) * 2
	out := make([]int, n)
	out[0] = 6
	for i, pos := n-1, Size(v)-7; i >= 1; i, pos = i-1, pos-step {
		out[i] = pos
	}
	return out
}

// Size returns the number of modules on a side of a symbol of version v,
// quiet zone excluded.
func Size(v int) int { return 17 + 4*v }
