package socialimage

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"runtime"
	"testing"

	_ "image/jpeg"

	"github.com/marque-kit/marque/internal/diag"
)

// noise returns a photograph's worst case for an encoder: random pixels
// over a gradient, w×h.
func noise(w, h int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	r := rand.New(rand.NewPCG(1, 2))
	for y := range h {
		for x := range w {
			n := uint8(r.IntN(64))
			img.SetNRGBA(x, y, color.NRGBA{uint8(x*255/w)/2 + n, uint8(y*255/h)/2 + n, 128 + n, 255})
		}
	}
	return img
}

// logoImage is a transparent logo: a disc on nothing.
func logoImage() *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, 600, 300))
	for y := range 300 {
		for x := range 600 {
			if (x-300)*(x-300)+(y-150)*(y-150) < 140*140 {
				img.SetNRGBA(x, y, color.NRGBA{0x1F, 0x3A, 0x5F, 255})
			}
		}
	}
	return img
}

// sources returns the decoded sources of the test kit.
func sources(t *testing.T, plan *Plan) func(string) (*Source, error) {
	t.Helper()
	imgs := map[string]image.Image{
		"assets/photo.jpg": noise(1200, 1500),
		"assets/cover.jpg": noise(3000, 2000),
		"assets/logo.png":  logoImage(),
		"assets/post.jpg":  noise(800, 600),
	}
	cache := map[string]*Source{}
	for name, img := range imgs {
		lo, hi := plan.SourceScale(name)
		cache[name] = NewSource(img, lo, hi)
	}
	return func(name string) (*Source, error) { return cache[name], nil }
}

// TestEncode draws and encodes an image of each slot in the photo style,
// whose images are the heaviest, and checks each file: its size, its
// format and its cap.
func TestEncode(t *testing.T) {
	var l diag.List
	in := testInput(t, kitFS(t, "photo"), &l)
	plan := New(in, &l)
	src := sources(t, plan)
	seen := map[string]bool{}
	for _, img := range plan.Images {
		// One image of each network and slot: the posts' differ only in text.
		if img.Format == ICO || seen[img.Network+img.Slot] {
			continue
		}
		seen[img.Network+img.Slot] = true
		pix, err := Compose(img, in.Fonts, src)
		if err != nil {
			t.Fatalf("%s: %v", img.Path, err)
		}
		data, f, err := Encode(img, pix)
		if err != nil {
			t.Errorf("%s: %v", img.Path, err)
			continue
		}
		if img.MaxBytes > 0 && int64(len(data)) > img.MaxBytes {
			t.Errorf("%s: %d bytes, over its cap of %d", img.Path, len(data), img.MaxBytes)
		}
		cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
		if err != nil || cfg.Width != img.Width || cfg.Height != img.Height {
			t.Errorf("%s: decodes as %v %d×%d, %v; want %d×%d", img.Path, format, cfg.Width, cfg.Height, err, img.Width, img.Height)
		}
		if want := map[Format]string{PNG: "png", JPEG: "jpeg"}[f]; format != want {
			t.Errorf("%s: Encode says %s, the file is %s", img.Path, f, format)
		}
		// Photographs are JPEG; the avatars here are noise, so they are too.
		if img.Format == Auto && img.Photo != nil && f != JPEG {
			t.Errorf("%s: a photograph encoded as %s", img.Path, f)
		}
	}
}

// TestBlueskyBannerFitsItsCap is the issue's own case: a 3000×1000 banner
// over a photograph fits Bluesky's 1,000,000 bytes.
func TestBlueskyBannerFitsItsCap(t *testing.T) {
	fsys := kitFS(t, "photo")
	var l diag.List
	in := testInput(t, fsys, &l)
	in.Profile.Networks[len(in.Profile.Networks)-1].Slots = nil // the built-in 3000×1000
	plan := New(in, &l)
	for _, img := range plan.Images {
		if img.Network != "bluesky" || img.Slot != "banner" {
			continue
		}
		pix, err := Compose(img, in.Fonts, sources(t, plan))
		if err != nil {
			t.Fatal(err)
		}
		data, f, err := Encode(img, pix)
		if err != nil || f != JPEG || len(data) > 1_000_000 || img.Width != 3000 {
			t.Fatalf("bluesky banner: %d bytes of %s (%d×%d), %v", len(data), f, img.Width, img.Height, err)
		}
		return
	}
	t.Fatal("no bluesky banner")
}

// TestFlatPNG checks that a flat image becomes a paletted PNG whose flat
// colours are exact.
func TestFlatPNG(t *testing.T) {
	var l diag.List
	in := testInput(t, kitFS(t, "solid"), &l)
	plan := New(in, &l)
	for _, img := range plan.Images {
		if img.Path != "posts/long/card.png" {
			continue
		}
		pix, err := Compose(img, in.Fonts, sources(t, plan))
		if err != nil {
			t.Fatal(err)
		}
		data, f, err := Encode(img, pix)
		if err != nil || f != PNG {
			t.Fatalf("card: %s, %v", f, err)
		}
		dec, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := dec.(*image.Paletted); !ok {
			t.Errorf("card decodes as %T, want a paletted PNG", dec)
		}
		r, g, b, _ := dec.At(5, 5).RGBA()
		if c := img.Fill; uint8(r>>8) != c.R || uint8(g>>8) != c.G || uint8(b>>8) != c.B {
			t.Errorf("fill pixel = %d,%d,%d, want %s exactly", r>>8, g>>8, b>>8, c.Hex())
		}
		return
	}
	t.Fatal("no card")
}

// TestDeterministic encodes one image on one core and on several: the
// bytes are the same.
func TestDeterministic(t *testing.T) {
	var l diag.List
	in := testInput(t, kitFS(t, "photo"), &l)
	plan := New(in, &l)
	var img *Image
	for _, i := range plan.Images {
		if i.Network == "linkedin" && i.Slot == "banner" {
			img = i
		}
	}
	enc := func(procs int) []byte {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		pix, err := Compose(img, in.Fonts, sources(t, plan))
		if err != nil {
			t.Fatal(err)
		}
		data, _, err := Encode(img, pix)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	if !bytes.Equal(enc(1), enc(4)) {
		t.Error("the banner differs between one core and four")
	}
}

func TestICO(t *testing.T) {
	var imgs []image.Image
	for _, s := range []int{16, 32, 256} {
		imgs = append(imgs, image.NewNRGBA(image.Rect(0, 0, s, s)))
	}
	data, err := EncodeICO(imgs)
	if err != nil {
		t.Fatal(err)
	}
	le := binary.LittleEndian
	if le.Uint16(data[2:]) != 1 || le.Uint16(data[4:]) != 3 {
		t.Fatalf("header = % x", data[:6])
	}
	for i, s := range []int{16, 32, 0} {
		e := data[6+16*i:]
		size, off := le.Uint32(e[8:]), le.Uint32(e[12:])
		if int(e[0]) != s || int(off+size) > len(data) {
			t.Errorf("entry %d: width byte %d, %d bytes at %d", i, e[0], size, off)
			continue
		}
		if _, err := png.Decode(bytes.NewReader(data[off : off+size])); err != nil {
			t.Errorf("entry %d: %v", i, err)
		}
	}
}

func TestQuantize(t *testing.T) {
	// Two flat colours with a ramp between them, as anti-aliased text
	// makes: more than 256 colours in all.
	pix := image.NewRGBA(image.Rect(0, 0, 300, 40))
	for y := range 40 {
		for x := range 300 {
			c := color.RGBA{0x1F, 0x3A, 0x5F, 255}
			if x > 150 {
				c = color.RGBA{0xFA, 0xF7, 0xF2, 255}
			}
			if y > 20 {
				c = color.RGBA{uint8(x * 255 / 300), uint8(y * 6), uint8(x ^ y), 255}
			}
			pix.SetRGBA(x, y, c)
		}
	}
	if _, ok := exactPalette(pix); ok {
		t.Fatal("the test image has 256 colours or fewer")
	}
	pal := medianCut(pix, 256)
	if len(pal) > 256 || len(pal) < 200 {
		t.Errorf("%d colours in the palette", len(pal))
	}
	q := paletted(pix, pal)
	if got := q.Palette[q.ColorIndexAt(10, 10)]; got != (color.RGBA{0x1F, 0x3A, 0x5F, 255}) {
		t.Errorf("a flat colour quantised to %v", got)
	}
	if p := psnr(pix, q); p < 30 {
		t.Errorf("PSNR %.1f dB", p)
	}
}
