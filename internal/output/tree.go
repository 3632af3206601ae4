package output

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
)

// Tree is a site in memory: file contents by slash-separated path relative
// to the output root ("index.html", "posts/x/index.html"). Render stages add
// to it; Write puts it on disk and serve answers from it. It is not safe for
// concurrent use.
type Tree struct {
	files map[string][]byte
}

// NewTree returns an empty tree.
func NewTree() *Tree { return &Tree{files: map[string][]byte{}} }

// Add stores data at name. It refuses a name that is not a clean relative
// path inside the tree (absolute, "..", backslashes, empty segments) or that
// is already taken, so that no user string (a slug, a tag) can make a file
// land outside the output or overwrite another page.
func (t *Tree) Add(name string, data []byte) error {
	if err := CheckName(name); err != nil {
		return err
	}
	if _, dup := t.files[name]; dup {
		return fmt.Errorf("output: two files at %q", name)
	}
	t.files[name] = data
	return nil
}

// CheckName reports whether name is a valid tree path.
func CheckName(name string) error {
	if !fs.ValidPath(name) || name == "." || strings.ContainsAny(name, "\\\x00") || path.Clean(name) != name {
		return fmt.Errorf("output: invalid file name %q", name)
	}
	return nil
}

// Get returns the file at name.
func (t *Tree) Get(name string) ([]byte, bool) {
	b, ok := t.files[name]
	return b, ok
}

// Has reports whether the tree has a file at name.
func (t *Tree) Has(name string) bool {
	_, ok := t.files[name]
	return ok
}

// Names returns every file name, sorted.
func (t *Tree) Names() []string {
	names := make([]string, 0, len(t.files))
	for n := range t.files {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// Len returns the number of files.
func (t *Tree) Len() int { return len(t.files) }
