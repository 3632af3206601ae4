package imagecache

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// magic starts every entry; its last byte is the entry format's version.
const magic = "marque image cache\x00\x01"

// Cache is a folder of encoded images. Its methods are safe for concurrent
// use: entries are independent files, written by rename.
type Cache struct {
	dir string
}

// Open returns the cache in dir, which is made on the first Put.
func Open(dir string) *Cache { return &Cache{dir: dir} }

// Dir returns the cache's folder.
func (c *Cache) Dir() string { return c.dir }

func (c *Cache) path(key string) string {
	// Two levels, as git does, so that no folder grows too large.
	return filepath.Join(c.dir, key[:2], key[2:])
}

func validKey(key string) bool {
	if len(key) != 2*sha256.Size {
		return false
	}
	_, err := hex.DecodeString(key)
	return err == nil
}

// Get returns the bytes stored under key, and whether there were any. An
// entry that does not check out is a miss.
func (c *Cache) Get(key string) ([]byte, bool) {
	if !validKey(key) {
		return nil, false
	}
	data, err := os.ReadFile(c.path(key))
	if err != nil {
		return nil, false
	}
	return decode(key, data)
}

// decode checks an entry's header and returns its payload.
func decode(key string, data []byte) ([]byte, bool) {
	head := len(magic) + len(key) + 1 + 2*sha256.Size + 1
	if len(data) < head || string(data[:len(magic)]) != magic {
		return nil, false
	}
	rest := data[len(magic):]
	if string(rest[:len(key)]) != key || rest[len(key)] != '\n' {
		return nil, false
	}
	rest = rest[len(key)+1:]
	sum, payload := rest[:2*sha256.Size], rest[2*sha256.Size+1:]
	if rest[2*sha256.Size] != '\n' {
		return nil, false
	}
	got := sha256.Sum256(payload)
	if !bytes.Equal([]byte(hex.EncodeToString(got[:])), sum) {
		return nil, false
	}
	return payload, true
}

// Put stores data under key, replacing whatever was there.
func (c *Cache) Put(key string, data []byte) error {
	if !validKey(key) {
		return fmt.Errorf("image cache: invalid key %q", key)
	}
	name := c.path(key)
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return fmt.Errorf("image cache: %w", err)
	}
	sum := sha256.Sum256(data)
	var b bytes.Buffer
	b.Grow(len(magic) + len(key) + 2*sha256.Size + 2 + len(data))
	b.WriteString(magic)
	b.WriteString(key)
	b.WriteByte('\n')
	b.WriteString(hex.EncodeToString(sum[:]))
	b.WriteByte('\n')
	b.Write(data)

	tmp, err := os.CreateTemp(filepath.Dir(name), ".tmp-*")
	if err != nil {
		return fmt.Errorf("image cache: %w", err)
	}
	_, werr := tmp.Write(b.Bytes())
	serr := tmp.Sync()
	cerr := tmp.Close()
	if err := errors.Join(werr, serr, cerr); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("image cache: %w", err)
	}
	if err := os.Rename(tmp.Name(), name); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("image cache: %w", err)
	}
	return nil
}
