package pdf

import (
	"crypto/md5"
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Font is an embedded font.
type Font struct {
	id     ref // the Type0 font dictionary
	tables map[string][]byte
	sf     *sfnt.Font
	buf    sfnt.Buffer
	psName string
	upem   float64
	cff    bool
	used   map[sfnt.GlyphIndex]rune // each glyph drawn, with a character it draws

	ascent, descent, capHeight float64 // in font units, descent negative
}

// ErrUnsupportedFont is returned for a font file this package cannot
// embed: a collection, or variable CFF2 outlines.
var ErrUnsupportedFont = errors.New("pdf: unsupported font")

// AddFont adds a TrueType or OpenType font, which is embedded only if
// some text uses it.
func (d *Document) AddFont(data []byte) (*Font, error) {
	tables, err := readTables(data)
	if err != nil {
		return nil, err
	}
	sf, err := sfnt.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	f := &Font{id: d.alloc(), tables: tables, sf: sf, used: map[sfnt.GlyphIndex]rune{}}
	switch {
	case tables["glyf"] != nil && tables["loca"] != nil:
	case tables["CFF "] != nil:
		f.cff = true
	default:
		return nil, fmt.Errorf("%w: no glyf or CFF outlines", ErrUnsupportedFont)
	}
	f.upem = float64(sf.UnitsPerEm())
	m, err := sf.Metrics(&f.buf, fixed.I(int(sf.UnitsPerEm())), font.HintingNone)
	if err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	f.ascent, f.descent, f.capHeight = units(m.Ascent), -units(m.Descent), units(m.CapHeight)
	if f.capHeight <= 0 {
		f.capHeight = f.ascent * 0.7
	}
	f.psName, _ = sf.Name(&f.buf, sfnt.NameIDPostScript)
	if f.psName == "" {
		f.psName = "Font" + strconv.Itoa(int(f.id))
	}
	d.fonts = append(d.fonts, f)
	return f, nil
}

func units(v fixed.Int26_6) float64 { return float64(v) / 64 }

func (f *Font) resName() string { return "/F" + strconv.Itoa(int(f.id)) }

func (f *Font) glyph(r rune) sfnt.GlyphIndex {
	i, err := f.sf.GlyphIndex(&f.buf, r)
	if err != nil {
		return 0
	}
	return i
}

// Covers reports whether the font has a glyph for r.
func (f *Font) Covers(r rune) bool { return f.glyph(r) != 0 }

func (f *Font) advance(g sfnt.GlyphIndex) float64 {
	a, err := f.sf.GlyphAdvance(&f.buf, g, fixed.I(int(f.upem)), font.HintingNone)
	if err != nil {
		return 0
	}
	return units(a)
}

// Width returns the advance of s set at size points, in points.
func (f *Font) Width(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		w += f.advance(f.glyph(r))
	}
	return w * size / f.upem
}

// Ascent, Descent and CapHeight return the font's metrics at size points:
// the height above the baseline of its tallest letters, the depth below it
// (a positive number) and the height of its capitals.
func (f *Font) Ascent(size float64) float64    { return f.ascent * size / f.upem }
func (f *Font) Descent(size float64) float64   { return -f.descent * size / f.upem }
func (f *Font) CapHeight(size float64) float64 { return f.capHeight * size / f.upem }

// encode returns s as the two-byte glyph ids of Identity-H, and marks the
// glyphs used.
func (f *Font) encode(s string) []byte {
	out := make([]byte, 0, 2*len(s))
	for _, r := range s {
		g := f.glyph(r)
		if _, seen := f.used[g]; !seen && g != 0 {
			f.used[g] = r
		}
		out = binary.BigEndian.AppendUint16(out, uint16(g))
	}
	return out
}

// write writes the font's objects: the Type0 font, its CIDFont, the font
// descriptor, the font program and the ToUnicode map.
func (f *Font) write(d *Document) error {
	if len(f.used) == 0 {
		// Added but never drawn: a font dictionary nobody references is
		// still an object the file must hold.
		d.set(f.id, "null")
		return nil
	}
	glyphs := slices.Sorted(maps.Keys(f.used))
	program, sub := reduceOpenType(f.tables), "/FontFile3"
	dict := "/Subtype /OpenType"
	if !f.cff {
		keep := map[uint16]bool{0: true}
		for _, g := range glyphs {
			keep[uint16(g)] = true
		}
		var err error
		if program, err = subsetTrueType(f.tables, keep); err != nil {
			return err
		}
		sub, dict = "/FontFile2", " /Length1 "+strconv.Itoa(len(program))
	}
	base := name(subsetTag(glyphs) + "+" + f.psName)
	if f.cff {
		base = name(f.psName) // embedded whole: no subset tag
	}

	file := d.alloc()
	d.stream(file, dict, program)
	scale := 1000 / f.upem
	head := f.tables["head"]
	bbox := make([]string, 4)
	for i := range 4 {
		bbox[i] = num(float64(int16(binary.BigEndian.Uint16(head[36+2*i:]))) * scale)
	}
	desc := d.alloc()
	d.set(desc, fmt.Sprintf("<</Type /FontDescriptor /FontName %s /Flags 4 /FontBBox [%s] /ItalicAngle 0 /Ascent %s /Descent %s /CapHeight %s /StemV 80 %s %s>>",
		base, strings.Join(bbox, " "), num(f.ascent*scale), num(f.descent*scale), num(f.capHeight*scale), sub, file))

	var w strings.Builder
	for _, g := range glyphs {
		fmt.Fprintf(&w, "%d [%s] ", g, num(f.advance(g)*scale))
	}
	cid := d.alloc()
	subtype, gidMap := "/CIDFontType2", " /CIDToGIDMap /Identity"
	if f.cff {
		// CIDs of a CFF font that is not CID-keyed are its glyph ids.
		subtype, gidMap = "/CIDFontType0", ""
	}
	d.set(cid, fmt.Sprintf("<</Type /Font /Subtype %s /BaseFont %s /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> /FontDescriptor %s /DW 0 /W [%s]%s>>",
		subtype, base, desc, strings.TrimSpace(w.String()), gidMap))

	toUnicode := d.alloc()
	d.stream(toUnicode, "", f.toUnicode(glyphs))
	d.set(f.id, fmt.Sprintf("<</Type /Font /Subtype /Type0 /BaseFont %s /Encoding /Identity-H /DescendantFonts [%s] /ToUnicode %s>>",
		base, cid, toUnicode))
	return nil
}

// subsetTag returns the six capital letters that name a subset, from the
// glyphs it holds, so that two subsets of one font differ in name.
func subsetTag(glyphs []sfnt.GlyphIndex) string {
	h := md5.New()
	for _, g := range glyphs {
		binary.Write(h, binary.BigEndian, uint16(g))
	}
	sum := h.Sum(nil)
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	return string(tag)
}

// toUnicode returns the CMap that maps each glyph back to its character,
// for search, copy and accessibility.
func (f *Font) toUnicode(glyphs []sfnt.GlyphIndex) []byte {
	var b strings.Builder
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for chunk := range slices.Chunk(glyphs, 100) {
		fmt.Fprintf(&b, "%d beginbfchar\n", len(chunk))
		for _, g := range chunk {
			fmt.Fprintf(&b, "<%04X> <", g)
			for _, u := range utf16.Encode([]rune{f.used[g]}) {
				fmt.Fprintf(&b, "%04X", u)
			}
			b.WriteString(">\n")
		}
		b.WriteString("endbfchar\n")
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return []byte(b.String())
}
