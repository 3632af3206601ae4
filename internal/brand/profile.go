package brand

import (
	"fmt"
	"net/url"

	"github.com/marque-kit/marque/internal/diag"
)

// Profile is brand.toml once decoded and validated: every value typed, every
// path checked to exist inside the kit. Later stages read only this.
type Profile struct {
	Person   Person
	Strategy Strategy
	Identity Identity
	Voice    Voice
	Bio      Bio
	Networks []Network // in the order brand.toml lists them
	Links    Links
	Calendar Calendar
	// Rules holds the severity overrides of [rules], by rule id.
	Rules map[string]diag.Severity

	// File is brand.toml's source, for positions of values (see Pos).
	File   *diag.File
	keys   map[string]int // dotted key path -> byte offset of the key in File
	values map[string]int // dotted key path -> byte offset of its value in File
}

// Pos returns the position of the key at the dotted path (for example
// "bio.candidates" or "networks.linkedin.goal") in brand.toml, or the file
// itself when the key is absent.
func (p *Profile) Pos(path string) diag.Pos {
	if off, ok := p.keys[path]; ok {
		return p.File.Pos(off)
	}
	return diag.Pos{File: p.File.Name}
}

// ValuePos returns the position of the first character of the value at the
// dotted path (for a string, its opening quote), or the file itself when the
// key is absent. Array elements have paths of their own, counted from zero:
// "bio.candidates.0" is the first candidate.
func (p *Profile) ValuePos(path string) diag.Pos {
	if off, ok := p.values[path]; ok {
		return p.File.Pos(off)
	}
	return diag.Pos{File: p.File.Name}
}

// Person is [person].
type Person struct {
	Name       string
	Role       string
	Tagline    string
	Location   string
	Language   string   // "fr" or "en"
	SiteURL    *url.URL // absolute, without a trailing slash in its path; nil when invalid
	Email      string
	Phone      string
	Photo      string // kit-relative slash path, or ""
	PhotoFocus Focus  // default {0.5, 0.33}
	Cover      string // kit-relative slash path, or ""
	CoverFocus Focus  // default {0.5, 0.5}
	Logo       string // kit-relative slash path, or ""
}

// Focus is a focal point, x and y in 0..1 from the top left.
type Focus struct{ X, Y float64 }

// Strategy is [strategy], the brief.
type Strategy struct {
	Audience   string
	Message    string
	Objectives []string
	Market     string // "b2b", "b2c", "both" or ""
}

// Identity is [identity].
type Identity struct {
	Colors      Palette
	Fonts       Fonts
	MinContrast float64 // default 4.5
	CardStyle   string  // default "solid"
}

// Palette holds the brand colours.
type Palette struct {
	Primary, Accent, Background, Text, Muted Color
}

// Fonts holds kit-relative paths to the brand's font files; "" means the
// embedded default.
type Fonts struct {
	Heading, Body string
}

// Color is an opaque sRGB colour.
type Color struct{ R, G, B uint8 }

// Hex returns the colour as #RRGGBB.
func (c Color) Hex() string { return fmt.Sprintf("#%02X%02X%02X", c.R, c.G, c.B) }

// Voice is [voice].
type Voice struct {
	Person           string // "first", "we" or "any"
	Address          string // "vous", "tu" or ""
	MaxSentenceWords int
	MaxExclamations  int
	Emoji            string // "none", "bios" or "any"
	Claims           bool
	Readability      float64
	Banned           []string
	Confidential     []string
	Prefer           []Preference // sorted by Wrong
}

// Preference is one entry of [voice.prefer].
type Preference struct{ Wrong, Right string }

// Bio is [bio].
type Bio struct {
	Candidates []string // longest first, as the user wrote them
}

// Network is one [networks.NAME] table.
type Network struct {
	Name   string // "linkedin", "x", ...
	Handle string
	URL    string
	Goal   string
	Bio    string
	Print  bool
	DID    string // bluesky only
	// Slots are the network's image slots that brand.toml overrides, in
	// the order it lists them.
	Slots []SlotOverride
}

// SlotOverride is one [networks.NAME.slots.SLOT] table: the kit's own size
// or byte cap for an image slot; zero values keep the built-in ones.
type SlotOverride struct {
	Slot          string
	Width, Height int
	MaxBytes      int64
}

// Links is [links].
type Links struct {
	UTM bool
}

// Calendar is [calendar].
type Calendar struct {
	Cadence string // "daily", "weekly", "biweekly", "monthly" or "off"
}
