package pdf

import (
	"bytes"
	"compress/zlib"
	"image"
	"image/color"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// document returns a one-page document with text in Go Regular, a filled
// and a rounded rectangle, an image with transparency and a crop mark.
func document(t *testing.T, text string) ([]byte, *Font) {
	t.Helper()
	d := New(Info{Title: "Carte (test) — Zoé", Author: `A\B`})
	f, err := d.AddFont(goregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	media := Rect{0, 0, MM(105), MM(75)}
	p := d.AddPage(media, media.Inset(MM(7)), media.Inset(MM(10)))
	p.Fill(color.RGBA{0xFB, 0xF7, 0xF1, 255}, media.Inset(MM(7)))
	p.FillRounded(color.RGBA{0x1E, 0x4D, 0x5C, 255}, Rect{MM(60), MM(20), MM(80), MM(40)}, MM(2))
	p.Text(f, 12, MM(15), MM(40), color.Black, text)
	img := image.NewNRGBA(image.Rect(0, 0, 2, 2))
	img.Set(0, 0, color.NRGBA{255, 0, 0, 128})
	p.Image(d.AddImage(img), Rect{MM(15), MM(50), MM(25), MM(60)})
	p.Mark(0, MM(10), MM(6), MM(10), 0.25)
	b, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	return b, f
}

// TestStructure checks what every reader relies on: the header, an xref
// table whose offsets point at their objects, a trailer naming the root.
func TestStructure(t *testing.T) {
	b, _ := document(t, "Zoé Laurent")
	if !bytes.HasPrefix(b, []byte("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n")) || !bytes.HasSuffix(b, []byte("%%EOF\n")) {
		t.Fatal("no PDF header or end marker")
	}
	m := regexp.MustCompile(`startxref\n(\d+)\n`).FindSubmatch(b)
	if m == nil {
		t.Fatal("no startxref")
	}
	xref, _ := strconv.Atoi(string(m[1]))
	if !bytes.HasPrefix(b[xref:], []byte("xref\n0 ")) {
		t.Fatalf("startxref %d does not point at the xref table", xref)
	}
	lines := strings.Split(string(b[xref:]), "\n")
	n, _ := strconv.Atoi(strings.Fields(lines[1])[1])
	for i := 1; i < n; i++ {
		entry := lines[2+i]
		if len(entry) != 19 { // 20 bytes with the newline, as the format requires
			t.Fatalf("xref entry %q is not 20 bytes", entry)
		}
		off, _ := strconv.Atoi(entry[:10])
		if want := strconv.Itoa(i) + " 0 obj\n"; !bytes.HasPrefix(b[off:], []byte(want)) {
			t.Errorf("xref entry %d points at %q", i, b[off:min(off+12, len(b))])
		}
	}
	for _, want := range []string{"/Type /Catalog", "/BleedBox [", "/TrimBox [", "/SMask", "/Interpolate true",
		"/Subtype /Type0", "/Encoding /Identity-H", "/CIDToGIDMap /Identity", "/FontFile2", "/ToUnicode",
		"/Title <FEFF", `/Author (A\\B)`, "/ID [<"} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("no %s", want)
		}
	}
}

func TestDeterministic(t *testing.T) {
	a, _ := document(t, "Zoé")
	b, _ := document(t, "Zoé")
	if !bytes.Equal(a, b) {
		t.Error("two identical documents differ")
	}
}

// streams returns the decompressed streams of a PDF.
func streams(t *testing.T, b []byte) [][]byte {
	t.Helper()
	var out [][]byte
	re := regexp.MustCompile(`(?s)/Length (\d+)>>\nstream\n`)
	for _, m := range re.FindAllSubmatchIndex(b, -1) {
		n, _ := strconv.Atoi(string(b[m[2]:m[3]]))
		r, err := zlib.NewReader(bytes.NewReader(b[m[1] : m[1]+n]))
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, data)
	}
	return out
}

// TestSubsetFont reads the embedded font program back: a valid font that
// keeps the glyphs of the text, at their ids, and drops the others.
func TestSubsetFont(t *testing.T) {
	b, _ := document(t, "Zoé Laurent")
	var program []byte
	for _, s := range streams(t, b) {
		if bytes.HasPrefix(s, []byte{0, 1, 0, 0}) {
			program = s
		}
	}
	if program == nil {
		t.Fatal("no TrueType program in the file")
	}
	if len(program) > len(goregular.TTF)/4 {
		t.Errorf("subset is %d bytes of the font's %d", len(program), len(goregular.TTF))
	}
	if checksum(program) != 0xB1B0AFBA {
		t.Errorf("font checksum %#x, want 0xB1B0AFBA", checksum(program))
	}
	sub, err := sfnt.Parse(program)
	if err != nil {
		t.Fatalf("the subset does not parse: %v", err)
	}
	full, _ := sfnt.Parse(goregular.TTF)
	var buf sfnt.Buffer
	ppem := fixed.I(1000)
	for _, r := range "ZoéLaurent" {
		g, _ := full.GlyphIndex(&buf, r)
		segs, err := sub.LoadGlyph(&buf, g, ppem, nil)
		if err != nil || len(segs) == 0 {
			t.Errorf("glyph %d of %q lost in the subset: %v", g, r, err)
		}
		a1, _ := full.GlyphAdvance(&buf, g, ppem, font.HintingNone)
		a2, _ := sub.GlyphAdvance(&buf, g, ppem, font.HintingNone)
		if a1 != a2 {
			t.Errorf("advance of %q changed: %v, %v", r, a1, a2)
		}
	}
	g, _ := full.GlyphIndex(&buf, 'W')
	if segs, _ := sub.LoadGlyph(&buf, g, ppem, nil); len(segs) != 0 {
		t.Error("an unused glyph kept its outline")
	}
}

// TestTextIsExtractable checks the content stream draws the glyphs of the
// text and the ToUnicode map turns them back into it.
func TestTextIsExtractable(t *testing.T) {
	b, f := document(t, "Zoé")
	var content, cmap string
	for _, s := range streams(t, b) {
		switch {
		case bytes.Contains(s, []byte(" Tj ET")):
			content = string(s)
		case bytes.Contains(s, []byte("beginbfchar")):
			cmap = string(s)
		}
	}
	var hex strings.Builder
	for _, r := range "Zoé" {
		hex.WriteString(strings.ToUpper(strconv.FormatInt(int64(f.glyph(r))+0x10000, 16)[1:]))
	}
	if !strings.Contains(content, "<"+hex.String()+"> Tj") {
		t.Errorf("content stream does not draw %s:\n%s", hex.String(), content)
	}
	gE := strings.ToUpper(strconv.FormatInt(int64(f.glyph('é'))+0x10000, 16)[1:])
	if !strings.Contains(cmap, "<"+gE+"> <00E9>") {
		t.Errorf("ToUnicode does not map é:\n%s", cmap)
	}
}

func TestWidthAndMetrics(t *testing.T) {
	d := New(Info{})
	f, err := d.AddFont(goregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	if w1, w2 := f.Width("ab", 10), f.Width("ab", 20); w1 <= 0 || w2 != 2*w1 {
		t.Errorf("widths %v at 10 pt and %v at 20 pt", w1, w2)
	}
	if f.Ascent(10) <= f.CapHeight(10) || f.Descent(10) <= 0 || f.CapHeight(10) <= 0 {
		t.Errorf("metrics: ascent %v, cap %v, descent %v", f.Ascent(10), f.CapHeight(10), f.Descent(10))
	}
	if !f.Covers('é') || f.Covers('\U0001F600') {
		t.Error("Covers is wrong")
	}
}

func TestStrings(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Carte", "(Carte)"},
		{"a(b)c\\", `(a\(b\)c\\)`},
		{"é", "<FEFF00E9>"},
		{"😀", "<FEFFD83DDE00>"},
	}
	for _, tt := range tests {
		if got := textString(tt.in); got != tt.want {
			t.Errorf("textString(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
	if got := name("Noto Serif#Bold/x"); got != "/Noto#20Serif#23Bold#2Fx" {
		t.Errorf("name = %s", got)
	}
	for v, want := range map[float64]string{0: "0", 1.5: "1.5", -0.0001: "0", 2.0004: "2", 12.3456: "12.346"} {
		if got := num(v); got != want {
			t.Errorf("num(%v) = %s, want %s", v, got, want)
		}
	}
}

func TestRejectsNonFonts(t *testing.T) {
	d := New(Info{})
	for _, data := range [][]byte{nil, []byte("not a font at all"), append([]byte("OTTO"), make([]byte, 40)...)} {
		if _, err := d.AddFont(data); err == nil {
			t.Errorf("AddFont(%q) = nil error", data)
		}
	}
}

// FuzzAddFont feeds damaged fonts through embedding: an error is fine, a
// panic is not.
func FuzzAddFont(f *testing.F) {
	f.Add(goregular.TTF[:2000], 0)
	f.Add(goregular.TTF, 1000)
	f.Fuzz(func(t *testing.T, data []byte, flip int) {
		if len(data) > 0 && flip >= 0 {
			data = bytes.Clone(data)
			data[flip%len(data)] ^= 0xFF
		}
		d := New(Info{})
		font, err := d.AddFont(data)
		if err != nil {
			return
		}
		media := Rect{0, 0, 100, 100}
		d.AddPage(media, media, media).Text(font, 10, 10, 10, color.Black, "Zoé Ab")
		d.Bytes()
	})
}
