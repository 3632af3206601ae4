package output

import (
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestWriterInSteps writes a tree in two steps, the tree growing between
// them in folders new and old: the first step's files are written before
// Commit is called, and the output is the whole tree.
func TestWriterInSteps(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	tr := tree(t, map[string]string{"index.html": "home", "posts/a/index.html": "a", "kit/x.txt": "x"})
	written := make(chan string, 10)
	WriteHook = func(name string) error { written <- name; return nil }
	t.Cleanup(func() { WriteHook = nil })
	w, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	w.Start(tr)
	var first []string
	for range 3 {
		select {
		case name := <-written:
			first = append(first, name)
		case <-time.After(10 * time.Second):
			t.Fatalf("Start wrote %v, and nothing more for 10 s", first)
		}
	}
	if slices.Sort(first); !slices.Equal(first, []string{"index.html", "kit/x.txt", "posts/a/index.html"}) {
		t.Errorf("Start wrote %v", first)
	}
	mustAdd(t, tr, "kit/index.html", "kit")
	mustAdd(t, tr, "kit/new/y.txt", "y")
	mustAdd(t, tr, "z.txt", "z")
	if err := w.Commit(tr); err != nil {
		t.Fatal(err)
	}
	wantOutput(t, out, map[string]string{"index.html": "home", "posts/a/index.html": "a", "kit/x.txt": "x",
		"kit/index.html": "kit", "kit/new/y.txt": "y", "z.txt": "z", Marker: markerText})
}

// TestWriterAbort starts writing a new output over an old one, then gives
// up: the old output is as it was and nothing else is left.
func TestWriterAbort(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	if err := Write(tree(t, map[string]string{"index.html": "old"}), out); err != nil {
		t.Fatal(err)
	}
	w, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	w.Start(tree(t, map[string]string{"index.html": "new", "posts/a/index.html": "a"}))
	w.Abort()
	wantOutput(t, out, map[string]string{"index.html": "old", Marker: markerText})
}

// TestWriterStartFails fails a file of the first step: Commit reports it
// by name and leaves the old output as it was.
func TestWriterStartFails(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	if err := Write(tree(t, map[string]string{"index.html": "old"}), out); err != nil {
		t.Fatal(err)
	}
	WriteHook = func(name string) error {
		if name == "posts/a/index.html" {
			return syscall.ENOSPC
		}
		return nil
	}
	t.Cleanup(func() { WriteHook = nil })
	tr := tree(t, map[string]string{"index.html": "new", "posts/a/index.html": "a"})
	w, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	w.Start(tr)
	mustAdd(t, tr, "kit/index.html", "kit")
	err = w.Commit(tr)
	if !errors.Is(err, syscall.ENOSPC) || !strings.Contains(err.Error(), "posts/a/index.html") {
		t.Errorf("Commit: %v, want the full disk at posts/a/index.html", err)
	}
	wantOutput(t, out, map[string]string{"index.html": "old", Marker: markerText})
}

// wantOutput checks that the output folder out holds want, and that
// nothing else is left beside it.
func wantOutput(t *testing.T, out string, want map[string]string) {
	t.Helper()
	if got := readAll(t, out); !maps.Equal(got, want) {
		t.Errorf("output %v, want %v", got, want)
	}
	es, err := os.ReadDir(filepath.Dir(out))
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 1 {
		var names []string
		for _, e := range es {
			names = append(names, e.Name())
		}
		t.Errorf("beside the output: %v", names)
	}
}
