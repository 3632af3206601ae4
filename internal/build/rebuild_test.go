package build

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// sameResult reports how got, a build with a cache, differs from want, a
// build without one: every file byte for byte, the findings and the
// pages' sources.
func sameResult(t *testing.T, what string, got, want *Result) {
	t.Helper()
	if (got.Site == nil) != (want.Site == nil) {
		t.Fatalf("%s: site %v with the cache, %v without", what, got.Site != nil, want.Site != nil)
	}
	if got.Site != nil {
		if g, w := got.Site.Names(), want.Site.Names(); !slices.Equal(g, w) {
			t.Errorf("%s: files with the cache:\n%v\nwithout:\n%v", what, g, w)
		}
		for _, name := range want.Site.Names() {
			a, _ := got.Site.Get(name)
			b, _ := want.Site.Get(name)
			if !bytes.Equal(a, b) {
				t.Errorf("%s: %s differs with the cache", what, name)
			}
		}
	}
	if g, w := got.Findings.Items(), want.Findings.Items(); !slices.Equal(g, w) {
		t.Errorf("%s: findings with the cache:\n%v\nwithout:\n%v", what, g, w)
	}
	for page, files := range want.Sources {
		if !slices.Equal(got.Sources[page], files) {
			t.Errorf("%s: Sources[%s] = %v with the cache, %v without", what, page, got.Sources[page], files)
		}
	}
}

// TestCachedRebuildIsCold edits the example kit as a person in serve
// would, one save at a time, and checks that each build with the cache
// kept since the first (markdown, voice, share texts, planned images,
// rendered pages, theme, fonts) is the build of the edited kit without a
// cache, byte for byte, findings included.
func TestCachedRebuildIsCold(t *testing.T) {
	dir := exampleKit(t)
	opts := Options{Source: dir, Drafts: true, Future: true, Today: today, Origin: "http://127.0.0.1:4321"}
	cached := opts
	cached.Cache = NewCache()
	check := func(o Options) *Result {
		t.Helper()
		res, err := Check(context.Background(), o)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	check(cached)

	file := func(name string) string {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	edit := func(name, old, new string) func() {
		return func() {
			t.Helper()
			src := file(name)
			if !strings.Contains(src, old) {
				t.Fatalf("%s lacks %q", name, old)
			}
			if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), []byte(strings.Replace(src, old, new, 1)), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	const post = "content/posts/trois-couleurs.md"
	for _, step := range []struct {
		name string
		do   func()
	}{
		{"a sentence added to a post", func() {
			if err := os.WriteFile(filepath.Join(dir, post), []byte(file(post)+"\nUne phrase de plus.\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}},
		{"a title changed", edit(post, "title", "title = \"Un autre titre\"\nx")},
		{"the title back", edit(post, "title = \"Un autre titre\"\nx", "title")},
		{"a banned word", func() {
			if err := os.WriteFile(filepath.Join(dir, post), []byte(file(post)+"\nUne vraie synergie.\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}},
		{"a new post", func() {
			p := "+++\ntitle = \"Nouveau\"\ndate = 2026-11-20\ntags = [\"couleur\"]\n+++\nUn nouvel article, et [un lien](/posts/rien/).\n"
			if err := os.WriteFile(filepath.Join(dir, "content/posts/nouveau.md"), []byte(p), 0o644); err != nil {
				t.Fatal(err)
			}
		}},
		{"the tagline changed", edit("brand.toml", "Des identités visuelles", "Des identités")},
		{"a colour changed", edit("brand.toml", `primary = "#1E4D5C"`, `primary = "#2E5D6C"`)},
		{"the card style changed", edit("brand.toml", `card_style   = "solid"`, `card_style   = "paper"`)},
		{"brand.toml broken", edit("brand.toml", "[identity]\n", "[identity\n")},
		{"brand.toml fixed", edit("brand.toml", "[identity\n", "[identity]\n")},
		{"a post removed", func() {
			if err := os.Remove(filepath.Join(dir, "content/posts/nouveau.md")); err != nil {
				t.Fatal(err)
			}
		}},
		{"a template of the kit's", func() {
			p := filepath.Join(dir, "theme/templates")
			if err := os.MkdirAll(p, 0o755); err != nil {
				t.Fatal(err)
			}
			th, err := os.ReadFile("../../theme/templates/404.html")
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(p, "404.html"), bytes.Replace(th, []byte("{{"), []byte("<!-- kit -->{{"), 1), 0o644); err != nil {
				t.Fatal(err)
			}
		}},
	} {
		step.do()
		sameResult(t, step.name, check(cached), check(opts))
	}
}

// TestCachedImages checks what serve asks of the image modes: a build with
// CachedImages adds the images the caches hold and draws none, one with
// EncodeImages draws only the images whose key changed, and either, with
// a cache kept between builds, gives what a build without one gives.
func TestCachedImages(t *testing.T) {
	dir := writeCacheKit(t, map[string]string{
		"brand.toml":         "[person]\nname = \"Zoé Laurent\"\nrole = \"Photographe\"\nsite_url = \"https://zoe.example\"\n",
		"content/posts/a.md": "+++\ntitle = \"Alpha\"\ndate = 2026-01-05\n+++\nLe texte alpha.\n",
		"content/posts/b.md": "+++\ntitle = \"Bravo\"\ndate = 2026-01-06\n+++\nLe texte bravo.\n",
	})
	c := NewCache()
	check := func(mode Images, cache *Cache) *Result {
		t.Helper()
		res, err := Check(context.Background(), Options{Source: dir, Today: today, Images: mode, Cache: cache})
		if err != nil || res.Site == nil {
			t.Fatal(err, res.Findings.Items())
		}
		return res
	}
	images := func(res *Result) []string {
		var out []string
		for _, name := range res.Site.Names() {
			if strings.HasSuffix(name, ".png") || strings.HasSuffix(name, ".ico") {
				out = append(out, name)
			}
		}
		return out
	}
	entries := func() int {
		n := 0
		filepath.WalkDir(filepath.Join(dir, ".cache", "marque"), func(_ string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				n++
			}
			return nil
		})
		return n
	}

	if got := images(check(CachedImages, c)); len(got) > 0 {
		t.Errorf("images before any was drawn: %v", got)
	}
	drawn := check(EncodeImages, c)
	if !slices.Contains(images(drawn), "posts/a/card.png") || !slices.Contains(images(drawn), "favicon.ico") {
		t.Fatalf("EncodeImages drew %v", images(drawn))
	}
	n := entries()
	// The same site, the kit's images included; the print files are
	// written by drawings only (so is the kit page that lists them).
	sameImages := func(what string, got *Result) {
		t.Helper()
		for _, name := range drawn.Site.Names() {
			if strings.HasPrefix(name, "kit/") && !slices.Contains(images(drawn), name) ||
				strings.HasPrefix(name, "kit/business-card") || strings.HasPrefix(name, "kit/qr-") {
				continue
			}
			a, _ := got.Site.Get(name)
			b, _ := drawn.Site.Get(name)
			if !bytes.Equal(a, b) {
				t.Errorf("%s: %s differs from the drawing's", what, name)
			}
		}
	}
	sameImages("CachedImages after a drawing", check(CachedImages, c))
	sameImages("CachedImages from the disk alone", check(CachedImages, nil))

	// A new title: its card waits for a drawing, which draws it alone.
	if err := os.WriteFile(filepath.Join(dir, "content/posts/a.md"), []byte("+++\ntitle = \"Alpha, encore\"\ndate = 2026-01-05\n+++\nLe texte alpha.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got := images(check(CachedImages, c))
	if slices.Contains(got, "posts/a/card.png") || !slices.Contains(got, "posts/b/card.png") || !slices.Contains(got, "favicon.ico") {
		t.Errorf("CachedImages after a new title has %v: want every image but a's card", got)
	}
	sameResult(t, "EncodeImages after a new title", check(EncodeImages, c), check(EncodeImages, nil))
	if added := entries() - n; added != 1 {
		t.Errorf("a new title drew %d images, want 1", added)
	}
}
