package build

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// BenchmarkRebuild times what serve does after a save: a cached Check of
// the kit, with the images the caches hold, after an edit of one post, on
// the example kit and on the 1,000 posts of bench/gen. Profile it with
//
//	go test ./internal/build -run '^$' -bench Rebuild/1000 -benchtime 50x -cpuprofile cpu.out
//
// (the profile also holds the first, cold build: the more rebuilds, the
// less it weighs).
func BenchmarkRebuild(b *testing.B) {
	b.Run("example", func(b *testing.B) {
		dir := exampleKit(b)
		benchRebuild(b, dir, "content/posts/trois-couleurs.md")
	})
	b.Run("1000posts", func(b *testing.B) {
		out := filepath.Join(b.TempDir(), "corpus")
		cmd := exec.Command("go", "run", "../../bench/gen", "-n", "1000", "-out", out)
		if msg, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("bench/gen: %v\n%s", err, msg)
		}
		benchRebuild(b, filepath.Join(out, "kit"), "content/posts/post-0500.md")
	})
}

// benchRebuild builds the kit in dir once, then b.N times after appending
// a new sentence to file, with serve's options and one cache throughout.
func benchRebuild(b *testing.B, dir, file string) {
	name := filepath.Join(dir, filepath.FromSlash(file))
	src, err := os.ReadFile(name)
	if err != nil {
		b.Fatal(err)
	}
	opts := Options{Source: dir, Drafts: true, Future: true, Today: today, Origin: "http://127.0.0.1:4321", Cache: NewCache(), Images: CachedImages}
	if _, err := Check(context.Background(), opts); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := range b.N {
		text := fmt.Sprintf("\nMesure %d du rechargement.\n", i)
		if err := os.WriteFile(name, append(src, text...), 0o644); err != nil {
			b.Fatal(err)
		}
		res, err := Check(context.Background(), opts)
		if err != nil || res.Site == nil {
			b.Fatal(err, res.Findings.Items())
		}
	}
}
