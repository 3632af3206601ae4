package build

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFix makes the safe fixes of a kit in place: the file keeps its mode,
// nothing is left beside it, a second run finds nothing to fix, and with
// files given only those change.
func TestFix(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string, mode os.FileMode) {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), mode); err != nil {
			t.Fatal(err)
		}
		os.Chmod(p, mode)
	}
	profile := "[person]\nname = \"Zoé\"\nrole = \"Photographe\"\ntagline = \"Vrai...\"\nsite_url = \"https://z.example\"\nlanguage = \"fr\"\n"
	write("brand.toml", profile, 0o644)
	write("content/posts/a.md", "+++\ntitle = \"Bonjour!\"\ndate = 2026-01-05\n+++\nOui... et `non...` seulement.\n", 0o600)
	opts := Options{Source: dir, Today: today}

	res, made, err := Fix(context.Background(), opts, []string{"content/posts/a.md"})
	if err != nil {
		t.Fatal(err)
	}
	if len(made) != 2 {
		t.Errorf("made %v", made)
	}
	for _, f := range res.Findings.Items() {
		if f.File != "brand.toml" {
			t.Errorf("left: %v", f)
		}
	}
	got, _ := os.ReadFile(filepath.Join(dir, "content/posts/a.md"))
	if want := "+++\ntitle = \"Bonjour\u202f!\"\ndate = 2026-01-05\n+++\nOui… et `non...` seulement.\n"; string(got) != want {
		t.Errorf("fixed post:\n%q\nwant\n%q", got, want)
	}
	if info, _ := os.Stat(filepath.Join(dir, "content/posts/a.md")); info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", info.Mode().Perm())
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "brand.toml")); string(b) != profile {
		t.Error("brand.toml changed though only the post was asked for")
	}

	_, made, err = Fix(context.Background(), opts, nil)
	if err != nil || len(made) != 1 || !strings.Contains(made[0].String(), "brand.toml:4:") {
		t.Fatalf("second run: made %v, %v", made, err)
	}
	_, made, _ = Fix(context.Background(), opts, nil)
	if len(made) != 0 {
		t.Errorf("third run made %v", made)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "content/posts"))
	if len(entries) != 1 {
		t.Errorf("left beside the post: %v", entries)
	}
}
