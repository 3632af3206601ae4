package build

import (
	"cmp"
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// BenchmarkImages builds the example kit with a cold image cache and with
// a warm one, and reports where the cold build's image time goes:
//
//	go test ./internal/build -run XXX -bench Images -benchtime 3x -v
func BenchmarkImages(b *testing.B) {
	dir := exampleKit(b)
	var stats []imageStat
	var wall time.Duration // of the image pass alone
	traceImages = func(s []imageStat, d time.Duration) { stats, wall = s, d }
	defer func() { traceImages = nil }()
	build := func(b *testing.B, cache string) time.Duration {
		start := time.Now()
		res, err := Build(context.Background(), Options{Source: dir, Out: filepath.Join(b.TempDir(), "public"), Today: today, CacheDir: cache})
		if err != nil || res.Findings.HasErrors() {
			b.Fatal(err, res.Findings.Items())
		}
		return time.Since(start)
	}
	var cold, warm, coldImages, warmImages time.Duration
	b.Run("cold", func(b *testing.B) {
		cold, coldImages = 0, 0 // the benchmark may call this more than once
		for range b.N {
			cold += build(b, b.TempDir())
			coldImages += wall
		}
		cold /= time.Duration(b.N)
		coldImages /= time.Duration(b.N)
		b.ReportMetric(float64(coldImages.Milliseconds()), "images-ms")
		var d, r, c, e time.Duration
		for _, s := range stats {
			d, r, c, e = d+s.decode, r+s.reduce, c+s.compose, e+s.encode
		}
		b.ReportMetric(float64(d.Milliseconds()), "decode-ms")
		b.ReportMetric(float64(r.Milliseconds()), "resize-ms")
		b.ReportMetric(float64(c.Milliseconds()), "compose-ms")
		b.ReportMetric(float64(e.Milliseconds()), "encode-ms")
		slices.SortFunc(stats, func(a, b imageStat) int { return cmp.Compare(b.compose+b.encode, a.compose+a.encode) })
		for _, s := range stats {
			b.Logf("%-52s decode %6.1f resize %6.1f compose %6.1f encode %6.1f ms", s.path,
				ms(s.decode), ms(s.reduce), ms(s.compose), ms(s.encode))
		}
	})
	b.Run("warm", func(b *testing.B) {
		cache := b.TempDir()
		build(b, cache)
		b.ResetTimer()
		warm, warmImages = 0, 0
		for range b.N {
			warm += build(b, cache)
			warmImages += wall
		}
		warm /= time.Duration(b.N)
		warmImages /= time.Duration(b.N)
		b.ReportMetric(float64(warmImages.Milliseconds()), "images-ms")
		for _, s := range stats {
			if !s.cached {
				b.Errorf("%s encoded again in a warm build", s.path)
			}
		}
		if cold > 0 {
			b.ReportMetric(float64(warm)/float64(cold), "build-warm/cold")
			b.ReportMetric(float64(warmImages)/float64(coldImages), "images-warm/cold")
		}
	})
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
