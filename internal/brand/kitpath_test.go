package brand

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// TestFolder checks that a Folder finds what KitFile finds for every entry
// of a folder, whether the folder, a folder above it or the entry is a
// link, on a MapFS and on disk.
func TestFolder(t *testing.T) {
	link := func(target string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte(target), Mode: fs.ModeSymlink}
	}
	file := &fstest.MapFile{Data: []byte("x")}
	mapFS := fstest.MapFS{
		"content/posts/a.md":     file,
		`content/posts/b\c.md`:   file,
		"content/posts/bundle/x": file,
		"content/posts/in.md":    link("a.md"),
		"content/posts/out.md":   link("../../../x.md"),
		"content/posts/abs.md":   link("/etc/passwd"),
		"content/posts/dir.md":   link("bundle"),
		"content/posts/loop.md":  link("loop.md"),
		"linked/posts/a.md":      link("../../content/posts/a.md"),
		"up":                     link("content"),
		"away":                   link("/tmp"),
	}
	check := func(t *testing.T, fsys fs.FS, dirs ...string) {
		t.Helper()
		for _, dir := range dirs {
			entries, err := fs.ReadDir(fsys, dir)
			if err != nil {
				t.Fatalf("%s: %v", dir, err)
			}
			folder := NewFolder(fsys, dir)
			for _, e := range entries {
				name := path.Join(dir, e.Name())
				wantClean, wantProblem := KitFile(fsys, name)
				clean, problem := folder.File(e)
				if clean != wantClean || problem != wantProblem {
					t.Errorf("Folder(%s).File(%s) = %q, %q; KitFile = %q, %q", dir, e.Name(), clean, problem, wantClean, wantProblem)
				}
			}
		}
	}
	t.Run("MapFS", func(t *testing.T) {
		check(t, mapFS, "content/posts", "linked/posts", "up/posts", ".")
	})
	t.Run("disk", func(t *testing.T) {
		kit := t.TempDir()
		for name, f := range mapFS {
			p := filepath.Join(kit, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if f.Mode&fs.ModeSymlink != 0 {
				if err := os.Symlink(string(f.Data), p); err != nil {
					t.Skipf("cannot make symbolic links here: %v", err)
				}
				continue
			}
			if err := os.WriteFile(p, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		// A link to a folder of the kit by its absolute path: KitFile
		// refuses what lies under it.
		if err := os.Symlink(filepath.Join(kit, "content", "posts"), filepath.Join(kit, "absdir")); err != nil {
			t.Fatal(err)
		}
		check(t, os.DirFS(kit), "absdir")
		root, err := os.OpenRoot(kit)
		if err != nil {
			t.Fatal(err)
		}
		defer root.Close()
		check(t, os.DirFS(kit), "content/posts", "linked/posts", "up/posts", ".")
		check(t, root.FS(), "content/posts", "linked/posts", ".")
	})
}
