package build

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/txtar"
)

var update = flag.Bool("update", false, "rewrite the want/ sections of testdata/kits")

// today is the date the tests build on, so that scheduled posts stay
// scheduled whatever the clock says.
var today = time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)

// TestKits builds each kit of testdata/kits, a txtar archive whose files
// form the kit, and compares what it found and wrote with the archive's
// want/findings and want/files sections.
func TestKits(t *testing.T) {
	paths, _ := filepath.Glob("testdata/kits/*.txtar")
	if len(paths) == 0 {
		t.Fatal("no kits in testdata/kits")
	}
	for _, path := range paths {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(path)
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			var args []string
			for _, f := range ar.Files {
				if strings.HasPrefix(f.Name, "want/") {
					continue
				}
				if f.Name == "args" {
					args = strings.Fields(string(f.Data))
					continue
				}
				p := filepath.Join(dir, filepath.FromSlash(f.Name))
				os.MkdirAll(filepath.Dir(p), 0o755)
				if err := os.WriteFile(p, f.Data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			opts := Options{Source: dir, Out: "public", Today: today}
			for _, a := range args {
				switch a {
				case "drafts":
					opts.Drafts = true
				case "future":
					opts.Future = true
				case "strict":
					opts.Strict = true
				}
			}
			res, err := Build(context.Background(), opts)
			if err != nil {
				t.Fatal(err)
			}
			var findings strings.Builder
			for _, f := range res.Findings.Items() {
				findings.WriteString(f.String() + "\n")
			}
			var files strings.Builder
			filepath.WalkDir(filepath.Join(dir, "public"), func(p string, d os.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					rel, _ := filepath.Rel(filepath.Join(dir, "public"), p)
					files.WriteString(filepath.ToSlash(rel) + "\n")
				}
				return nil
			})
			got := map[string]string{"want/findings": findings.String(), "want/files": files.String()}
			if *update {
				var kept []txtar.File
				for _, f := range ar.Files {
					if !strings.HasPrefix(f.Name, "want/") {
						kept = append(kept, f)
					}
				}
				for _, name := range []string{"want/findings", "want/files"} {
					kept = append(kept, txtar.File{Name: name, Data: []byte(got[name])})
				}
				ar.Files = kept
				if err := os.WriteFile(path, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			for _, f := range ar.Files {
				if want, ok := got[f.Name]; ok && string(f.Data) != want {
					t.Errorf("%s:\n%s\nwant:\n%s", f.Name, want, f.Data)
				}
			}
		})
	}
}

// TestReproducible builds the example kit twice, on one core and on every
// core, and requires byte-identical output.
func TestReproducible(t *testing.T) {
	dir := exampleKit(t)
	read := func(procs int) map[string]string {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		return readDir(t, buildClean(t, Options{Source: dir, Today: today}))
	}
	// Many cores first: that build encodes the images, the one-core
	// build finds them in the kit's image cache (socialimage tests that
	// encoding itself does not depend on the core count).
	all := read(max(4, runtime.NumCPU()))
	one := read(1)
	if len(one) != len(all) || len(one) < 20 {
		t.Fatalf("%d files on one core, %d on all", len(one), len(all))
	}
	for name, b := range one {
		if b != all[name] {
			t.Errorf("%s differs between builds", name)
		}
	}
}

// TestExampleKitIsClean keeps the repository's own example free of findings:
// it is what a newcomer builds first.
func TestExampleKitIsClean(t *testing.T) {
	res, err := Check(context.Background(), Options{Source: "../..", Today: today})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings.Items() {
		t.Errorf("%s", f)
	}
	if res.Posts < 6 {
		t.Errorf("the example kit publishes %d posts, want 6 or more", res.Posts)
	}
}
