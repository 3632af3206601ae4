package build

import (
	"context"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/marque-kit/marque/internal/output"
)

// TestRebuildDerivesNothing builds the example kit, whose pages show a
// photo, a logo and covers, twice with one image cache: the second build
// decodes and encodes nothing. Its page images and print files are the
// files the first build put in the cache (made again, each would be a
// new file there), and both builds write the site a build with an empty
// cache writes. A check reads the cache and writes nothing in it.
func TestRebuildDerivesNothing(t *testing.T) {
	dir := exampleKit(t)
	build := func(cacheDir string) string {
		t.Helper()
		return buildClean(t, Options{Source: dir, Today: today, CacheDir: cacheDir})
	}
	cacheDir := filepath.Join(t.TempDir(), "cache")
	first := build(cacheDir)
	second := build(cacheDir)
	fresh := build(filepath.Join(t.TempDir(), "other-cache"))

	want := readDir(t, fresh)
	if got := readDir(t, first); !maps.Equal(got, want) {
		t.Error("the first build differs from a build with another cache")
	}
	if got := readDir(t, second); !maps.Equal(got, want) {
		t.Error("the rebuild differs from a build with another cache")
	}
	var derived []string
	for name := range want {
		if strings.HasPrefix(name, "images/") || strings.HasPrefix(name, "kit/qr-") || strings.HasPrefix(name, "kit/business-card") ||
			strings.HasPrefix(name, "posts/") && strings.Contains(name, "/cover-") {
			derived = append(derived, name)
		}
	}
	for _, kind := range []string{"images/portrait-", "images/logo", "/cover-", "kit/qr-site.png", "kit/business-card.pdf"} {
		if !strings.Contains(strings.Join(derived, " "), kind) {
			t.Fatalf("the example kit has no %s file: %v", kind, derived)
		}
	}
	for _, name := range derived {
		a, err := os.Stat(filepath.Join(first, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.Stat(filepath.Join(second, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		if !os.SameFile(a, b) {
			t.Errorf("%s made again by the rebuild", name)
		}
	}

	before := readDir(t, cacheDir)
	if _, err := Check(context.Background(), Options{Source: dir, Today: today, CacheDir: cacheDir}); err != nil {
		t.Fatal(err)
	}
	if after := readDir(t, cacheDir); !maps.Equal(after, before) {
		t.Errorf("a check changed the cache: %d entries, %d before", len(after), len(before))
	}
	empty := filepath.Join(t.TempDir(), "check-cache")
	if _, err := Check(context.Background(), Options{Source: dir, Today: today, CacheDir: empty}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(empty); !os.IsNotExist(err) {
		t.Errorf("a check wrote its cache folder: %v", err)
	}
}

// TestErrorsAfterEarlyWrite builds the example kit, then again with a
// confidential name in a post, an error only the voice pass finds, which
// runs beside the render: the build may have started writing the new
// site by then, and must leave the previous one as it was and nothing
// beside it.
func TestErrorsAfterEarlyWrite(t *testing.T) {
	dir := exampleKit(t)
	out := filepath.Join(t.TempDir(), "public")
	opts := Options{Source: dir, Out: out, Today: today, CacheDir: filepath.Join(t.TempDir(), "cache")}
	buildClean(t, opts)
	want := readDir(t, out)
	post := filepath.Join(dir, "content/posts/trois-couleurs.md")
	src, err := os.ReadFile(post)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(post, append(src, "\nJ’ai travaillé pour Maison Kervella.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	// Whatever this build writes, it writes before it knows of the error.
	var wrote atomic.Int64
	output.WriteHook = func(string) error { wrote.Add(1); return nil }
	defer func() { output.WriteHook = nil }()
	res, err := Build(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Findings.HasErrors() {
		t.Fatal("no error for a confidential name")
	}
	if wrote.Load() == 0 {
		t.Error("the build wrote nothing before the voice pass found its error: this test tests nothing")
	}
	if got := readDir(t, out); !maps.Equal(got, want) {
		t.Error("a build with errors changed the output")
	}
	entries, err := os.ReadDir(filepath.Dir(out))
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		t.Errorf("beside the output: %v", entries)
	}
}
