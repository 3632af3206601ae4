package output

import (
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"slices"
	"strings"
)

// Tree is a site before it is written: file contents, in memory or in a
// file on disk (DiskFile), by slash-separated path relative to the output
// root ("index.html", "posts/x/index.html"). Render stages add to it; Write
// puts it on disk and serve answers from it. It is not safe for
// concurrent use.
type Tree struct {
	files map[string][]byte
	disk  map[string]DiskFile
}

// A DiskFile is a file of the tree whose bytes are those of the file at
// Path, Size bytes long: Write links it into the output where the file
// system allows, and copies it otherwise. A build's images come from the
// image cache this way: a large site does not hold them all in memory
// (on 1,000 posts, 125 MB of the 146 MB it writes), and linking a file is
// a quarter of the time writing it takes. The file must not change
// before Write, nor after if it is linked: the image cache never writes
// into an existing file.
type DiskFile struct {
	Path string
	Size int64
}

// NewTree returns an empty tree.
func NewTree() *Tree { return &Tree{files: map[string][]byte{}, disk: map[string]DiskFile{}} }

// Add stores data at name. It refuses a name that is not a clean relative
// path inside the tree (absolute, "..", backslashes, empty segments) or that
// is already taken, so that no user string (a slug, a tag) can make a file
// land outside the output or overwrite another page.
func (t *Tree) Add(name string, data []byte) error {
	if err := t.free(name); err != nil {
		return err
	}
	t.files[name] = data
	return nil
}

// AddDiskFile stores at name the bytes of f, to be read when written; it
// refuses the names Add refuses.
func (t *Tree) AddDiskFile(name string, f DiskFile) error {
	if err := t.free(name); err != nil {
		return err
	}
	if f.Size < 0 {
		return fmt.Errorf("output: %s: invalid size %d of %s", name, f.Size, f.Path)
	}
	t.disk[name] = f
	return nil
}

// free reports why name cannot take a new file, if it cannot.
func (t *Tree) free(name string) error {
	if err := CheckName(name); err != nil {
		return err
	}
	if t.Has(name) {
		return fmt.Errorf("output: two files at %q", name)
	}
	return nil
}

// CheckName reports whether name is a valid tree path.
func CheckName(name string) error {
	if !fs.ValidPath(name) || name == "." || strings.ContainsAny(name, "\\\x00") || path.Clean(name) != name {
		return fmt.Errorf("output: invalid file name %q", name)
	}
	return nil
}

// Merge moves every file of o into t, leaving o empty; it refuses, as Add
// does, a name t already has, and then moves nothing.
func (t *Tree) Merge(o *Tree) error {
	for name := range o.files {
		if t.Has(name) {
			return fmt.Errorf("output: two files at %q", name)
		}
	}
	for name := range o.disk {
		if t.Has(name) {
			return fmt.Errorf("output: two files at %q", name)
		}
	}
	maps.Copy(t.files, o.files)
	maps.Copy(t.disk, o.disk)
	o.files, o.disk = map[string][]byte{}, map[string]DiskFile{}
	return nil
}

// Get returns the file at name. A DiskFile is read from disk; one that is
// gone, or no longer of its size, is reported missing.
func (t *Tree) Get(name string) ([]byte, bool) {
	if b, ok := t.files[name]; ok {
		return b, true
	}
	f, ok := t.disk[name]
	if !ok {
		return nil, false
	}
	b, err := os.ReadFile(f.Path)
	return b, err == nil && int64(len(b)) == f.Size
}

// Disk returns the DiskFile at name, when the file there is one.
func (t *Tree) Disk(name string) (DiskFile, bool) {
	f, ok := t.disk[name]
	return f, ok
}

// Has reports whether the tree has a file at name.
func (t *Tree) Has(name string) bool {
	_, ok := t.files[name]
	if !ok {
		_, ok = t.disk[name]
	}
	return ok
}

// Names returns every file name, sorted.
func (t *Tree) Names() []string {
	names := make([]string, 0, t.Len())
	for n := range t.files {
		names = append(names, n)
	}
	for n := range t.disk {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// Len returns the number of files.
func (t *Tree) Len() int { return len(t.files) + len(t.disk) }
