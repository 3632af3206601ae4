// Package parallel runs the steps of a loop on every processor.
package parallel

import (
	"context"
	"runtime"
	"sync/atomic"

	"golang.org/x/sync/errgroup"
)

// For calls fn(ctx, i) for every i from 0 to n-1 on GOMAXPROCS goroutines
// at most, each taking the next i in turn, and returns the first error.
// After an error, or once ctx is done, no call starts; For returns when the
// calls under way have ended, with ctx's error if ctx ended them.
//
// A goroutine for each step, as errgroup.Group.Go with a limit starts, would
// grow its stack from the start at every step: a page template or a
// Markdown parse goes deep, and the copies took a fortieth of a build's
// time. For's goroutines grow theirs once.
func For(ctx context.Context, n int, fn func(ctx context.Context, i int) error) error {
	g, ctx := errgroup.WithContext(ctx)
	var next atomic.Int64
	for range min(n, runtime.GOMAXPROCS(0)) {
		g.Go(func() error {
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return nil
				}
				if err := ctx.Err(); err != nil {
					return err
				}
				if err := fn(ctx, i); err != nil {
					return err
				}
			}
		})
	}
	return g.Wait()
}
