package imagecache

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// Cache is a folder of encoded images. Its methods are safe for concurrent
// use: entries are independent files, written by rename.
//
// A Cache lists each of its two-letter folders once, the first time it
// looks an entry up there, and keeps the listing up to date with its own
// Puts: open one per build, so that a build sees the entries earlier
// builds wrote.
type Cache struct {
	dir string

	mu    sync.Mutex
	lists map[string]map[string]string // folder → key's rest → entry's file name
}

// An Entry is an image the cache holds: the file it is in (its name says
// the rest), to be read, linked or copied.
type Entry struct {
	Path string
	Ext  string // the image's format, as Put was told it
	Size int64
	Sum  [sha256.Size]byte // the SHA-256 of the file's bytes
}

// Open returns the cache in dir, which is made on the first Put.
func Open(dir string) *Cache { return &Cache{dir: dir, lists: map[string]map[string]string{}} }

// Dir returns the cache's folder.
func (c *Cache) Dir() string { return c.dir }

func validKey(key string) bool { return len(key) == 2*sha256.Size && lowerHex(key) }

// lowerHex reports whether s is hex digits, in lower case as
// hex.EncodeToString writes them: a name has one spelling.
func lowerHex(s string) bool {
	for i := range len(s) {
		if c := s[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// validExt reports whether ext can end an entry's name: a few lower-case
// letters or digits.
func validExt(ext string) bool {
	if ext == "" || len(ext) > 8 {
		return false
	}
	for _, r := range ext {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') {
			return false
		}
	}
	return true
}

// name returns an entry's file name in its folder: the rest of its key,
// its size, its sum and its format, "<key[2:]>-<size>-<sum>.<ext>".
func name(key string, size int64, sum [sha256.Size]byte, ext string) string {
	return key[2:] + "-" + strconv.FormatInt(size, 10) + "-" + hex.EncodeToString(sum[:]) + "." + ext
}

// parse returns what an entry's file name says, and whether it is one.
func parse(file string) (rest string, e Entry, ok bool) {
	rest, size, sum, ext, ok := split(file)
	if !ok {
		return "", e, false
	}
	hex.Decode(e.Sum[:], []byte(sum))
	e.Size, _ = strconv.ParseInt(size, 10, 64)
	e.Ext = ext
	return rest, e, true
}

// split cuts an entry's file name into its parts, and reports whether it
// is one; it allocates nothing, as listing a folder of the cache calls it
// for every file.
func split(file string) (rest, size, sum, ext string, ok bool) {
	base, ext, ok := strings.Cut(file, ".")
	if !ok || !validExt(ext) {
		return "", "", "", "", false
	}
	rest, base, ok1 := strings.Cut(base, "-")
	size, sum, ok2 := strings.Cut(base, "-")
	if !ok1 || !ok2 || len(rest) != 2*sha256.Size-2 || len(sum) != 2*sha256.Size || !lowerHex(rest) || !lowerHex(sum) {
		return "", "", "", "", false
	}
	// A size in its one spelling: no sign, no leading zero.
	if size == "" || len(size) > 18 || size[0] == '0' && size != "0" {
		return "", "", "", "", false
	}
	for i := range len(size) {
		if size[i] < '0' || size[i] > '9' {
			return "", "", "", "", false
		}
	}
	return rest, size, sum, ext, true
}

// find returns the entry its folder's listing names for key.
func (c *Cache) find(key string) (Entry, bool) {
	if !validKey(key) {
		return Entry{}, false
	}
	folder := key[:2]
	c.mu.Lock()
	file, ok := c.listing(folder)[key[2:]]
	c.mu.Unlock()
	if !ok {
		return Entry{}, false
	}
	_, e, _ := parse(file)
	e.Path = filepath.Join(c.dir, folder, file)
	return e, true
}

// listing returns folder's entries, listing the folder on first use; the
// caller holds c.mu.
func (c *Cache) listing(folder string) map[string]string {
	list, ok := c.lists[folder]
	if !ok {
		list = c.list(folder)
		c.lists[folder] = list
	}
	return list
}

// list reads folder's entries. Of two entries of one key (written by
// builds of two versions), the first by name is taken, whichever it is:
// both are the same image.
func (c *Cache) list(folder string) map[string]string {
	list := map[string]string{}
	files, _ := os.ReadDir(filepath.Join(c.dir, folder))
	for _, f := range files {
		if rest, _, _, _, ok := split(f.Name()); ok {
			if _, dup := list[rest]; !dup {
				list[rest] = f.Name()
			}
		}
	}
	return list
}

// Lookup returns the entry under key without reading it: an entry that is
// not a file its owner may read and write, or whose size is not the one
// its name says, is a miss. A file changed in place but not in size is
// not seen, as git's index and make do not see it: the cost of reading
// every image of a large site at each build, which linking saves.
func (c *Cache) Lookup(key string) (Entry, bool) {
	e, ok := c.find(key)
	if !ok {
		return Entry{}, false
	}
	info, err := os.Lstat(e.Path)
	if err != nil || !usable(info) || info.Size() != e.Size {
		return Entry{}, false
	}
	return e, true
}

// usable reports whether an entry's file is as Put leaves it: a regular
// file its owner may read and write. Anything else is a miss even for a
// user who reads it anyway (root): Put then replaces it, and the cache
// works for everyone who shares it.
func usable(info fs.FileInfo) bool {
	return info.Mode().IsRegular() && info.Mode().Perm()&0o600 == 0o600
}

// Get returns the entry under key and its bytes, which it checks against
// the size and sum the entry's name says: an entry that does not check out
// is a miss.
func (c *Cache) Get(key string) (Entry, []byte, bool) {
	e, ok := c.Lookup(key)
	if !ok {
		return Entry{}, nil, false
	}
	data, err := os.ReadFile(e.Path)
	if err != nil || int64(len(data)) != e.Size || sha256.Sum256(data) != e.Sum {
		return Entry{}, nil, false
	}
	return e, data, true
}

// Put stores data, an image in the format ext ("png"), under key,
// replacing whatever was there: a bad entry, a folder in its place, a
// file in the place of its folder. It returns the new entry.
func (c *Cache) Put(key, ext string, data []byte) (Entry, error) {
	if !validKey(key) {
		return Entry{}, fmt.Errorf("image cache: invalid key %q", key)
	}
	if !validExt(ext) {
		return Entry{}, fmt.Errorf("image cache: invalid format %q", ext)
	}
	folder := key[:2]
	dir := filepath.Join(c.dir, folder)
	if err := makeDir(dir); err != nil {
		return Entry{}, fmt.Errorf("image cache: %w", err)
	}
	e := Entry{Ext: ext, Size: int64(len(data)), Sum: sha256.Sum256(data)}
	file := name(key, e.Size, e.Sum, ext)
	e.Path = filepath.Join(dir, file)

	tmp, err := os.CreateTemp(dir, ".tmp-*")
	if errors.Is(err, fs.ErrPermission) {
		// The folder is the cache's own: one that lost its permissions
		// gets them back rather than stay a miss for every build.
		if os.Chmod(dir, 0o755) == nil {
			tmp, err = os.CreateTemp(dir, ".tmp-*")
		}
	}
	if err != nil {
		return Entry{}, fmt.Errorf("image cache: %w", err)
	}
	_, werr := tmp.Write(data)
	// Entries are linked into sites, which web servers must read.
	merr := tmp.Chmod(0o644)
	serr := tmp.Sync()
	cerr := tmp.Close()
	if err := errors.Join(werr, merr, serr, cerr); err != nil {
		os.Remove(tmp.Name())
		return Entry{}, fmt.Errorf("image cache: %w", err)
	}
	err = os.Rename(tmp.Name(), e.Path)
	if err != nil {
		// Something that is no entry is in its place, a folder most
		// likely: the cache's files are its own, so it goes.
		if os.RemoveAll(e.Path) == nil {
			err = os.Rename(tmp.Name(), e.Path)
		}
	}
	if err != nil {
		os.Remove(tmp.Name())
		return Entry{}, fmt.Errorf("image cache: %w", err)
	}

	c.mu.Lock()
	defer c.mu.Unlock()
	list := c.listing(folder)
	// The entry this one replaces, if another name held the key, is
	// removed: linked into a site, its file lives on there.
	if was, ok := list[key[2:]]; ok && was != file {
		os.RemoveAll(filepath.Join(dir, was))
	}
	list[key[2:]] = file
	return e, nil
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
