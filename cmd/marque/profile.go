package main

import (
	"fmt"
	"io"
	"os"
	"runtime/pprof"
)

// startProfile writes profiles of the whole command when asked to: a CPU
// profile to the file named by MARQUE_CPUPROFILE, and a profile of the
// memory it allocated to the file named by MARQUE_MEMPROFILE. The
// benchmarks in bench/ use them to show where a build spends its time.
// The returned function stops the profiling and writes the files.
func startProfile(stderr io.Writer) func() {
	stopCPU := func() {}
	if path := os.Getenv("MARQUE_CPUPROFILE"); path != "" {
		f, err := os.Create(path)
		if err == nil {
			if err = pprof.StartCPUProfile(f); err != nil {
				f.Close()
			}
		}
		if err != nil {
			fmt.Fprintf(stderr, "marque: MARQUE_CPUPROFILE: %v\n", err)
		} else {
			stopCPU = func() {
				pprof.StopCPUProfile()
				f.Close()
			}
		}
	}
	return func() {
		stopCPU()
		if path := os.Getenv("MARQUE_MEMPROFILE"); path != "" {
			if err := writeAllocs(path); err != nil {
				fmt.Fprintf(stderr, "marque: MARQUE_MEMPROFILE: %v\n", err)
			}
		}
	}
}

// writeAllocs writes the profile of every allocation since the start.
func writeAllocs(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
