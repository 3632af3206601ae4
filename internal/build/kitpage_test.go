package build

import (
	"bytes"
	"context"
	"encoding/json"
	"html"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/marque-kit/marque/internal/manifest"
)

// kitPageKit is a kit on three networks, with a logo and two posts, one
// of them shared on X alone.
const kitPageKit = `
-- brand.toml --
[person]
name = "Zoé Laurent"
role = "Photographe"
tagline = "Des portraits qui vous ressemblent"
language = "fr"
site_url = "https://zoe-laurent.fr"
email = "bonjour@zoe-laurent.fr"
logo = "assets/logo.png"

[strategy]
audience = "Artisans et commerçants de Rennes"
message = "Un portrait juste vaut mieux qu’un long discours"
objectives = ["Deux séances par mois"]
market = "b2c"

[bio]
candidates = [
  "Photographe à Rennes. Je fais des portraits d’artisans et de commerçants, dans leur atelier ou leur boutique.",
  "Photographe à Rennes",
]

[networks.linkedin]
handle = "zoe-laurent"
url = "https://www.linkedin.com/in/zoe-laurent"
goal = "Trouver des clients"

[networks.x]
handle = "zoelaurent"
goal = "Suivre la presse locale"

[networks.mastodon]
handle = "@zoe@piaille.fr"
url = "https://piaille.fr/@zoe"
goal = "Échanger avec d’autres photographes"
-- content/posts/atelier.md --
+++
title = "Un portrait à l’atelier"
date = 2026-10-05
summary = "La lumière d’un atelier suffit souvent."
+++
Bonjour.
-- content/posts/vitrine.md --
+++
title = "La vitrine de Noël"
date = 2026-11-16
networks = ["x"]
+++
Trois idées pour photographier une vitrine.
`

// writeKitPageKit writes kitPageKit, and a logo, into a new folder.
func writeKitPageKit(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range txtar.Parse([]byte(kitPageKit)).Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	logo := image.NewNRGBA(image.Rect(0, 0, 120, 60))
	for i := range logo.Pix {
		logo.Pix[i] = 0x80
	}
	logo.Set(3, 3, color.NRGBA{R: 200, A: 255})
	var b bytes.Buffer
	if err := png.Encode(&b, logo); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(dir, "assets"), 0o755)
	if err := os.WriteFile(filepath.Join(dir, "assets", "logo.png"), b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// pageLinkRE finds what a page links to or loads.
var pageLinkRE = regexp.MustCompile(`(?:href|src|data)="([^"]*)"`)

// brokenLinks returns the links of page to files of the site that site
// does not have; external links, mail and fragments are left alone.
func brokenLinks(page string, has func(string) bool) []string {
	var broken []string
	for _, m := range pageLinkRE.FindAllStringSubmatch(page, -1) {
		ref := html.UnescapeString(m[1])
		if !strings.HasPrefix(ref, "/") || strings.HasPrefix(ref, "//") {
			continue
		}
		name, _, _ := strings.Cut(strings.TrimPrefix(ref, "/"), "?")
		name, _, _ = strings.Cut(name, "#")
		if name == "" || strings.HasSuffix(name, "/") {
			name += "index.html"
		}
		if !has(name) {
			broken = append(broken, ref)
		}
	}
	return broken
}

// copyTextRE finds the texts to copy of the kit page.
var copyTextRE = regexp.MustCompile(`(?s)<pre class="copy-text" id="[^"]+"[^>]*>\n(.*?)</pre>`)

// TestKitPage builds a kit and checks its kit page against what the build
// wrote: every bio and share text is there to copy, exactly; every image
// of the manifest is shown; every link leads to a file; and no other file
// of the site points to the page.
func TestKitPage(t *testing.T) {
	dir := writeKitPageKit(t)
	out := buildClean(t, Options{Source: dir, Out: filepath.Join(dir, "public"), Today: today})
	has := func(name string) bool {
		_, err := os.Stat(filepath.Join(out, filepath.FromSlash(name)))
		return err == nil
	}
	page := string(read(t, out, "kit/index.html"))
	var m manifest.Manifest
	if err := json.Unmarshal(read(t, out, manifest.Path), &m); err != nil {
		t.Fatal(err)
	}

	texts := map[string]bool{}
	for _, c := range copyTextRE.FindAllStringSubmatch(page, -1) {
		texts[html.UnescapeString(c[1])] = true
	}
	if len(m.Bios) == 0 || len(m.Shares) == 0 || len(m.Images) == 0 {
		t.Fatalf("the manifest has %d bios, %d shares, %d images", len(m.Bios), len(m.Shares), len(m.Images))
	}
	for _, b := range m.Bios {
		if !texts[b.Text] {
			t.Errorf("the %s %s text is not on the kit page to copy: %q", b.Network, b.Field, b.Text)
		}
	}
	for _, s := range m.Shares {
		if !texts[s.Text] {
			t.Errorf("the share text of %s on %s is not on the kit page: %q", s.Post, s.Network, s.Text)
		}
		if s.Image != "" && !strings.Contains(page, `src="/`+s.Image+`"`) {
			t.Errorf("the kit page does not show %s", s.Image)
		}
	}
	for _, img := range m.Images {
		if !strings.Contains(page, `src="/`+img.Path+`"`) || !strings.Contains(page, `href="/`+img.Path+`" download=`) {
			t.Errorf("the kit page does not show %s with a download link", img.Path)
		}
	}
	for _, want := range []string{
		`<meta name="robots" content="noindex, nofollow">`,
		`src="/kit/logo.png"`, `href="/kit/contact.vcf" download="contact.vcf"`, `src="/kit/qr-site.svg"`,
		"Suivre la presse locale", "Particuliers (B2C)", "La vitrine de Noël",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the kit page lacks %s", want)
		}
	}
	if broken := brokenLinks(page, has); len(broken) > 0 {
		t.Errorf("the kit page links to files that do not exist: %v", broken)
	}
	// The logo is the brand's own file, whole.
	if !bytes.Equal(read(t, out, "kit/logo.png"), read(t, dir, "assets/logo.png")) {
		t.Errorf("kit/logo.png is not the brand's logo file")
	}

	// Linked from nowhere public: not in the sitemap, the feed or
	// robots.txt, and from no other page.
	for _, name := range []string{"sitemap.xml", "feed.xml", "robots.txt"} {
		if strings.Contains(string(read(t, out, name)), "kit") {
			t.Errorf("%s mentions the kit", name)
		}
	}
	filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		rel, _ := filepath.Rel(out, p)
		rel = filepath.ToSlash(rel)
		if err != nil || d.IsDir() || !strings.HasSuffix(rel, ".html") || strings.HasPrefix(rel, "kit/") {
			return err
		}
		if body, _ := os.ReadFile(p); bytes.Contains(body, []byte("/kit/")) {
			t.Errorf("%s links into the kit", rel)
		}
		return nil
	})
}

// TestKitPageWithoutImages checks the kit page of a check, which draws no
// images: it says where they come from, and links to no image that is not
// there.
func TestKitPageWithoutImages(t *testing.T) {
	dir := writeKitPageKit(t)
	res, err := Check(context.Background(), Options{Source: dir, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	page, ok := res.Site.Get("kit/index.html")
	if !ok {
		t.Fatalf("no kit page in %v", res.Site.Names())
	}
	if broken := brokenLinks(string(page), res.Site.Has); len(broken) > 0 {
		t.Errorf("the kit page links to files that do not exist: %v", broken)
	}
	if !bytes.Contains(page, []byte("marque build")) {
		t.Errorf("the kit page does not say where the images come from")
	}
	if n := bytes.Count(page, []byte(`<pre class="copy-text"`)); n < 5 {
		t.Errorf("%d texts to copy, want the bios and share texts", n)
	}
}
