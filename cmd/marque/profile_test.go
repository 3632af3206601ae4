package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestProfiles asks for both profiles: each file is a gzipped profile.
func TestProfiles(t *testing.T) {
	dir := t.TempDir()
	cpu, mem := filepath.Join(dir, "cpu.out"), filepath.Join(dir, "mem.out")
	t.Setenv("MARQUE_CPUPROFILE", cpu)
	t.Setenv("MARQUE_MEMPROFILE", mem)
	var stderr bytes.Buffer
	stop := startProfile(&stderr)
	_ = bytes.Repeat([]byte("x"), 1<<20) // something to allocate
	stop()
	if stderr.Len() > 0 {
		t.Errorf("stderr: %s", stderr.String())
	}
	for _, p := range []string{cpu, mem} {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(data, []byte{0x1f, 0x8b}) {
			t.Errorf("%s is not a gzipped profile: % x", filepath.Base(p), data[:min(len(data), 8)])
		}
	}
}

// TestProfileUnwritable names a folder that does not exist: the command
// says so and goes on.
func TestProfileUnwritable(t *testing.T) {
	t.Setenv("MARQUE_CPUPROFILE", filepath.Join(t.TempDir(), "no", "cpu.out"))
	t.Setenv("MARQUE_MEMPROFILE", "")
	var stderr bytes.Buffer
	startProfile(&stderr)()
	if !bytes.Contains(stderr.Bytes(), []byte("MARQUE_CPUPROFILE")) {
		t.Errorf("stderr: %q", stderr.String())
	}
}
