package output

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func tree(t *testing.T, files map[string]string) *Tree {
	t.Helper()
	tr := NewTree()
	for name, data := range files {
		if err := tr.Add(name, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	return tr
}

func readAll(t *testing.T, dir string) map[string]string {
	t.Helper()
	got := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		got[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestWriteReplacesWholeOutput(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	if err := Write(tree(t, map[string]string{"index.html": "one", "old/index.html": "gone"}), out); err != nil {
		t.Fatal(err)
	}
	if err := CheckOut(dir, out); err != nil {
		t.Fatalf("CheckOut refuses marque's own output: %v", err)
	}
	if err := Write(tree(t, map[string]string{"index.html": "two", "posts/a/index.html": "a"}), out); err != nil {
		t.Fatal(err)
	}
	got := readAll(t, out)
	want := map[string]string{"index.html": "two", "posts/a/index.html": "a", Marker: markerText}
	if len(got) != len(want) {
		t.Fatalf("files = %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("folder beside the output holds %d entries, want only public/", len(entries))
	}
}

func TestWriteFailureKeepsPreviousOutput(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	if err := Write(tree(t, map[string]string{"index.html": "one"}), out); err != nil {
		t.Fatal(err)
	}
	// A file where the new output needs a folder makes writing fail half-way.
	bad := NewTree()
	bad.files["a.html"] = []byte("a")
	bad.files["a.html/b.html"] = []byte("b")
	if err := Write(bad, out); err == nil {
		t.Fatal("Write succeeded; want an error")
	}
	if got := readAll(t, out); got["index.html"] != "one" || len(got) != 2 {
		t.Errorf("previous output changed: %v", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("a failed build left %d entries beside the output, want 1", len(entries))
	}
}

func TestLeftoversOfKilledBuilds(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	// A build killed while writing left a half-written folder; one killed
	// between the two renames of a non-atomic swap left the last output aside.
	half := filepath.Join(dir, ".public.marque-new-123")
	old := filepath.Join(dir, ".public.marque-old-456")
	for _, d := range []string{half, old} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(old, Marker), []byte(markerText), 0o644)
	os.WriteFile(filepath.Join(old, "index.html"), []byte("previous"), 0o644)

	removeLeftovers(dir, "public")
	if got := readAll(t, out); got["index.html"] != "previous" {
		t.Fatalf("previous output not restored: %v", got)
	}
	if _, err := os.Stat(half); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("half-written folder still there: %v", err)
	}
}

func TestCheckOut(t *testing.T) {
	root := t.TempDir()
	foreign := filepath.Join(root, "mine")
	os.MkdirAll(foreign, 0o755)
	os.WriteFile(filepath.Join(foreign, "notes.txt"), []byte("precious"), 0o644)
	empty := filepath.Join(root, "empty")
	os.MkdirAll(empty, 0o755)

	tests := []struct {
		out  string
		want string // "" = accepted; else a substring of the error
	}{
		{filepath.Join(root, "public"), ""},
		{empty, ""},
		{filepath.Join(root, "..", filepath.Base(root), "public"), ""},
		{root, "kit folder itself"},
		{filepath.Join(root, "."), "kit folder itself"},
		{filepath.Dir(root), "contains the kit"},
		{filepath.Join(root, "content", "out"), "content/"},
		{filepath.Join(root, "assets"), "assets/"},
		{filepath.Join(root, "theme", "x"), "theme/"},
		{foreign, "not written by marque"},
	}
	for _, tt := range tests {
		err := CheckOut(root, tt.out)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("CheckOut(%s) = %v, want nil", tt.out, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want) || !errors.Is(err, ErrRefused)):
			t.Errorf("CheckOut(%s) = %v, want refusal with %q", tt.out, err, tt.want)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(foreign, "notes.txt")); string(b) != "precious" {
		t.Error("a refused folder was touched")
	}
}

func TestTreeRefusesEscapingNames(t *testing.T) {
	for _, name := range []string{"", ".", "..", "../x", "/abs", "a/../b", "a//b", `a\b`, "a/", "./a"} {
		if err := NewTree().Add(name, nil); err == nil {
			t.Errorf("Add(%q) accepted", name)
		}
	}
	tr := NewTree()
	if err := tr.Add("a/b.html", nil); err != nil {
		t.Fatal(err)
	}
	if err := tr.Add("a/b.html", nil); err == nil {
		t.Error("Add accepted a second file at the same name")
	}
}

// TestDiskFiles writes a tree whose files are in part files on disk:
// Write links them or, where it cannot, copies them; Get reads them; and
// one that is gone fails the write and keeps the previous output.
func TestDiskFiles(t *testing.T) {
	for _, linked := range []bool{true, false} {
		t.Run(fmt.Sprint("linked=", linked), func(t *testing.T) {
			if !linked {
				link = func(string, string) error { return syscall.EXDEV }
				defer func() { link = os.Link }()
			}
			dir := t.TempDir()
			file := func(name, data string) DiskFile {
				p := filepath.Join(dir, name)
				if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
					t.Fatal(err)
				}
				return DiskFile{Path: p, Size: int64(len(data))}
			}
			a, c, empty := file("a", "PNG bytes"), file("c", "JPEG bytes"), file("empty", "")
			tr := tree(t, map[string]string{"index.html": "home"})
			for name, f := range map[string]DiskFile{"kit/a.png": a, "kit/b/c.jpg": c, "empty.png": empty} {
				if err := tr.AddDiskFile(name, f); err != nil {
					t.Fatal(err)
				}
			}
			if err := tr.AddDiskFile("index.html", a); err == nil {
				t.Error("AddDiskFile over a file: no error")
			}
			if err := tr.Add("kit/a.png", nil); err == nil {
				t.Error("Add over a disk file: no error")
			}
			if err := tr.AddDiskFile("../x.png", a); err == nil {
				t.Error("AddDiskFile outside the tree: no error")
			}
			if b, ok := tr.Get("kit/a.png"); !ok || string(b) != "PNG bytes" {
				t.Errorf("Get = %q, %v", b, ok)
			}
			if got, want := strings.Join(tr.Names(), " "), "empty.png index.html kit/a.png kit/b/c.jpg"; got != want || tr.Len() != 4 {
				t.Errorf("Names = %s (Len %d), want %s", got, tr.Len(), want)
			}
			out := filepath.Join(dir, "public")
			if err := Write(tr, out); err != nil {
				t.Fatal(err)
			}
			want := map[string]string{"index.html": "home", "kit/a.png": "PNG bytes", "kit/b/c.jpg": "JPEG bytes", "empty.png": "", Marker: markerText}
			before := readAll(t, out)
			if fmt.Sprint(before) != fmt.Sprint(want) {
				t.Errorf("wrote %q, want %q", before, want)
			}
			src, _ := os.Stat(a.Path)
			dst, _ := os.Stat(filepath.Join(out, "kit", "a.png"))
			if os.SameFile(src, dst) != linked {
				t.Errorf("kit/a.png is the file on disk: %v, want %v", os.SameFile(src, dst), linked)
			}

			// Gone: Get misses it, and Write fails naming it.
			if err := os.Remove(c.Path); err != nil {
				t.Fatal(err)
			}
			if _, ok := tr.Get("kit/b/c.jpg"); ok {
				t.Error("Get of a file that is gone: ok")
			}
			err := Write(tr, out)
			if err == nil || !strings.Contains(err.Error(), "write kit/b/c.jpg:") {
				t.Errorf("Write = %v, want an error naming kit/b/c.jpg", err)
			}
			if got := readAll(t, out); fmt.Sprint(got) != fmt.Sprint(before) {
				t.Errorf("output changed: %q", got)
			}
		})
	}
}

// TestRebuildLinksUnchanged writes a tree over an earlier output: a file
// with the same bytes is the earlier file, linked; a file whose bytes
// changed, even keeping its size, or that others may write, is new.
func TestRebuildLinksUnchanged(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := Write(tree(t, map[string]string{"same.html": "same", "edited.html": "abcd", "loose.html": "open", "gone.html": "x"}), out); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(filepath.Join(out, "loose.html"), 0o666); err != nil {
		t.Fatal(err)
	}
	before := map[string]os.FileInfo{}
	for _, name := range []string{"same.html", "edited.html", "loose.html"} {
		info, err := os.Stat(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		before[name] = info
	}
	if err := Write(tree(t, map[string]string{"same.html": "same", "edited.html": "abce", "loose.html": "open", "new.html": "n"}), out); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"same.html": "same", "edited.html": "abce", "loose.html": "open", "new.html": "n", Marker: markerText}
	if got := readAll(t, out); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("wrote %q, want %q", got, want)
	}
	for name, wantSame := range map[string]bool{"same.html": true, "edited.html": false, "loose.html": false} {
		info, err := os.Stat(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		if got := os.SameFile(before[name], info); got != wantSame {
			t.Errorf("%s is the earlier file: %v, want %v", name, got, wantSame)
		}
		if info.Mode().Perm()&0o022 != 0 {
			t.Errorf("%s: mode %v", name, info.Mode())
		}
	}
}
