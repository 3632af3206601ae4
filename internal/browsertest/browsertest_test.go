package browsertest

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

func TestFind(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("PATH", dir)
	if p := Find(); p != "" {
		t.Fatalf("Find() = %q with nothing on PATH", p)
	}
	// The first name found wins, whichever comes later on PATH.
	fake := filepath.Join(dir, "chromium-browser")
	if err := os.WriteFile(fake, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if p := Find(); p != fake {
		t.Fatalf("Find() = %q, want %q", p, fake)
	}
	if _, _, err := Start(""); err == nil {
		t.Errorf("Start without a browser did not fail")
	}
}

// recorder is a test that records how it ended.
type recorder struct {
	testing.TB
	fatal, skip string
}

func (r *recorder) Helper()                           {}
func (r *recorder) Fatalf(format string, args ...any) { r.fatal = fmt.Sprintf(format, args...) }
func (r *recorder) Skipf(format string, args ...any)  { r.skip = fmt.Sprintf(format, args...) }

func TestMissing(t *testing.T) {
	for _, ci := range []string{"", "true"} {
		t.Setenv("CI", ci)
		r := &recorder{TB: t}
		Missing(r, "no chromium")
		if failed := r.fatal != ""; failed != (ci != "") || (r.skip != "") == failed {
			t.Errorf("CI=%q: failed %q, skipped %q", ci, r.fatal, r.skip)
		}
	}
}

// TestShared runs a page's script in the shared browser: the browser
// this package starts is one tests can use.
func TestShared(t *testing.T) {
	var s Shared
	defer s.Close()
	tab := s.Tab(t, 30*time.Second)
	n, err := chromedp.Run(tab, chromedp.Evaluate[int](`[1, 2, 3].map(x => x * 2).reduce((a, b) => a + b)`))
	if err != nil || n != 12 {
		t.Fatalf("evaluate = %d, %v; want 12", n, err)
	}
}
