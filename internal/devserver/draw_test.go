package devserver

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestDrawImages checks how serve shows the kit's images: a save is shown
// at once with the images the caches hold, and the images it changed are
// drawn once the kit is quiet, after which open pages reload.
func TestDrawImages(t *testing.T) {
	dir := writeKit(t, smallKit)
	ts := serve(t, dir, func(o *Options) { o.DrawDelay = time.Second })
	if st := ts.cur.Load(); st.broken() || st.drawn || st.site().Has("card.png") {
		t.Fatalf("the first build has the site's card before any drawing")
	}
	home := ts.events(t, "/", pageVersion(t, ts.get(t, "/").body))
	select {
	case <-home:
	case <-time.After(60 * time.Second):
		t.Fatalf("the open home page not told to reload after the drawing; stderr:\n%s", ts.stderr)
	}
	for _, name := range []string{"/card.png", "/favicon.ico", "/posts/a/card.png"} {
		if r := ts.get(t, name); r.status != http.StatusOK || !strings.HasPrefix(r.header.Get("Content-Type"), "image/") {
			t.Errorf("GET %s after the drawing: %d %s", name, r.status, r.header.Get("Content-Type"))
		}
	}
	if !strings.Contains(ts.stderr.String(), "marque: images drawn in ") {
		t.Errorf("stderr does not tell of the drawing:\n%s", ts.stderr)
	}

	// An edit of a body: shown at once with every image.
	n := ts.builds()
	saveFile(t, dir, "content/posts/a.md", postWith("Alpha", "Un autre texte."))
	ts.waitBuilds(t, n+1)
	st := ts.cur.Load()
	if st.broken() {
		t.Fatalf("the rebuild after an edit of a body does not build: %v %v", st.err, st.findings())
	}
	for _, name := range []string{"card.png", "favicon.ico", "posts/a/card.png", "posts/b/card.png"} {
		if !st.site().Has(name) {
			t.Errorf("the rebuild after an edit of a body lacks %s", name)
		}
	}

	// A new title: its card waits for the drawing, the others stay.
	old, _ := st.site().Get("posts/a/card.png")
	saveFile(t, dir, "content/posts/a.md", postWith("Alpha, encore", "Un autre texte."))
	ts.waitBuilds(t, n+2)
	st = ts.cur.Load()
	if st.broken() {
		t.Fatalf("the rebuild after a new title does not build: %v %v", st.err, st.findings())
	}
	if !st.drawn && (st.site().Has("posts/a/card.png") || !st.site().Has("posts/b/card.png")) {
		t.Errorf("the rebuild after a new title: a's card %v, b's %v; want b's alone", st.site().Has("posts/a/card.png"), st.site().Has("posts/b/card.png"))
	}
	r := ts.waitFor(t, "/posts/a/card.png", 60*time.Second, "drawn again", func(r response) bool { return r.status == http.StatusOK })
	if r.body == string(old) {
		t.Errorf("a's card is the one of the old title")
	}
}

// TestDrawingsDuringSaves saves a post's title many times while its
// images are being drawn: every save cancels the drawing under way, and
// the server ends on the last save with its card.
func TestDrawingsDuringSaves(t *testing.T) {
	dir := writeKit(t, smallKit)
	ts := serve(t, dir, func(o *Options) { o.DrawDelay = time.Millisecond })
	const saves = 30
	for i := range saves {
		writeFile(t, dir, "content/posts/a.md", postWith(fmt.Sprintf("Alpha %d", i), "Le texte."))
		time.Sleep(time.Duration(i%5) * 20 * time.Millisecond)
	}
	last := fmt.Sprintf("Alpha %d", saves-1)
	ts.waitFor(t, "/posts/a/", 10*time.Second, "the last save", has(last))
	ts.waitFor(t, "/posts/a/card.png", 60*time.Second, "the last card drawn", func(r response) bool { return r.status == http.StatusOK })
	if st := ts.cur.Load(); st.broken() || !strings.Contains(string(page(t, st, "posts/a/index.html")), last) {
		t.Errorf("the server did not end on the last save")
	}
	if strings.Contains(ts.stderr.String(), "failed") {
		t.Errorf("stderr:\n%s", ts.stderr)
	}
}

// page returns the site file name of the state st.
func page(t *testing.T, st *state, name string) []byte {
	t.Helper()
	b, ok := st.site().Get(name)
	if !ok {
		t.Fatalf("no %s", name)
	}
	return b
}
