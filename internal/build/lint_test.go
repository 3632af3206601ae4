package build

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestLint checks the example kit as marque check does (Options.Lint):
// the findings and the names of the site's files are those of a full
// check, and the pages, named only, have no bytes.
func TestLint(t *testing.T) {
	dir := exampleKit(t)
	check := func(lint bool) *Result {
		t.Helper()
		res, err := Check(context.Background(), Options{Source: dir, Today: today, Lint: lint})
		if err != nil || res.Site == nil {
			t.Fatal(err, res.Findings.Items())
		}
		return res
	}
	full, lint := check(false), check(true)
	if g, w := lint.Findings.Items(), full.Findings.Items(); !slices.Equal(g, w) {
		t.Errorf("findings:\n%v\nwant:\n%v", g, w)
	}
	if g, w := lint.Site.Names(), full.Site.Names(); !slices.Equal(g, w) {
		t.Errorf("files:\n%v\nwant:\n%v", g, w)
	}
	for _, name := range []string{"index.html", "posts/trois-couleurs/index.html", "kit/index.html", "kit/manifest.json"} {
		if data, _ := lint.Site.Get(name); len(data) != 0 {
			t.Errorf("%s: %d bytes in a check", name, len(data))
		}
	}
}

// TestLintRunsTemplates gives the kit a post template that fails when it
// runs: a check reports it, as a build does, though it makes no page.
func TestLintRunsTemplates(t *testing.T) {
	dir := exampleKit(t)
	th, err := os.ReadFile("../../theme/templates/post.html")
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "theme/templates/post.html")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	broken := strings.Replace(string(th), "{{.Title}}", "{{.Title}}{{.NoSuchField}}", 1)
	if err := os.WriteFile(p, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, lint := range []bool{false, true} {
		res, err := Check(context.Background(), Options{Source: dir, Today: today, Lint: lint})
		if err != nil {
			t.Fatal(err)
		}
		var found bool
		for _, f := range res.Findings.Items() {
			found = found || f.Rule == "content.syntax" && strings.Contains(f.Message, "NoSuchField")
		}
		if !found || res.Site != nil {
			t.Errorf("lint %v: the broken template is not reported: %v", lint, res.Findings.Items())
		}
	}
}

// TestKitSharedTemplates checks that a kit's own footer, head and header,
// which render runs once rather than on every page, show on every page,
// and that one that fails is a finding at its file.
func TestKitSharedTemplates(t *testing.T) {
	for _, c := range []struct {
		file, tmpl string
		want       string // in every page, or the finding's message
		fails      bool
	}{
		{"footer.html", `{{define "footer"}}<footer>Pied de {{.Name}}</footer>{{end}}`, "<footer>Pied de Zoé Laurent</footer>", false},
		{"footer.html", `{{define "footer"}}<footer>{{.NoSuchField}}</footer>{{end}}`, "NoSuchField", true},
		{"head.html", `{{define "head"}}<meta name="x-site" content="{{.Name}}">{{end}}`, `<meta name="x-site" content="Zoé Laurent">`, false},
		{"head.html", `{{define "head"}}{{.NoSuchField}}{{end}}`, "NoSuchField", true},
		// The current link of each page: none on a post's page.
		{"header.html", `{{define "header"}}<p>{{.Site.Name}} {{.Kind}}{{range .Nav}}{{if .Current}} [{{.URL}}]{{end}}{{end}}</p>{{end}}`, "<p>Zoé Laurent ", false},
		{"header.html", `{{define "header"}}{{.NoSuchField}}{{end}}`, "NoSuchField", true},
	} {
		dir := writeCacheKit(t, map[string]string{
			"brand.toml":                "[person]\nname = \"Zoé Laurent\"\nrole = \"Photographe\"\nsite_url = \"https://zoe.example\"\n",
			"content/posts/a.md":        "+++\ntitle = \"Alpha\"\ndate = 2026-01-05\n+++\nUn texte.\n",
			"theme/templates/" + c.file: c.tmpl,
		})
		res, err := Check(context.Background(), Options{Source: dir, Today: today})
		if err != nil {
			t.Fatal(err)
		}
		if c.fails {
			var found bool
			for _, f := range res.Findings.Items() {
				found = found || f.Rule == "content.syntax" && f.File == "theme/templates/"+c.file && strings.Contains(f.Message, c.want)
			}
			if !found {
				t.Errorf("a failing %s: %v", c.file, res.Findings.Items())
			}
			continue
		}
		if res.Site == nil {
			t.Fatal(res.Findings.Items())
		}
		for _, name := range []string{"index.html", "posts/a/index.html", "about/index.html", "404.html"} {
			if page, _ := res.Site.Get(name); !strings.Contains(string(page), c.want) {
				t.Errorf("%s lacks the kit's %s", name, c.file)
			}
		}
		if c.file == "header.html" {
			for name, want := range map[string]string{
				"index.html":         "<p>Zoé Laurent home</p>",
				"posts/a/index.html": "<p>Zoé Laurent post</p>",
				"posts/index.html":   "<p>Zoé Laurent posts [/posts/]</p>",
				"about/index.html":   "<p>Zoé Laurent about [/about/]</p>",
			} {
				if page, _ := res.Site.Get(name); !strings.Contains(string(page), want) {
					t.Errorf("%s lacks its own header %q", name, want)
				}
			}
		}
	}
}
