package devserver

import (
	"context"
	"testing"
	"time"

	"github.com/marque-kit/marque/internal/build"
)

func TestScratchProfile(t *testing.T) {
	src := "/tmp/corpus1k/kit"
	c := build.NewCache()
	var total time.Duration
	for i := 0; i < 5; i++ {
		start := time.Now()
		_, err := build.Check(context.Background(), build.Options{Source: src, Today: time.Now(), Cache: c})
		if err != nil {
			t.Fatal(err)
		}
		if i > 0 {
			total += time.Since(start)
		}
	}
	t.Logf("mean %v", total/4)
}
