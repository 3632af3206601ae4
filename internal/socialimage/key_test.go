package socialimage

import (
	"image"
	"maps"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/marque-kit/marque/internal/brand"
)

// fullImage returns an image with every field set, each list holding one
// element, so that a change to any field of the plan can be made on it.
func fullImage() *Image {
	c := brand.Color{R: 1, G: 2, B: 3}
	r := image.Rect(1, 2, 3, 4)
	return &Image{
		Network: "linkedin", Slot: "post", Post: "court", Kind: Card, Path: "kit/posts/court/linkedin",
		Width: 1200, Height: 627, Format: Auto, MaxBytes: 5 << 20, Sizes: []int{16},
		Fill:    c,
		Photo:   &Layer{Src: "assets/post.jpg", Crop: r, Dest: r},
		Overlay: &Overlay{Color: c, Alpha: 0.6},
		Shapes:  []Shape{{Rect: r, Color: c}},
		Logo:    &Layer{Src: "assets/logo.png", Crop: r, Dest: r},
		Lines:   []Line{{Text: "Un titre", Role: Heading, Size: 40.5, X: 10, Y: 20, Color: c, On: []brand.Color{c}}},
	}
}

// mutations returns, for every field reachable from v (through pointers,
// structs and the first element of lists), a function that changes it,
// named by its path. A list also gets a function that adds an element.
func mutations(path string, v reflect.Value) map[string]func() {
	out := map[string]func(){}
	switch v.Kind() {
	case reflect.Pointer:
		out[path+"=nil"] = func() { v.Set(reflect.Zero(v.Type())) }
		for p, f := range mutations(path, v.Elem()) {
			out[p] = f
		}
	case reflect.Struct:
		for i := range v.NumField() {
			for p, f := range mutations(path+"."+v.Type().Field(i).Name, v.Field(i)) {
				out[p] = f
			}
		}
	case reflect.Slice:
		out[path+"+1"] = func() { v.Set(reflect.Append(v, v.Index(0))) }
		for p, f := range mutations(path+"[0]", v.Index(0)) {
			out[p] = f
		}
	case reflect.String:
		out[path] = func() { v.SetString(v.String() + "x") }
	case reflect.Int, reflect.Int64:
		out[path] = func() { v.SetInt(v.Int() + 1) }
	case reflect.Uint8:
		out[path] = func() { v.SetUint(v.Uint() + 1) }
	case reflect.Float64:
		out[path] = func() { v.SetFloat(v.Float() + 0.01) }
	case reflect.Bool:
		out[path] = func() { v.SetBool(!v.Bool()) }
	default:
		out[path] = nil // a kind the test cannot change: it fails below
	}
	return out
}

// TestKeyCoversPlan changes every field of a plan, one at a time, and
// checks that the key changes: a field that Key leaves out would let an
// image changed there be served stale from the cache.
func TestKeyCoversPlan(t *testing.T) {
	fonts := DefaultFonts()
	sums := map[string]string{"assets/post.jpg": "p1", "assets/logo.png": "l1"}
	base, err := Key(fullImage(), fonts, sums, "v1")
	if err != nil {
		t.Fatal(err)
	}
	img := fullImage()
	muts := mutations("Image", reflect.ValueOf(img).Elem())
	if len(muts) < 40 {
		t.Fatalf("only %d fields found", len(muts))
	}
	seen := map[string]string{base: "the image"}
	for _, path := range slices.Sorted(maps.Keys(muts)) {
		img := fullImage()
		f := mutations("Image", reflect.ValueOf(img).Elem())[path]
		if f == nil {
			t.Errorf("%s: a field of a kind the test cannot change", path)
			continue
		}
		f()
		got, err := Key(img, fonts, sums, "v1")
		if err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		if other, ok := seen[got]; ok {
			t.Errorf("%s changed: the key is that of %s", path, other)
			continue
		}
		seen[got] = path
	}
}

// TestKeyCoversInputs checks that the key changes with what decides an
// image's bytes besides its plan, and only with that.
func TestKeyCoversInputs(t *testing.T) {
	fonts := DefaultFonts()
	_, brandFonts := withFont(t, "fonts/Inter-Regular.otf")
	sums := map[string]string{"assets/post.jpg": "p1", "assets/logo.png": "l1"}
	key := func(img *Image, f *Fonts, sums map[string]string, version string) string {
		t.Helper()
		k, err := Key(img, f, sums, version)
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	base := key(fullImage(), fonts, sums, "v1")
	if again := key(fullImage(), fonts, map[string]string{"assets/logo.png": "l1", "assets/post.jpg": "p1"}, "v1"); again != base {
		t.Errorf("the same image has two keys")
	}
	for name, k := range map[string]string{
		"marque's version":  key(fullImage(), fonts, sums, "v2"),
		"the photo's bytes": key(fullImage(), fonts, map[string]string{"assets/post.jpg": "p2", "assets/logo.png": "l1"}, "v1"),
		"the logo's bytes":  key(fullImage(), fonts, map[string]string{"assets/post.jpg": "p1", "assets/logo.png": "l2"}, "v1"),
		"the heading font":  key(fullImage(), brandFonts, sums, "v1"),
	} {
		if k == base {
			t.Errorf("%s changed, the key did not", name)
		}
	}
	// A font no line uses does not change the key: the image is the same.
	noText := fullImage()
	noText.Lines = nil
	if key(noText, fonts, sums, "v1") != key(noText, brandFonts, sums, "v1") {
		t.Errorf("the key of an image without text changes with the fonts")
	}
	nan := fullImage()
	nan.Lines[0].Size = math.NaN()
	if _, err := Key(nan, fonts, sums, "v1"); err == nil || !strings.Contains(err.Error(), "NaN") {
		t.Errorf("Key of a plan holding NaN: %v, want an error", err)
	}
}
