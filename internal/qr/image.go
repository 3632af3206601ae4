package qr

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"

	"github.com/marque-kit/marque/internal/brand"
	"github.com/marque-kit/marque/internal/contrast"
)

// MinSymbolContrast is the least difference of relative luminance between
// the light and dark modules that Inks accepts: grade A of the symbol
// contrast of ISO/IEC 15415 (70 % of reflectance), so that a phone reads
// the code in poor light, printed or on a screen.
const MinSymbolContrast = 0.7

// minLight is the least luminance of the light colour: readers look for
// dark modules on a light ground, and many never try the inverse.
const minLight = 0.7

// Inks returns the colours of a code: light, the ground, is bg when it is
// light enough and white otherwise; dark is the first candidate darker than
// the ground by MinSymbolContrast, or black when none is. Brand colours
// thus show wherever they read, and a low-contrast or inverted palette
// falls back to black on white.
func Inks(bg brand.Color, candidates ...brand.Color) (dark, light brand.Color) {
	light = bg
	if contrast.Luminance(light) < minLight {
		light = contrast.White
	}
	for _, c := range candidates {
		if contrast.Luminance(light)-contrast.Luminance(c) >= MinSymbolContrast {
			return c, light
		}
	}
	return contrast.Black, light
}

// Side returns the number of modules on a side of the code's image, quiet
// zone included.
func (c *Code) Side() int { return c.Size + 2*QuietZone }

// Image returns the code drawn with scale pixels per module, quiet zone
// included, in two colours.
func (c *Code) Image(scale int, dark, light brand.Color) *image.Paletted {
	side := c.Side() * scale
	pal := color.Palette{rgba(light), rgba(dark)}
	img := image.NewPaletted(image.Rect(0, 0, side, side), pal)
	for y := range side {
		row := img.Pix[y*img.Stride : y*img.Stride+side]
		my := y/scale - QuietZone
		for x := range side {
			if c.Dark(x/scale-QuietZone, my) {
				row[x] = 1
			}
		}
	}
	return img
}

func rgba(c brand.Color) color.RGBA { return color.RGBA{c.R, c.G, c.B, 255} }

// PNG returns the code as a PNG with scale pixels per module.
func (c *Code) PNG(scale int, dark, light brand.Color) ([]byte, error) {
	var b bytes.Buffer
	if err := png.Encode(&b, c.Image(scale, dark, light)); err != nil {
		return nil, fmt.Errorf("qr: encode png: %w", err)
	}
	return b.Bytes(), nil
}

// SVG returns the code as an SVG whose user unit is one module, quiet zone
// included, drawn scale pixels per module by default. The dark modules are
// one path of horizontal runs, with crisp edges so that no anti-aliasing
// greys the gaps between modules.
func (c *Code) SVG(scale int, dark, light brand.Color, title string) []byte {
	side := c.Side()
	var b bytes.Buffer
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" shape-rendering="crispEdges" role="img"`, side, side, side*scale, side*scale)
	if title != "" {
		b.WriteString(` aria-label="`)
		escapeXML(&b, title)
		b.WriteString(`"`)
	}
	b.WriteString(">\n")
	if title != "" {
		b.WriteString("<title>")
		escapeXML(&b, title)
		b.WriteString("</title>\n")
	}
	fmt.Fprintf(&b, "<rect width=\"%d\" height=\"%d\" fill=\"%s\"/>\n<path fill=\"none\" stroke=\"%s\" stroke-width=\"1\" d=\"", side, side, light.Hex(), dark.Hex())
	// Each run is a line one module thick along the middle of its row:
	// "M x y.5" starts a row, "m gap 0" moves along it, "h n" draws n
	// modules. A third the size of filled rectangles, for the same shapes.
	row, end := -1, 0
	c.Runs(func(x, y, n int) {
		if y != row {
			fmt.Fprintf(&b, "M%d %d.5h%d", x+QuietZone, y+QuietZone, n)
		} else {
			fmt.Fprintf(&b, "m%d 0h%d", x-end, n)
		}
		row, end = y, x+n
	})
	b.WriteString("\"/>\n</svg>\n")
	return b.Bytes()
}

func escapeXML(b *bytes.Buffer, s string) {
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		default:
			b.WriteRune(r)
		}
	}
}

// Runs calls fn for each horizontal run of dark modules, row by row, with
// the coordinates of its first module and its length, so that vector
// outputs (the business card) draw the code as a few rectangles.
func (c *Code) Runs(fn func(x, y, n int)) {
	for y := range c.Size {
		for x := 0; x < c.Size; {
			if !c.Dark(x, y) {
				x++
				continue
			}
			run := 1
			for c.Dark(x+run, y) {
				run++
			}
			fn(x, y, run)
			x += run
		}
	}
}
