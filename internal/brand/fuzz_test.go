package brand

import (
	"io/fs"
	"path"
	"strings"
	"testing"
	"testing/fstest"
)

func FuzzParseColor(f *testing.F) {
	for _, s := range []string{"#0A7", "#00AA77", "#fff", "#12345", "0A7", "#+1F", "#-01", "#0x1", "#é1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, ok := ParseColor(s)
		if !ok {
			return
		}
		// What parses is a hex colour, and prints back as the same colour.
		back, ok := ParseColor(c.Hex())
		if !ok || back != c {
			t.Fatalf("ParseColor(%q) = %v, whose Hex %q parses to %v, %v", s, c, c.Hex(), back, ok)
		}
		if len(s) != 4 && len(s) != 7 {
			t.Fatalf("ParseColor accepted %q", s)
		}
	})
}

// FuzzKitFile checks that no path a user writes in the kit is accepted
// unless it names a regular file inside the kit, links included.
func FuzzKitFile(f *testing.F) {
	for _, s := range []string{
		"assets/photo.jpg", "./assets/../assets/photo.jpg", "../x", "/etc/passwd", `assets\photo.jpg`, "C:x",
		"assets", "in/up/photo.jpg", "loop/x", "abs", "assets//photo.jpg", "a/../../b",
	} {
		f.Add(s)
	}
	link := func(target string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte(target), Mode: fs.ModeSymlink}
	}
	fsys := fstest.MapFS{
		"assets/photo.jpg": {Data: []byte("jpeg")},
		"in/note.txt":      {Data: []byte("x")},
		"in/up":            link("../assets"), // inside the kit: allowed
		"loop":             link("loop"),
		"abs":              link("/etc/passwd"),
		"in/out":           link("../../x"),
		"in/self":          link("."),
	}
	files := map[string]bool{"assets/photo.jpg": true, "in/note.txt": true}
	f.Fuzz(func(t *testing.T, name string) {
		clean, problem := KitFile(fsys, name)
		if problem != "" {
			if clean != "" {
				t.Fatalf("KitFile(%q) = %q with problem %q", name, clean, problem)
			}
			return
		}
		if clean != path.Clean(clean) || path.IsAbs(clean) || clean == ".." || strings.HasPrefix(clean, "../") {
			t.Fatalf("KitFile(%q) accepted %q", name, clean)
		}
		if real, problem := resolve(fsys, clean); problem != "" || !files[real] {
			t.Fatalf("KitFile(%q) accepted %q, which leads to %q (%s)", name, clean, real, problem)
		}
	})
}
