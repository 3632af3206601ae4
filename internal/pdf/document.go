package pdf

import (
	"bytes"
	"compress/zlib"
	"crypto/md5"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
)

// MM returns a length in millimetres in points, the PDF unit.
func MM(v float64) float64 { return v * 72 / 25.4 }

// Rect is a rectangle in points, from its lower left corner (X0, Y0) to
// its upper right corner (X1, Y1), y going up as on a PDF page.
type Rect struct{ X0, Y0, X1, Y1 float64 }

// Inset returns r shrunk by d on every side (grown when d < 0).
func (r Rect) Inset(d float64) Rect { return Rect{r.X0 + d, r.Y0 + d, r.X1 - d, r.Y1 - d} }

func (r Rect) array() string {
	return "[" + num(r.X0) + " " + num(r.Y0) + " " + num(r.X1) + " " + num(r.Y1) + "]"
}

// Info is the document's metadata.
type Info struct {
	Title, Author, Subject string
}

// Document is a PDF being written. It is not safe for concurrent use.
type Document struct {
	objects [][]byte // by object number - 1
	pages   []*Page
	fonts   []*Font
	info    Info
	pagesID ref
}

// ref is an object number.
type ref int

func (r ref) String() string { return strconv.Itoa(int(r)) + " 0 R" }

// New returns an empty document.
func New(info Info) *Document {
	d := &Document{info: info}
	d.pagesID = d.alloc()
	return d
}

func (d *Document) alloc() ref {
	d.objects = append(d.objects, nil)
	return ref(len(d.objects))
}

func (d *Document) set(r ref, obj string) { d.objects[r-1] = []byte(obj) }

// stream sets r to a stream with the dictionary entries dict, its data
// compressed with Flate.
func (d *Document) stream(r ref, dict string, data []byte) {
	var z bytes.Buffer
	// The default level: the best one makes files a few per cent smaller
	// for several times the work, on every build of the kit.
	w := zlib.NewWriter(&z)
	w.Write(data)
	w.Close()
	var b bytes.Buffer
	fmt.Fprintf(&b, "<<%s /Filter /FlateDecode /Length %d>>\nstream\n", dict, z.Len())
	b.Write(z.Bytes())
	b.WriteString("\nendstream")
	d.objects[r-1] = b.Bytes()
}

// Bytes returns the document as a PDF 1.7 file.
func (d *Document) Bytes() ([]byte, error) {
	if len(d.pages) == 0 {
		return nil, fmt.Errorf("pdf: no page")
	}
	for _, f := range d.fonts {
		if err := f.write(d); err != nil {
			return nil, err
		}
	}
	var kids []string
	for _, p := range d.pages {
		p.write(d)
		kids = append(kids, p.id.String())
	}
	d.set(d.pagesID, fmt.Sprintf("<</Type /Pages /Kids [%s] /Count %d>>", strings.Join(kids, " "), len(d.pages)))
	catalog := d.alloc()
	d.set(catalog, "<</Type /Catalog /Pages "+d.pagesID.String()+">>")
	info := d.alloc()
	d.set(info, "<</Title "+textString(d.info.Title)+" /Author "+textString(d.info.Author)+
		" /Subject "+textString(d.info.Subject)+" /Creator (marque) /Producer (marque)>>")

	var b bytes.Buffer
	// The comment of bytes above 127 tells transfer programs the file is binary.
	b.WriteString("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n")
	offsets := make([]int, len(d.objects))
	for i, obj := range d.objects {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n", i+1)
		b.Write(obj)
		b.WriteString("\nendobj\n")
	}
	sum := md5.Sum(b.Bytes())
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(d.objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<</Size %d /Root %s /Info %s /ID [<%x> <%x>]>>\nstartxref\n%d\n%%%%EOF\n",
		len(d.objects)+1, catalog, info, sum, sum, xref)
	return b.Bytes(), nil
}

// num formats a number for a content stream or a dictionary: at most
// three decimals, no exponent, no trailing zeros.
func num(v float64) string {
	s := strconv.FormatFloat(v, 'f', 3, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" || s == "" {
		return "0"
	}
	return s
}

// textString returns s as a PDF text string: a literal string when it is
// printable ASCII, else UTF-16BE with a byte order mark, in hex.
func textString(s string) string {
	ascii := true
	for _, r := range s {
		if r < 0x20 || r > 0x7E {
			ascii = false
			break
		}
	}
	if ascii {
		r := strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`)
		return "(" + r.Replace(s) + ")"
	}
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}

// name returns s as a PDF name, its delimiters and non-regular characters
// written #XX.
func name(s string) string {
	var b strings.Builder
	b.WriteByte('/')
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '!' || c > '~' || strings.IndexByte("#()<>[]{}/%", c) >= 0 {
			fmt.Fprintf(&b, "#%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}
