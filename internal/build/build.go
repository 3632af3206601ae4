package build

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/marque-kit/marque/internal/diag"
	"github.com/marque-kit/marque/internal/output"
	"github.com/marque-kit/marque/internal/voice"
	"github.com/marque-kit/marque/theme"
)

// Options says what to build and how.
type Options struct {
	Source  string // the kit folder
	Out     string // the output folder; a relative path is relative to Source
	Drafts  bool   // include drafts
	Future  bool   // include posts dated after Today
	BaseURL string // overrides person.site_url when not empty
	Strict  bool   // warnings count as errors
	// Today is the date that tells published posts from scheduled ones. It
	// comes from the caller so that tests, and builds, are reproducible.
	Today time.Time
	// Origin, when not empty, replaces the scheme and host of the site's
	// URL ("http://127.0.0.1:4321") and keeps its path, so that a preview
	// serves the pages at the paths they will have. BaseURL, when set,
	// wins.
	Origin string
	// Cache, when not nil, keeps work for the next build of the same kit;
	// serve passes the same one to each rebuild.
	Cache *Cache
	// CacheDir is the folder of the image cache, which keeps encoded
	// images between builds; "" is .cache/marque in the kit. A relative
	// path is relative to Source.
	CacheDir string
	// Images says what becomes of the kit's images: Check plans them
	// (PlanImages, the zero value) unless told otherwise; Build always
	// encodes them (EncodeImages).
	Images Images
	// Lint is for marque check, which reports findings and shows nothing:
	// the site's pages are named but not made (render.Input.Lint), each
	// of their templates running once to report one that fails; the kit
	// page is named only (render.KitInput.Lint). Build ignores it.
	Lint bool

	out *earlyWrite // set by Build: the output, written while the build ends
}

// Images is what a build does with the kit's images: the site's cards and
// icons, every network's images and the print files.
type Images int

const (
	// PlanImages plans every image, which the pages need, and draws none:
	// the site has no image of the kit.
	PlanImages Images = iota
	// CachedImages adds the images the image cache already holds and
	// leaves out the others, and the print files: never waiting for an
	// encoder, it is what serve shows as soon as a save is built.
	CachedImages
	// EncodeImages draws and encodes every image the cache lacks, and
	// writes the print files.
	EncodeImages
)

// Result is what a check or build found and made.
type Result struct {
	Findings diag.List
	Site     *output.Tree // nil when the kit could not be rendered
	Posts    int          // posts published
	// BasePath is the URL path the site lives under, from its base URL:
	// "/" or, for a site at https://example.com/blog, "/blog/".
	BasePath string
	// Sources maps each HTML page of Site to the kit files it is made
	// from, brand.toml first, so that a finding can be shown on the pages
	// of its file.
	Sources map[string][]string
	// Fixes are the safe fixes of the findings, which Fix makes.
	Fixes []voice.Fix
}

// Check loads and checks the kit, and renders it in memory (links are
// checked against the pages that exist), but writes nothing. It draws
// the kit's images as opts.Images says: by default, not at all.
func Check(ctx context.Context, opts Options) (*Result, error) {
	root, err := os.OpenRoot(opts.Source)
	if err != nil {
		return nil, fmt.Errorf("open kit: %w", err)
	}
	defer root.Close()
	return run(ctx, root.FS(), opts)
}

// Build checks the kit, renders it and, when nothing is wrong, writes it to
// opts.Out, replacing the previous output whole. With error findings it
// writes nothing and the previous output stays as it was.
func Build(ctx context.Context, opts Options) (*Result, error) {
	out := opts.Out
	if !filepath.IsAbs(out) {
		out = filepath.Join(opts.Source, out)
	}
	// Refuse a dangerous --out before spending any time on the kit.
	if err := output.CheckOut(opts.Source, out); err != nil {
		return nil, err
	}
	opts.Images, opts.Lint = EncodeImages, false
	opts.out = &earlyWrite{out: out}
	res, err := Check(ctx, opts)
	if err == nil {
		err = ctx.Err()
	}
	if err != nil || res.Findings.HasErrors() || res.Site == nil {
		opts.out.abort()
		return res, err
	}
	if err := opts.out.commit(res.Site); err != nil {
		return res, err
	}
	return res, nil
}

// earlyWrite is the output of a build, which starts writing the site's
// files once the site is made, while the kit page is: on a machine with
// cores to spare, the writing no longer follows the rest. Should the
// build end with errors, the files written go.
type earlyWrite struct {
	out string
	w   *output.Writer
	err error // Begin's
}

// writer begins the output on first use.
func (e *earlyWrite) writer() (*output.Writer, error) {
	if e.w == nil && e.err == nil {
		e.w, e.err = output.Begin(e.out)
	}
	return e.w, e.err
}

// start writes, in the background, the files site holds so far; a check
// (nil) writes nothing.
func (e *earlyWrite) start(site *output.Tree) {
	if e == nil {
		return
	}
	if w, err := e.writer(); err == nil {
		w.Start(site)
	}
}

// commit writes the rest of site and swaps the output in.
func (e *earlyWrite) commit(site *output.Tree) error {
	w, err := e.writer()
	if err != nil {
		return err
	}
	return w.Commit(site)
}

// abort removes what was written.
func (e *earlyWrite) abort() {
	if e.w != nil {
		e.w.Abort()
	}
}

func run(ctx context.Context, fsys fs.FS, opts Options) (*Result, error) {
	res := &Result{}
	opts.Cache.begin()
	k, err := load(ctx, fsys, opts, &res.Findings)
	if err != nil {
		return nil, err
	}
	if k == nil {
		res.Findings.Sort()
		return res, nil
	}
	if err := k.setOrigin(opts); err != nil {
		return nil, err
	}
	// The voice linter runs beside the render; should the render fail, it
	// stops early, and the build returns only once it has.
	ctx, cancel := context.WithCancel(ctx)
	voice := startVoice(ctx, k)
	defer voice.wait()
	defer cancel()
	th, err := theme.Load(fsys)
	if err == nil {
		res.Site, err = renderAll(ctx, k, th, &res.Findings)
	}
	// A kit's own template that does not parse or run is the user's to fix.
	var terr *theme.Error
	if errors.As(err, &terr) {
		res.Findings.Add(terr.Pos, "content.syntax", "%s", terr.Msg)
		res.Site, err = nil, nil
	}
	if err != nil {
		return nil, err
	}
	if res.Site != nil {
		checkLinks(k, res.Site, &res.Findings)
		res.BasePath, res.Sources = k.basePath(), pageSources(k, res.Site)
	}
	// After every other check: marque:disable comments silence any rule.
	if res.Fixes, err = voice.merge(k, &res.Findings); err != nil {
		return nil, err
	}
	if res.Site != nil {
		// A build that went through used all it needs: the rest is stale.
		opts.Cache.end()
	}
	res.Posts = len(k.posts)
	res.Findings.Apply(k.profile.Rules, opts.Strict)
	res.Findings.Sort()
	return res, nil
}
