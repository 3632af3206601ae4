package devserver

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/marque-kit/marque"
	"github.com/marque-kit/marque/internal/browsertest"
	"github.com/marque-kit/marque/internal/scaffold"
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
// post to its open page showing the new text: on the example kit, and on
// the 1,000 posts of bench/gen. It reports the median, in ms/reload; run
// it with a fixed count, as in
//
//	go test -run '^$' -bench Reload -benchtime 10x ./internal/devserver
func BenchmarkReload(b *testing.B) {
	b.Run("example", func(b *testing.B) {
		dir := filepath.Join(b.TempDir(), "kit")
		if err := scaffold.NewSite(marque.Example, dir); err != nil {
			b.Fatal(err)
		}
		benchReload(b, dir, "content/posts/trois-couleurs.md", "/posts/trois-couleurs/")
	})
	b.Run("1000posts", func(b *testing.B) {
		out := filepath.Join(b.TempDir(), "corpus")
		cmd := exec.Command("go", "run", "../../bench/gen", "-n", "1000", "-out", out)
		if msg, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("bench/gen: %v\n%s", err, msg)
		}
		benchReload(b, filepath.Join(out, "kit"), "content/posts/post-0500.md", "/posts/post-0500/")
	})
}

// benchReload opens page, then saves file b.N times with a new sentence
// and waits each time for the page to show it.
func benchReload(b *testing.B, dir, file, page string) {
	src, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(file)))
	if err != nil {
		b.Fatal(err)
	}
	ts := serve(b, dir)
	b.Logf("first build: %s", strings.TrimSpace(ts.stderr.String()))
	tab := newTab(b)
	if err := chromedp.Do(tab, chromedp.Navigate(ts.base+page)); err != nil {
		b.Fatal(err)
	}
	until(b, tab, 10*time.Second, "loaded", `document.readyState === "complete"`)
	var took []time.Duration
	b.ResetTimer()
	for i := range b.N {
		text := fmt.Sprintf("Mesure %d du rechargement.", i)
		start := time.Now()
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(file)), append(src, "\n"+text+"\n"...), 0o644); err != nil {
			b.Fatal(err)
		}
		until(b, tab, 10*time.Second, "reloaded", bodyHas(text))
		took = append(took, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "ms/reload")
	b.Logf("save to page, sorted: %v\n%s", took, ts.stderr)
}
