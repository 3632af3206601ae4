package build

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"github.com/marque-kit/marque/internal/browsertest"
	"github.com/marque-kit/marque/internal/manifest"
)

// TestBrowserKitCopy opens the kit page of a built kit in Chromium, with
// the clipboard allowed, and copies the first two texts: one with a click,
// one from the keyboard. The clipboard then holds each bio exactly, the
// button says so and the status tells a screen reader. Without the
// clipboard, the text is left selected.
func TestBrowserKitCopy(t *testing.T) {
	ctx, stop, err := browsertest.Start(browsertest.Find())
	if err != nil {
		browsertest.Missing(t, err.Error())
	}
	defer stop()

	dir := writeKitPageKit(t)
	out := filepath.Join(dir, "public")
	if _, err := Build(context.Background(), Options{Source: dir, Out: out, Today: today}); err != nil {
		t.Fatal(err)
	}
	var m manifest.Manifest
	if err := json.Unmarshal(read(t, out, manifest.Path), &m); err != nil {
		t.Fatal(err)
	}
	// The page lists LinkedIn first, as brand.toml does, its fields in
	// the order of LinkedIn's profile editor.
	bio := func(field string) string {
		for _, b := range m.Bios {
			if b.Network == "linkedin" && b.Field == field {
				return b.Text
			}
		}
		t.Fatalf("no linkedin %s in the manifest", field)
		return ""
	}
	ts := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer ts.Close()

	tab, cancel := chromedp.NewContext(ctx)
	defer cancel()
	tab, cancel = context.WithTimeout(tab, 30*time.Second)
	defer cancel()
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		_, err := chromedp.CallBrowser(tab, cdpbrowser.SetPermission, cdpbrowser.SetPermissionParams{
			Permission: &cdpbrowser.PermissionDescriptor{Name: name, AllowWithoutSanitization: true},
			Setting:    cdpbrowser.PermissionSettingGranted,
			Origin:     ts.URL,
		})
		if err != nil {
			t.Fatalf("grant %s: %v", name, err)
		}
	}
	if err := chromedp.Do(tab, chromedp.Navigate(ts.URL+"/kit/index.html")); err != nil {
		t.Fatal(err)
	}
	// Before any copy, the clipboard holds something else.
	if err := chromedp.Do(tab, chromedp.Evaluate[chromedp.Void](`navigator.clipboard.writeText("before")`, chromedp.EvalAwaitPromise)); err != nil {
		t.Fatal(err)
	}

	steps := []struct {
		how    string
		field  string
		action chromedp.Action[chromedp.Void]
	}{
		{"click", "headline", chromedp.Click(chromedp.CSS(".copy-button"))},
		{"keyboard", "about", func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
			if err := chromedp.Do(ctx, chromedp.Focus(chromedp.CSS("#text-linkedin-about-label ~ .copy-button"))); err != nil {
				return chromedp.Void{}, err
			}
			return chromedp.Run(ctx, chromedp.KeyEvent("\r"))
		}},
	}
	for i, step := range steps {
		if err := chromedp.Do(tab,
			chromedp.Evaluate[chromedp.Void](`document.querySelector(".kit-status").textContent = ""`),
			step.action); err != nil {
			t.Fatalf("%s: %v", step.how, err)
		}
		state := `(() => {
			const b = document.querySelectorAll(".copy-button")[` + strconv.Itoa(i) + `];
			return b.textContent + "|" + document.querySelector(".kit-status").textContent;
		})()`
		var got string
		for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
			if got, err = chromedp.Run(tab, chromedp.Evaluate[string](state)); err == nil && got == "Copié|Copié" {
				break
			}
		}
		if got != "Copié|Copié" {
			t.Fatalf("%s: button and status read %q, want Copié", step.how, got)
		}
		clip, err := chromedp.Run(tab, chromedp.Evaluate[string](`navigator.clipboard.readText()`, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("%s: read the clipboard: %v", step.how, err)
		}
		if want := bio(step.field); clip != want {
			t.Errorf("%s: the clipboard holds %q, want the %s %q", step.how, clip, step.field, want)
		}
	}

	// Where the page may not write to the clipboard (another origin,
	// without the permission, and a click from a script, which is no
	// gesture), the text is selected for the reader, and the block says so.
	other := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer other.Close()
	if err := chromedp.Do(tab,
		chromedp.Navigate(other.URL+"/kit/index.html"),
		chromedp.Evaluate[chromedp.Void](`document.querySelector(".copy-button").click()`),
	); err != nil {
		t.Fatal(err)
	}
	var got string
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		got, err = chromedp.Run(tab, chromedp.Evaluate[string](`(document.querySelector(".copy-hint")?.textContent ?? "") + "|" + getSelection().toString()`))
		if err == nil && got != "|" {
			break
		}
	}
	if want := "Texte sélectionné\u00a0: copiez-le avec Ctrl+C ou ⌘+C|" + bio("headline"); got != want {
		t.Errorf("without the clipboard, the page shows %q, want %q", got, want)
	}
}
