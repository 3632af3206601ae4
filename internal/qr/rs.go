package qr

// Reed–Solomon error correction over GF(2⁸) with the primitive polynomial
// x⁸+x⁴+x³+x²+1 (0x11D), the field QR codes use.

// gfMul multiplies two field elements, by shift and add: the symbols are a
// few hundred bytes, so tables would buy nothing.
func gfMul(a, b byte) byte {
	var p byte
	for b != 0 {
		if b&1 != 0 {
			p ^= a
		}
		carry := a & 0x80
		a <<= 1
		if carry != 0 {
			a ^= 0x1D
		}
		b >>= 1
	}
	return p
}

// generator returns the coefficients, highest power first and the leading
// 1 left out, of the generator polynomial (x-α⁰)(x-α¹)…(x-α^(n-1)).
func generator(n int) []byte {
	g := make([]byte, n)
	g[n-1] = 1 // the polynomial 1
	root := byte(1)
	for range n {
		// Multiply by (x - root): shift up, add root times the old.
		for j := range n {
			g[j] = gfMul(g[j], root)
			if j+1 < n {
				g[j] ^= g[j+1]
			}
		}
		root = gfMul(root, 2)
	}
	return g
}

// remainder returns the error correction codewords of data: the remainder
// of data·xⁿ divided by the generator gen of degree n.
func remainder(data, gen []byte) []byte {
	r := make([]byte, len(gen))
	for _, b := range data {
		factor := b ^ r[0]
		copy(r, r[1:])
		r[len(r)-1] = 0
		for i, g := range gen {
			r[i] ^= gfMul(g, factor)
		}
	}
	return r
}
