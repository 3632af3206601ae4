package devserver

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/marque-kit/marque/internal/brand"
	"github.com/marque-kit/marque/internal/diag"
)

// The pages and the files serve adds to the site's pages.
var (
	//go:embed ui/client.js
	clientJS string
	//go:embed ui/overlay.css
	overlayCSS string
	//go:embed ui/overlay.html ui/page.html
	ui embed.FS

	overlayT = template.Must(template.ParseFS(ui, "ui/overlay.html"))
	pageT    = template.Must(template.ParseFS(ui, "ui/page.html"))
)

// overlayData is what overlay.html shows.
type overlayData struct {
	Findings    []diag.Finding // the page's own
	Fingerprint string         // of Findings: the same ones stay dismissed
	Total       int            // findings in the kit
	CSS         template.CSS
}

// snippet returns what serve adds to the site's page name served at the
// request path p: the overlay when the kit has findings, and the page's
// script. name "" is a page of the server's own, which gets the script
// only.
func (s *Server) snippet(st *state, p, name string) []byte {
	var b bytes.Buffer
	if name != "" && !st.broken() && len(st.findings()) > 0 {
		own := st.pageFindings(name)
		err := overlayT.Execute(&b, overlayData{
			Findings:    own,
			Fingerprint: findingsKey(own),
			Total:       len(st.findings()),
			CSS:         template.CSS(overlayCSS),
		})
		if err != nil {
			// Our own template on our own data: a bug, which must not
			// cost the page its script.
			fmt.Fprintf(s.opts.Stderr, "marque: internal error: overlay: %v\n", err)
			b.Reset()
		}
	}
	fmt.Fprintf(&b, "<script data-path=\"%s\" data-version=\"%s\">%s</script>\n",
		template.HTMLEscapeString(p), template.HTMLEscapeString(s.version(st, p)), clientJS)
	return b.Bytes()
}

// pageData is what page.html shows.
type pageData struct {
	Title, Lead string
	Err         string // a failure of the machine, or ""
	Files       []fileFindings
}

// fileFindings are the findings of one file, with the pages that show them.
type fileFindings struct {
	ID       int
	Name     string // "" for the whole kit
	Pages    []string
	Findings []diag.Finding
}

// serveKitPage answers with the findings of the whole kit: /_marque/ with
// status 200, or the error page of a kit that does not build, for any
// path, with status 500.
func (s *Server) serveKitPage(w http.ResponseWriter, r *http.Request, st *state, p string, status int) {
	d := pageData{Title: "Findings of the kit"}
	if st.err != nil {
		d.Err = st.err.Error()
	}
	l := &diag.List{}
	if st.res != nil {
		l = &st.res.Findings
	}
	when := time.Now().Format(time.TimeOnly)
	switch {
	case status != http.StatusOK:
		d.Title = "The kit does not build"
		d.Lead = "There is no page to show until the problems below are fixed. Save the fix: this page reloads by itself."
	case st.broken():
		d.Lead = fmt.Sprintf("%s. The kit does not build, so no page can be shown. This page reloads after each change (%s).", capitalize(summary(l)), when)
	case l.Len() == 0:
		d.Lead = fmt.Sprintf("No findings: the kit is clean. This page reloads after each change (%s).", when)
	default:
		d.Lead = fmt.Sprintf("%s. This page reloads after each change (%s).", capitalize(summary(l)), when)
	}
	pages := map[string][]string{}
	if !st.broken() {
		for page, files := range st.res.Sources {
			for _, f := range files {
				if f != brand.FileName { // brand.toml is on every page
					pages[f] = append(pages[f], st.res.BasePath+strings.TrimSuffix(page, "index.html"))
				}
			}
		}
	}
	for _, list := range pages {
		slices.Sort(list)
	}
	for _, f := range l.Items() {
		if n := len(d.Files); n == 0 || d.Files[n-1].Name != f.File {
			d.Files = append(d.Files, fileFindings{ID: n + 1, Name: f.File, Pages: pages[f.File]})
		}
		last := &d.Files[len(d.Files)-1]
		last.Findings = append(last.Findings, f)
	}
	var b bytes.Buffer
	if err := pageT.Execute(&b, d); err != nil {
		fmt.Fprintf(s.opts.Stderr, "marque: internal error: findings page: %v\n", err)
		http.Error(w, "internal error: "+err.Error(), http.StatusInternalServerError)
		return
	}
	write(w, r, status, "text/html; charset=utf-8", inject(b.Bytes(), s.snippet(st, p, "")))
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
