package devserver

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/marque-kit/marque/internal/brand"
)

// watchedDirs are the kit's folders a build reads, watched with every
// folder under them; of the kit's root, only brand.toml and these matter
// (public/, .cache/ and the rest are not the kit's sources).
var watchedDirs = []string{"content", "assets", "theme"}

// maxWaitFactor bounds how long a stream of changes that never pauses
// (saves every few milliseconds) can hold a rebuild back: ten debounce
// periods after the first change, the kit is built as it is then.
const maxWaitFactor = 10

// watcher tells when a file of the kit that the build reads changes.
// inotify and its kin watch one folder at a time, so the watcher adds every
// folder under the watched ones, and each new folder as it appears.
type watcher struct {
	root   string // absolute
	fs     *fsnotify.Watcher
	stderr io.Writer
	failed bool // a folder could not be watched: said once
}

func newWatcher(root string, stderr io.Writer) (*watcher, error) {
	// A buffer, since events wait while a rebuild runs.
	fw, err := fsnotify.NewBufferedWatcher(4096)
	if err != nil {
		return nil, fmt.Errorf("watch the kit: %w", err)
	}
	w := &watcher{root: root, fs: fw, stderr: stderr}
	if err := fw.Add(root); err != nil {
		fw.Close()
		return nil, fmt.Errorf("watch %s: %w", root, err)
	}
	w.addAll()
	return w, nil
}

func (w *watcher) close() { w.fs.Close() }

// addAll watches every folder under the watched ones; folders already
// watched stay as they are.
func (w *watcher) addAll() {
	for _, d := range watchedDirs {
		w.addTree(filepath.Join(w.root, d))
	}
}

// addTree watches dir and the folders under it, hidden ones aside (.git,
// editors' folders). A folder that goes away meanwhile is skipped: its
// removal is an event of its own.
func (w *watcher) addTree(dir string) {
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		if p != dir && hidden(d.Name()) {
			return filepath.SkipDir
		}
		if err := w.fs.Add(p); err != nil && !errors.Is(err, fs.ErrNotExist) && !w.failed {
			// Most likely fs.inotify.max_user_watches: changes under p
			// go unseen, which the user must know.
			w.failed = true
			fmt.Fprintf(w.stderr, "marque: warning: cannot watch %s, changes there will not rebuild: %v\n", p, err)
		}
		return nil
	})
}

// relevant reports whether ev may change what a build makes: a change to
// brand.toml or under a watched folder, other than to an editor's
// temporary or backup file, or to permissions alone.
func (w *watcher) relevant(ev fsnotify.Event) bool {
	if ev.Op == fsnotify.Chmod {
		return false
	}
	rel, err := filepath.Rel(w.root, ev.Name)
	if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
		return false
	}
	parts := strings.Split(filepath.ToSlash(rel), "/")
	if parts[0] != brand.FileName && !slices.Contains(watchedDirs, parts[0]) {
		return false
	}
	base := parts[len(parts)-1]
	return !hidden(base) && !strings.HasSuffix(base, "~")
}

// hidden reports whether a file or folder name is hidden: .DS_Store,
// .post.md.swp, .#post.md. A build never reads one.
func hidden(name string) bool { return strings.HasPrefix(name, ".") }

// watch rebuilds the kit after each change, once its files have been quiet
// for the debounce period, until ctx is done. Rebuilds run one at a time
// here; changes made during one are seen when it ends and start the next.
// After each rebuild, once the kit has stayed quiet for DrawDelay, it
// starts a drawing of the images (Server) beside, which the next change
// cancels: a rebuild never waits for one.
func (s *Server) watch(ctx context.Context, w *watcher) {
	quiet := time.NewTimer(time.Hour)
	quiet.Stop()
	defer quiet.Stop()
	drawAfter := time.NewTimer(s.opts.DrawDelay) // after the first build
	defer drawAfter.Stop()
	var drawing sync.WaitGroup
	stopDrawing := func() {}
	defer func() {
		stopDrawing()
		drawing.Wait() // no image cache written once serve has stopped
	}()
	var first time.Time // of the changes not built yet; zero when none
	changed := func() {
		drawAfter.Stop()
		stopDrawing()
		now := time.Now()
		if first.IsZero() {
			first = now
		}
		wait := s.opts.Debounce
		if now.Sub(first) >= maxWaitFactor*s.opts.Debounce {
			wait = 0
		}
		quiet.Reset(wait)
	}
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.fs.Events:
			if !ok {
				return
			}
			if !w.relevant(ev) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Lstat(ev.Name); err == nil && info.IsDir() {
					w.addTree(ev.Name) // a new folder, or one moved in with its own
				}
			}
			changed()
		case err, ok := <-w.fs.Errors:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				// Events were lost, new folders maybe among them.
				w.addAll()
				changed()
				continue
			}
			fmt.Fprintf(s.opts.Stderr, "marque: watching the kit: %v\n", err)
		case <-quiet.C:
			first = time.Time{}
			s.rebuild(ctx)
			drawAfter.Reset(s.opts.DrawDelay)
		case <-drawAfter.C:
			base := s.cur.Load()
			if base.broken() {
				continue // nothing to draw for
			}
			dctx, cancel := context.WithCancel(ctx)
			stopDrawing = cancel
			drawing.Add(1)
			go func() {
				defer drawing.Done()
				defer cancel()
				s.draw(dctx, base)
			}()
		}
	}
}
