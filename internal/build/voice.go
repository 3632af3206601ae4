package build

import (
	"context"

	"github.com/marque-kit/marque/internal/diag"
	"github.com/marque-kit/marque/internal/parallel"
	"github.com/marque-kit/marque/internal/voice"
)

// voiceRun is the voice linter running over the profile, the posts and
// the About page while the site renders: the pages do not need its
// findings.
type voiceRun struct {
	done    chan struct{}
	results []*voice.Result
	err     error
}

// startVoice starts the voice linter. Its caller must call wait before it
// returns, so that nothing of a build outlives it.
func startVoice(ctx context.Context, k *kit) *voiceRun {
	v := &voiceRun{done: make(chan struct{})}
	go func() {
		defer close(v.done)
		v.results, v.err = runVoice(ctx, k)
	}()
	return v
}

// wait waits for the linter to end.
func (v *voiceRun) wait() { <-v.done }

// merge waits for the linter, adds its findings to l in the files' order,
// then drops every finding of l, of any rule, that a marque:disable
// comment covers: call it after every other check. It returns the safe
// fixes whose findings remain and whose rule [rules] keeps on.
func (v *voiceRun) merge(k *kit, l *diag.List) ([]voice.Fix, error) {
	v.wait()
	if v.err != nil {
		return nil, v.err
	}
	var sups []voice.Suppression
	var fixes []voice.Fix
	for _, r := range v.results {
		l.Append(r.Findings)
		sups = append(sups, r.Suppressions...)
		fixes = append(fixes, r.Fixes...)
	}
	voice.Suppress(l, sups)
	return voice.KeepFixes(fixes, sups, k.profile.Rules), nil
}

// runVoice lints every file, in parallel, and returns the results in the
// files' order.
func runVoice(ctx context.Context, k *kit) ([]*voice.Result, error) {
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
	err = parallel.For(ctx, len(sources), func(_ context.Context, i int) error {
		s := sources[i]
		results[i] = k.cache.voice(psum, c, s.file, s.whole, s.doc)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return results, nil
}
