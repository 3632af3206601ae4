package devserver

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/marque-kit/marque/internal/browsertest"
)

// The browser tests drive Debian's chromium through chromedp: what a person
// sees in a real page, reloads and overlay included. Without chromium they
// are skipped on a developer's machine, and fail in CI (CI set), whose
// script installs it.

// browser is started by the first test that asks for a tab.
var browser browsertest.Shared

// TestMain closes the shared browser after the tests.
func TestMain(m *testing.M) {
	code := m.Run()
	browser.Close()
	os.Exit(code)
}

// newTab returns a tab of the shared browser, closed at the end of the
// test.
func newTab(t testing.TB) context.Context {
	t.Helper()
	return browser.Tab(t, 30*time.Second)
}

// until evaluates the JavaScript expression cond in the tab until it is
// true, and returns how long that took. A reload in between is no error:
// the expression runs again in the new page.
func until(t testing.TB, tab context.Context, timeout time.Duration, what, cond string) time.Duration {
	t.Helper()
	start := time.Now()
	deadline := start.Add(timeout)
	var last error
	for time.Now().Before(deadline) {
		ctx, cancel := context.WithTimeout(tab, time.Second)
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](cond))
		cancel()
		if err == nil && ok {
			return time.Since(start)
		}
		last = err
		time.Sleep(3 * time.Millisecond)
	}
	text, _ := chromedp.Run(tab, chromedp.Evaluate[string](`document.documentElement.outerHTML.slice(0, 3000)`))
	t.Fatalf("not %s after %v (last error: %v); page:\n%s", what, timeout, last, text)
	return 0
}

// bodyHas is a condition: the page's visible text contains s.
func bodyHas(s string) string {
	return `!!document.body && document.body.innerText.includes(` + jsString(s) + `)`
}

func jsString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
}

// overlay is the expression for the overlay's panel in its shadow root.
const overlay = `document.querySelector("marque-findings")?.shadowRoot?.querySelector(".panel")`

// TestBrowserReload opens a post and edits it: the page reloads by itself
// with the new text within 2 s.
func TestBrowserReload(t *testing.T) {
	dir := writeKit(t, smallKit)
	ts := serve(t, dir)
	tab := newTab(t)
	if err := chromedp.Do(tab, chromedp.Navigate(ts.base+"/posts/a/")); err != nil {
		t.Fatal(err)
	}
	until(t, tab, 2*time.Second, "loaded", bodyHas("Le texte alpha"))
	for i, text := range []string{"Première modification.", "Deuxième modification."} {
		writeFile(t, dir, "content/posts/a.md", postWith("Alpha", text))
		took := until(t, tab, 2*time.Second, "reloaded with the new text", bodyHas(text))
		t.Logf("edit %d: new text in the page %v after the save", i+1, took.Round(time.Millisecond))
	}
}

// TestBrowserOverlay makes a post link to nothing: the overlay appears on
// its page with the finding, Escape and its button dismiss it, the same
// findings stay dismissed after a reload, and it comes back when asked.
func TestBrowserOverlay(t *testing.T) {
	dir := writeKit(t, smallKit)
	ts := serve(t, dir)
	tab := newTab(t)
	if err := chromedp.Do(tab, chromedp.Navigate(ts.base+"/posts/a/")); err != nil {
		t.Fatal(err)
	}
	until(t, tab, 2*time.Second, "loaded", bodyHas("Le texte alpha"))
	if none, err := chromedp.Run(tab, chromedp.Evaluate[bool](overlay+` == null`)); err != nil || !none {
		t.Fatalf("an overlay on a page without findings (%v)", err)
	}

	writeFile(t, dir, "content/posts/a.md", postWith("Alpha", "Voir [la suite](/posts/suite/)."))
	until(t, tab, 2*time.Second, "showing the overlay", overlay+`?.checkVisibility() === true`)
	text, err := chromedp.Run(tab, chromedp.Evaluate[string](overlay+`.innerText`))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"content.link", "content/posts/a.md:5:6", `"/posts/suite/" leads to no page of the site`} {
		if !strings.Contains(text, want) {
			t.Errorf("overlay lacks %q:\n%s", want, text)
		}
	}

	// Escape dismisses it; the same findings stay dismissed on reload.
	if err := chromedp.Do(tab, chromedp.KeyEvent("\u001b")); err != nil {
		t.Fatal(err)
	}
	until(t, tab, time.Second, "dismissed by Escape", overlay+`.hidden === true`)
	if err := chromedp.Do(tab, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	until(t, tab, 2*time.Second, "dismissed after a reload", overlay+`?.hidden === true`)

	// The small button brings it back, and the close button, reached
	// from the keyboard, dismisses it.
	reopen := `document.querySelector("marque-findings").shadowRoot.querySelector(".reopen")`
	if err := chromedp.Do(tab, chromedp.Evaluate[chromedp.Void](reopen+`.click()`)); err != nil {
		t.Fatal(err)
	}
	until(t, tab, time.Second, "shown again", overlay+`.hidden === false && document.querySelector("marque-findings").shadowRoot.activeElement?.classList.contains("panel")`)
	if err := chromedp.Do(tab, chromedp.KeyEvent("\t")); err != nil {
		t.Fatal(err)
	}
	until(t, tab, time.Second, "focus on the close button", `document.querySelector("marque-findings").shadowRoot.activeElement?.classList.contains("close")`)
	if err := chromedp.Do(tab, chromedp.KeyEvent("\r")); err != nil {
		t.Fatal(err)
	}
	until(t, tab, time.Second, "dismissed by its button", overlay+`.hidden === true`)
}

// TestBrowserBannedWord writes a word the brand bans into an open post:
// the page reloads with the overlay naming the rule and the word.
func TestBrowserBannedWord(t *testing.T) {
	files := map[string]string{}
	for k, v := range smallKit {
		files[k] = v
	}
	files["brand.toml"] += "\n[voice]\nbanned = [\"synergie\"]\n"
	dir := writeKit(t, files)
	ts := serve(t, dir)
	tab := newTab(t)
	if err := chromedp.Do(tab, chromedp.Navigate(ts.base+"/posts/a/")); err != nil {
		t.Fatal(err)
	}
	until(t, tab, 2*time.Second, "loaded", bodyHas("Le texte alpha"))
	writeFile(t, dir, "content/posts/a.md", postWith("Alpha", "Une vraie synergie."))
	until(t, tab, 2*time.Second, "showing the overlay", overlay+`?.checkVisibility() === true`)
	text, err := chromedp.Run(tab, chromedp.Evaluate[string](overlay+`.innerText`))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"error", "voice.banned", "content/posts/a.md:5:", "synergie"} {
		if !strings.Contains(text, want) {
			t.Errorf("overlay lacks %q:\n%s", want, text)
		}
	}
}

// TestBrowserBrokenProfile breaks brand.toml under an open page: the page
// shows the error page with the finding, and the site once it is fixed.
func TestBrowserBrokenProfile(t *testing.T) {
	dir := writeKit(t, smallKit)
	ts := serve(t, dir)
	tab := newTab(t)
	if err := chromedp.Do(tab, chromedp.Navigate(ts.base+"/posts/a/")); err != nil {
		t.Fatal(err)
	}
	until(t, tab, 2*time.Second, "loaded", bodyHas("Le texte alpha"))
	writeFile(t, dir, "brand.toml", "[person\nname = ")
	until(t, tab, 2*time.Second, "the error page", bodyHas("The kit does not build"))
	text, err := chromedp.Run(tab, chromedp.Evaluate[string](`document.body.innerText`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, "profile.syntax") || !strings.Contains(text, "brand.toml:2") {
		t.Errorf("the error page does not show the finding:\n%s", text)
	}
	writeFile(t, dir, "brand.toml", smallKit["brand.toml"])
	until(t, tab, 2*time.Second, "the page again", bodyHas("Le texte alpha"))
}

// BenchmarkReload measures, in chromium, the time from a saved edit of one
// post to its open page showing the new text, on the kits of
// BenchmarkSaveToReload, each save once the page before it has loaded. It
// reports medians: ms/reload, from the save to the reloaded page parsed
// (DOMContentLoaded, by the page's own clock), and ms/seen, to when the
// benchmark saw it, polling the browser; run it with a fixed count, as in
//
//	go test -run '^$' -bench 'Reload$' -benchtime 20x ./internal/devserver
func BenchmarkReload(b *testing.B) { benchKits(b, benchReload) }

// benchReload opens page, then saves file b.N times with a new sentence
// and waits each time for the page to show it.
func benchReload(b *testing.B, dir, file, page, baseURL string) {
	ts, src := serveBench(b, dir, file, baseURL)
	tab := newTab(b)
	if err := chromedp.Do(tab, chromedp.Navigate(ts.base+page)); err != nil {
		b.Fatal(err)
	}
	until(b, tab, 10*time.Second, "loaded", `document.readyState === "complete"`)
	var took, seen []time.Duration
	b.ResetTimer()
	for i := range b.N {
		text := fmt.Sprintf("Mesure %d du rechargement.", i)
		start := time.Now()
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(file)), append(src, "\n"+text+"\n"...), 0o644); err != nil {
			b.Fatal(err)
		}
		// A new document, parsed: polled without making the page lay
		// itself out, as reading its text would, which slowed the page
		// being polled down.
		since := float64(start.UnixMicro()) / 1000
		until(b, tab, 10*time.Second, "reloaded", fmt.Sprintf(`performance.timeOrigin > %f && document.readyState !== "loading"`, since))
		seen = append(seen, time.Since(start))
		b.StopTimer()
		if ok, err := chromedp.Run(tab, chromedp.Evaluate[bool](bodyHas(text))); err != nil || !ok {
			b.Fatalf("save %d: the reloaded page lacks the new text (%v)", i, err)
		}
		parsed, err := chromedp.Run(tab, chromedp.Evaluate[float64](`performance.timeOrigin + performance.getEntriesByType("navigation")[0].domContentLoadedEventStart`))
		if err != nil {
			b.Fatal(err)
		}
		took = append(took, time.Duration((parsed-since)*float64(time.Millisecond)))
		// A person looks at the page before saving again: its images
		// and the rest of its loading end meanwhile, and the drawing of
		// the images the save changed.
		until(b, tab, 10*time.Second, "loaded", `document.readyState === "complete"`)
		time.Sleep(200 * time.Millisecond)
		ts.settled(b, ts.builds(), baseURL)
		b.StartTimer()
	}
	b.StopTimer()
	b.ReportMetric(msMedian(took), "ms/reload")
	b.ReportMetric(msMedian(seen), "ms/seen")
	b.Logf("save to page parsed, sorted: %v\nsave to page seen, sorted: %v\n%s", sorted(took), sorted(seen), ts.stderr)
}
