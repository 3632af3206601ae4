package imagecache

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
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
	f, err := os.Open(c.path(key))
	if err != nil {
		return nil, false
	}
	defer f.Close()
	// An entry not as Put leaves it, a file its owner may not read and
	// write, is a miss even for a user who reads it anyway (root): Put
	// then replaces it, and the cache works for everyone who shares it.
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() || info.Mode().Perm()&0o600 != 0o600 {
		return nil, false
	}
	data := make([]byte, info.Size())
	if _, err := io.ReadFull(f, data); err != nil {
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

// Put stores data under key, replacing whatever was there: a bad entry, a
// folder in its place, a file in the place of its folder.
func (c *Cache) Put(key string, data []byte) error {
	if !validKey(key) {
		return fmt.Errorf("image cache: invalid key %q", key)
	}
	name := c.path(key)
	dir := filepath.Dir(name)
	if err := makeDir(dir); err != nil {
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

	tmp, err := os.CreateTemp(dir, ".tmp-*")
	if errors.Is(err, fs.ErrPermission) {
		// The folder is the cache's own: one that lost its permissions
		// gets them back rather than stay a miss for every build.
		if os.Chmod(dir, 0o755) == nil {
			tmp, err = os.CreateTemp(dir, ".tmp-*")
		}
	}
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
	err = os.Rename(tmp.Name(), name)
	if err != nil {
		// Something that is no entry is in its place, a folder most
		// likely: the cache's files are its own, so it goes.
		if os.RemoveAll(name) == nil {
			err = os.Rename(tmp.Name(), name)
		}
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("image cache: %w", err)
	}
	return nil
}

// makeDir makes dir, one of the cache's two-letter folders, removing a
// file in its place. It never removes the cache's own folder, which the
// user names.
func makeDir(dir string) error {
	err := os.MkdirAll(dir, 0o755)
	if err == nil {
		return nil
	}
	if info, serr := os.Lstat(dir); serr == nil && !info.IsDir() && os.Remove(dir) == nil {
		return os.MkdirAll(dir, 0o755)
	}
	return err
}
