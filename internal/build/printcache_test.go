package build

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestServeKeepsPrintFiles checks the print files and the kit page's note
// as serve shows them: a build that does not draw (CachedImages) has the
// QR codes' PNGs and the business card that a drawing made, the same
// files of the image cache without laying the card out again, and says
// that images are pending only while some are.
func TestServeKeepsPrintFiles(t *testing.T) {
	dir := exampleKit(t)
	c := NewCache()
	check := func(mode Images, cache *Cache) *Result {
		t.Helper()
		res, err := Check(context.Background(), Options{Source: dir, Drafts: true, Future: true, Today: today, Origin: "http://127.0.0.1:4321", Images: mode, Cache: cache})
		if err != nil || res.Site == nil {
			t.Fatal(err, res.Findings.Items())
		}
		return res
	}
	printFiles := []string{CardPath, CardPreviewPath + "-front.png", CardPreviewPath + "-back.png", QRSitePath + ".png", QRContactPath + ".png"}
	has := func(res *Result, names []string) []string {
		var out []string
		for _, name := range names {
			if res.Site.Has(name) {
				out = append(out, name)
			}
		}
		return out
	}
	pending := func(res *Result) bool {
		page, _ := res.Site.Get("kit/index.html")
		return strings.Contains(string(page), `class="kit-note"`)
	}

	first := check(CachedImages, c)
	if got := has(first, printFiles); len(got) > 0 || !pending(first) {
		t.Errorf("before any drawing: print files %v, images pending %v; want none, and pending", got, pending(first))
	}
	if !first.Site.Has(QRSitePath + ".svg") {
		t.Errorf("before any drawing: no %s.svg, which needs no drawing", QRSitePath)
	}
	drawn := check(EncodeImages, c)
	if got := has(drawn, printFiles); !slices.Equal(got, printFiles) || pending(drawn) {
		t.Fatalf("a drawing: print files %v, images pending %v; want all, and none pending", got, pending(drawn))
	}
	// Made again, a file would be put in the cache again: a new file.
	cached := func(res *Result, name string) os.FileInfo {
		f, ok := res.Site.Disk(name)
		if !ok {
			t.Fatalf("%s is not linked from the image cache", name)
		}
		info, err := os.Stat(f.Path)
		if err != nil {
			t.Fatal(err)
		}
		return info
	}
	var before []os.FileInfo
	for _, name := range printFiles {
		before = append(before, cached(drawn, name))
	}
	again := check(CachedImages, c)
	sameResult(t, "CachedImages after a drawing", again, drawn)
	for i, name := range printFiles {
		if !os.SameFile(cached(again, name), before[i]) {
			t.Errorf("%s made again after the drawing", name)
		}
	}

	// The role is on the card and in the contact card's QR code, not in
	// the site's: only the site's code is kept until a drawing.
	brand := filepath.Join(dir, "brand.toml")
	src, err := os.ReadFile(brand)
	if err != nil {
		t.Fatal(err)
	}
	src = []byte(strings.Replace(string(src), `"Designer graphique indépendante"`, `"Graphiste indépendante"`, 1))
	if err := os.WriteFile(brand, src, 0o644); err != nil {
		t.Fatal(err)
	}
	edited := check(CachedImages, c)
	if got := has(edited, printFiles); !slices.Equal(got, []string{QRSitePath + ".png"}) || !pending(edited) {
		t.Errorf("a new role: print files %v, images pending %v; want the site's QR code alone, and pending", got, pending(edited))
	}
	if g, w := edited.Findings.Items(), check(CachedImages, nil).Findings.Items(); !slices.Equal(g, w) {
		t.Errorf("a new role: findings with the cache:\n%v\nwithout:\n%v", g, w)
	}
	sameResult(t, "a drawing after a new role", check(EncodeImages, c), check(EncodeImages, nil))

	// The logo's bytes are in the card's key, not only its length: new
	// ones make it again.
	check(EncodeImages, c)
	logo := filepath.Join(dir, "assets/logo.png")
	if src, err = os.ReadFile(logo); err != nil {
		t.Fatal(err)
	}
	src[len(src)/2] ^= 0xFF
	if err := os.WriteFile(logo, src, 0o644); err != nil {
		t.Fatal(err)
	}
	if res := check(CachedImages, c); res.Site.Has(CardPath) {
		t.Errorf("a new logo: the card of the old one is kept")
	}

	// A post's new title: its images wait for a drawing, and the page
	// says so.
	post := filepath.Join(dir, "content/posts/trois-couleurs.md")
	if src, err = os.ReadFile(post); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(post, []byte(strings.Replace(string(src), "Trois couleurs, et", "Trois couleurs, mais", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if res := check(CachedImages, c); !pending(res) {
		t.Errorf("a new title: images pending %v, want true", pending(res))
	}
}
