package build

import (
	"context"
	"runtime"

	"golang.org/x/sync/errgroup"

	"github.com/marque-kit/marque/internal/diag"
	"github.com/marque-kit/marque/internal/voice"
)

// checkVoice runs the voice linter over the profile, the posts and the
// About page, in parallel, merging in a fixed order. Then it drops every
// finding, of any rule, that a marque:disable comment covers. It returns
// the safe fixes whose findings remain and whose rule [rules] keeps on.
func checkVoice(ctx context.Context, k *kit, l *diag.List) ([]voice.Fix, error) {
	c, err := voice.New(k.profile)
	if err != nil {
		return nil, err
	}
	// Each file's doc, made only when the cache has no check of it.
	type source struct {
		file  *diag.File
		whole bool
		doc   func() *voice.Doc
	}
	sources := []source{{k.profile.File, false, func() *voice.Doc { return voice.ProfileDoc(k.profile) }}}
	for _, p := range k.posts {
		sources = append(sources, source{p.File, true, func() *voice.Doc { return voice.PostDoc(p.Post, p.doc) }})
	}
	if a := k.about; a != nil {
		sources = append(sources, source{a.file, true, func() *voice.Doc { return voice.PageDoc(a.file, a.bodyOffset, a.doc) }})
	}
	psum := profileSum(k.profile)
	results := make([]*voice.Result, len(sources))
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, s := range sources {
		g.Go(func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			results[i] = k.cache.voice(psum, c, s.file, s.whole, s.doc)
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	var sups []voice.Suppression
	var fixes []voice.Fix
	for _, r := range results {
		l.Append(r.Findings)
		sups = append(sups, r.Suppressions...)
		fixes = append(fixes, r.Fixes...)
	}
	voice.Suppress(l, sups)
	return voice.KeepFixes(fixes, sups, k.profile.Rules), nil
}
