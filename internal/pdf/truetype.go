package pdf

import (
	"encoding/binary"
	"fmt"
	"slices"
)

// readTables returns the tables of an sfnt font file by tag.
func readTables(data []byte) (map[string][]byte, error) {
	if len(data) < 12 {
		return nil, fmt.Errorf("%w: too short", ErrUnsupportedFont)
	}
	switch string(data[:4]) {
	case "\x00\x01\x00\x00", "true", "OTTO":
	default:
		return nil, fmt.Errorf("%w: not a TrueType or OpenType font", ErrUnsupportedFont)
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	if len(data) < 12+16*n {
		return nil, fmt.Errorf("%w: truncated table directory", ErrUnsupportedFont)
	}
	tables := map[string][]byte{}
	for i := range n {
		rec := data[12+16*i:]
		off, length := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if uint64(off)+uint64(length) > uint64(len(data)) {
			return nil, fmt.Errorf("%w: table %q out of the file", ErrUnsupportedFont, rec[:4])
		}
		tables[string(rec[:4])] = data[off : off+length]
	}
	if len(tables["head"]) < 54 || len(tables["maxp"]) < 6 {
		return nil, fmt.Errorf("%w: no head or maxp table", ErrUnsupportedFont)
	}
	return tables, nil
}

// subsetTables are the tables a TrueType program embedded in a PDF keeps:
// those PDF requires (ISO 32000 section 9.9) and the small ones that name
// the font and carry its copyright and metrics for other tools.
var subsetTables = []string{"OS/2", "cmap", "cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post", "prep"}

// cffTables are the tables an OpenType program with CFF outlines embedded
// in a PDF keeps: the outlines and what names and measures the font.
// Layout tables (GSUB, GPOS), the largest after the outlines, serve text
// shaping, which the PDF's content has already done.
var cffTables = []string{"CFF ", "OS/2", "cmap", "head", "hhea", "hmtx", "maxp", "name", "post"}

// reduceOpenType returns an OpenType program with CFF outlines with only
// cffTables.
func reduceOpenType(tables map[string][]byte) []byte {
	out := map[string][]byte{}
	for _, tag := range cffTables {
		if tables[tag] != nil {
			out[tag] = tables[tag]
		}
	}
	h := slices.Clone(tables["head"])
	binary.BigEndian.PutUint32(h[8:], 0)
	out["head"] = h
	font := writeSfnt(out, "OTTO")
	binary.BigEndian.PutUint32(font[headOffset(font)+8:], 0xB1B0AFBA-checksum(font))
	return font
}

// subsetTrueType returns a TrueType program with only the glyphs in keep
// (and the components of composite ones): the other glyphs are emptied but
// keep their ids, so that text can use the font's own glyph ids and
// metrics. The glyph names of post are dropped.
func subsetTrueType(tables map[string][]byte, keep map[uint16]bool) ([]byte, error) {
	head, glyf, loca := tables["head"], tables["glyf"], tables["loca"]
	numGlyphs := int(binary.BigEndian.Uint16(tables["maxp"][4:]))
	long := binary.BigEndian.Uint16(head[50:]) == 1
	offset := func(i int) (int, bool) {
		if long {
			if 4*i+4 > len(loca) {
				return 0, false
			}
			return int(binary.BigEndian.Uint32(loca[4*i:])), true
		}
		if 2*i+2 > len(loca) {
			return 0, false
		}
		return 2 * int(binary.BigEndian.Uint16(loca[2*i:])), true
	}
	glyphData := func(i int) ([]byte, error) {
		a, ok1 := offset(i)
		b, ok2 := offset(i + 1)
		if !ok1 || !ok2 || a > b || b > len(glyf) {
			return nil, fmt.Errorf("%w: bad loca entry for glyph %d", ErrUnsupportedFont, i)
		}
		return glyf[a:b], nil
	}

	// Composite glyphs draw others: keep those too, to any depth.
	queue := make([]uint16, 0, len(keep))
	for g := range keep {
		queue = append(queue, g)
	}
	for len(queue) > 0 {
		g := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		if int(g) >= numGlyphs {
			delete(keep, g)
			continue
		}
		data, err := glyphData(int(g))
		if err != nil {
			return nil, err
		}
		for _, c := range components(data) {
			if !keep[c] {
				keep[c] = true
				queue = append(queue, c)
			}
		}
	}

	var newGlyf []byte
	newLoca := make([]byte, 0, 4*(numGlyphs+1))
	for i := range numGlyphs {
		newLoca = binary.BigEndian.AppendUint32(newLoca, uint32(len(newGlyf)))
		if !keep[uint16(i)] {
			continue
		}
		data, err := glyphData(i)
		if err != nil {
			return nil, err
		}
		newGlyf = append(newGlyf, data...)
		for len(newGlyf)%4 != 0 {
			newGlyf = append(newGlyf, 0)
		}
	}
	newLoca = binary.BigEndian.AppendUint32(newLoca, uint32(len(newGlyf)))

	out := map[string][]byte{"glyf": newGlyf, "loca": newLoca}
	h := slices.Clone(head)
	binary.BigEndian.PutUint16(h[50:], 1) // long loca offsets
	binary.BigEndian.PutUint32(h[8:], 0)  // checkSumAdjustment, set below
	out["head"] = h
	if post := tables["post"]; len(post) >= 32 {
		p := slices.Clone(post[:32])
		binary.BigEndian.PutUint32(p, 0x00030000) // version 3: no glyph names
		out["post"] = p
	}
	for _, tag := range subsetTables {
		if _, done := out[tag]; !done && tables[tag] != nil {
			out[tag] = tables[tag]
		}
	}
	font := writeSfnt(out, "\x00\x01\x00\x00")
	// The whole font's checksum must come to 0xB1B0AFBA.
	binary.BigEndian.PutUint32(font[headOffset(font)+8:], 0xB1B0AFBA-checksum(font))
	return font, nil
}

// Flags of a composite glyph's components (OpenType glyf table).
const (
	argsAreWords   = 0x0001
	haveScale      = 0x0008
	moreComponents = 0x0020
	haveXYScale    = 0x0040
	haveTwoByTwo   = 0x0080
)

// components returns the glyph ids a composite glyph draws; none for a
// simple glyph.
func components(data []byte) []uint16 {
	if len(data) < 10 || int16(binary.BigEndian.Uint16(data)) >= 0 {
		return nil
	}
	var out []uint16
	for p := 10; p+4 <= len(data); {
		flags := binary.BigEndian.Uint16(data[p:])
		out = append(out, binary.BigEndian.Uint16(data[p+2:]))
		p += 4
		if flags&argsAreWords != 0 {
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&haveScale != 0:
			p += 2
		case flags&haveXYScale != 0:
			p += 4
		case flags&haveTwoByTwo != 0:
			p += 8
		}
		if flags&moreComponents == 0 {
			break
		}
	}
	return out
}

// writeSfnt returns a font file of tables, in tag order, each on a
// four-byte boundary, with the sfnt version tag version.
func writeSfnt(tables map[string][]byte, version string) []byte {
	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	slices.Sort(tags)
	n := len(tags)
	entrySelector := 0
	for 1<<(entrySelector+1) <= n {
		entrySelector++
	}
	searchRange := 16 << entrySelector
	out := []byte(version)
	out = binary.BigEndian.AppendUint16(out, uint16(n))
	out = binary.BigEndian.AppendUint16(out, uint16(searchRange))
	out = binary.BigEndian.AppendUint16(out, uint16(entrySelector))
	out = binary.BigEndian.AppendUint16(out, uint16(16*n-searchRange))
	off := 12 + 16*n
	var body []byte
	for _, t := range tags {
		data := tables[t]
		out = append(out, t...)
		out = binary.BigEndian.AppendUint32(out, checksum(data))
		out = binary.BigEndian.AppendUint32(out, uint32(off+len(body)))
		out = binary.BigEndian.AppendUint32(out, uint32(len(data)))
		body = append(body, data...)
		for len(body)%4 != 0 {
			body = append(body, 0)
		}
	}
	return append(out, body...)
}

// checksum is the sfnt checksum of data: the sum of its big-endian 32-bit
// words, the last one padded with zeros.
func checksum(data []byte) uint32 {
	var sum uint32
	for i := 0; i < len(data); i += 4 {
		var w [4]byte
		copy(w[:], data[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}

// headOffset returns the offset of the head table in a font file that
// writeSfnt wrote.
func headOffset(font []byte) int {
	n := int(binary.BigEndian.Uint16(font[4:]))
	for i := range n {
		rec := font[12+16*i:]
		if string(rec[:4]) == "head" {
			return int(binary.BigEndian.Uint32(rec[8:]))
		}
	}
	return 0
}
