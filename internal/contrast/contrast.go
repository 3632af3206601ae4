package contrast

import (
	"math"

	"github.com/marque-kit/marque/internal/brand"
)

// Black and White are the neutral fallbacks when no brand colour reads.
var (
	Black = brand.Color{}
	White = brand.Color{R: 255, G: 255, B: 255}
)

// Luminance is the relative luminance of c (WCAG 2.2), from 0 to 1.
func Luminance(c brand.Color) float64 {
	return 0.2126*linear(c.R) + 0.7152*linear(c.G) + 0.0722*linear(c.B)
}

func linear(v uint8) float64 {
	s := float64(v) / 255
	if s <= 0.04045 {
		return s / 12.92
	}
	return math.Pow((s+0.055)/1.055, 2.4)
}

// Ratio is the WCAG contrast ratio of two colours, from 1 to 21.
func Ratio(a, b brand.Color) float64 {
	la, lb := Luminance(a), Luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// First returns the first candidate with at least ratio against bg, or the
// one with the most contrast when none has.
func First(bg brand.Color, ratio float64, candidates ...brand.Color) brand.Color {
	best := candidates[0]
	for _, c := range candidates {
		if Ratio(c, bg) >= ratio {
			return c
		}
		if Ratio(c, bg) > Ratio(best, bg) {
			best = c
		}
	}
	return best
}

// On returns the colour for text on a fill: the page background when it
// reads there at 4.5:1, else white or black.
func On(fill, bg brand.Color) brand.Color {
	return First(fill, 4.5, bg, White, Black)
}

// Mix returns a blended toward b by t (0..1), in sRGB like CSS color-mix
// and like image compositing without colour management.
func Mix(a, b brand.Color, t float64) brand.Color {
	m := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*(1-t) + float64(y)*t)) }
	return brand.Color{R: m(a.R, b.R), G: m(a.G, b.G), B: m(a.B, b.B)}
}
