package render

import (
	"encoding/json"
	"fmt"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/marque-kit/marque/internal/brand"
	"github.com/marque-kit/marque/internal/contrast"
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
		if isKitStatic(name) {
			continue // the kit page's, which Kit writes with it
		}
		data, _ := r.th.Static(name)
		if name == "style.css" {
			data = append(prelude(r.in.Profile.Identity.Colors, r.in.Fonts), data...)
			s.StyleURL = s.versioned("style.css", data)
		}
		if err := r.tree.Add(name, data); err != nil {
			return err
		}
	}
	switch ic := r.in.Icons; {
	case ic.ICO != "":
		return r.icons(ic)
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
		{"link", linkColor(c).Hex()},
		{"heading", contrast.First(bg, 3, c.Primary, c.Text).Hex()},
		{"muted-text", mutedTextColor(c).Hex()},
		{"focus", contrast.First(bg, 3, c.Accent, c.Primary, c.Text).Hex()},
		{"on-primary", contrast.On(c.Primary, bg).Hex()},
		{"on-accent", contrast.On(c.Accent, bg).Hex()},
		{"line", contrast.Mix(bg, c.Text, 0.16).Hex()},
		{"tint", contrast.Mix(bg, c.Primary, 0.07).Hex()},
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

// linkColor is the colour of links: the primary colour where it reads on
// the background, else the text colour.
func linkColor(c brand.Palette) brand.Color {
	return contrast.First(c.Background, 4.5, c.Primary, c.Text)
}

// mutedTextColor is the colour of secondary text: the muted colour where
// it reads on the background, else the text colour.
func mutedTextColor(c brand.Palette) brand.Color {
	return contrast.First(c.Background, 4.5, c.Muted, c.Text)
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
		c.Primary.Hex(), size, contrast.On(c.Primary, c.Background).Hex(), text.String())
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

// iconSet is the site's icons as the head of every page links them.
type iconSet struct {
	ICO      string
	PNG      *Image
	Apple    string
	Manifest string // the web app manifest, which lists the large icons
}

// icons links the caller's icons and writes the web app manifest that
// lists the large ones, with the brand's colours.
func (r *renderer) icons(ic Icons) error {
	s := r.site
	set := &iconSet{ICO: ic.ICO, PNG: ic.PNG, Apple: ic.Apple}
	s.Icons = set
	s.IconURL, s.IconType = ic.ICO, imageType(ic.ICO)
	if len(ic.Manifest) == 0 {
		return nil
	}
	type icon struct {
		Src   string `json:"src"`
		Sizes string `json:"sizes"`
		Type  string `json:"type"`
	}
	c := r.in.Profile.Identity.Colors
	m := struct {
		Name       string `json:"name"`
		ShortName  string `json:"short_name"`
		StartURL   string `json:"start_url"`
		Display    string `json:"display"`
		Theme      string `json:"theme_color"`
		Background string `json:"background_color"`
		Icons      []icon `json:"icons"`
	}{Name: s.Name, ShortName: s.Name, StartURL: s.HomeURL, Display: "browser", Theme: c.Primary.Hex(), Background: c.Background.Hex()}
	for _, i := range ic.Manifest {
		m.Icons = append(m.Icons, icon{Src: i.URL, Sizes: fmt.Sprintf("%dx%d", i.Width, i.Height), Type: imageType(i.URL)})
	}
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	set.Manifest = s.URL("site.webmanifest")
	return r.tree.Add("site.webmanifest", append(data, '\n'))
}
