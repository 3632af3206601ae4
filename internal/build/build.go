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
}

// Result is what a check or build found and made.
type Result struct {
	Findings diag.List
	Site     *output.Tree // nil when the kit could not be rendered
	Posts    int          // posts published
}

// Check loads and checks the kit, and renders it in memory (links are
// checked against the pages that exist), but writes nothing.
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
	res, err := Check(ctx, opts)
	if err != nil || res.Findings.HasErrors() || res.Site == nil {
		return res, err
	}
	if err := ctx.Err(); err != nil {
		return res, err
	}
	if err := output.Write(res.Site, out); err != nil {
		return res, err
	}
	return res, nil
}

func run(ctx context.Context, fsys fs.FS, opts Options) (*Result, error) {
	res := &Result{}
	k, err := load(ctx, fsys, opts, &res.Findings)
	if err != nil {
		return nil, err
	}
	if k == nil {
		res.Findings.Sort()
		return res, nil
	}
	th, err := theme.Load(fsys)
	if err == nil {
		res.Site, err = renderSite(ctx, k, th, &res.Findings)
	}
	if err == nil {
		err = renderKit(ctx, k, res.Site, &res.Findings)
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
	}
	res.Posts = len(k.posts)
	res.Findings.Apply(k.profile.Rules, opts.Strict)
	res.Findings.Sort()
	return res, nil
}
