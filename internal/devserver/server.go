package devserver

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/marque-kit/marque/internal/build"
	"github.com/marque-kit/marque/internal/diag"
)

// DefaultAddr is where serve listens unless told otherwise: this machine
// only, since drafts and the brand kit are not for the network.
const DefaultAddr = "127.0.0.1:4321"

// defaultDebounce is how long the kit must stay quiet after a change
// before a rebuild is shown (one may start sooner, see watch): long
// enough to take an editor's atomic save (write aside, rename) or a
// burst of saves as one change, short enough not to be felt.
const defaultDebounce = 20 * time.Millisecond

// shutdownGrace is how long requests still running get to finish once the
// server is told to stop; event streams end at once.
const shutdownGrace = 500 * time.Millisecond

// defaultDrawDelay is how long the kit must stay quiet after a rebuild
// before the images it lacks are drawn: a person typing has paused, so the
// encoders' work does not slow the rebuilds of the next keystrokes.
const defaultDrawDelay = 300 * time.Millisecond

// Options says what to serve and where.
type Options struct {
	// Build is what to build: Source is the kit, and Drafts, Future,
	// BaseURL, Strict and Today are used as they are. The server sets
	// Cache, and Origin to its own address when BaseURL is empty, so that
	// the site's links lead to the server.
	Build build.Options
	// Addr is the TCP address to listen on, host:port; port 0 picks a free
	// one. "" is DefaultAddr.
	Addr string
	// Format is how findings are printed on Stdout, after the first build
	// and after each rebuild that changed them; Color marks the severities
	// of the text format.
	Format diag.Format
	Color  bool
	// Stdout receives findings, Stderr the server's messages: its URL, a
	// line per rebuild, warnings. Either may be nil.
	Stdout, Stderr io.Writer
	// Debounce is how long the kit's files must stay quiet after a change
	// before a rebuild is shown; 0 is 20 ms.
	Debounce time.Duration
	// DrawDelay is how long the kit's files must stay quiet after a
	// rebuild before the images that build left out (see Server) are
	// drawn; 0 is 300 ms.
	DrawDelay time.Duration
}

// Server is the preview of one kit. A save is built and shown at once
// with the images the caches already hold (build.CachedImages), which
// never waits for an encoder; once the kit has been quiet for a moment,
// a second build draws the images that changed (build.EncodeImages,
// through the image cache, so that the unchanged ones cost nothing), and
// its result is shown in turn, unless a newer save has been built
// meanwhile. A save cancels a drawing still running.
type Server struct {
	opts   Options
	root   string // the kit folder, absolute
	ln     net.Listener
	srv    *http.Server
	origin string // scheme and host of the site as served, "http://127.0.0.1:4321"
	id     string // tells this run's page versions from an earlier run's
	cache  *build.Cache
	cur    atomic.Pointer[state]
	pub    sync.Mutex    // held while a build's state is made and shown
	done   chan struct{} // closed when the server stops: event streams end
}

// Listen checks the kit folder and opens opts.Addr. An address already in
// use is an error that says so; the caller exits rather than retrying.
// Listening on an address other than loopback prints a warning on Stderr.
func Listen(opts Options) (*Server, error) {
	if opts.Addr == "" {
		opts.Addr = DefaultAddr
	}
	if opts.Debounce <= 0 {
		opts.Debounce = defaultDebounce
	}
	if opts.DrawDelay <= 0 {
		opts.DrawDelay = defaultDrawDelay
	}
	if opts.Stdout == nil {
		opts.Stdout = io.Discard
	}
	if opts.Stderr == nil {
		opts.Stderr = io.Discard
	}
	root, err := filepath.Abs(opts.Build.Source)
	if err != nil {
		return nil, fmt.Errorf("kit folder: %w", err)
	}
	if info, err := os.Stat(root); err != nil {
		return nil, fmt.Errorf("kit folder: %w", err)
	} else if !info.IsDir() {
		return nil, fmt.Errorf("kit folder %s: not a folder", opts.Build.Source)
	}
	ln, err := net.Listen("tcp", opts.Addr)
	if errors.Is(err, syscall.EADDRINUSE) {
		return nil, fmt.Errorf("%s is already in use, maybe by another marque serve: stop it, or choose another address with --addr", opts.Addr)
	}
	if err != nil {
		return nil, fmt.Errorf("listen: %w", err)
	}
	var idb [4]byte
	rand.Read(idb[:])
	s := &Server{
		opts:  opts,
		root:  root,
		ln:    ln,
		id:    hex.EncodeToString(idb[:]),
		cache: build.NewCache(),
		done:  make(chan struct{}),
	}
	addr := ln.Addr().(*net.TCPAddr)
	host := addr.IP.String()
	if addr.IP.IsUnspecified() {
		host = "localhost"
	}
	s.origin = "http://" + net.JoinHostPort(host, strconv.Itoa(addr.Port))
	if !addr.IP.IsLoopback() {
		fmt.Fprintf(opts.Stderr, "marque: warning: listening on %s, which other machines can reach: they will see drafts, scheduled posts and the brand kit\n", ln.Addr())
	}
	s.srv = &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       time.Minute,
	}
	s.cur.Store(&state{changed: make(chan struct{})})
	return s, nil
}

// URL returns the address of the server, "http://127.0.0.1:4321/"; the site
// may live under a path of it, as its base URL says.
func (s *Server) URL() string { return s.origin + "/" }

// Run builds the kit, serves it, and rebuilds it after every change to its
// files until ctx is done; it then stops within a second: event streams end
// at once and requests still running get a moment to finish. A kit that
// does not build is never an error here (pages show why); Run fails only
// when the machine does (the folder cannot be watched, the listener dies).
func (s *Server) Run(ctx context.Context) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// Watch before the first build, so that a save during it is not lost.
	w, err := newWatcher(s.root, s.opts.Stderr)
	if err != nil {
		s.ln.Close()
		return err
	}
	defer w.close()
	// The first build of a large kit takes a while; a stop meanwhile does
	// not wait for it.
	built := make(chan struct{})
	go func() {
		defer close(built)
		s.rebuild(ctx)
	}()
	select {
	case <-built:
	case <-ctx.Done():
		s.ln.Close()
		return nil
	}
	st := s.cur.Load()
	where := s.URL()
	if st.res != nil && st.res.Site != nil {
		where = s.origin + st.res.BasePath
	}
	fmt.Fprintf(s.opts.Stderr, "marque: serving %s at %s (findings at %s_marque/); Ctrl-C stops\n", s.opts.Build.Source, where, s.URL())

	served := make(chan error, 1)
	go func() { served <- s.srv.Serve(s.ln) }()
	watched := make(chan struct{})
	go func() {
		defer close(watched)
		s.watch(ctx, w)
	}()

	var failure error
	select {
	case <-ctx.Done():
	case err := <-served:
		failure = fmt.Errorf("serve: %w", err)
		cancel()
	}
	close(s.done)
	sctx, scancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer scancel()
	if err := s.srv.Shutdown(sctx); err != nil {
		s.srv.Close()
	}
	select {
	case <-watched:
	case <-sctx.Done():
		// A rebuild that does not notice the stop soon (a long check of
		// a 20 MB post) ends on its own; its result is dropped.
	}
	return failure
}

// rebuild builds the kit, with the images the caches hold, and makes the
// result the state pages are served from, then tells the event streams.
func (s *Server) rebuild(ctx context.Context) {
	start := time.Now()
	res, err := s.check(ctx, build.CachedImages)
	if ctx.Err() != nil {
		return // stopping: the build was cut short, and nobody will look
	}
	s.publish(nil, res, err, time.Since(start))
}

// draw builds the kit again, drawing the images the caches lack, and shows
// the result unless another build was shown since base, the state it
// completes.
func (s *Server) draw(ctx context.Context, base *state) {
	start := time.Now()
	res, err := s.check(ctx, build.EncodeImages)
	if ctx.Err() != nil {
		return // a save came, or the server stops: a rebuild follows, or nothing
	}
	s.publish(base, res, err, time.Since(start))
}

// publish makes the build's result the state pages are served from and
// tells the event streams, unless after is not nil and is no longer the
// state shown: the result of a drawing is only shown over the build it
// completes.
func (s *Server) publish(after *state, res *build.Result, err error, took time.Duration) {
	s.pub.Lock()
	defer s.pub.Unlock()
	prev := s.cur.Load()
	if after != nil && prev != after {
		return
	}
	st := newState(prev, res, err, took)
	st.drawn = after != nil
	if !st.drawn {
		st.built++
	}
	s.cur.Store(st)
	// The terminal first: what a reloaded page shows is on it by then.
	s.report(prev, st)
	close(prev.changed)
}

// check runs one build. A panic in it is a bug of marque's, but the server
// outlives it: the page shows the error until the next save.
func (s *Server) check(ctx context.Context, images build.Images) (res *build.Result, err error) {
	defer func() {
		if v := recover(); v != nil {
			fmt.Fprintf(s.opts.Stderr, "marque: internal error: %v\n%s", v, debug.Stack())
			res, err = nil, fmt.Errorf("internal error (a bug of marque's, please report it): %v", v)
		}
	}()
	opts := s.opts.Build
	opts.Source = s.root
	opts.Cache = s.cache
	opts.Images = images
	if opts.BaseURL == "" {
		opts.Origin = s.origin
	}
	return build.Check(ctx, opts)
}

// report prints a line about the build on Stderr, and findings on Stdout:
// all of them after the first build, then those each rebuild adds, so that
// a terminal left open shows what the last save did.
func (s *Server) report(prev, st *state) {
	ms := st.took.Milliseconds()
	if st.err != nil {
		fmt.Fprintf(s.opts.Stderr, "marque: build failed after %d ms: %v\n", ms, st.err)
		return
	}
	shown := &st.res.Findings
	change := ""
	if prev.res != nil {
		var fixed int
		shown, fixed = diff(&prev.res.Findings, &st.res.Findings)
		change = fmt.Sprintf(" (%d new, %d gone)", shown.Len(), fixed)
		if st.drawn && st.changedFiles() == 0 && shown.Len() == 0 && fixed == 0 {
			return // the images were all there: nothing to say
		}
	}
	switch {
	case st.res.Site == nil:
		fmt.Fprintf(s.opts.Stderr, "marque: the kit does not build (%d ms): %s%s; every page shows why\n", ms, summary(&st.res.Findings), change)
	case prev.n == 0:
		fmt.Fprintf(s.opts.Stderr, "marque: built in %d ms: %s\n", ms, summary(&st.res.Findings))
	case st.drawn:
		fmt.Fprintf(s.opts.Stderr, "marque: images drawn in %d ms, %s changed: %s%s\n", ms, plural(st.changedFiles(), "file"), summary(&st.res.Findings), change)
	default:
		fmt.Fprintf(s.opts.Stderr, "marque: rebuilt in %d ms, %s changed: %s%s\n", ms, plural(st.changedPages(), "page"), summary(&st.res.Findings), change)
	}
	if shown.Len() > 0 {
		diag.Print(s.opts.Stdout, shown, s.opts.Format, s.opts.Color)
	}
}

// diff returns the findings of cur that prev does not have, and how many of
// prev's cur does not have.
func diff(prev, cur *diag.List) (added *diag.List, gone int) {
	had := make(map[diag.Finding]int, prev.Len())
	for _, f := range prev.Items() {
		had[f]++
	}
	added = &diag.List{}
	for _, f := range cur.Items() {
		if had[f] > 0 {
			had[f]--
			continue
		}
		g := added.Add(f.Pos, f.Rule, "%s", f.Message)
		*g = f // with the severity [rules] gave it
	}
	for _, n := range had {
		gone += n
	}
	return added, gone
}

// summary counts findings by severity: "1 error, 2 warnings".
func summary(l *diag.List) string {
	s := plural(l.Count(diag.Error), "error") + ", " + plural(l.Count(diag.Warning), "warning")
	if n := l.Count(diag.Info); n > 0 {
		s += ", " + plural(n, "note")
	}
	return s
}

// plural returns "1 page", "2 pages".
func plural(n int, one string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + one + "s"
}
