package diag

import (
	"sync"
	"testing"
)

// TestPosConcurrent asks for positions in one file from several goroutines
// at once, as the parallel checks do; run with -race, it fails if the
// file's line table is built without synchronisation.
func TestPosConcurrent(t *testing.T) {
	f := NewFile("a.md", []byte("un\ndeux\ntrois é\n"))
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if got := f.Pos(14); got.Line != 3 || got.Column != 7 {
				t.Errorf("Pos(14) = %+v, want 3:7", got)
			}
		})
	}
	wg.Wait()
}
