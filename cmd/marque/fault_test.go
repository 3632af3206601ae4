package main

import (
	"bytes"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"

	"github.com/marque-kit/marque/internal/output"
)

// writeKit writes files, by slash path, into dir.
func writeKit(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// readTree returns every file under dir by slash path.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestBuildFullDisk fills the disk while marque build writes the site:
// exit 2, a message that names the file and says the output was kept, and
// the previous output byte for byte, with nothing left beside it.
func TestBuildFullDisk(t *testing.T) {
	kit := t.TempDir()
	writeKit(t, kit, map[string]string{
		"brand.toml":         "[person]\nname = \"Zoé Laurent\"\nrole = \"Photographe\"\nsite_url = \"https://zoe.example\"\n",
		"content/posts/a.md": "+++\ntitle = \"A\"\ndate = 2026-01-05\n+++\nBonjour.\n",
	})
	var stdout, stderr bytes.Buffer
	if status := run([]string{"build", "-s", kit}, &stdout, &stderr); status != exitOK {
		t.Fatalf("first build: exit %d\n%s%s", status, stdout.String(), stderr.String())
	}
	public := filepath.Join(kit, "public")
	before := readTree(t, public)

	writeKit(t, kit, map[string]string{"content/posts/a.md": "+++\ntitle = \"A\"\ndate = 2026-01-05\n+++\nBonjour, encore.\n"})
	var written atomic.Int32
	output.WriteHook = func(string) error {
		if written.Add(1) > 3 {
			return syscall.ENOSPC
		}
		return nil
	}
	defer func() { output.WriteHook = nil }()
	stdout.Reset()
	stderr.Reset()
	if status := run([]string{"build", "-s", kit}, &stdout, &stderr); status != exitUnusable {
		t.Fatalf("build on a full disk: exit %d, want %d\n%s%s", status, exitUnusable, stdout.String(), stderr.String())
	}
	msg := stderr.String()
	t.Log(msg)
	if !strings.HasPrefix(msg, "marque: write ") || !strings.Contains(msg, "no space left on device") ||
		!strings.Contains(msg, public+" is left as it was") || strings.Contains(msg, ".marque-new-") {
		t.Errorf("message %q: want the file, the disk's error and the output kept", msg)
	}
	if after := readTree(t, public); !maps.Equal(after, before) {
		t.Error("the previous output changed")
	}
	entries, _ := os.ReadDir(kit)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".public.") {
			t.Errorf("%s left beside the output", e.Name())
		}
	}
}
