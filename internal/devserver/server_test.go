package devserver

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/marque-kit/marque/internal/build"
	"github.com/marque-kit/marque/internal/diag"
)

// today is the date the tests build on.
var today = time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)

// smallKit is a kit of two posts, a linking to b, with no finding
// (TestSmallKitIsClean): what the tests add shows alone.
var smallKit = map[string]string{
	"brand.toml": `[person]
name = "Zoé Laurent"
role = "Photographe"
site_url = "https://zoe.example"

[strategy]
audience = "Les artisans de Lyon"
message = "Une photo juste dit le métier"
objectives = ["Deux reportages par mois"]
`,
	"content/posts/a.md": "+++\ntitle = \"Alpha\"\ndate = 2026-01-05\n+++\nLe texte alpha, et [b](/posts/b/).\n",
	"content/posts/b.md": "+++\ntitle = \"Bravo\"\ndate = 2026-01-06\n+++\nLe texte bravo.\n",
}

// writeKit writes files, by slash path, into a new folder and returns it.
func writeKit(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		writeFile(t, dir, name, data)
	}
	return dir
}

func writeFile(t testing.TB, dir, name, data string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// saveFile writes data at name as an editor's atomic save does: aside,
// under a hidden name, then renamed over. A build then reads the whole
// file or the one before, never a file just truncated: writeFile's
// truncation and write are two events, which a busy machine may space
// wider than the debounce period, so that the half-written file is built
// and shown. The tests that look at the build after a save use saveFile;
// those of half-written files use writeFile.
func saveFile(t testing.TB, dir, name, data string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	tmp := filepath.Join(filepath.Dir(p), "."+filepath.Base(p)+".tmp")
	if err := os.WriteFile(tmp, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, p); err != nil {
		t.Fatal(err)
	}
}

// testServer is a server running for one test.
type testServer struct {
	*Server
	base   string // http://127.0.0.1:PORT
	stdout *syncBuffer
	stderr *syncBuffer
	cancel context.CancelFunc
	done   chan error
}

// serve runs a server on the kit dir, on a free loopback port, until the
// test ends, and waits for its first build.
func serve(t testing.TB, dir string, edit ...func(*Options)) *testServer {
	t.Helper()
	stdout, stderr := &syncBuffer{}, &syncBuffer{}
	opts := Options{
		Build:  build.Options{Source: dir, Drafts: true, Future: true, Today: today},
		Addr:   "127.0.0.1:0",
		Format: diag.Text,
		Stdout: stdout,
		Stderr: stderr,
		// The tests of the images ask for drawings; the others count
		// builds and reloads that drawings would add to.
		DrawDelay: time.Hour,
	}
	for _, e := range edit {
		e(&opts)
	}
	s, err := Listen(opts)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ts := &testServer{Server: s, base: strings.TrimSuffix(s.URL(), "/"), stdout: stdout, stderr: stderr, cancel: cancel, done: make(chan error, 1)}
	go func() { ts.done <- s.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-ts.done; err != nil {
			t.Errorf("Run: %v", err)
		}
	})
	ts.waitBuilds(t, 1)
	return ts
}

// builds returns the number of builds done, drawings of images aside.
func (ts *testServer) builds() uint64 { return ts.cur.Load().built }

// waitBuilds waits until n builds are done.
func (ts *testServer) waitBuilds(t testing.TB, n uint64) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for ts.builds() < n {
		if time.Now().After(deadline) {
			t.Fatalf("%d builds after 10 s, want %d; stderr:\n%s", ts.builds(), n, ts.stderr)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// response is what a request got.
type response struct {
	status int
	header http.Header
	body   string
}

// request sends method for the request target uri, written on the
// request line as it is, so that "/../x" or "//host/" reach the server as
// an attacker would send them.
func (ts *testServer) request(t testing.TB, method, uri string, header ...string) response {
	t.Helper()
	r, err := ts.try(method, uri, header...)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// try is request without a test, for other goroutines. Each of header is
// a line of the request's header ("If-None-Match: *").
func (ts *testServer) try(method, uri string, header ...string) (response, error) {
	host := strings.TrimPrefix(ts.base, "http://")
	conn, err := net.DialTimeout("tcp", host, 10*time.Second)
	if err != nil {
		return response{}, err
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(20 * time.Second))
	var lines strings.Builder
	for _, h := range header {
		lines.WriteString(h + "\r\n")
	}
	if _, err := fmt.Fprintf(conn, "%s %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n%s\r\n", method, uri, host, lines.String()); err != nil {
		return response{}, err
	}
	req, _ := http.NewRequest(method, ts.base, nil)
	res, err := http.ReadResponse(bufio.NewReader(conn), req)
	if err != nil {
		return response{}, fmt.Errorf("%s %s: %w", method, uri, err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		return response{}, fmt.Errorf("%s %s: %w", method, uri, err)
	}
	return response{res.StatusCode, res.Header, string(body)}, nil
}

func (ts *testServer) get(t testing.TB, uri string) response {
	t.Helper()
	return ts.request(t, http.MethodGet, uri)
}

// waitFor polls uri until ok accepts the response, and fails the test after
// timeout.
func (ts *testServer) waitFor(t testing.TB, uri string, timeout time.Duration, what string, ok func(response) bool) response {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		r := ts.get(t, uri)
		if ok(r) {
			return r
		}
		if time.Now().After(deadline) {
			t.Fatalf("GET %s: not %s after %v: status %d\n%s\nstderr:\n%s", uri, what, timeout, r.status, tail(r.body), ts.stderr)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func tail(s string) string {
	if len(s) > 2000 {
		return "…" + s[len(s)-2000:]
	}
	return s
}

// syncBuffer is a bytes.Buffer that the server and the test may use at
// once.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// TestSmallKitIsClean keeps the tests' kit free of findings, so that the
// tests that expect a page without any say so when a new rule flags it.
func TestSmallKitIsClean(t *testing.T) {
	res, err := build.Check(context.Background(), build.Options{Source: writeKit(t, smallKit), Drafts: true, Future: true, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings.Items() {
		t.Errorf("%s", f)
	}
}

// TestRequests checks what each kind of path answers: files of the site
// with their types, folders, redirects, and the 404 page for everything
// else, ways out of the site included.
func TestRequests(t *testing.T) {
	ts := serve(t, writeKit(t, smallKit))
	notFound, _ := ts.cur.Load().site().Get("404.html")
	tests := []struct {
		method, uri string
		status      int
		ctype       string // prefix of Content-Type
		location    string
		injected    bool // the page script was added
		has         string
	}{
		{"GET", "/", 200, "text/html; charset=utf-8", "", true, "Alpha"},
		{"GET", "/index.html", 200, "text/html", "", true, "Alpha"},
		{"GET", "/posts/a/", 200, "text/html", "", true, "Le texte alpha"},
		{"GET", "/posts/a/index.html", 200, "text/html", "", true, "Le texte alpha"},
		{"GET", "/posts", 302, "", "/posts/", false, ""},
		{"GET", "/posts/a?x=1", 302, "", "/posts/a/?x=1", false, ""},
		{"GET", "/style.css", 200, "text/css; charset=utf-8", "", false, ":root"},
		{"GET", "/feed.xml", 200, "application/xml", "", false, "<feed"},
		{"GET", "/sitemap.xml", 200, "application/xml", "", false, "<urlset"},
		{"GET", "/robots.txt", 200, "text/plain; charset=utf-8", "", false, "Sitemap"},
		{"GET", "/nowhere/", 404, "text/html", "", true, ""},
		{"GET", "/brand.toml", 404, "text/html", "", true, ""},
		{"GET", "/content/posts/a.md", 404, "text/html", "", true, ""},
		{"GET", "/../brand.toml", 404, "text/html", "", true, ""},
		{"GET", "/posts/../../brand.toml", 404, "text/html", "", true, ""},
		{"GET", "/%2e%2e/brand.toml", 404, "text/html", "", true, ""},
		{"GET", "/posts/%2E%2E/%2e%2e/brand.toml", 404, "text/html", "", true, ""},
		{"GET", "/posts%2f..%2f..%2fbrand.toml", 404, "text/html", "", true, ""},
		{"GET", "/posts/a/%5c..%5c..%5cbrand.toml", 404, "text/html", "", true, ""},
		{"GET", "/posts\\..\\brand.toml", 404, "text/html", "", true, ""},
		{"GET", "/index.html%00.css", 404, "text/html", "", true, ""},
		{"GET", "/./index.html", 404, "text/html", "", true, ""},
		{"GET", "//evil.example/", 404, "text/html", "", true, ""},
		{"HEAD", "/", 200, "text/html", "", false, ""},
		{"POST", "/", 405, "text/plain", "", false, ""},
		{"GET", "/_marque", 302, "", "/_marque/", false, ""},
		{"GET", "/_marque/", 200, "text/html", "", true, "Findings of the kit"},
		{"GET", "/_marque/nothing", 404, "text/plain", "", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.uri, func(t *testing.T) {
			r := ts.request(t, tt.method, tt.uri)
			if r.status != tt.status {
				t.Fatalf("status %d, want %d\n%s", r.status, tt.status, tail(r.body))
			}
			// Pages, errors and redirects are never kept; the site's
			// other files are, checked on each use (TestCaching).
			cache := "no-store"
			if tt.status == 200 && !strings.HasPrefix(r.header.Get("Content-Type"), "text/html") {
				cache = "no-cache"
			}
			if got := r.header.Get("Cache-Control"); got != cache {
				t.Errorf("Cache-Control %q, want %s", got, cache)
			}
			if got := r.header.Get("Content-Type"); !strings.HasPrefix(got, tt.ctype) {
				t.Errorf("Content-Type %q, want %q", got, tt.ctype)
			}
			if got := r.header.Get("Location"); got != tt.location {
				t.Errorf("Location %q, want %q", got, tt.location)
			}
			if got := strings.Contains(r.body, "<script data-path="); got != tt.injected {
				t.Errorf("page script injected: %v, want %v", got, tt.injected)
			}
			if !strings.Contains(r.body, tt.has) {
				t.Errorf("body lacks %q:\n%s", tt.has, tail(r.body))
			}
			if tt.status == 404 && tt.injected {
				// The site's own 404 page, up to where the script goes.
				at := strings.LastIndex(string(notFound), "</body>")
				if !strings.HasPrefix(r.body, string(notFound[:at])) || !strings.HasSuffix(r.body, string(notFound[at:])) {
					t.Errorf("the 404 answer is not the site's 404.html with the script:\n%s", tail(r.body))
				}
			}
			if tt.method == "HEAD" && (r.body != "" || r.header.Get("Content-Length") == "") {
				t.Errorf("HEAD: body %d bytes, Content-Length %q", len(r.body), r.header.Get("Content-Length"))
			}
		})
	}
}

// TestInject checks where the snippet goes.
func TestInject(t *testing.T) {
	tests := []struct{ page, want string }{
		{"<html><body><p>x</p></body></html>", "<html><body><p>x</p>SNIP</body></html>"},
		{"<BODY>a</BODY >", "<BODY>aSNIP</BODY >"},
		{"<p>a</body> in text</p></body>", "<p>a</body> in text</p>SNIP</body>"},
		{"no body at all", "no body at allSNIP"},
		{"", "SNIP"},
	}
	for _, tt := range tests {
		if got := string(inject([]byte(tt.page), []byte("SNIP"))); got != tt.want {
			t.Errorf("inject(%q) = %q, want %q", tt.page, got, tt.want)
		}
	}
}

// TestContentType checks the types by extension, and sniffing for files
// without one.
func TestContentType(t *testing.T) {
	tests := []struct{ name, data, want string }{
		{"index.html", "<p>", "text/html; charset=utf-8"},
		{"kit/linkedin/banner.PNG", "", "image/png"},
		{"images/portrait-240.jpg", "", "image/jpeg"},
		{"calendar.ics", "", "text/calendar; charset=utf-8"},
		{"kit/contact.vcf", "", "text/vcard; charset=utf-8"},
		{"fonts/Body.woff2", "", "font/woff2"},
		{"kit/manifest.json", "{}", "application/json"},
		{".well-known/atproto-did", "did:plc:abc", "text/plain; charset=utf-8"},
	}
	for _, tt := range tests {
		if got := contentType(tt.name, []byte(tt.data)); got != tt.want {
			t.Errorf("contentType(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestBasePath serves a site whose URL has a path: pages live under it,
// and the root leads there.
func TestBasePath(t *testing.T) {
	files := map[string]string{}
	for k, v := range smallKit {
		files[k] = v
	}
	files["brand.toml"] = strings.Replace(files["brand.toml"], `"https://zoe.example"`, `"https://zoe.example/blog/"`, 1)
	ts := serve(t, writeKit(t, files))
	tests := []struct {
		uri      string
		status   int
		location string
	}{
		{"/", 302, "/blog/"},
		{"/blog", 302, "/blog/"},
		{"/blog/", 200, ""},
		{"/blog/posts/a/", 200, ""},
		{"/posts/a/", 404, ""},
		{"/blogposts/", 404, ""},
	}
	for _, tt := range tests {
		r := ts.get(t, tt.uri)
		if r.status != tt.status || r.header.Get("Location") != tt.location {
			t.Errorf("GET %s: %d %q, want %d %q", tt.uri, r.status, r.header.Get("Location"), tt.status, tt.location)
		}
	}
	home := ts.get(t, "/blog/").body
	for _, want := range []string{`href="/blog/posts/a/"`, `<link rel="canonical" href="` + ts.base + `/blog/">`} {
		if !strings.Contains(home, want) {
			t.Errorf("home page lacks %s", want)
		}
	}
}

// TestBaseURL serves a site with --base-url: its links are the base URL's.
func TestBaseURL(t *testing.T) {
	ts := serve(t, writeKit(t, smallKit), func(o *Options) { o.Build.BaseURL = "https://preview.example/x/" })
	r := ts.get(t, "/x/")
	if r.status != 200 || !strings.Contains(r.body, `<link rel="canonical" href="https://preview.example/x/">`) {
		t.Errorf("GET /x/: %d, canonical not the base URL's\n%s", r.status, tail(r.body))
	}
}

// TestOverlay checks that a finding shows on the page of its file, and
// only there, with the findings page listing it.
func TestOverlay(t *testing.T) {
	files := map[string]string{}
	for k, v := range smallKit {
		files[k] = v
	}
	files["content/posts/b.md"] = "+++\ntitle = \"Bravo\"\ndate = 2026-01-06\n+++\nVoir [rien](/posts/rien/).\n"
	ts := serve(t, writeKit(t, files))

	b := ts.get(t, "/posts/b/").body
	for _, want := range []string{"<marque-findings", `shadowrootmode="open"`, "content.link", "content/posts/b.md:5:6", `role="region"`, `class="close"`, "Escape"} {
		if !strings.Contains(b, want) {
			t.Errorf("/posts/b/ lacks %q", want)
		}
	}
	a := ts.get(t, "/posts/a/").body
	if strings.Contains(a, "content.link") {
		t.Errorf("/posts/a/ shows a finding of another post")
	}
	if !strings.Contains(a, `href="/_marque/"`) {
		t.Errorf("/posts/a/ does not link to the kit's findings")
	}
	all := ts.get(t, "/_marque/").body
	for _, want := range []string{"content/posts/b.md", "content.link", `href="/posts/b/"`} {
		if !strings.Contains(all, want) {
			t.Errorf("/_marque/ lacks %q", want)
		}
	}
	// The overlay is serve's alone: the site's own page has none of it.
	page, _ := ts.cur.Load().site().Get("posts/b/index.html")
	if strings.Contains(string(page), "marque-findings") || strings.Contains(string(page), "_marque") {
		t.Errorf("the built page carries serve's overlay")
	}
}

// TestBrokenProfile breaks brand.toml while serving: every path answers the
// error page with the finding, and fixing the file brings the site back.
func TestBrokenProfile(t *testing.T) {
	dir := writeKit(t, smallKit)
	ts := serve(t, dir)
	writeFile(t, dir, "brand.toml", "[person\nname = ")
	r := ts.waitFor(t, "/posts/a/", 5*time.Second, "the error page", func(r response) bool { return r.status == 500 })
	for _, want := range []string{"The kit does not build", "profile.syntax", "brand.toml", "<script data-path="} {
		if !strings.Contains(r.body, want) {
			t.Errorf("error page lacks %q:\n%s", want, tail(r.body))
		}
	}
	for _, uri := range []string{"/", "/style.css", "/nowhere"} {
		if r := ts.get(t, uri); r.status != 500 || !strings.Contains(r.body, "profile.syntax") {
			t.Errorf("GET %s: %d, want the error page", uri, r.status)
		}
	}
	if r := ts.get(t, "/_marque/"); r.status != 200 || !strings.Contains(r.body, "profile.syntax") {
		t.Errorf("GET /_marque/: %d, want the findings with status 200", r.status)
	}
	writeFile(t, dir, "brand.toml", smallKit["brand.toml"])
	ts.waitFor(t, "/posts/a/", 5*time.Second, "the page again", func(r response) bool {
		return r.status == 200 && strings.Contains(r.body, "Le texte alpha")
	})
}

// events opens the event stream of the page at path, as its script would,
// for the rest of the test, and returns the reload events as they come.
func (ts *testServer) events(t *testing.T, path, version string) <-chan string {
	t.Helper()
	out, stop := ts.stream(t, path, version)
	t.Cleanup(stop)
	return out
}

// stream opens the event stream of the page at path, as its script does,
// and returns the reload events as they come, and a function that closes
// the stream.
func (ts *testServer) stream(tb testing.TB, path, version string) (<-chan string, func()) {
	tb.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, "GET", ts.base+eventsPath+"?path="+path+"&v="+version, nil)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		cancel()
		tb.Fatal(err)
	}
	if ct := res.Header.Get("Content-Type"); ct != "text/event-stream" {
		cancel()
		tb.Fatalf("event stream: Content-Type %q", ct)
	}
	out := make(chan string, 16)
	go func() {
		defer res.Body.Close()
		defer close(out)
		sc := bufio.NewScanner(res.Body)
		for sc.Scan() {
			if sc.Text() == "event: reload" && sc.Scan() {
				out <- strings.TrimPrefix(sc.Text(), "data: ")
			}
		}
	}()
	return out, cancel
}

// pageVersion returns the version a page carries in its script.
func pageVersion(t testing.TB, body string) string {
	t.Helper()
	_, after, ok := strings.Cut(body, `data-version="`)
	v, _, ok2 := strings.Cut(after, `"`)
	if !ok || !ok2 {
		t.Fatalf("no version in the page:\n%s", tail(body))
	}
	return v
}

// TestEvents checks which open pages are told to reload: those whose page
// changed, and not the others; a page older than the latest build is told
// at once.
func TestEvents(t *testing.T) {
	dir := writeKit(t, smallKit)
	ts := serve(t, dir)
	home := ts.events(t, "/", pageVersion(t, ts.get(t, "/").body))
	a := ts.events(t, "/posts/a/", pageVersion(t, ts.get(t, "/posts/a/").body))
	stale := ts.events(t, "/posts/a/", "an-old-version")
	expect := func(name string, ch <-chan string, want bool) {
		t.Helper()
		// Told at once when told at all: after the build, the stream
		// answers without waiting, so 300 ms is a generous no.
		wait := 300 * time.Millisecond
		if want {
			wait = 5 * time.Second // a busy machine may be slow to build
		}
		select {
		case _, ok := <-ch:
			if !ok {
				t.Fatalf("%s: stream ended", name)
			}
			if !want {
				t.Errorf("%s: told to reload", name)
			}
		case <-time.After(wait):
			if want {
				t.Errorf("%s: not told to reload", name)
			}
		}
	}
	expect("stale page", stale, true)
	expect("home page", home, false)

	// Post b's body is on no page but its own: a's page stays as it is.
	n := ts.builds()
	writeFile(t, dir, "content/posts/b.md", strings.Replace(smallKit["content/posts/b.md"], "bravo", "bravo changé", 1))
	ts.waitBuilds(t, n+1)
	expect("a after an edit of b", a, false)

	// Post a's title is on the home page too.
	writeFile(t, dir, "content/posts/a.md", strings.Replace(smallKit["content/posts/a.md"], "Alpha", "Alpha 2", 1))
	expect("a after its edit", a, true)
	expect("home after an edit of a title", home, true)
}

// TestShutdown stops a server with a page open on it: Run returns within
// a second and the stream ends.
func TestShutdown(t *testing.T) {
	s, err := Listen(Options{Build: build.Options{Source: writeKit(t, smallKit), Today: today}, Addr: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	ts := &testServer{Server: s, base: strings.TrimSuffix(s.URL(), "/"), stderr: &syncBuffer{}}
	ts.waitBuilds(t, 1)
	stream := ts.events(t, "/", pageVersion(t, ts.get(t, "/").body))

	start := time.Now()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run: %v", err)
		}
	case <-time.After(time.Second):
		t.Fatal("Run still running a second after the stop")
	}
	if took := time.Since(start); took > time.Second {
		t.Errorf("stopped in %v", took)
	}
	for range stream {
	} // the stream ends rather than hanging
	if _, err := net.DialTimeout("tcp", strings.TrimPrefix(ts.base, "http://"), time.Second); err == nil {
		t.Errorf("still listening after the stop")
	}
}

// TestShutdownMidBuild stops a server while it builds a kit with a 20 MB
// post, first at its start and then during a rebuild: Run returns within
// a second either way, without waiting for the build.
func TestShutdownMidBuild(t *testing.T) {
	for _, first := range []bool{true, false} {
		dir := writeKit(t, smallKit)
		if first {
			writeFile(t, dir, "content/posts/enorme.md", hugePost())
		}
		s, err := Listen(Options{Build: build.Options{Source: dir, Today: today}, Addr: "127.0.0.1:0"})
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() { done <- s.Run(ctx) }()
		if first {
			time.Sleep(50 * time.Millisecond)
		} else {
			ts := &testServer{Server: s, stderr: &syncBuffer{}}
			ts.waitBuilds(t, 1)
			writeFile(t, dir, "content/posts/enorme.md", hugePost())
			time.Sleep(100 * time.Millisecond) // past the debounce: building
		}
		start := time.Now()
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Run: %v", err)
			}
		case <-time.After(time.Second):
			t.Fatalf("first build %v: Run still running a second after the stop", first)
		}
		t.Logf("first build %v: stopped in %v", first, time.Since(start))
	}
}

// TestListen checks the refusals and the warning of Listen.
func TestListen(t *testing.T) {
	kit := writeKit(t, smallKit)
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	if _, err := Listen(Options{Build: build.Options{Source: kit}, Addr: taken.Addr().String()}); err == nil || !strings.Contains(err.Error(), "already in use") {
		t.Errorf("address taken: err = %v, want one that says it is in use", err)
	}
	if _, err := Listen(Options{Build: build.Options{Source: filepath.Join(kit, "nothing")}, Addr: "127.0.0.1:0"}); err == nil {
		t.Errorf("missing kit folder: no error")
	}

	for _, tt := range []struct {
		addr string
		warn bool
	}{{"127.0.0.1:0", false}, {"localhost:0", false}, {"0.0.0.0:0", true}} {
		var stderr strings.Builder
		s, err := Listen(Options{Build: build.Options{Source: kit}, Addr: tt.addr, Stderr: &stderr})
		if err != nil {
			t.Fatal(err)
		}
		s.ln.Close()
		if got := strings.Contains(stderr.String(), "warning"); got != tt.warn {
			t.Errorf("Listen(%s): warned %v, want %v: %q", tt.addr, got, tt.warn, stderr.String())
		}
	}
}

// TestReport checks what the terminal shows: every finding after the first
// build, then only those a rebuild adds, with a line per build.
func TestReport(t *testing.T) {
	files := map[string]string{}
	for k, v := range smallKit {
		files[k] = v
	}
	files["content/posts/b.md"] = postWith("Bravo", "Voir [rien](/posts/rien/).")
	dir := writeKit(t, files)
	ts := serve(t, dir)
	first := `content/posts/b.md:5:6: warning content.link: "/posts/rien/" leads to no page of the site` + "\n"
	if got := ts.stdout.String(); got != first {
		t.Errorf("after the first build, stdout:\n%s\nwant:\n%s", got, first)
	}
	writeFile(t, dir, "content/posts/a.md", postWith("Alpha", "Et [ailleurs](/ailleurs/)."))
	ts.waitBuilds(t, 2)
	second := `content/posts/a.md:5:4: warning content.link: "/ailleurs/" leads to no page of the site` + "\n"
	if got := ts.stdout.String(); got != first+second {
		t.Errorf("after a rebuild, stdout:\n%s\nwant:\n%s", got, first+second)
	}
	writeFile(t, dir, "content/posts/b.md", postWith("Bravo", "Plus rien."))
	ts.waitBuilds(t, 3)
	if got := ts.stdout.String(); got != first+second {
		t.Errorf("a rebuild that fixes a finding printed one: %q", strings.TrimPrefix(got, first+second))
	}
	for _, want := range []string{"marque: built in ", "0 errors, 1 warning\n", "(1 new, 0 gone)", "(0 new, 1 gone)", "marque: serving " + dir + " at " + ts.base + "/"} {
		if !strings.Contains(ts.stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, ts.stderr)
		}
	}
}

// TestCaching checks what browsers may keep of the site: the style sheet
// at the versioned URL its pages give for a year, the other files of the
// site as long as their tag still matches, and pages never.
func TestCaching(t *testing.T) {
	dir := writeKit(t, smallKit)
	writeFile(t, dir, "theme/static/extra.txt", "un")
	ts := serve(t, dir)
	get := func(uri, tag string) response {
		t.Helper()
		if tag == "" {
			return ts.get(t, uri)
		}
		return ts.request(t, http.MethodGet, uri, "If-None-Match: "+tag)
	}
	home := ts.get(t, "/")
	_, after, _ := strings.Cut(home.body, `href="/style.css?v=`)
	version, _, _ := strings.Cut(after, `"`)
	if len(version) != 8 {
		t.Fatalf("no versioned style sheet in the home page:\n%s", tail(home.body))
	}

	sheet := get("/style.css?v="+version, "")
	if sheet.status != 200 || sheet.header.Get("Cache-Control") != "max-age=31536000, immutable" || sheet.header.Get("ETag") == "" {
		t.Errorf("style sheet at its version: %d, Cache-Control %q, ETag %q", sheet.status, sheet.header.Get("Cache-Control"), sheet.header.Get("ETag"))
	}
	for _, uri := range []string{"/style.css", "/style.css?v=00000000", "/style.css?v=" + version + "&x=1"} {
		if r := get(uri, ""); r.status != 200 || r.header.Get("Cache-Control") != "no-cache" {
			t.Errorf("GET %s: %d, Cache-Control %q, want no-cache", uri, r.status, r.header.Get("Cache-Control"))
		}
	}
	tag := sheet.header.Get("ETag")
	for _, header := range []string{tag, "W/" + tag, `"x", ` + tag, "*"} {
		if r := get("/style.css", header); r.status != http.StatusNotModified || r.body != "" {
			t.Errorf("If-None-Match %s: %d with %d bytes, want 304 and none", header, r.status, len(r.body))
		}
	}
	if r := get("/style.css", `"other"`); r.status != 200 || r.body != sheet.body {
		t.Errorf("another tag: %d, want the sheet", r.status)
	}
	// Pages are sent whole whatever the browser holds.
	if r := get("/", "*"); r.status != 200 || r.header.Get("ETag") != "" || r.header.Get("Cache-Control") != "no-store" {
		t.Errorf("a page asked with a tag: %d, ETag %q, Cache-Control %q", r.status, r.header.Get("ETag"), r.header.Get("Cache-Control"))
	}

	// A file keeps its tag while its bytes stay, and has a new one when
	// they change.
	extra := get("/extra.txt", "")
	n := ts.builds()
	writeFile(t, dir, "content/posts/b.md", postWith("Bravo", "Un autre texte."))
	ts.waitBuilds(t, n+1)
	if r := get("/extra.txt", extra.header.Get("ETag")); r.status != http.StatusNotModified {
		t.Errorf("an unchanged file after a rebuild: %d, want 304", r.status)
	}
	writeFile(t, dir, "theme/static/extra.txt", "deux")
	ts.waitBuilds(t, n+2)
	r := get("/extra.txt", extra.header.Get("ETag"))
	if r.status != 200 || r.body != "deux" || r.header.Get("ETag") == extra.header.Get("ETag") {
		t.Errorf("a changed file asked with its old tag: %d %q, ETag %q (was %q)", r.status, r.body, r.header.Get("ETag"), extra.header.Get("ETag"))
	}
}
