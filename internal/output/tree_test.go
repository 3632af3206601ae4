package output

import (
	"slices"
	"testing"
)

// TestMerge moves a tree's files into another, and refuses, moving
// nothing, a name both hold, whether in memory or on disk.
func TestMerge(t *testing.T) {
	a, b := NewTree(), NewTree()
	mustAdd(t, a, "index.html", "home")
	mustAdd(t, b, "posts/x/index.html", "x")
	if err := b.AddDiskFile("kit/x.png", DiskFile{Path: "/cache/x.png", Size: 3}); err != nil {
		t.Fatal(err)
	}
	if err := a.Merge(b); err != nil {
		t.Fatal(err)
	}
	if got, want := a.Names(), []string{"index.html", "kit/x.png", "posts/x/index.html"}; !slices.Equal(got, want) {
		t.Errorf("merged: %v, want %v", got, want)
	}
	if b.Len() != 0 {
		t.Errorf("the merged tree still has %v", b.Names())
	}
	if f, ok := a.Disk("kit/x.png"); !ok || f.Path != "/cache/x.png" {
		t.Errorf("kit/x.png merged as %v, %v", f, ok)
	}

	for _, clash := range []func(*Tree) error{
		func(c *Tree) error { return c.Add("index.html", []byte("other")) },
		func(c *Tree) error { return c.AddDiskFile("kit/x.png", DiskFile{Path: "/cache/y.png", Size: 1}) },
	} {
		c := NewTree()
		mustAdd(t, c, "about/index.html", "about")
		if err := clash(c); err != nil {
			t.Fatal(err)
		}
		if err := a.Merge(c); err == nil {
			t.Error("a name both trees hold merged")
		}
		if a.Has("about/index.html") || c.Len() != 2 {
			t.Errorf("a refused merge moved files: %v, left %v", a.Names(), c.Names())
		}
	}
}

func mustAdd(t *testing.T, tree *Tree, name, data string) {
	t.Helper()
	if err := tree.Add(name, []byte(data)); err != nil {
		t.Fatal(err)
	}
}
