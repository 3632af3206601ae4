package devserver

import (
	"bytes"
	"fmt"
	"hash"
	"hash/fnv"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/marque-kit/marque/internal/build"
	"github.com/marque-kit/marque/internal/diag"
	"github.com/marque-kit/marque/internal/output"
)

// state is one build as the server shows it. A state never changes once
// made: a rebuild makes a new one and closes the old one's changed channel,
// so a request or an event stream reads one build from start to end.
type state struct {
	n uint64 // the state's number, from 1; 0 before the first build
	// built counts the rebuilds of the kit after saves, the first build
	// included, and drawn is set on the state of a drawing of the images
	// (see Server), which completes the rebuild before it.
	built uint64
	drawn bool
	res   *build.Result // nil when the build failed (err)
	err   error         // a failure of the machine, shown on every page
	took  time.Duration
	// gen holds, for each file of the site, the number of the build that
	// last changed its bytes, and assets the last build that changed,
	// added or removed a file that pages load (an image under a name that
	// stays, say): a page whose own bytes, findings and assets did not
	// change need not reload. kitAssets is the same for the files under
	// kit/, which only the kit's own pages load: a drawing that changes a
	// post's share images reloads the kit page alone.
	gen       map[string]uint64
	assets    uint64
	kitAssets uint64
	// paged holds the kit files some page is made from; the others (a
	// post whose front matter does not parse yet, a draft left out) show
	// their findings on the 404 page, where their page would be.
	paged   map[string]bool
	changed chan struct{}
}

// newState makes the state of the build after prev.
func newState(prev *state, res *build.Result, err error, took time.Duration) *state {
	st := &state{n: prev.n + 1, built: prev.built, res: res, err: err, took: took, changed: make(chan struct{}),
		assets: prev.assets, kitAssets: prev.kitAssets}
	cur, old := st.site(), prev.site()
	if cur == nil {
		return st
	}
	st.paged = map[string]bool{}
	for _, files := range res.Sources {
		for _, f := range files {
			st.paged[f] = true
		}
	}
	names := cur.Names()
	st.gen = make(map[string]uint64, len(names))
	for _, name := range names {
		if old != nil && unchanged(cur, old, name) {
			st.gen[name] = prev.gen[name]
			continue
		}
		st.gen[name] = st.n
		st.assetChanged(name)
	}
	for name := range prev.gen { // the files gone
		if !cur.Has(name) {
			st.assetChanged(name)
		}
	}
	return st
}

// unchanged reports whether old has the file name of cur, with the same
// bytes. Two files linked from one entry of the image cache are the same
// bytes (an entry's name holds its sum, and the cache never rewrites one),
// so they are not read.
func unchanged(cur, old *output.Tree, name string) bool {
	if a, ok := cur.Disk(name); ok {
		if b, ok := old.Disk(name); ok && a == b {
			return true
		}
	}
	was, ok := old.Get(name)
	if !ok {
		return false
	}
	data, _ := cur.Get(name)
	return bytes.Equal(was, data)
}

// assetChanged notes that the build changed, added or removed the file
// name, which matters to open pages when it is an asset.
func (st *state) assetChanged(name string) {
	switch {
	case !isAsset(name):
	case isKit(name):
		st.kitAssets = st.n
	default:
		st.assets = st.n
	}
}

// isKit reports whether the site file name is part of the brand kit,
// which only the kit's pages show: the site's own pages load nothing there.
func isKit(name string) bool { return strings.HasPrefix(name, "kit/") }

// site returns the site built, or nil when the kit does not build.
func (st *state) site() *output.Tree {
	if st.res == nil {
		return nil
	}
	return st.res.Site
}

// broken reports whether there is no site to serve: every page then shows
// the error page.
func (st *state) broken() bool { return st.site() == nil }

// findings returns every finding of the build.
func (st *state) findings() []diag.Finding {
	if st.res == nil {
		return nil
	}
	return st.res.Findings.Items()
}

// pageFindings returns the findings of the files the page name is made
// from, and those of the whole kit (no file). The 404 page also shows
// those of the files that make no page.
func (st *state) pageFindings(name string) []diag.Finding {
	var own []diag.Finding
	sources := st.res.Sources[name]
	notFound := name == "404.html"
	for _, f := range st.findings() {
		if f.File == "" || slices.Contains(sources, f.File) || (notFound && !st.paged[f.File]) {
			own = append(own, f)
		}
	}
	return own
}

// changedPages counts the pages this build changed or added.
func (st *state) changedPages() int {
	n := 0
	for name, g := range st.gen {
		if g == st.n && isPage(name) {
			n++
		}
	}
	return n
}

// changedFiles counts the files this build changed or added.
func (st *state) changedFiles() int {
	n := 0
	for _, g := range st.gen {
		if g == st.n {
			n++
		}
	}
	return n
}

// isPage reports whether the file name of the site is an HTML page.
func isPage(name string) bool { return strings.HasSuffix(name, ".html") }

// isAsset reports whether the file name of the site is of a kind pages
// load: a style sheet, a script, an image or a font. The feed, the sitemap
// and the kit's texts are not: their changes reload no page.
func isAsset(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".css", ".js", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg", ".ico", ".woff", ".woff2", ".ttf", ".otf":
		return true
	}
	return false
}

// fingerprint hashes findings, for the versions of pages.
func fingerprint(h hash.Hash64, findings []diag.Finding) {
	for _, f := range findings {
		fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00%s\n", f.Pos, f.Severity, f.Rule, f.Message, f.Suggestion)
	}
}

// findingsKey returns a short fingerprint of findings.
func findingsKey(findings []diag.Finding) string {
	h := fnv.New64a()
	fingerprint(h, findings)
	return fmt.Sprintf("%016x", h.Sum64())
}

// version returns what a page at the request path p shows of the state
// st: when it changes, an open page at p reloads. It covers the bytes of
// the file served (or the error page), the files it loads (assets), the
// findings its overlay lists and the kit's count of them, and the server's
// run, so that pages left open across a restart reload too.
func (s *Server) version(st *state, p string) string {
	h := fnv.New64a()
	switch {
	case p == findingsPath:
		fmt.Fprintf(h, "findings\x00%v\n", st.err)
		fingerprint(h, st.findings())
	case st.broken():
		fmt.Fprintf(h, "error\x00%v\n", st.err)
		fingerprint(h, st.findings())
	default:
		t := resolve(st, p)
		fmt.Fprintf(h, "%s\x00%d\x00%s\x00%d\x00%d\n", t.name, t.status, t.location, st.gen[t.name], st.assets)
		if isKit(t.name) {
			fmt.Fprintf(h, "%d\n", st.kitAssets)
		}
		if t.name != "" {
			fingerprint(h, st.pageFindings(t.name))
		}
		fmt.Fprintf(h, "%d\n", len(st.findings()))
	}
	return fmt.Sprintf("%s-%016x", s.id, h.Sum64())
}
