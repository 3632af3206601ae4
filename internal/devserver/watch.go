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
	"github.com/marque-kit/marque/internal/build"
)

// watchedDirs are the kit's folders a build reads, watched with every
// folder under them; of the kit's root, only brand.toml and these matter
// (public/, .cache/ and the rest are not the kit's sources).
var watchedDirs = []string{"content", "assets", "theme"}

// maxWaitFactor bounds how long a stream of changes that never pauses
// (saves every few milliseconds) can hold a rebuild back: ten debounce
// periods after the first change, the kit is built as it is then.
const maxWaitFactor = 10

// burst is how long a change that finds the server idle waits for the
// other events of the same write before it is built: a write into an
// existing file is two (the truncation, then the data), microseconds
// apart.
const burst = 2 * time.Millisecond

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
	// A buffer, for the bursts of events of a checkout or of a folder
	// moved in.
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

// watch rebuilds the kit after each change until ctx is done, and shows
// each rebuild once the kit's files have been quiet for the debounce
// period since the last change it holds. After each one, once the kit has
// stayed quiet for DrawDelay, it starts a drawing of the images (Server)
// beside, which the next change cancels: a rebuild never waits for one.
//
// A change that finds the server idle is built at once (once its burst
// of events is over) rather than after the debounce period, so that a
// save costs the longer of the two rather than their sum (20 ms of the
// 50 a save of the example kit took): the build is shown when it ends if
// the kit has been quiet since the change for the debounce period, or as
// soon as it has. A change during that build, or before it is shown, may
// have been half read (an editor's save may be several writes, or a
// write aside and a rename): the build is cancelled and left to end
// unseen, and the kit is built again once quiet, as before. A rebuild
// started once quiet is shown whatever comes during it, so that a stream
// of changes that never pauses is built every ten debounce periods
// (maxWaitFactor); the changes made meanwhile start the next one.
func (s *Server) watch(ctx context.Context, w *watcher) {
	// Stopped when watch returns, whatever the reason: the rebuilds and
	// drawings beside, cancelled, then end.
	ctx, stop := context.WithCancel(ctx)
	quiet := time.NewTimer(time.Hour)
	quiet.Stop()
	defer quiet.Stop()
	drawAfter := time.NewTimer(s.opts.DrawDelay) // after the first build
	defer drawAfter.Stop()
	var drawing, building sync.WaitGroup
	stopDrawing := func() {}
	finished := make(chan *job)
	var (
		cur  *job // the rebuild whose result is awaited, or nil
		held *job // a rebuild started at a change, done, to show once quiet
		soon bool // the quiet timer starts a rebuild at a change (burst)
		// first is the time of the first change that no rebuild shown
		// or awaited (but one started at a change) holds, zero when
		// none; last, of the latest change.
		first, last time.Time
	)
	defer func() {
		stop()
		building.Wait()
		drawing.Wait() // no image cache written once serve has stopped
	}()
	start := func(speculative bool) {
		rctx, cancel := context.WithCancel(ctx)
		r := &job{cancel: cancel, speculative: speculative}
		cur = r
		building.Add(1)
		go func() {
			defer building.Done()
			defer cancel()
			begin := time.Now()
			r.res, r.err = s.check(rctx, build.CachedImages)
			r.took = time.Since(begin)
			select {
			case finished <- r:
			case <-ctx.Done():
			}
		}()
	}
	// settle arms the quiet timer for the end of the debounce period
	// after the last change, or at once when changes have been coming for
	// too long.
	settle := func() {
		wait := s.opts.Debounce - time.Since(last)
		if time.Since(first) >= maxWaitFactor*s.opts.Debounce {
			wait = 0
		}
		quiet.Reset(max(wait, 0))
	}
	show := func(r *job) {
		s.publish(nil, r.res, r.err, r.took)
		if first.IsZero() {
			drawAfter.Reset(s.opts.DrawDelay)
		}
	}
	changed := func() {
		drawAfter.Stop()
		stopDrawing()
		idle := cur == nil && held == nil && first.IsZero()
		held = nil
		if cur != nil && cur.speculative {
			cur.cancel() // its result is no longer awaited
			cur = nil
		}
		last = time.Now()
		if first.IsZero() {
			first = last
		}
		if idle || soon && last.Sub(first) < s.opts.Debounce {
			soon = true
			quiet.Reset(burst)
			return
		}
		soon = false
		settle()
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
		case r := <-finished:
			switch {
			case ctx.Err() != nil:
				return // stopping: the build was cut short, and nobody will look
			case r != cur:
				// Cancelled by a change: a rebuild follows once quiet.
			case r.speculative && time.Since(last) < s.opts.Debounce:
				cur, held = nil, r
				settle()
			default:
				cur = nil
				if r.speculative {
					first = time.Time{} // no change since it started
				}
				show(r)
				if !first.IsZero() {
					settle() // changes came during a rebuild started once quiet
				}
			}
		case <-quiet.C:
			switch {
			case soon:
				soon = false
				start(true)
			case held != nil:
				r := held
				held, first = nil, time.Time{}
				show(r)
			case cur == nil && !first.IsZero():
				first = time.Time{}
				start(false)
			}
			// Else a rebuild started once quiet runs: when it ends, the
			// changes since wait for quiet again.
		case <-drawAfter.C:
			base := s.cur.Load()
			if base.broken() || cur != nil || !first.IsZero() {
				continue // nothing to draw for, or a rebuild to come
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

// job is one rebuild of the kit after changes, run beside the watch loop.
type job struct {
	cancel context.CancelFunc
	// speculative is set on a rebuild started at a change, before the
	// kit was quiet.
	speculative bool
	res         *build.Result
	err         error
	took        time.Duration
}
