package socialimage

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/marque-kit/marque/internal/brand"
	"github.com/marque-kit/marque/internal/diag"
)

// The embedded fonts, with their licences beside them in fonts/: Noto
// Serif Bold for headings (the theme's pages set headings in a serif too),
// Inter for text, and DejaVu Sans as the fallback for the characters a
// brand's font lacks (Greek, Cyrillic, arrows, many symbols).
//
//go:embed fonts
var embedded embed.FS

// Role is what a piece of text is, which decides its font.
type Role string

// Roles of text in an image.
const (
	Heading Role = "heading" // names and titles: [identity].fonts.heading
	Body    Role = "body"    // role, tagline, dates: [identity].fonts.body
	Strong  Role = "strong"  // short labels: the body font, semibold when embedded
)

// Face is one font file, parsed.
type Face struct {
	Name string // the kit path of a brand font, or "embedded:" and the file name
	font *sfnt.Font
	sum  string // sha256 of the file, so that the cache sees a changed font
}

// Fonts are the faces an image's text is drawn with: one per role, and the
// fallback for characters the role's face lacks.
type Fonts struct {
	roles    map[Role]*Face
	fallback *Face
	// brand marks the roles whose face is the brand's own file: a
	// character it lacks is then a finding even when the fallback has it.
	brand map[Role]bool
}

// DefaultFonts returns the embedded faces alone.
func DefaultFonts() *Fonts {
	e := embeddedFaces()
	f := &Fonts{roles: map[Role]*Face{}, brand: map[Role]bool{}}
	f.roles[Heading] = e.heading
	f.roles[Body] = e.body
	f.roles[Strong] = e.strong
	f.fallback = e.fallback
	return f
}

// embeddedFaces parses the embedded fonts once per process: they never
// change, and parsing them is most of what a small kit's rebuild in serve
// would otherwise spend on fonts. A Face is never changed once parsed, and
// sfnt.Font is safe for concurrent use with a Buffer per goroutine, so
// every Fonts shares them.
var embeddedFaces = sync.OnceValue(func() *embeddedSet {
	return &embeddedSet{
		heading:  mustEmbedded("NotoSerif-Bold.ttf"),
		body:     mustEmbedded("Inter-Regular.otf"),
		strong:   mustEmbedded("Inter-SemiBold.otf"),
		fallback: mustEmbedded("DejaVuSans.ttf"),
	}
})

type embeddedSet struct{ heading, body, strong, fallback *Face }

func mustEmbedded(name string) *Face {
	data, err := embedded.ReadFile("fonts/" + name)
	if err != nil {
		panic(err) // the file is embedded: missing means a broken build
	}
	face, err := parseFace("embedded:"+name, data)
	if err != nil {
		panic(err)
	}
	return face
}

func parseFace(name string, data []byte) (*Face, error) {
	f, err := opentype.Parse(data)
	if err != nil {
		return nil, err
	}
	// A font whose tables parse may still fail on its first glyph: load
	// one now, so that a broken file is reported rather than drawn blank.
	var buf sfnt.Buffer
	if i, err := f.GlyphIndex(&buf, 'a'); err == nil && i != 0 {
		if _, err := f.LoadGlyph(&buf, i, fixed.I(64), nil); err != nil {
			return nil, err
		}
	}
	sum := sha256.Sum256(data)
	return &Face{Name: name, font: f, sum: hex.EncodeToString(sum[:])}, nil
}

// LoadFonts returns the brand's fonts from [identity].fonts, each read
// from fsys, and the embedded ones for the roles it leaves out. A file that
// is not a font is a profile.invalid finding at its brand.toml line; its
// role then uses the embedded face.
func LoadFonts(fsys fs.FS, p *brand.Profile, l *diag.List) (*Fonts, error) {
	f := DefaultFonts()
	for _, b := range []struct {
		path  string
		key   string
		roles []Role
	}{
		{p.Identity.Fonts.Heading, "identity.fonts.heading", []Role{Heading}},
		{p.Identity.Fonts.Body, "identity.fonts.body", []Role{Body, Strong}},
	} {
		if b.path == "" {
			continue
		}
		data, err := fs.ReadFile(fsys, b.path)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", b.path, err)
		}
		face, err := brandFaces.parse(b.path, data)
		if err != nil {
			l.Add(p.ValuePos(b.key), "profile.invalid", "%s: %q is not a font marque can read (%v): images use the embedded font", b.key, b.path, err)
			continue
		}
		for _, r := range b.roles {
			f.roles[r] = face
			f.brand[r] = true
		}
	}
	return f, nil
}

// Sums returns the faces' names and sums, the brand's roles marked, for a
// key that hashes the fonts as a whole.
func (f *Fonts) Sums() string {
	var b strings.Builder
	for _, r := range []Role{Heading, Body, Strong} {
		fmt.Fprintf(&b, "%s %s %s %t\n", r, f.roles[r].Name, f.roles[r].sum, f.brand[r])
	}
	fmt.Fprintf(&b, "fallback %s\n", f.fallback.sum)
	return b.String()
}

// face returns the face of role.
func (f *Fonts) face(r Role) *Face { return f.roles[r] }

// covers reports whether face draws r.
func (fc *Face) covers(buf *sfnt.Buffer, r rune) bool {
	i, err := fc.font.GlyphIndex(buf, r)
	return err == nil && i != 0
}

// glyphProblem is a character of a text that the role's face does not draw.
type glyphProblem struct {
	r        rune
	fallback bool // the embedded fallback draws it
}

// filter returns text without the characters no face of role can draw, and
// the characters the role's own face lacks. Invisible format characters
// (joiners, variation selectors) that no face has are dropped silently:
// they draw nothing anyway. buf is the caller's, not in use elsewhere.
func (f *Fonts) filter(buf *sfnt.Buffer, role Role, text string) (string, []glyphProblem) {
	face := f.face(role)
	out := make([]rune, 0, len(text))
	var problems []glyphProblem
	seen := map[rune]bool{}
	for _, r := range text {
		switch {
		case face.covers(buf, r) || r == ' ':
			out = append(out, r)
			continue
		case isSpace(r):
			out = append(out, r) // drawn as a space of the right width
			continue
		case unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Mn, r) && !f.fallback.covers(buf, r):
			continue
		}
		fb := f.fallback.covers(buf, r)
		if fb {
			out = append(out, r)
		}
		if !seen[r] && (!fb || f.brand[role]) {
			problems = append(problems, glyphProblem{r: r, fallback: fb})
		}
		seen[r] = true
	}
	return string(out), problems
}

func isSpace(r rune) bool { return unicode.Is(unicode.Zs, r) }

// faceCache keeps the brand fonts parsed by earlier plans of this process,
// by path and content: serve plans the kit again on every save, and a
// brand font, as the embedded ones, takes milliseconds to parse. A font
// that does not parse is not kept, so its finding is reported again.
type faceCache struct {
	mu    sync.Mutex
	faces map[faceKey]*Face
}

type faceKey struct {
	name string
	sum  [sha256.Size]byte
}

// maxCachedFaces bounds the cache: a kit has two brand fonts, and a
// person trying others in serve leaves a few behind.
const maxCachedFaces = 8

var brandFaces faceCache

// parse returns the face of data, the file at name, parsing it unless an
// earlier call parsed the same bytes under the same name.
func (c *faceCache) parse(name string, data []byte) (*Face, error) {
	key := faceKey{name, sha256.Sum256(data)}
	c.mu.Lock()
	face := c.faces[key]
	c.mu.Unlock()
	if face != nil {
		return face, nil
	}
	face, err := parseFace(name, data)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.faces) >= maxCachedFaces {
		clear(c.faces) // rare: starting again is simpler than tracking use
	}
	if c.faces == nil {
		c.faces = map[faceKey]*Face{}
	}
	c.faces[key] = face
	return face, nil
}
