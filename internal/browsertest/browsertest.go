package browsertest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Names are the commands Find looks for, in order.
var Names = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}

// Find returns the path of the Chromium to run, or "" when none is
// installed.
func Find() string {
	for _, name := range Names {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// Options are the allocator options of a test browser run from path with
// its profile in dir: headless, without the sandbox (CI containers run as
// root), and quiet, so that it reaches no network service of its own.
func Options(path, dir string) []chromedp.ExecAllocatorOption {
	return []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(dir),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.WindowSize(1280, 900),
	}
}

// Start starts Chromium with [Options] and a new profile folder, and
// returns the browser's chromedp context, from which tabs are made with
// chromedp.NewContext, and a function that stops the browser and removes
// the folder.
func Start(path string) (context.Context, func(), error) {
	if path == "" {
		return nil, nil, fmt.Errorf("chromium is not installed (apt-get install -y chromium)")
	}
	dir, err := os.MkdirTemp("", "marque-chromium-")
	if err != nil {
		return nil, nil, err
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), Options(path, dir)...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	stop := func() {
		cancelCtx()
		cancelAlloc()
		os.RemoveAll(dir)
	}
	if err := chromedp.Do(ctx); err != nil {
		stop()
		return nil, nil, fmt.Errorf("start chromium: %w", err)
	}
	return ctx, stop, nil
}

// Missing ends a test that needs a browser it could not have, for the
// reason why: it fails when CI is set, and is skipped otherwise.
func Missing(t testing.TB, why string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf("browser test: %s; CI must have a browser", why)
	} else {
		t.Skipf("browser test: %s", why)
	}
}

// Shared is one browser for the tests of a package, started by the first
// test that asks for a tab. Its zero value is ready to use; a package's
// TestMain calls Close after the tests.
type Shared struct {
	once sync.Once
	ctx  context.Context
	stop func()
	err  error
}

// Tab returns a new tab of the shared browser, closed at the end of the
// test, whose actions fail after timeout. A test that cannot have one is
// ended by [Missing].
func (s *Shared) Tab(t testing.TB, timeout time.Duration) context.Context {
	t.Helper()
	s.once.Do(func() { s.ctx, s.stop, s.err = Start(Find()) })
	if s.err != nil {
		Missing(t, s.err.Error())
	}
	tab, cancel := chromedp.NewContext(s.ctx)
	t.Cleanup(cancel)
	tab, cancelTimeout := context.WithTimeout(tab, timeout)
	t.Cleanup(cancelTimeout)
	return tab
}

// Close stops the shared browser, if it was started.
func (s *Shared) Close() {
	if s.stop != nil {
		s.stop()
	}
}
