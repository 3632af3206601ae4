package devserver

import (
	"bytes"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/marque-kit/marque/internal/output"
	"github.com/marque-kit/marque/internal/render"
)

// The server's own paths, outside any site: a site's file under _marque/
// is not served.
const (
	ownPrefix    = "/_marque/"
	findingsPath = ownPrefix
	eventsPath   = ownPrefix + "events"
)

// pingEvery is how often an idle event stream sends a comment, so that a
// closed tab's stream is noticed and ended.
const pingEvery = 15 * time.Second

// ServeHTTP answers from the latest build: a file of the in-memory site,
// the findings page, or the event stream. Nothing outside the site's tree
// is ever read.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "405 method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := r.URL.Path
	st := s.cur.Load()
	switch {
	case p == eventsPath:
		s.serveEvents(w, r)
		return
	case p == findingsPath:
		s.serveKitPage(w, r, st, p, http.StatusOK)
		return
	case p+"/" == ownPrefix:
		redirect(w, r, ownPrefix)
		return
	case strings.HasPrefix(p, ownPrefix):
		http.NotFound(w, r)
		return
	case st.broken():
		s.serveKitPage(w, r, st, p, http.StatusInternalServerError)
		return
	}
	t := resolve(st, p)
	if t.location != "" {
		redirect(w, r, t.location)
		return
	}
	data, ok := st.site().Get(t.name)
	if !ok {
		http.NotFound(w, r) // not even a 404 page
		return
	}
	ctype := contentType(t.name, data)
	if strings.HasPrefix(ctype, "text/html") {
		data = inject(data, s.snippet(st, p, t.name))
	} else if t.status == http.StatusOK && s.cached(w, r, st, t.name, data) {
		return
	}
	write(w, r, t.status, ctype, data)
}

// cached sets the caching headers of a file other than a page, and
// answers 304 Not Modified, returning true, when the browser has it
// already. A reload then fetches the page alone: the style sheet its
// URL versions is kept (the versioned URLs of render, "style.css?v=…",
// get a year when the version is the file's), and the images, fonts and
// scripts are checked (ETag), at a few hundred bytes each. A file's tag
// is the number of the build that last changed its bytes, with the
// server's run: the tag of a file changes exactly when its bytes do.
// Pages are never kept: they carry the page's script and version.
func (s *Server) cached(w http.ResponseWriter, r *http.Request, st *state, name string, data []byte) bool {
	h := w.Header()
	etag := fmt.Sprintf(`"%s-%d"`, s.id, st.gen[name])
	h.Set("ETag", etag)
	if isVersion(r.URL.RawQuery, data) {
		h.Set("Cache-Control", "max-age=31536000, immutable")
	} else {
		h.Set("Cache-Control", "no-cache")
	}
	if !etagMatch(r.Header.Get("If-None-Match"), etag) {
		return false
	}
	w.WriteHeader(http.StatusNotModified)
	return true
}

// isVersion reports whether the query of a request is the version render
// gives the URL of a file whose content is data ("v=" and its
// render.Version).
func isVersion(query string, data []byte) bool {
	v, ok := strings.CutPrefix(query, "v=")
	return ok && len(v) == 8 && v == render.Version(data)
}

// etagMatch reports whether an If-None-Match header names etag: one of
// its tags, weak or not, or "*".
func etagMatch(header, etag string) bool {
	for _, tag := range strings.Split(header, ",") {
		tag = strings.TrimPrefix(strings.TrimSpace(tag), "W/")
		if tag == etag || tag == "*" {
			return true
		}
	}
	return false
}

// target is what a request path leads to in the site.
type target struct {
	name     string // the file to answer with; "" for a redirect
	status   int
	location string // where to redirect, or ""
}

// resolve maps the request path p onto the site of st: the base URL's
// path is the site's root, a folder's path serves its index.html, a
// folder's path without its slash redirects to it, and anything else, as
// well as a path that tries to leave the site, is the site's 404 page.
func resolve(st *state, p string) target {
	notFound := target{name: "404.html", status: http.StatusNotFound}
	if !safePath(p) {
		return notFound
	}
	base := st.res.BasePath
	rel, ok := strings.CutPrefix(p, base)
	if !ok {
		if p+"/" == base || p == "/" {
			return target{status: http.StatusFound, location: base}
		}
		return notFound
	}
	name := rel
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	if output.CheckName(name) != nil {
		return notFound
	}
	if st.site().Has(name) {
		return target{name: name, status: http.StatusOK}
	}
	if st.site().Has(name + "/index.html") {
		return target{status: http.StatusFound, location: p + "/"}
	}
	return notFound
}

// safePath reports whether the request path p (already percent-decoded,
// so %2e%2e is .. here) is an absolute path with no empty, "." or ".."
// segment, no backslash and no NUL. Anything else is a way out of the
// site, or a way to a redirect off the host ("//host"), and is not found.
func safePath(p string) bool {
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return false
	}
	segs := strings.Split(p[1:], "/")
	for i, seg := range segs {
		if seg == "." || seg == ".." || (seg == "" && i != len(segs)-1) {
			return false
		}
	}
	return true
}

// redirect sends a temporary redirect to the site path loc, with the
// request's query. Not a permanent one: a browser would remember it after
// the page it avoided appears.
func redirect(w http.ResponseWriter, r *http.Request, loc string) {
	u := url.URL{Path: loc, RawQuery: r.URL.RawQuery}
	http.Redirect(w, r, u.String(), http.StatusFound)
}

// write answers with data. Only GET and HEAD reach it.
func write(w http.ResponseWriter, r *http.Request, status int, ctype string, data []byte) {
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}

// contentTypes are the media types of the files a site has, fixed here so
// that they do not depend on the machine's mime.types.
var contentTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".json":        "application/json",
	".xml":         "application/xml; charset=utf-8",
	".txt":         "text/plain; charset=utf-8",
	".ics":         "text/calendar; charset=utf-8",
	".vcf":         "text/vcard; charset=utf-8",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".jpg":         "image/jpeg",
	".jpeg":        "image/jpeg",
	".gif":         "image/gif",
	".webp":        "image/webp",
	".avif":        "image/avif",
	".ico":         "image/vnd.microsoft.icon",
	".pdf":         "application/pdf",
	".woff":        "font/woff",
	".woff2":       "font/woff2",
	".ttf":         "font/ttf",
	".otf":         "font/otf",
	".webmanifest": "application/manifest+json",
}

// contentType returns the media type of the site file name, by its
// extension; a file without a known one (.well-known/atproto-did) is
// sniffed.
func contentType(name string, data []byte) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := contentTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); ext != "" && t != "" {
		return t
	}
	return http.DetectContentType(data)
}

// inject returns page with snippet added before its last </body>, or at
// its end when it has none. The site's bytes are left as they are.
func inject(page, snippet []byte) []byte {
	at := lastIndexFold(page, []byte("</body"))
	if at < 0 {
		at = len(page)
	}
	out := make([]byte, 0, len(page)+len(snippet))
	out = append(out, page[:at]...)
	out = append(out, snippet...)
	return append(out, page[at:]...)
}

// lastIndexFold is bytes.LastIndex for an ASCII lower-case sep, ignoring
// the case of s.
func lastIndexFold(s, sep []byte) int {
	for i := len(s) - len(sep); i >= 0; i-- {
		if bytes.EqualFold(s[i:i+len(sep)], sep) {
			return i
		}
	}
	return -1
}

// serveEvents streams to one open page: "reload" when the page's version,
// sent by its script, is no longer the current one. It checks on connect,
// since a rebuild may have come between the page and its stream, and after
// each rebuild; it ends when the page goes or the server stops.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	q := r.URL.Query()
	page, seen := q.Get("path"), q.Get("v")
	w.Header().Set("Content-Type", "text/event-stream")
	w.WriteHeader(http.StatusOK)
	// After a restart of the server, a page reconnects quickly.
	fmt.Fprint(w, "retry: 250\n\n")
	fl.Flush()
	ping := time.NewTicker(pingEvery)
	defer ping.Stop()
	st := s.cur.Load()
	for {
		if v := s.version(st, page); v != seen {
			fmt.Fprintf(w, "event: reload\ndata: %s\n\n", v)
			fl.Flush()
			seen = v
		}
		select {
		case <-st.changed:
			st = s.cur.Load()
		case <-ping.C:
			fmt.Fprint(w, ": ping\n\n")
			fl.Flush()
		case <-r.Context().Done():
			return
		case <-s.done:
			return
		}
	}
}
