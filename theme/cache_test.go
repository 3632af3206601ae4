package theme

import (
	"errors"
	"testing"
	"testing/fstest"
)

// TestLoadKeepsTheme checks that Load parses a theme once for the same
// files, and again when one of them changes, and that a theme that does
// not load fails every time.
func TestLoadKeepsTheme(t *testing.T) {
	kit := func(tmpl string) fstest.MapFS {
		return fstest.MapFS{"theme/templates/404.html": {Data: []byte(tmpl)}}
	}
	load := func(fsys fstest.MapFS) *Theme {
		t.Helper()
		th, err := Load(fsys)
		if err != nil {
			t.Fatal(err)
		}
		return th
	}
	a := load(kit("<p>a</p>"))
	if b := load(kit("<p>a</p>")); b != a {
		t.Errorf("the same files parsed again")
	}
	b := load(kit("<p>b</p>"))
	if b == a {
		t.Fatalf("a changed template served from the cache")
	}
	var out testWriter
	if err := b.Execute(&out, "404", nil); err != nil || out.s != "<p>b</p>" {
		t.Errorf("404 of the changed theme: %q, %v", out.s, err)
	}
	for range 2 {
		var terr *Error
		if _, err := Load(kit("{{")); !errors.As(err, &terr) {
			t.Errorf("a broken template: %v, want a *theme.Error", err)
		}
	}
	if c := load(kit("<p>b</p>")); c != b {
		t.Errorf("a failure evicted the theme before it")
	}
}

type testWriter struct{ s string }

func (w *testWriter) Write(p []byte) (int, error) {
	w.s += string(p)
	return len(p), nil
}
