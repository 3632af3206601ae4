package imagecache

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

func key(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

func TestPutGet(t *testing.T) {
	c := Open(filepath.Join(t.TempDir(), "cache"))
	if _, ok := c.Get(key("a")); ok {
		t.Fatal("hit in an empty cache")
	}
	if err := c.Put(key("a"), []byte("png bytes")); err != nil {
		t.Fatal(err)
	}
	got, ok := c.Get(key("a"))
	if !ok || string(got) != "png bytes" {
		t.Fatalf("Get = %q, %v", got, ok)
	}
	if err := c.Put(key("a"), nil); err != nil {
		t.Fatal(err)
	}
	if got, ok := c.Get(key("a")); !ok || len(got) != 0 {
		t.Errorf("an empty entry: Get = %q, %v", got, ok)
	}
	if err := c.Put("../../etc/passwd", []byte("x")); err == nil {
		t.Error("Put with a key that is not a hash: no error")
	}
}

// TestCorrupt checks that an entry that does not check out is a miss and
// that Put replaces it.
func TestCorrupt(t *testing.T) {
	c := Open(t.TempDir())
	k := key("b")
	if err := c.Put(k, []byte("the real image")); err != nil {
		t.Fatal(err)
	}
	good, _ := os.ReadFile(c.path(k))
	other := key("c")
	if err := c.Put(other, []byte("another image")); err != nil {
		t.Fatal(err)
	}
	otherData, _ := os.ReadFile(c.path(other))
	tests := []struct {
		name string
		data []byte
	}{
		{"truncated", good[:len(good)-3]},
		{"a flipped byte", flip(good, len(good)-1)},
		{"a flipped sum", flip(good, len(magic)+len(k)+3)},
		{"foreign", []byte("\x89PNG\r\n\x1a\n not ours")},
		{"empty", nil},
		{"another key's entry", otherData},
	}
	for _, tt := range tests {
		if err := os.WriteFile(c.path(k), tt.data, 0o644); err != nil {
			t.Fatal(err)
		}
		if got, ok := c.Get(k); ok {
			t.Errorf("%s: Get = %q, want a miss", tt.name, got)
		}
		if err := c.Put(k, []byte("the real image")); err != nil {
			t.Fatal(err)
		}
		if got, ok := c.Get(k); !ok || string(got) != "the real image" {
			t.Errorf("%s: after Put, Get = %q, %v", tt.name, got, ok)
		}
	}
}

func flip(b []byte, i int) []byte {
	c := append([]byte(nil), b...)
	c[i] ^= 0x40
	return c
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
				if err := c.Put(k, want); err != nil {
					t.Error(err)
				}
				if got, ok := c.Get(k); ok && string(got) != string(want) {
					t.Error("a torn entry")
				}
			}
		})
	}
	wg.Wait()
	entries, _ := os.ReadDir(filepath.Dir(c.path(k)))
	if len(entries) != 1 {
		t.Errorf("%d files beside the entry, want none: temporary files left", len(entries)-1)
	}
}

func FuzzDecode(f *testing.F) {
	k := key("e")
	f.Add([]byte(magic + k + "\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		payload, ok := decode(k, data)
		if ok {
			sum := sha256.Sum256(payload)
			if string(data[len(magic)+len(k)+1:][:64]) != hex.EncodeToString(sum[:]) {
				t.Error("accepted a payload whose sum does not match")
			}
		}
	})
}
