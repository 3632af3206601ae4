package main

import (
	"net"
	"os"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/marque-kit/marque"
	"github.com/marque-kit/marque/internal/scaffold"
)

// lockedBuffer is a strings.Builder safe for a writer and a reader at once.
type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

func exampleKit(t *testing.T) string {
	t.Helper()
	dir := t.TempDir() + "/kit"
	if err := scaffold.NewSite(marque.Example, dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestServeAddressTaken checks that serve says the port is taken and
// exits with status 2.
func TestServeAddressTaken(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	var stdout, stderr lockedBuffer
	if got := run([]string{"serve", "-s", exampleKit(t), "--addr", taken.Addr().String()}, &stdout, &stderr); got != exitUnusable {
		t.Errorf("exit status %d, want %d", got, exitUnusable)
	}
	if !strings.Contains(stderr.String(), "already in use") || !strings.Contains(stderr.String(), "--addr") {
		t.Errorf("stderr does not say the address is taken: %q", stderr.String())
	}
}

// TestServeStops runs serve and sends it SIGTERM, as a terminal's Ctrl-C
// or a process manager would: it stops within a second, with status 0.
func TestServeStops(t *testing.T) {
	var stdout, stderr lockedBuffer
	done := make(chan int, 1)
	go func() {
		done <- run([]string{"serve", "-s", exampleKit(t), "--addr", "127.0.0.1:0"}, &stdout, &stderr)
	}()
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(stderr.String(), "marque: serving") {
		if time.Now().After(deadline) {
			t.Fatalf("not serving after 20 s: %q", stderr.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	for _, want := range []string{"marque: built in", "http://127.0.0.1:"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q: %q", want, stderr.String())
		}
	}
	start := time.Now()
	self, err := os.FindProcess(os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	if err := self.Signal(syscall.SIGTERM); err != nil {
		t.Skipf("no SIGTERM here: %v", err)
	}
	select {
	case got := <-done:
		if got != exitOK {
			t.Errorf("exit status %d, want 0; stderr: %q", got, stderr.String())
		}
	case <-time.After(time.Second):
		t.Fatalf("still serving a second after SIGTERM")
	}
	t.Logf("stopped in %v", time.Since(start))
	if !strings.HasSuffix(stderr.String(), "marque: stopped\n") {
		t.Errorf("stderr does not end with the stop: %q", stderr.String())
	}
}
