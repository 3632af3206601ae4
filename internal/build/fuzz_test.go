package build

import (
	"context"
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

// fuzzProfile is a small profile with networks whose share texts, bios
// and images all take a post's text.
const fuzzProfile = `[person]
name = "Zoé Laurent"
role = "Photographe"
tagline = "Des portraits qui vous ressemblent"
site_url = "https://zoe.example"
language = "fr"

[strategy]
audience = "Les artisans de Lyon"
message = "Un portrait dit qui vous êtes"
objectives = ["Deux séances par mois"]

[bio]
candidates = ["Photographe à Lyon. Des portraits qui vous ressemblent, pour vos sites et vos réseaux."]

[voice]
banned = ["synergie*"]

[calendar]
cadence = "weekly"

[networks.linkedin]
goal = "clients"
[networks.mastodon]
goal = "pairs"
handle = "@zoe@piaille.fr"
`

// FuzzCheck runs the whole check on a kit with one post of any text,
// beside a plain one that links to it: the post goes through front matter,
// Markdown, typography, the voice pass, share texts, the calendar, the
// image plan and the pages. Whatever it holds, the check ends without a
// machine error, and every finding is placed in a file of the kit.
func FuzzCheck(f *testing.F) {
	for _, s := range []string{
		"+++\ntitle = \"Bonjour!\"\ndate = 2026-01-05\ntags = [\"mise en page\"]\n+++\nUne *synergie*... [lien](/posts/b/) ![](x.png)\n",
		"+++\ntitle = \"\"\ndate = 2026-13-01\nslug = \"../b\"\n+++\n<!-- marque:disable -->",
		"+++\ntitle = \"T\"\ndate = 2026-01-05\nsummary = \"" + strings.Repeat("é ", 200) + "\"\n+++\n# T\n\n## T\n",
		"no front matter at all",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, post []byte) {
		fsys := fstest.MapFS{
			"brand.toml":         {Data: []byte(fuzzProfile)},
			"content/posts/a.md": {Data: post},
			"content/posts/b.md": {Data: []byte("+++\ntitle = \"Bravo\"\ndate = 2026-01-06\n+++\nVoir [a](/posts/a/).\n")},
		}
		res, err := run(context.Background(), fsys, Options{Source: ".", Today: today})
		if err != nil {
			t.Fatalf("machine error on a kit's text: %v", err)
		}
		for _, fd := range res.Findings.Items() {
			if _, ok := fsys[fd.File]; !ok && fd.File != "" {
				t.Fatalf("finding in %q, no file of the kit: %v", fd.File, fd)
			}
			if fd.Line < 0 || fd.Line > 0 && fd.Column < 1 {
				t.Fatalf("finding without a position: %v", fd)
			}
		}
		if res.Site == nil && !res.Findings.HasErrors() {
			t.Fatal("no site and no error")
		}
	})
}

// FuzzCheckProfile runs the whole check on a kit whose brand.toml is any
// text: the profile's checks (brief, accounts, bios, voice on the
// profile's own words, contrast, cadence) and everything that takes the
// profile's text (images, pages, share texts) end without a machine
// error, and place every finding in a file of the kit.
func FuzzCheckProfile(f *testing.F) {
	f.Add([]byte(fuzzProfile))
	if example, err := os.ReadFile("../../brand.toml"); err == nil {
		f.Add(example)
	}
	f.Add([]byte("[person]\nname = \"Zoé\"\nrole = \"x\"\nsite_url = \"https://z.example/blog/\"\n[networks.bluesky]\nhandle = \"z.example\"\ndid = \"did:plc:x\"\n[identity]\ncolors = { primary = \"#FFF\", background = \"#FFF\" }\n"))
	f.Fuzz(func(t *testing.T, profile []byte) {
		fsys := fstest.MapFS{
			"brand.toml":         {Data: profile},
			"content/posts/a.md": {Data: []byte("+++\ntitle = \"Bonjour!\"\ndate = 2026-01-05\ntags = [\"mise en page\"]\n+++\nUn texte... [b](/posts/b/)\n")},
			"content/posts/b.md": {Data: []byte("+++\ntitle = \"Bravo\"\ndate = 2026-01-06\n+++\nVoir [a](/posts/a/).\n")},
		}
		res, err := run(context.Background(), fsys, Options{Source: ".", Today: today})
		if err != nil {
			t.Fatalf("machine error on a kit's text: %v", err)
		}
		for _, fd := range res.Findings.Items() {
			if _, ok := fsys[fd.File]; !ok && fd.File != "" {
				t.Fatalf("finding in %q, no file of the kit: %v", fd.File, fd)
			}
		}
	})
}
