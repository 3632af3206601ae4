package printcard

import (
	"fmt"
	"image"
	"math"

	"github.com/marque-kit/marque/internal/brand"
	"github.com/marque-kit/marque/internal/contrast"
	"github.com/marque-kit/marque/internal/pdf"
	"github.com/marque-kit/marque/internal/qr"
)

// Dimensions of the card, in millimetres.
const (
	Width  = 85.0 // the European business card
	Height = 55.0
	Bleed  = 3.0 // colour runs this far past the trim
	Safe   = 4.0 // text stays this far inside the trim
	// Slug is the distance from the trim to the page's edge: the bleed,
	// then the crop marks, which start just beyond the bleed so that no
	// mark prints on a card cut a little off.
	Slug = 10.0

	// MinSize is the smallest text the card sets, in points: below it, a
	// card is not read.
	MinSize = 6.0
	// DPI is the resolution a printer needs from the logo's pixels.
	DPI = 300
)

// margin is the layout's margin, wider than the safe margin it respects.
const margin = 7.0

// Card is what the business card shows.
type Card struct {
	Lang    string // "fr" or "en": the document's title
	Name    string
	Role    string
	Email   string
	Phone   string
	Site    string // as printed: host and path, without the scheme
	Handles []Handle
	Logo    image.Image // nil for none
	QR      *qr.Code    // nil for none
	Colors  brand.Palette
	// Heading, Body and Fallback are font files: the name is set in
	// Heading, the rest in Body, and the characters they lack in Fallback.
	Heading, Body, Fallback []byte
}

// Handle is one network account printed on the card.
type Handle struct {
	Key   string // the brand.toml key it comes from: "networks.instagram.handle"
	Label string // "Instagram"
	Text  string // "@solene.garnier.design"
}

// Problem is a value the card could not show as asked.
type Problem struct {
	Key     string // the brand.toml key of the value: "person.name"
	Rule    string // "print.fit", "identity.image-size" or "identity.glyph"
	Message string
}

// Result is a laid-out, written card.
type Result struct {
	PDF         []byte
	Front, Back *Side
	Problems    []Problem
}

// Make lays out c and writes it as a two-page PDF, front then back.
func Make(c *Card) (*Result, error) { return lay(c, true) }

// Lay lays out c and reports its problems without writing the PDF, for a
// check that only wants the findings.
func Lay(c *Card) (*Result, error) { return lay(c, false) }

func lay(c *Card, write bool) (*Result, error) {
	doc := pdf.New(pdf.Info{Title: title(c.Lang) + " — " + c.Name, Author: c.Name})
	fonts, err := loadFonts(doc, c)
	if err != nil {
		return nil, err
	}
	l := &layout{card: c, fonts: fonts}
	res := &Result{Front: l.front(), Back: l.back()}
	res.Problems = l.problems
	if !write {
		return res, nil
	}
	for _, s := range []*Side{res.Front, res.Back} {
		if err := s.writePDF(doc, fonts); err != nil {
			return nil, err
		}
	}
	if res.PDF, err = doc.Bytes(); err != nil {
		return nil, err
	}
	return res, nil
}

func title(lang string) string {
	if lang == "fr" {
		return "Carte de visite"
	}
	return "Business card"
}

// fontSet holds the card's three fonts.
type fontSet struct {
	heading, body, fallback *pdf.Font
}

func loadFonts(doc *pdf.Document, c *Card) (*fontSet, error) {
	var fs fontSet
	for _, f := range []struct {
		data []byte
		dst  **pdf.Font
		role string
	}{{c.Heading, &fs.heading, "heading"}, {c.Body, &fs.body, "body"}, {c.Fallback, &fs.fallback, "fallback"}} {
		font, err := doc.AddFont(f.data)
		if err != nil {
			return nil, fmt.Errorf("printcard: %s font: %w", f.role, err)
		}
		*f.dst = font
	}
	return &fs, nil
}

// Colours of the two sides: the front on the brand's background, the back
// on its primary colour when the background reads on it as text, so that
// the card shows the brand's two main colours.
type palette struct {
	frontBG, name, role, rule brand.Color
	backBG, ink, dim          brand.Color
	qrDark, qrLight           brand.Color
}

// minTextContrast is the WCAG ratio the card's text keeps with its ground:
// print is read at arm's length and in any light.
const minTextContrast = 4.5

func colors(p brand.Palette) palette {
	var c palette
	c.frontBG = p.Background
	c.name = contrast.First(p.Background, minTextContrast, p.Primary, p.Text, contrast.Black)
	c.role = contrast.First(p.Background, minTextContrast, p.Muted, p.Text, contrast.Black)
	c.rule = p.Accent
	if contrast.Ratio(p.Background, p.Primary) >= minTextContrast {
		c.backBG, c.ink = p.Primary, p.Background
	} else {
		c.backBG, c.ink = p.Background, c.name
	}
	c.dim = contrast.Mix(c.ink, c.backBG, 0.3)
	if contrast.Ratio(c.dim, c.backBG) < minTextContrast {
		c.dim = c.ink
	}
	c.qrDark, c.qrLight = qr.Inks(p.Background, p.Primary, p.Text)
	return c
}

// ptToMM converts points to millimetres.
func ptToMM(v float64) float64 { return v * 25.4 / 72 }

// round keeps layout numbers to a hundredth of a millimetre, so that the
// layout's text form is stable.
func round(v float64) float64 { return math.Round(v*100) / 100 }
