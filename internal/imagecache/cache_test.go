package imagecache

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

func key(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// entryPath returns the file of the entry under k, which must exist.
func entryPath(t *testing.T, c *Cache, k string) string {
	t.Helper()
	e, ok := Open(c.Dir()).find(k)
	if !ok {
		t.Fatalf("no entry for %s", k)
	}
	return e.Path
}

func TestPutGet(t *testing.T) {
	c := Open(filepath.Join(t.TempDir(), "cache"))
	if _, _, ok := c.Get(key("a")); ok {
		t.Fatal("hit in an empty cache")
	}
	put, err := c.Put(key("a"), "png", []byte("png bytes"))
	if err != nil {
		t.Fatal(err)
	}
	if put.Ext != "png" || put.Size != 9 || put.Sum != sha256.Sum256([]byte("png bytes")) {
		t.Errorf("Put = %+v", put)
	}
	if b, err := os.ReadFile(put.Path); err != nil || string(b) != "png bytes" {
		t.Errorf("the entry's file holds %q, %v: want the image's bytes alone", b, err)
	}
	// The same cache, and a cache opened afresh, which lists the folder.
	for _, c := range []*Cache{c, Open(c.Dir())} {
		e, got, ok := c.Get(key("a"))
		if !ok || string(got) != "png bytes" || e != put {
			t.Fatalf("Get = %+v, %q, %v", e, got, ok)
		}
		if e, ok := c.Lookup(key("a")); !ok || e != put {
			t.Errorf("Lookup = %+v, %v", e, ok)
		}
	}

	// Another image under the same key (written by another version):
	// it replaces the first, whose file goes.
	if _, err := c.Put(key("a"), "jpeg", nil); err != nil {
		t.Fatal(err)
	}
	if e, got, ok := Open(c.Dir()).Get(key("a")); !ok || len(got) != 0 || e.Ext != "jpeg" {
		t.Errorf("an empty entry: Get = %+v, %q, %v", e, got, ok)
	}
	if _, err := os.Stat(put.Path); !os.IsNotExist(err) {
		t.Errorf("the replaced entry is still there: %v", err)
	}

	if _, err := c.Put("../../etc/passwd", "png", []byte("x")); err == nil {
		t.Error("Put with a key that is not a hash: no error")
	}
	for _, ext := range []string{"", "PNG", "p/g", "png.x", "averylongext"} {
		if _, err := c.Put(key("b"), ext, []byte("x")); err == nil {
			t.Errorf("Put with format %q: no error", ext)
		}
	}
}

// TestCorrupt checks that an entry that does not check out is a miss and
// that Put replaces it; and what Lookup, which reads no bytes, cannot see.
func TestCorrupt(t *testing.T) {
	c := Open(t.TempDir())
	k := key("b")
	const real = "the real image"
	if _, err := c.Put(k, "png", []byte(real)); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data string
		// lookup says whether Lookup, which trusts the size, takes it.
		lookup bool
	}{
		{"truncated", real[:len(real)-3], false},
		{"longer", real + "!", false},
		{"empty", "", false},
		{"a flipped byte", "the real imagE", true},
	}
	for _, tt := range tests {
		p := entryPath(t, c, k)
		if err := os.WriteFile(p, []byte(tt.data), 0o644); err != nil {
			t.Fatal(err)
		}
		c := Open(c.Dir())
		if _, got, ok := c.Get(k); ok {
			t.Errorf("%s: Get = %q, want a miss", tt.name, got)
		}
		if e, ok := c.Lookup(k); ok != tt.lookup {
			t.Errorf("%s: Lookup = %+v, %v, want %v", tt.name, e, ok, tt.lookup)
		}
		if _, err := c.Put(k, "png", []byte(real)); err != nil {
			t.Fatal(err)
		}
		if _, got, ok := Open(c.Dir()).Get(k); !ok || string(got) != real {
			t.Errorf("%s: after Put, Get = %q, %v", tt.name, got, ok)
		}
	}
}

// TestNotEntries checks that files whose names are not entries' are never
// taken for one: temporary files, other formats' files, look-alikes.
func TestNotEntries(t *testing.T) {
	c := Open(t.TempDir())
	k := key("c")
	sum := sha256.Sum256([]byte("abc"))
	good := name(k, 3, sum, "png")
	for _, file := range []string{
		k[2:],          // an entry of the cache's first format
		".tmp-123",     // a killed Put's
		good + ".part", // two dots
		strings.Replace(good, "-3-", "-03-", 1),
		strings.Replace(good, "-3-", "--3-", 1),
		strings.Replace(good, "-3-", "-x-", 1),
		good[:len(good)-8] + ".png", // a short sum
		"zz" + good[2:],             // not hex
		k[2:] + "-3-" + strings.ToUpper(hex.EncodeToString(sum[:])) + ".png", // hex in upper case: one name per entry
	} {
		if err := os.MkdirAll(filepath.Join(c.Dir(), k[:2]), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(c.Dir(), k[:2], file), []byte("abc"), 0o644); err != nil {
			t.Fatal(err)
		}
		if e, ok := Open(c.Dir()).Lookup(k); ok {
			t.Errorf("%q taken for an entry: %+v", file, e)
		}
		os.Remove(filepath.Join(c.Dir(), k[:2], file))
	}
}

// TestConcurrent writes and reads one key from many goroutines: every read
// is a miss or the whole entry, never a torn one.
func TestConcurrent(t *testing.T) {
	c := Open(t.TempDir())
	k := key("d")
	want := make([]byte, 1<<16)
	for i := range want {
		want[i] = byte(i * 7)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 20 {
				if _, err := c.Put(k, "png", want); err != nil {
					t.Error(err)
				}
				if _, got, ok := c.Get(k); ok && string(got) != string(want) {
					t.Error("a torn entry")
				}
			}
		})
	}
	wg.Wait()
	entries, _ := os.ReadDir(filepath.Join(c.Dir(), k[:2]))
	if len(entries) != 1 {
		t.Errorf("%d files beside the entry, want none: temporary files left", len(entries)-1)
	}
}

// FuzzParse checks that a name parse takes for an entry's is exactly the
// name of what it says.
func FuzzParse(f *testing.F) {
	f.Add(name(key("e"), 12, sha256.Sum256([]byte("e")), "png"))
	f.Add("x-1-y.png")
	f.Fuzz(func(t *testing.T, file string) {
		rest, e, ok := parse(file)
		if ok && name("00"+rest, e.Size, e.Sum, e.Ext) != file {
			t.Errorf("parse(%q) = %q, %+v", file, rest, e)
		}
	})
}
