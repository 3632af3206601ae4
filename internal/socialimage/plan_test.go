package socialimage

import (
	"flag"
	"fmt"
	"image"
	"os"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/marque-kit/marque/internal/brand"
	"github.com/marque-kit/marque/internal/diag"
	"github.com/marque-kit/marque/internal/i18n"
	"github.com/marque-kit/marque/internal/typo"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// kitFS returns a kit holding testdata/brand.toml with its style set to
// cardStyle, and empty source files (plans read only their sizes).
func kitFS(t testing.TB, cardStyle string) fstest.MapFS {
	t.Helper()
	src, err := os.ReadFile("testdata/brand.toml")
	if err != nil {
		t.Fatal(err)
	}
	toml := strings.Replace(string(src), "[identity]\n", "[identity]\ncard_style = \""+cardStyle+"\"\n", 1)
	return fstest.MapFS{
		"brand.toml":       {Data: []byte(toml)},
		"assets/photo.jpg": {Data: []byte("jpeg")},
		"assets/cover.jpg": {Data: []byte("jpeg")},
		"assets/logo.png":  {Data: []byte("png")},
		"assets/post.jpg":  {Data: []byte("jpeg")},
	}
}

// testInput returns a plan's input for the kit fsys: two posts, one with
// its own cover and one whose title is too long for any card.
func testInput(t testing.TB, fsys fstest.MapFS, l *diag.List) *Input {
	t.Helper()
	prof, pl := brand.Load(fsys)
	if pl.Len() > 0 || prof == nil {
		t.Fatalf("brand.toml: %v", pl.Items())
	}
	fonts, err := LoadFonts(fsys, prof, l)
	if err != nil {
		t.Fatal(err)
	}
	return &Input{
		Profile: prof,
		Fonts:   fonts,
		Sizes: map[string]image.Point{
			"assets/photo.jpg": image.Pt(1200, 1500),
			"assets/cover.jpg": image.Pt(3000, 2000),
			"assets/logo.png":  image.Pt(600, 300),
			"assets/post.jpg":  image.Pt(800, 600),
		},
		Posts: []Post{
			{Slug: "court", Title: "Un titre court", Date: time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC),
				Cover: "assets/post.jpg", CoverFocus: brand.Focus{X: 0.5, Y: 0.5}, Networks: []string{"linkedin", "instagram"},
				TitlePos: diag.Pos{File: "content/posts/court.md", Line: 2, Column: 9},
				CoverPos: diag.Pos{File: "content/posts/court.md", Line: 4, Column: 1}},
			{Slug: "long", Title: "Pourquoi vos utilisateurs ne lisent pas vos écrans, et ce que vous pouvez y faire dès la semaine prochaine sans tout refaire : une méthode en cinq étapes",
				Date:     time.Date(2026, 11, 16, 0, 0, 0, 0, time.UTC),
				TitlePos: diag.Pos{File: "content/posts/long.md", Line: 2, Column: 9}},
		},
		Host: "camille.example",
		Date: i18n.For("fr").Date,
		Typo: func(s string) string { return typo.Apply("fr", s) },
	}
}

// TestPlanGolden pins the plan of a kit in every card style: the images,
// their sizes, crops, layers and every line of text with its position.
func TestPlanGolden(t *testing.T) {
	for _, style := range []string{"solid", "photo", "paper"} {
		t.Run(style, func(t *testing.T) {
			var l diag.List
			plan := New(testInput(t, kitFS(t, style), &l), &l)
			var b strings.Builder
			for _, f := range l.Items() {
				fmt.Fprintf(&b, "finding %s\n", f)
			}
			for _, img := range plan.Images {
				b.WriteString(img.String())
			}
			golden := "testdata/plan-" + style + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, _ := os.ReadFile(golden)
			if b.String() != string(want) {
				t.Errorf("plan differs from %s (go test -update to rewrite it):\n%s", golden, diffLines(string(want), b.String()))
			}
		})
	}
}

// TestPlanInvariants checks, on every image of every style, what no
// layout may break: text inside the slot's safe area and inside the
// image, crops inside their source, exact slot sizes, every avatar the
// photo alone.
func TestPlanInvariants(t *testing.T) {
	for _, style := range []string{"solid", "photo", "paper"} {
		var l diag.List
		in := testInput(t, kitFS(t, style), &l)
		plan := New(in, &l)
		if len(plan.Images) < 20 {
			t.Fatalf("%s: %d images planned", style, len(plan.Images))
		}
		for _, img := range plan.Images {
			name := style + " " + img.Path
			full := image.Rect(0, 0, img.Width, img.Height)
			safe := safeArea(in, img)
			for _, line := range img.Lines {
				sh := in.Fonts.shaper(line.Role, line.Size)
				asc, desc := sh.metrics()
				r := image.Rect(line.X, line.Y-int(asc), line.X+int(sh.width(line.Text)+0.5), line.Y+int(desc))
				if !r.In(full) || !safe.Empty() && !r.In(safe) {
					t.Errorf("%s: line %q at %v leaves the safe area %v", name, line.Text, r, safe)
				}
			}
			for _, layer := range []*Layer{img.Photo, img.Logo} {
				if layer == nil {
					continue
				}
				size := in.Sizes[layer.Src]
				if !layer.Crop.In(image.Rect(0, 0, size.X, size.Y)) || layer.Crop.Empty() || !layer.Dest.In(full) {
					t.Errorf("%s: layer %+v outside its source %v or the image", name, layer, size)
				}
			}
			if img.Kind == Avatar && (img.Photo == nil || img.Photo.Src != "assets/photo.jpg" || len(img.Lines)+len(img.Shapes) > 0 || img.Logo != nil || img.Photo.Dest != full) {
				t.Errorf("%s: an avatar must be the photo alone, full frame", name)
			}
		}
	}
}

// safeArea returns the safe area of the slot img was planned for, empty
// for slots without one.
func safeArea(in *Input, img *Image) image.Rectangle {
	p := &planner{in: in}
	if img.Network == "site" {
		return image.Rectangle{}
	}
	for _, n := range p.networks() {
		if n.Name == img.Network {
			if s, ok := n.Slot(img.Slot); ok {
				return s.Safe
			}
		}
	}
	return image.Rectangle{}
}

func TestSlotOverride(t *testing.T) {
	var l diag.List
	plan := New(testInput(t, kitFS(t, "solid"), &l), &l)
	for _, img := range plan.Images {
		if img.Network == "bluesky" && img.Slot == "banner" {
			if img.Width != 1500 || img.Height != 500 || img.MaxBytes != 500000 {
				t.Errorf("bluesky banner = %d×%d ≤ %d, want the kit's 1500×500 ≤ 500000", img.Width, img.Height, img.MaxBytes)
			}
			return
		}
	}
	t.Error("no bluesky banner planned")
}

func TestCrop(t *testing.T) {
	tests := []struct {
		size image.Point
		w, h int
		f    brand.Focus
		want image.Rectangle
	}{
		{image.Pt(1200, 1500), 400, 400, brand.Focus{X: 0.5, Y: 0.33}, image.Rect(0, 0, 1200, 1200)},
		{image.Pt(3000, 1000), 1, 1, brand.Focus{X: 0.5, Y: 0.5}, image.Rect(1000, 0, 2000, 1000)},
		{image.Pt(3000, 1000), 1, 1, brand.Focus{X: 0.99, Y: 0.5}, image.Rect(2000, 0, 3000, 1000)},
		{image.Pt(1, 1), 1584, 396, brand.Focus{X: 0.5, Y: 0.5}, image.Rect(0, 0, 1, 1)},
		{image.Pt(1, 1), 400, 400, brand.Focus{X: 0.5, Y: 0.5}, image.Rect(0, 0, 1, 1)},
		{image.Pt(4000, 3000), 1080, 1920, brand.Focus{X: 0.1, Y: 0.5}, image.Rect(0, 0, 1687, 3000)},
	}
	for _, tt := range tests {
		if got := Crop(tt.size, tt.w, tt.h, tt.f); got != tt.want {
			t.Errorf("Crop(%v, %d×%d, %v) = %v, want %v", tt.size, tt.w, tt.h, tt.f, got, tt.want)
		}
	}
}

// TestFindings checks the findings a plan makes: a photo too small for the
// avatars, characters no font draws, a brand font that is not a font, and
// a palette below min_contrast.
func TestFindings(t *testing.T) {
	fsys := kitFS(t, "solid")
	fsys["brand.toml"].Data = []byte(strings.Replace(string(fsys["brand.toml"].Data), "[identity]\n",
		"[identity]\nfonts = { heading = \"assets/fake.ttf\" }\n", 1))
	fsys["brand.toml"].Data = []byte(strings.Replace(string(fsys["brand.toml"].Data), `text = "#1B1B1B"`, `text = "#A0A0A0"`, 1))
	fsys["assets/fake.ttf"] = &fstest.MapFile{Data: []byte("not a font at all")}
	var l diag.List
	in := testInput(t, fsys, &l)
	in.Sizes["assets/photo.jpg"] = image.Pt(300, 300)
	in.Posts[0].Title = "Brillant ✨ et 😀"
	New(in, &l)
	l.Sort()
	var got strings.Builder
	for _, f := range l.Items() {
		got.WriteString(f.String() + "\n")
	}
	want := []string{
		`brand.toml:7:13: warning identity.image-size: assets/photo.jpg is too small for the images made from it, which are enlarged: bluesky avatar 1000×1000 from 300×300; instagram avatar 320×320 from 300×300; linkedin avatar 400×400 from 300×300; malt avatar 600×600 from 300×300 and 2 more`,
		`brand.toml:12:21: error profile.invalid: identity.fonts.heading: "assets/fake.ttf" is not a font marque can read (sfnt: invalid font): images use the embedded font`,
		`brand.toml:14:84: error identity.contrast: text #A0A0A0 on #FAF7F2 has a contrast of 2.44:1, below min_contrast 4.5 (darken or lighten one of the two colours)`,
		`content/posts/court.md:2:9: warning identity.glyph: '✨' (U+2728) is in no font marque has: images leave it out`,
		`content/posts/court.md:4:1: warning identity.image-size: assets/post.jpg is too small for the images made from it, which are enlarged: site card 504×630 from 480×600; instagram post 1080×540 from 800×400; linkedin post 504×627 from 482×600`,
	}
	for _, w := range want {
		if !strings.Contains(got.String(), w) {
			t.Errorf("missing finding:\n%s\nin:\n%s", w, got.String())
		}
	}
	if strings.Contains(got.String(), "U+1F600") {
		t.Errorf("😀 is in the embedded fallback: no finding for the embedded fonts:\n%s", got.String())
	}
}

// diffLines returns the first lines where a and b differ.
func diffLines(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	var out strings.Builder
	shown := 0
	for i := 0; i < max(len(al), len(bl)) && shown < 10; i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			fmt.Fprintf(&out, "line %d:\n- %s\n+ %s\n", i+1, x, y)
			shown++
		}
	}
	return out.String()
}

// TestPlanSameOnAnyCores plans a kit of many posts, some with titles no
// font draws in full and covers too small, on one goroutine and on
// several: the images and the findings, in their order, must not depend
// on how planning was spread.
func TestPlanSameOnAnyCores(t *testing.T) {
	var l diag.List
	in := testInput(t, kitFS(t, "photo"), &l)
	in.Posts = append(in.Posts, benchPosts(60)...)
	in.Posts[7].Title = "Brillant ✨ et 😀"
	in.Posts[30].Title = "Un titre \uE000 et ✨"
	in.Posts[41].Cover = "assets/post.jpg"
	plan := func(procs int) string {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		var l diag.List
		p := New(in, &l)
		var b strings.Builder
		for _, f := range l.Items() {
			fmt.Fprintf(&b, "finding %s\n", f)
		}
		for _, img := range p.Images {
			b.WriteString(img.String())
		}
		return b.String()
	}
	one := plan(1)
	if !strings.Contains(one, "identity.glyph") || !strings.Contains(one, "identity.image-size") {
		t.Fatalf("the kit makes no glyph or size finding:\n%s", one)
	}
	for _, procs := range []int{2, 4, 7} {
		if got := plan(procs); got != one {
			t.Errorf("the plan on %d goroutines differs from the plan on one:\n%s", procs, diffLines(one, got))
		}
	}
}
