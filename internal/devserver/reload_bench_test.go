package devserver

import (
	"flag"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/marque-kit/marque"
	"github.com/marque-kit/marque/internal/brand"
	"github.com/marque-kit/marque/internal/scaffold"
)

// corpus names a kit of many posts for BenchmarkSaveToReload, instead of
// the 1,000 posts bench/gen writes anew: one whose image cache marque
// build has filled, so that the benchmark sees serve's steady state,
// every image drawn, without drawing thousands of images first (minutes).
// The kit is served at its own site URL, as it was built: the images
// show the site's host, so a preview's would be other images. The
// benchmark edits one post of it, and puts the post back at the end.
var corpus = flag.String("corpus", "", "a kit of 1,000 posts whose image cache marque build filled, for BenchmarkSaveToReload/1000posts")

// BenchmarkSaveToReload measures what a person waits for in serve, without
// a browser: from a saved edit of one post to the reload event on its open
// page's stream, and then to the page fetched again with the new text. It
// runs on the example kit, its images drawn, and on 1,000 posts (bench/gen,
// without their images unless -corpus names a kit that has them). Each
// save comes on a quiet server: after the drawing of the images the
// previous save started, as when a person saves, looks, and types again.
// It reports medians: ms/reload (save to page), ms/event (save to reload
// event) and ms/build (the rebuild alone, as serve timed it). Run it with
// a fixed count of saves:
//
//	go test -run '^$' -bench SaveToReload -benchtime 20x ./internal/devserver
func BenchmarkSaveToReload(b *testing.B) { benchKits(b, benchSaveToReload) }

// benchKits runs bench on the example kit, and on 1,000 posts: those of
// -corpus, or bench/gen's, whose images are not drawn. It gives bench the
// kit's folder, the post to edit, its page, and the base URL to serve the
// kit at: "" for the server's own, or noDrawing.
func benchKits(b *testing.B, bench func(b *testing.B, dir, file, page, baseURL string)) {
	b.Run("example", func(b *testing.B) {
		dir := filepath.Join(b.TempDir(), "kit")
		if err := scaffold.NewSite(marque.Example, dir); err != nil {
			b.Fatal(err)
		}
		// The first drawing, a few seconds, draws its images.
		bench(b, dir, "content/posts/trois-couleurs.md", "/posts/trois-couleurs/", "")
	})
	b.Run("1000posts", func(b *testing.B) {
		if *corpus != "" {
			p, l := brand.Load(os.DirFS(*corpus))
			if p == nil || p.Person.SiteURL == nil {
				b.Fatalf("-corpus %s: %v", *corpus, l.Items())
			}
			bench(b, *corpus, "content/posts/post-0500.md", "/posts/post-0500/", p.Person.SiteURL.String())
			return
		}
		out := filepath.Join(b.TempDir(), "corpus")
		cmd := exec.Command("go", "run", "../../bench/gen", "-n", "1000", "-out", out)
		if msg, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("bench/gen: %v\n%s", err, msg)
		}
		bench(b, filepath.Join(out, "kit"), "content/posts/post-0500.md", "/posts/post-0500/", noDrawing)
	})
}

// noDrawing is the base URL of a kit whose images are not drawn: drawing
// a thousand posts' would take minutes.
const noDrawing = "-"

// serveBench serves dir at baseURL for a benchmark of saves of file, and
// puts file back at the end. The server draws the kit's images after the
// first build, and what each save changed, as serve does when a person
// pauses; unless baseURL is noDrawing. It returns the server and file's
// bytes.
func serveBench(b *testing.B, dir, file, baseURL string) (*testServer, []byte) {
	name := filepath.Join(dir, filepath.FromSlash(file))
	src, err := os.ReadFile(name)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { os.WriteFile(name, src, 0o644) })
	ts := serve(b, dir, func(o *Options) {
		if baseURL != noDrawing {
			o.DrawDelay = 0 // serve's own
			o.Build.BaseURL = baseURL
		}
	})
	if baseURL != noDrawing {
		ts.waitDrawn(b, 1)
	}
	b.Logf("first build: %s", strings.TrimSpace(ts.stderr.String()))
	return ts, src
}

// settled waits, after a save that made build n, for the drawing that
// follows it, unless the server draws nothing.
func (ts *testServer) settled(b *testing.B, n uint64, baseURL string) {
	if baseURL != noDrawing {
		ts.waitDrawn(b, n)
	}
}

// benchSaveToReload saves file b.N times with a new sentence, each time
// timing the reload of page, on a quiet server.
func benchSaveToReload(b *testing.B, dir, file, page, baseURL string) {
	name := filepath.Join(dir, filepath.FromSlash(file))
	ts, src := serveBench(b, dir, file, baseURL)
	var reload, event, took []time.Duration
	b.ResetTimer()
	for i := range b.N {
		b.StopTimer()
		r := ts.get(b, page)
		if r.status != http.StatusOK {
			b.Fatalf("GET %s: %d", page, r.status)
		}
		reloads, stop := ts.stream(b, page, pageVersion(b, r.body))
		text := fmt.Sprintf("Mesure %d du rechargement.", i)
		built := ts.builds()
		b.StartTimer()

		start := time.Now()
		if err := os.WriteFile(name, append(src, "\n"+text+"\n"...), 0o644); err != nil {
			b.Fatal(err)
		}
		select {
		case _, ok := <-reloads:
			if !ok {
				b.Fatal("the event stream ended")
			}
		case <-time.After(10 * time.Second):
			b.Fatalf("save %d: no reload event after 10 s; stderr:\n%s", i, ts.stderr)
		}
		event = append(event, time.Since(start))
		// As the page's script does on the event: fetch the page again.
		if r := ts.get(b, page); !strings.Contains(r.body, text) {
			b.Fatalf("save %d: reloaded page (%d) lacks the new text", i, r.status)
		}
		reload = append(reload, time.Since(start))

		b.StopTimer()
		stop()
		st := ts.cur.Load()
		if st.built != built+1 {
			b.Fatalf("save %d: %d builds, want 1", i, st.built-built)
		}
		took = append(took, st.took)
		ts.settled(b, built+1, baseURL)
		b.StartTimer()
	}
	b.StopTimer()
	b.ReportMetric(msMedian(reload), "ms/reload")
	b.ReportMetric(msMedian(event), "ms/event")
	b.ReportMetric(msMedian(took), "ms/build")
	b.Logf("save to page, sorted: %v", sorted(reload))
	b.Logf("save to event, sorted: %v", sorted(event))
	b.Logf("rebuild, sorted: %v", sorted(took))
}

// waitDrawn waits until the images of build n are drawn and shown.
func (ts *testServer) waitDrawn(tb testing.TB, n uint64) {
	tb.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for {
		st := ts.cur.Load()
		if st.drawn && st.built == n {
			return
		}
		if st.built > n || time.Now().After(deadline) {
			tb.Fatalf("images of build %d not drawn (now at build %d, drawn %v); stderr:\n%s", n, st.built, st.drawn, ts.stderr)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

func sorted(d []time.Duration) []time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	for i := range s {
		s[i] = s[i].Round(100 * time.Microsecond)
	}
	return s
}

// msMedian returns the median of d in milliseconds.
func msMedian(d []time.Duration) float64 {
	s := sorted(d)
	return float64(s[len(s)/2].Microseconds()) / 1000
}
