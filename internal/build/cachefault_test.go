package build

import (
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/marque-kit/marque/internal/imagecache"
)

// readDir returns every file under dir by slash path.
func readDir(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestCorruptImageCache spoils every entry of a kit's image cache in one
// of the ways a disk, a killed build or a careless hand does: the next
// build goes through, writes the same site as a build with a clean cache,
// and leaves every entry whole again.
func TestCorruptImageCache(t *testing.T) {
	dir := writeCacheKit(t, map[string]string{
		"brand.toml":         "[person]\nname = \"Zoé Laurent\"\nrole = \"Photographe\"\nsite_url = \"https://zoe.example\"\n[networks.linkedin]\ngoal = \"clients\"\n",
		"content/posts/a.md": "+++\ntitle = \"Alpha\"\ndate = 2026-01-05\n+++\nUn texte.\n",
		"content/posts/b.md": "+++\ntitle = \"Bravo\"\ndate = 2026-01-06\n+++\nUn autre.\n",
	})
	cacheDir := filepath.Join(t.TempDir(), "cache")
	build := func() map[string]string {
		t.Helper()
		return readDir(t, buildClean(t, Options{Source: dir, Today: today, CacheDir: cacheDir}))
	}
	want := build()
	// An entry is "ab/cdef…-<size>-<sum>.<format>" for the key "abcdef…".
	var keys, files []string
	for name := range readDir(t, cacheDir) {
		base, _, _ := strings.Cut(name, "-")
		keys = append(keys, strings.ReplaceAll(base, "/", ""))
		files = append(files, filepath.Join(cacheDir, filepath.FromSlash(name)))
	}
	spoil := []func(p string) error{
		func(p string) error { // truncated
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(p, b[:len(b)/2], 0o644)
		},
		func(p string) error { return os.WriteFile(p, []byte("garbage\x00\xff"), 0o644) },
		func(p string) error { // a folder where the entry belongs
			if err := os.Remove(p); err != nil {
				return err
			}
			return os.MkdirAll(filepath.Join(p, "x"), 0o755)
		},
		func(p string) error { return os.Chmod(p, 0) },
		func(p string) error { return os.Chmod(filepath.Dir(p), 0o500) },
	}
	if len(keys) < len(spoil) {
		t.Fatalf("%d cache entries, want one per way to spoil them at least", len(keys))
	}
	for i, f := range files {
		if err := spoil[i%len(spoil)](f); err != nil {
			t.Fatal(err)
		}
	}
	if got := build(); !maps.Equal(got, want) {
		t.Error("the build over a spoiled cache differs from the build over a clean one")
	}
	cache := imagecache.Open(cacheDir)
	for _, k := range keys {
		e, _, ok := cache.Get(k)
		if !ok {
			t.Errorf("entry %s still spoiled", k)
			continue
		}
		if info, err := os.Stat(e.Path); err != nil || !info.Mode().IsRegular() || info.Mode().Perm()&0o600 != 0o600 {
			t.Errorf("entry %s: %v, %v", k, info.Mode(), err)
		}
	}
}
