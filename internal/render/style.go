package render

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/marque-kit/marque/internal/brand"
)

// The theme's style.css reads the palette and the fonts from custom
// properties; render writes them in front of it, so that one file serves
// the whole site and a kit's own style.css gets them too.

// Default font stacks, for a brand without font files: a warm book face for
// headings and the system's interface face for text, all local.
const (
	serifStack = `"Iowan Old Style", "Palatino Linotype", Palatino, "URW Palladio L", P052, "Book Antiqua", Georgia, serif`
	sansStack  = `system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif`
	monoStack  = `ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace`
)

// static copies the theme's static files, style.css with the brand's
// properties in front of it, and writes the site's icon when it needs one.
func (r *renderer) static() error {
	s := r.site
	for _, name := range r.th.StaticNames() {
		data, _ := r.th.Static(name)
		if name == "style.css" {
			data = append(prelude(r.in.Profile.Identity.Colors, r.in.Fonts), data...)
			sum := sha256.Sum256(data)
			// The hash in the URL lets browsers keep the file until it changes.
			s.StyleURL = s.URL("style.css") + "?v=" + hex.EncodeToString(sum[:4])
		}
		if err := r.tree.Add(name, data); err != nil {
			return err
		}
	}
	switch {
	case r.in.Logo != nil:
		s.IconURL = r.in.Logo.URL
		s.IconType = imageType(r.in.Logo.URL)
	default:
		s.IconURL, s.IconType = s.URL("favicon.svg"), "image/svg+xml"
		if !r.tree.Has("favicon.svg") {
			return r.tree.Add("favicon.svg", favicon(r.in.Profile))
		}
	}
	return nil
}

// prelude returns the custom properties of the palette and the fonts, with
// colours derived from the palette for the uses that need a contrast the
// brand's own colours may not have against the background.
func prelude(c brand.Palette, f Fonts) []byte {
	var b strings.Builder
	b.WriteString("/* Written by marque from brand.toml. */\n")
	heading, body := serifStack, sansStack
	if f.Heading != "" {
		fontFace(&b, "Brand Heading", f.Heading)
		heading = `"Brand Heading", ` + heading
	}
	if f.Body != "" {
		fontFace(&b, "Brand Body", f.Body)
		body = `"Brand Body", ` + body
	}
	bg := c.Background
	vars := [][2]string{
		{"primary", c.Primary.Hex()},
		{"accent", c.Accent.Hex()},
		{"background", bg.Hex()},
		{"text", c.Text.Hex()},
		{"muted", c.Muted.Hex()},
		// Body text needs 4.5:1 (WCAG 1.4.3), large headings and the focus
		// ring 3:1 (1.4.3, 1.4.11); the text colour is the fallback, as
		// the profile's checks require it to read on the background.
		{"link", firstContrasting(bg, 4.5, c.Primary, c.Text).Hex()},
		{"heading", firstContrasting(bg, 3, c.Primary, c.Text).Hex()},
		{"muted-text", firstContrasting(bg, 4.5, c.Muted, c.Text).Hex()},
		{"focus", firstContrasting(bg, 3, c.Accent, c.Primary, c.Text).Hex()},
		{"on-primary", onColor(c.Primary, bg).Hex()},
		{"on-accent", onColor(c.Accent, bg).Hex()},
		{"line", mix(bg, c.Text, 0.16).Hex()},
		{"tint", mix(bg, c.Primary, 0.07).Hex()},
		{"font-heading", heading},
		{"font-body", body},
		{"font-mono", monoStack},
	}
	b.WriteString(":root {\n")
	for _, v := range vars {
		fmt.Fprintf(&b, "  --%s: %s;\n", v[0], v[1])
	}
	b.WriteString("}\n\n")
	return []byte(b.String())
}

func fontFace(b *strings.Builder, family, url string) {
	format := map[string]string{".woff2": "woff2", ".woff": "woff", ".ttf": "truetype", ".otf": "opentype"}[strings.ToLower(path.Ext(url))]
	fmt.Fprintf(b, "@font-face {\n  font-family: %q;\n  src: url(%s)", family, cssString(url))
	if format != "" {
		fmt.Fprintf(b, " format(%q)", format)
	}
	b.WriteString(";\n  font-display: swap;\n}\n")
}

// cssString quotes s as a CSS string, escaping what could end it.
func cssString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\' || r < 0x20 || r == 0x7f || r == '<' || r == '>':
			fmt.Fprintf(&b, "\\%x ", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// luminance is the relative luminance of c (WCAG 2.2).
func luminance(c brand.Color) float64 {
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// contrast is the WCAG contrast ratio of two colours, from 1 to 21.
func contrast(a, b brand.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// firstContrasting returns the first candidate with at least ratio against
// bg, or the one with the most contrast when none has.
func firstContrasting(bg brand.Color, ratio float64, candidates ...brand.Color) brand.Color {
	best := candidates[0]
	for _, c := range candidates {
		if contrast(c, bg) >= ratio {
			return c
		}
		if contrast(c, bg) > contrast(best, bg) {
			best = c
		}
	}
	return best
}

// onColor returns the colour for text on a fill: the page background when
// it reads there, else white or black.
func onColor(fill, bg brand.Color) brand.Color {
	white, black := brand.Color{R: 255, G: 255, B: 255}, brand.Color{}
	return firstContrasting(fill, 4.5, bg, white, black)
}

// mix returns a blended toward b by t (0..1), in sRGB like CSS color-mix.
func mix(a, b brand.Color, t float64) brand.Color {
	m := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*(1-t) + float64(y)*t)) }
	return brand.Color{R: m(a.R, b.R), G: m(a.G, b.G), B: m(a.B, b.B)}
}

// favicon draws the person's initials on a disc of the primary colour.
func favicon(p *brand.Profile) []byte {
	c := p.Identity.Colors
	var initials []rune
	for _, word := range strings.Fields(p.Person.Name) {
		r, _ := utf8.DecodeRuneInString(word)
		if unicode.IsLetter(r) {
			initials = append(initials, unicode.ToUpper(r))
		}
	}
	if len(initials) > 2 {
		initials = []rune{initials[0], initials[len(initials)-1]}
	}
	var text strings.Builder
	for _, r := range initials {
		// Only letters reach here, but the SVG is XML: never trust it to be.
		fmt.Fprintf(&text, "&#%d;", r)
	}
	size := 34
	if len(initials) == 1 {
		size = 40
	}
	return fmt.Appendf(nil, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">`+
		`<circle cx="32" cy="32" r="32" fill="%s"/>`+
		`<text x="32" y="32" dy=".35em" text-anchor="middle" font-family="Georgia, serif" font-size="%d" font-weight="700" fill="%s">%s</text></svg>`+"\n",
		c.Primary.Hex(), size, onColor(c.Primary, c.Background).Hex(), text.String())
}

// imageType returns the MIME type of an image file by its extension, "" when unknown.
func imageType(u string) string {
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	return map[string]string{
		".png": "image/png", ".svg": "image/svg+xml", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
		".webp": "image/webp", ".ico": "image/x-icon", ".gif": "image/gif",
	}[strings.ToLower(path.Ext(u))]
}
