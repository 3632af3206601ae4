package build

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/marque-kit/marque"
	"github.com/marque-kit/marque/internal/scaffold"
)

// exampleKit writes the example kit into a new folder and returns it.
func exampleKit(tb testing.TB) string {
	tb.Helper()
	dir := filepath.Join(tb.TempDir(), "kit")
	if err := scaffold.NewSite(marque.Example, dir); err != nil {
		tb.Fatal(err)
	}
	return dir
}

// buildClean builds opts, into a new folder when opts.Out is empty, and
// returns the output folder; an error, or an error finding, fails tb.
func buildClean(tb testing.TB, opts Options) string {
	tb.Helper()
	if opts.Out == "" {
		opts.Out = filepath.Join(tb.TempDir(), "public")
	}
	res, err := Build(context.Background(), opts)
	if err != nil {
		tb.Fatal(err)
	}
	if res.Findings.HasErrors() {
		tb.Fatalf("error findings: %v", res.Findings.Items())
	}
	return opts.Out
}

// writeCacheKit writes files, by slash path, into a new folder.
func writeCacheKit(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestCacheSameOutput builds the example kit without a cache, then twice
// with one: the second hits it for every post, image and voice check, and
// all three must give the same site and findings.
func TestCacheSameOutput(t *testing.T) {
	dir := exampleKit(t)
	check := func(c *Cache) *Result {
		t.Helper()
		res, err := Check(context.Background(), Options{Source: dir, Today: today, Cache: c})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	want := check(nil)
	c := NewCache()
	check(c)
	if len(c.docs) == 0 || len(c.images) == 0 || len(c.voices) == 0 {
		t.Fatalf("the cache kept %d documents, %d images, %d voice checks", len(c.docs), len(c.images), len(c.voices))
	}
	got := check(c)
	if !slices.Equal(got.Site.Names(), want.Site.Names()) {
		t.Fatalf("files with the cache:\n%v\nwithout:\n%v", got.Site.Names(), want.Site.Names())
	}
	for _, name := range want.Site.Names() {
		a, _ := got.Site.Get(name)
		b, _ := want.Site.Get(name)
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs with the cache", name)
		}
	}
	if !slices.Equal(got.Findings.Items(), want.Findings.Items()) {
		t.Errorf("findings with the cache:\n%v\nwithout:\n%v", got.Findings.Items(), want.Findings.Items())
	}
}

// TestCacheFollowsChanges edits, renames and removes posts between cached
// builds: each build shows the kit as it is, and the cache keeps only what
// the last build used.
func TestCacheFollowsChanges(t *testing.T) {
	dir := writeCacheKit(t, map[string]string{
		"brand.toml":         "[person]\nname = \"Zoé Laurent\"\nrole = \"Photographe\"\nsite_url = \"https://zoe.example\"\n\n[voice]\nbanned = [\"synergie\"]\n",
		"content/posts/a.md": "+++\ntitle = \"Alpha\"\ndate = 2026-01-05\n+++\nUne synergie.\n",
		"content/posts/b.md": "+++\ntitle = \"Bravo\"\ndate = 2026-01-06\n+++\nLe texte bravo.\n",
	})
	c := NewCache()
	check := func() *Result {
		t.Helper()
		res, err := Check(context.Background(), Options{Source: dir, Today: today, Cache: c})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	page := func(res *Result, name string) string {
		t.Helper()
		b, ok := res.Site.Get(name)
		if !ok {
			t.Fatalf("no %s", name)
		}
		return string(b)
	}
	files := func(res *Result, rule string) []string {
		var out []string
		for _, f := range res.Findings.Items() {
			if f.Rule == rule {
				out = append(out, f.File)
			}
		}
		return out
	}
	check()

	os.WriteFile(filepath.Join(dir, "content/posts/b.md"), []byte("+++\ntitle = \"Bravo\"\ndate = 2026-01-06\n+++\nLe texte changé.\n"), 0o644)
	res := check()
	if !strings.Contains(page(res, "posts/b/index.html"), "Le texte changé.") {
		t.Errorf("the edit of b is not on its page")
	}

	// The same bytes under another name: the finding names the new file.
	if err := os.Rename(filepath.Join(dir, "content/posts/a.md"), filepath.Join(dir, "content/posts/c.md")); err != nil {
		t.Fatal(err)
	}
	res = check()
	if got := files(res, "voice.banned"); !slices.Equal(got, []string{"content/posts/c.md"}) {
		t.Errorf("voice.banned after the rename is in %v, want content/posts/c.md", got)
	}

	// The cache holds the last build's work and nothing older: two
	// posts and the about page that is not there.
	if err := os.Remove(filepath.Join(dir, "content/posts/b.md")); err != nil {
		t.Fatal(err)
	}
	check()
	if len(c.docs) != 1 {
		t.Errorf("the cache holds %d rendered documents, want 1", len(c.docs))
	}
	if len(c.voices) != 2 { // the profile and post c
		t.Errorf("the cache holds %d voice checks, want 2", len(c.voices))
	}
}

// TestPreview checks what serve asks of a build: the site moved to another
// origin with its path, and the files each page is made from.
func TestPreview(t *testing.T) {
	dir := writeCacheKit(t, map[string]string{
		"brand.toml":         "[person]\nname = \"Zoé Laurent\"\nrole = \"Photographe\"\nsite_url = \"https://zoe.example/blog\"\n",
		"content/about.md":   "Bonjour.\n",
		"content/posts/a.md": "+++\ntitle = \"Alpha\"\ndate = 2026-01-05\n+++\nAlpha.\n",
	})
	for _, tt := range []struct {
		opts            Options
		canonical, base string
	}{
		{Options{Origin: "http://127.0.0.1:4321"}, "http://127.0.0.1:4321/blog/", "/blog/"},
		{Options{Origin: "http://127.0.0.1:4321", BaseURL: "https://preview.example/x/"}, "https://preview.example/x/", "/x/"},
		{Options{BaseURL: "https://preview.example"}, "https://preview.example/", "/"},
		{Options{}, "https://zoe.example/blog/", "/blog/"},
	} {
		tt.opts.Source, tt.opts.Today = dir, today
		res, err := Check(context.Background(), tt.opts)
		if err != nil {
			t.Fatal(err)
		}
		home, _ := res.Site.Get("index.html")
		if want := `<link rel="canonical" href="` + tt.canonical + `">`; !strings.Contains(string(home), want) {
			t.Errorf("%+v: home page lacks %s", tt.opts, want)
		}
		if res.BasePath != tt.base {
			t.Errorf("%+v: BasePath %q, want %q", tt.opts, res.BasePath, tt.base)
		}
	}

	res, err := Check(context.Background(), Options{Source: dir, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"index.html":         {"brand.toml"},
		"404.html":           {"brand.toml"},
		"about/index.html":   {"brand.toml", "content/about.md"},
		"posts/a/index.html": {"brand.toml", "content/posts/a.md"},
	}
	for page, files := range want {
		if got := res.Sources[page]; !slices.Equal(got, files) {
			t.Errorf("Sources[%s] = %v, want %v", page, got, files)
		}
	}
	for page := range res.Sources {
		if !strings.HasSuffix(page, ".html") || !res.Site.Has(page) {
			t.Errorf("Sources has %s, not a page of the site", page)
		}
	}
}
