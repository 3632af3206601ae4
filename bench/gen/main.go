// Command gen writes the benchmark corpus: one marque kit and one Hugo site
// holding the same N posts, so that both tools build the same content.
//
// Usage:
//
//	go run ./bench/gen -n 1000 -out DIR
//
// DIR must not exist or be empty: a benchmark never runs on a corpus left
// over from an earlier run. DIR/kit is the marque kit and DIR/hugo the Hugo
// site. The output depends only on -n and -seed: post i has the same text
// whatever N is (its links point only to earlier posts), and only the dates
// spread with N.
package main

import (
	"embed"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// hugoFiles is the Hugo half's theme: layouts and the stylesheet, copied
// as they are.
//
//go:embed all:hugo
var hugoFiles embed.FS

func main() {
	n := flag.Int("n", 1000, "number of posts")
	out := flag.String("out", "", "the `folder` to write the corpus into; must not exist or be empty")
	seed := flag.Uint64("seed", 20261122, "seed of the text generator")
	end := flag.String("end", "2026-06-30", "date of the newest post, `YYYY-MM-DD`")
	flag.Parse()
	if err := run(*n, *out, *seed, *end); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(n int, out string, seed uint64, end string) error {
	if n < 1 {
		return fmt.Errorf("-n %d: want at least one post", n)
	}
	if out == "" {
		return errors.New("-out is required")
	}
	last, err := time.Parse(time.DateOnly, end)
	if err != nil {
		return fmt.Errorf("-end: %w", err)
	}
	if entries, err := os.ReadDir(out); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s is not empty: the corpus is always generated into a fresh folder", out)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}

	posts := make([]*article, n)
	for i := range posts {
		posts[i] = writeArticle(seed, i+1, n, last)
	}
	kit := filepath.Join(out, "kit")
	site := filepath.Join(out, "hugo")
	files := map[string][]byte{
		filepath.Join(kit, "brand.toml"):           []byte(brandTOML),
		filepath.Join(kit, "content", "about.md"):  []byte(aboutMD),
		filepath.Join(site, "hugo.toml"):           []byte(hugoTOML),
		filepath.Join(site, "content", "about.md"): []byte(hugoAboutMD),
	}
	for _, p := range posts {
		src := []byte(p.markdown())
		files[filepath.Join(kit, "content", "posts", p.slug+".md")] = src
		files[filepath.Join(site, "content", "posts", p.slug+".md")] = src
	}
	for name, data := range files {
		if err := writeFile(name, data); err != nil {
			return err
		}
	}
	return copyTheme(site)
}

// copyTheme copies the embedded hugo/ folder (layouts, static) into site.
func copyTheme(site string) error {
	return fs.WalkDir(hugoFiles, "hugo", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := hugoFiles.ReadFile(name)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel("hugo", filepath.FromSlash(name))
		if err != nil {
			return err
		}
		return writeFile(filepath.Join(site, rel), data)
	})
}

func writeFile(name string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	return os.WriteFile(name, data, 0o644)
}
