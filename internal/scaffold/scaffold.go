package scaffold

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/marque-kit/marque/internal/post"
)

// ErrExists is wrapped by the errors returned when a target already exists.
var ErrExists = errors.New("already exists")

// NewSite copies the kit in src (marque's embedded example) into dir, which
// must not exist or be empty.
func NewSite(src fs.FS, dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case err == nil && len(entries) > 0:
		return fmt.Errorf("%s is not empty: %w", dir, ErrExists)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return err
	}
	return fs.WalkDir(src, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		target := filepath.Join(dir, filepath.FromSlash(name))
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := fs.ReadFile(src, name)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

type titleKey struct {
	Title string `toml:"title"`
}

// NewPost writes content/posts/<slug>.md in the kit at root, a draft dated
// today with the given title, and returns its kit-relative path.
func NewPost(root, title string, today time.Time) (string, error) {
	slug := post.Slugify(title)
	if slug == "" {
		return "", fmt.Errorf("the title %q gives an empty file name: use letters or digits", title)
	}
	rel := "content/posts/" + slug + ".md"
	target := filepath.Join(root, filepath.FromSlash(rel))
	if _, err := os.Stat(filepath.Join(root, "content", "posts", slug, "index.md")); err == nil {
		return "", fmt.Errorf("content/posts/%s/index.md: %w", slug, ErrExists)
	}
	var fm bytes.Buffer
	fm.WriteString("+++\n")
	// The encoder quotes the title as TOML wants; the date is written by
	// hand because the encoder writes times as datetimes, not local dates.
	if err := toml.NewEncoder(&fm).Encode(titleKey{title}); err != nil {
		return "", err
	}
	fmt.Fprintf(&fm, "date = %s\ndraft = true\n+++\n\n", today.Format(time.DateOnly))
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		return "", err
	}
	f, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return "", fmt.Errorf("%s: %w", rel, ErrExists)
	}
	if err != nil {
		return "", err
	}
	if _, err := f.Write(fm.Bytes()); err != nil {
		f.Close()
		return "", err
	}
	return rel, f.Close()
}
