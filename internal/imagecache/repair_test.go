package imagecache

import (
	"os"
	"path/filepath"
	"testing"
)

// TestRepair puts an entry where the cache holds something that is no
// entry, or that it may not read or write: the Get before is a miss or
// the true entry, never an error or other bytes, and after Put the entry
// reads back.
func TestRepair(t *testing.T) {
	tests := []struct {
		name  string
		spoil func(p string) error
	}{
		{"a folder in the entry's place", func(p string) error {
			if err := os.Remove(p); err != nil {
				return err
			}
			if err := os.MkdirAll(filepath.Join(p, "x"), 0o755); err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(p, "x", "y"), []byte("y"), 0o644)
		}},
		{"a file in the place of the entry's folder", func(p string) error {
			dir := filepath.Dir(p)
			if err := os.RemoveAll(dir); err != nil {
				return err
			}
			return os.WriteFile(dir, []byte("not a folder"), 0o644)
		}},
		{"an entry nobody may read", func(p string) error {
			return os.Chmod(p, 0)
		}},
		{"a folder nobody may write", func(p string) error {
			return os.Chmod(filepath.Dir(p), 0o500)
		}},
		{"a folder nobody may enter", func(p string) error {
			return os.Chmod(filepath.Dir(p), 0)
		}},
		{"a temporary file of a killed build", func(p string) error {
			return os.WriteFile(filepath.Join(filepath.Dir(p), ".tmp-123"), []byte("half"), 0o644)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Open(t.TempDir())
			k := key(tt.name)
			want := []byte("the image of " + tt.name)
			if _, err := c.Put(k, "png", want); err != nil {
				t.Fatal(err)
			}
			if err := tt.spoil(entryPath(t, c, k)); err != nil {
				t.Fatal(err)
			}
			c = Open(c.Dir())
			if _, got, ok := c.Get(k); ok && string(got) != string(want) {
				t.Fatalf("Get = %q", got)
			}
			if _, err := c.Put(k, "png", want); err != nil {
				t.Fatalf("Put did not repair the entry: %v", err)
			}
			if _, got, ok := Open(c.Dir()).Get(k); !ok || string(got) != string(want) {
				t.Fatalf("after Put, Get = %q, %v", got, ok)
			}
		})
	}
}
