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

// TestWriteFullDisk fills the disk at each file of a build in turn, the
// marker last: Write fails with the file system's error, named by the
// tree's file and not by a temporary folder, and the previous output is
// left as it was with nothing beside it.
func TestWriteFullDisk(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	if err := Write(tree(t, map[string]string{"index.html": "one", "posts/a/index.html": "a"}), out); err != nil {
		t.Fatal(err)
	}
	before := readAll(t, out)
	next := tree(t, map[string]string{"index.html": "two", "posts/a/index.html": "a2", "posts/b/index.html": "b", "feed.xml": "f"})
	names := append(next.Names(), Marker)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			WriteHook = func(n string) error {
				if n == name {
					return syscall.ENOSPC
				}
				return nil
			}
			defer func() { WriteHook = nil }()
			err := Write(next, out)
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatalf("Write = %v, want no space left on device", err)
			}
			msg := err.Error()
			if !strings.Contains(msg, "write "+name+":") || strings.Contains(msg, ".marque-new-") || !strings.Contains(msg, out+" is left as it was") {
				t.Errorf("message %q: want the file %s, no temporary folder, and the output kept", msg, name)
			}
			if got := readAll(t, out); fmt.Sprint(got) != fmt.Sprint(before) {
				t.Errorf("output changed: %v", got)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 1 {
				t.Errorf("%d entries beside the output, want only it", len(entries))
			}
		})
	}
}
