package output

import (
	"path/filepath"
	"strings"
	"testing"
)

// FuzzCheckName checks that a name the tree accepts, whatever a slug or a
// tag made of it, stays inside the output folder once joined to it.
func FuzzCheckName(f *testing.F) {
	for _, s := range []string{"index.html", "tags/été/index.html", "../x", "a/./b", "a\x00b", `a\..\b`, "/x", "a/..", "..a/b"} {
		f.Add(s)
	}
	root := filepath.FromSlash("/srv/public")
	f.Fuzz(func(t *testing.T, name string) {
		if CheckName(name) != nil {
			return
		}
		p := filepath.Join(root, filepath.FromSlash(name))
		rel, err := filepath.Rel(root, p)
		if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.ToSlash(rel) != name {
			t.Fatalf("CheckName accepted %q, which lands at %s", name, p)
		}
	})
}
