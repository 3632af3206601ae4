package printcard

import (
	"bytes"
	"flag"
	"image"
	"image/color"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/marque-kit/marque/internal/brand"
	"github.com/marque-kit/marque/internal/qr"
	"github.com/marque-kit/marque/internal/socialimage"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

func hex(s string) brand.Color { c, _ := brand.ParseColor(s); return c }

// logo returns a w×h logo: an opaque disc on a transparent ground, as
// logos are drawn, with transparent margins to trim.
func logo(w, h int) image.Image {
	img := image.NewNRGBA(image.Rect(0, 0, w+20, h+20))
	for y := range h {
		for x := range w {
			img.Set(x+10, y+10, color.NRGBA{0x1E, 0x4D, 0x5C, 255})
		}
	}
	return img
}

func example(t *testing.T) *Card {
	t.Helper()
	code, err := qr.Encode([]byte("https://solene-garnier.example/"), qr.M)
	if err != nil {
		t.Fatal(err)
	}
	_, h := socialimage.EmbeddedFont(socialimage.Heading)
	_, b := socialimage.EmbeddedFont(socialimage.Body)
	_, f := socialimage.EmbeddedFont("")
	return &Card{
		Lang: "fr", Name: "Solène Garnier", Role: "Designer graphique indépendante",
		Email: "bonjour@solene-garnier.example", Phone: "+33 6 39 98 42 17", Site: "solene-garnier.example",
		Handles: []Handle{
			{"networks.linkedin.handle", "LinkedIn", "solene-garnier-design"},
			{"networks.instagram.handle", "Instagram", "@solene.garnier.design"},
		},
		Logo: logo(1000, 1000), QR: code,
		Colors:  brand.Palette{Primary: hex("#1E4D5C"), Accent: hex("#B4462A"), Background: hex("#FBF7F1"), Text: hex("#1D2427"), Muted: hex("#5C686D")},
		Heading: h, Body: b, Fallback: f,
	}
}

func TestLayoutGolden(t *testing.T) {
	res, err := Make(example(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Problems) > 0 {
		t.Errorf("problems: %v", res.Problems)
	}
	got := res.Front.String() + res.Back.String()
	const golden = "testdata/layout.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("layout:\n%s\nwant:\n%s", got, want)
	}
}

// checkInside requires every text of both sides inside the safe margin, at
// 6 pt or more, and the QR code's modules large enough for a phone.
func checkInside(t *testing.T, res *Result) {
	t.Helper()
	const eps = 0.01
	for _, s := range []*Side{res.Front, res.Back} {
		for _, op := range s.Ops {
			switch op.Kind {
			case "text":
				r := op.Rect
				if r.X < Safe-eps || r.Y < Safe-eps || r.X+r.W > Width-Safe+eps || r.Y+r.H > Height-Safe+eps {
					t.Errorf("%s text %q at %+v leaves the %g mm safe area", s.Name, op.Text, r, Safe)
				}
				if op.Size < MinSize {
					t.Errorf("%s text %q at %g pt, below %g", s.Name, op.Text, op.Size, MinSize)
				}
			case "qr":
				if m := op.Rect.W / float64(op.QR.Side()); m < 0.33 {
					t.Errorf("QR modules of %.2f mm: too small to scan", m)
				}
			}
		}
	}
}

func TestTextStaysInside(t *testing.T) {
	tests := []struct {
		name   string
		change func(c *Card)
		keys   []string // problems expected, by key
	}{
		{"example", func(c *Card) {}, nil},
		{"no logo, no QR", func(c *Card) { c.Logo, c.QR = nil, nil }, nil},
		{"long name on two lines", func(c *Card) { c.Name = "Marie-Gwendoline de La Tour d’Auvergne-Lauraguais" }, nil},
		{"name too long even on two lines", func(c *Card) { c.Name = strings.Repeat("Marie-Adélaïde-Gwendoline ", 8) }, []string{"person.name"}},
		{"unbreakable long name", func(c *Card) { c.Name = strings.Repeat("Zoé", 40) }, []string{"person.name"}},
		{"long e-mail", func(c *Card) { c.Email = strings.Repeat("contact", 12) + "@example.com" }, []string{"person.email"}},
		{"long role", func(c *Card) { c.Role = strings.Repeat("Designer graphique ", 12) }, []string{"person.role"}},
		{"many handles", func(c *Card) {
			for i := range 12 {
				c.Handles = append(c.Handles, Handle{Key: "networks.n" + string(rune('a'+i)) + ".handle", Label: "Réseau", Text: "@handle"})
			}
		}, []string{"networks.nl.handle", "networks.nk.handle", "networks.nj.handle", "networks.ni.handle", "networks.nh.handle", "networks.ng.handle", "networks.nf.handle"}},
		{"small logo", func(c *Card) { c.Logo = logo(100, 40) }, []string{"person.logo"}},
		{"emoji nobody draws", func(c *Card) { c.Role = "Designer 🦄" }, []string{"person.role"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := example(t)
			tt.change(c)
			res, err := Make(c)
			if err != nil {
				t.Fatal(err)
			}
			checkInside(t, res)
			var keys []string
			for _, p := range res.Problems {
				keys = append(keys, p.Key)
			}
			if strings.Join(keys, " ") != strings.Join(tt.keys, " ") {
				t.Errorf("problems at %v, want %v: %v", keys, tt.keys, res.Problems)
			}
			for _, p := range res.Problems {
				if p.Rule == "print.fit" {
					// A value that does not fit is left off, never shrunk.
					for _, s := range []*Side{res.Front, res.Back} {
						for _, op := range s.Ops {
							if op.Kind == "text" && op.Key == p.Key {
								t.Errorf("%s does not fit but is drawn: %q", p.Key, op.Text)
							}
						}
					}
				}
			}
		})
	}
}

func TestTwoLineName(t *testing.T) {
	c := example(t)
	c.Name = "Marie-Gwendoline de La Tour d’Auvergne-Lauraguais"
	res, err := Make(c)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, op := range res.Front.Ops {
		if op.Key == "person.name" {
			lines = append(lines, op.Text)
		}
	}
	if len(lines) != 2 || strings.Join(lines, " ") != c.Name {
		t.Errorf("name set as %q", lines)
	}
}

func TestColors(t *testing.T) {
	// A pale primary cannot hold light text: the back takes the
	// background, and the QR code's modules the text colour.
	p := brand.Palette{Primary: hex("#9CC9E0"), Accent: hex("#E4572E"), Background: hex("#FFFFFF"), Text: hex("#222222"), Muted: hex("#666666")}
	c := colors(p)
	if c.backBG != p.Background || c.ink != p.Text || c.name != p.Text || c.qrDark != p.Text || c.qrLight != p.Background {
		t.Errorf("colours = %+v", c)
	}
	dark := colors(example(t).Colors)
	if dark.backBG != hex("#1E4D5C") || dark.ink != hex("#FBF7F1") || dark.qrDark != hex("#1E4D5C") {
		t.Errorf("the example's back is not primary with the background as ink: %+v", dark)
	}
}

// TestPDF checks the file: two pages with their boxes, and qpdf's verdict
// (CI installs qpdf; elsewhere the test skips that part without it).
func TestPDF(t *testing.T) {
	res, err := Make(example(t))
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(res.PDF, []byte("/Type /Page ")); n != 2 {
		t.Errorf("%d pages, want 2", n)
	}
	// 85×55 mm trimmed, 3 mm of bleed, 10 mm from trim to edge, in points.
	for _, want := range []string{"/MediaBox [0 0 297.638 212.598]", "/BleedBox [19.843 19.843 277.795 192.756]", "/TrimBox [28.346 28.346 269.291 184.252]"} {
		if !bytes.Contains(res.PDF, []byte(want)) {
			t.Errorf("no %s", want)
		}
	}
	qpdf, err := exec.LookPath("qpdf")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("qpdf is not installed: .ci/run installs it")
		}
		t.Skip("qpdf is not installed: the PDF's structure is checked, not its validity")
	}
	file := filepath.Join(t.TempDir(), "card.pdf")
	os.WriteFile(file, res.PDF, 0o644)
	if out, err := exec.Command(qpdf, "--check", file).CombinedOutput(); err != nil {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
}

func TestPreview(t *testing.T) {
	c := example(t)
	res, err := Lay(c)
	if err != nil {
		t.Fatal(err)
	}
	back, err := Preview(c, res.Back, 240)
	if err != nil {
		t.Fatal(err)
	}
	if b := back.Bounds(); b.Dx() != 803 || b.Dy() != 520 {
		t.Errorf("preview is %v, want 803×520 for 85×55 mm at 240 dpi", b.Size())
	}
	px := func(x, y int) brand.Color {
		c := back.RGBAAt(x, y)
		return brand.Color{R: c.R, G: c.G, B: c.B}
	}
	// The ground, the QR code's tile and a module of its upper left
	// finder, where the layout puts them.
	mm := func(v float64) int { return int(v / 25.4 * 240) }
	if got := px(2, 2); got != c.Colors.Primary {
		t.Errorf("ground = %s, want the primary colour", got.Hex())
	}
	if got := px(mm(55), mm(16.5)); got != c.Colors.Background {
		t.Errorf("tile = %s, want the background colour", got.Hex())
	}
	module := 24.0 / float64(c.QR.Side())
	if got := px(mm(54+4.5*module), mm(15.5+4.5*module)); got != c.Colors.Primary {
		t.Errorf("finder = %s, want the primary colour", got.Hex())
	}
}
