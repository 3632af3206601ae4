package brand

import (
	"errors"
	"io/fs"

	"github.com/marque-kit/marque/internal/diag"
	"github.com/marque-kit/marque/internal/tomldoc"
)

// FileName is the profile's name at the kit root.
const FileName = "brand.toml"

var tomlRules = tomldoc.Rules{
	Syntax:     "profile.syntax",
	UnknownKey: "profile.unknown-key",
	Invalid:    "profile.invalid",
}

// Defaults of the values brand.toml may leave out.
var (
	// DefaultPalette is a quiet navy and brick palette on warm white. Text,
	// accent and muted all pass WCAG AA (4.5:1) on the background, so a kit
	// that sets no colours passes the default contrast check.
	DefaultPalette = Palette{
		Primary:    Color{0x1F, 0x3A, 0x5F},
		Accent:     Color{0xB5, 0x43, 0x2B},
		Background: Color{0xFA, 0xF7, 0xF2},
		Text:       Color{0x1B, 0x1B, 0x1B},
		Muted:      Color{0x5B, 0x62, 0x70},
	}
	// DefaultPhotoFocus sits above the middle, where a portrait's face
	// usually is.
	DefaultPhotoFocus = Focus{X: 0.5, Y: 0.33}
	// DefaultCoverFocus is the middle of the picture.
	DefaultCoverFocus = Focus{X: 0.5, Y: 0.5}
)

// Load reads brand.toml at the root of the kit fsys, decodes it strictly and
// validates it into a Profile. It reports every problem it finds, sorted by
// position, rather than stopping at the first.
//
// The Profile is nil only when brand.toml is missing or does not parse (a
// profile.syntax finding). Otherwise it is returned even with findings, with
// invalid values replaced by their defaults, so that later checks can still
// run and report their own problems in the same pass.
func Load(fsys fs.FS) (*Profile, diag.List) {
	var list diag.List
	src, err := fs.ReadFile(fsys, FileName)
	if err != nil {
		pos := diag.Pos{File: FileName}
		if errors.Is(err, fs.ErrNotExist) {
			list.Add(pos, "profile.syntax", "missing: a kit needs a brand.toml at its root")
		} else {
			list.Add(pos, "profile.syntax", "cannot be read: %v", err)
		}
		return nil, list
	}
	file := diag.NewFile(FileName, src)
	var raw profileTOML
	doc, decodeList := tomldoc.Decode(file, 0, len(src), &raw, tomlRules)
	list.Append(decodeList)
	if doc == nil {
		return nil, list
	}

	p := &Profile{
		File:   file,
		keys:   make(map[string]int, len(doc.Locs())),
		values: make(map[string]int, len(doc.Locs())),
	}
	for path, loc := range doc.Locs() {
		p.keys[path] = loc.Key
		p.values[path] = loc.Value
	}
	v := &validator{fsys: fsys, doc: doc, list: &list}
	v.person(p, &raw.Person)
	v.strategy(p, &raw.Strategy)
	v.identity(p, &raw.Identity)
	v.voice(p, &raw.Voice)
	v.bio(p, &raw.Bio)
	v.networks(p, raw.Networks)
	p.Links.UTM = raw.Links.UTM
	p.Calendar.Cadence = v.oneOf("calendar.cadence", raw.Calendar.Cadence, "off",
		"daily", "weekly", "biweekly", "monthly", "off")
	v.rules(p, raw.Rules)
	list.Sort()
	return p, list
}
