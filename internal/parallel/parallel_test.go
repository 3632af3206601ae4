package parallel

import (
	"context"
	"errors"
	"runtime"
	"sync/atomic"
	"testing"
)

func TestForCallsEachOnce(t *testing.T) {
	for _, n := range []int{0, 1, 2, 7, 1000} {
		calls := make([]atomic.Int32, n)
		if err := For(context.Background(), n, func(_ context.Context, i int) error {
			calls[i].Add(1)
			return nil
		}); err != nil {
			t.Fatalf("n=%d: %v", n, err)
		}
		for i := range calls {
			if c := calls[i].Load(); c != 1 {
				t.Errorf("n=%d: step %d ran %d times", n, i, c)
			}
		}
	}
}

func TestForBoundsConcurrency(t *testing.T) {
	var now, most atomic.Int32
	For(context.Background(), 200, func(context.Context, int) error {
		n := now.Add(1)
		for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
		}
		runtime.Gosched()
		now.Add(-1)
		return nil
	})
	if m, limit := most.Load(), int32(runtime.GOMAXPROCS(0)); m > limit {
		t.Errorf("%d steps ran at once, more than GOMAXPROCS (%d)", m, limit)
	}
}

func TestForStopsAtError(t *testing.T) {
	boom := errors.New("boom")
	var ran atomic.Int32
	err := For(context.Background(), 10000, func(context.Context, int) error {
		ran.Add(1)
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want boom", err)
	}
	// Each goroutine may have taken a step before the first error was
	// known, but none takes another.
	if r := ran.Load(); r > int32(runtime.GOMAXPROCS(0)) {
		t.Errorf("%d steps ran, want at most one per goroutine", r)
	}
}

func TestForCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var ran atomic.Int32
	err := For(ctx, 100, func(context.Context, int) error {
		ran.Add(1)
		return nil
	})
	if !errors.Is(err, context.Canceled) || ran.Load() != 0 {
		t.Errorf("For on a done context = %v after %d steps, want context.Canceled after none", err, ran.Load())
	}
}
