package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/marque-kit/marque/internal/build"
)

func runCalendar(args []string, stdout, stderr io.Writer) int {
	var source, icsFile, day string
	var strict bool
	fs := newFlags("calendar", "marque calendar [flags]: published and scheduled posts per period against the cadence, and the gaps.", nil, stderr)
	fs.StringVar(&source, "source", ".", "the kit `folder`")
	fs.StringVar(&source, "s", ".", "short for --source")
	fs.StringVar(&icsFile, "ics", "", "also write the scheduled posts as an iCalendar `file`")
	fs.StringVar(&day, "today", "", "compare as of this `date`, YYYY-MM-DD, instead of today")
	fs.BoolVar(&strict, "strict", false, "count warnings as errors")
	if status, done := parse(fs, args, nil); done {
		return status
	}
	now := today()
	if day != "" {
		t, err := time.Parse(time.DateOnly, day)
		if err != nil {
			fmt.Fprintf(stderr, "marque: --today %q: want a date such as 2026-11-02\n", day)
			return exitUnusable
		}
		now = t
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	res, err := build.Calendar(ctx, build.Options{Source: source, Strict: strict, Today: now})
	if err != nil {
		fmt.Fprintf(stderr, "marque: %v\n", err)
		return exitUnusable
	}
	if res.Findings.Unusable() {
		return reportAside(&res.Findings, stderr)
	}
	if err := res.WriteText(stdout); err != nil {
		fmt.Fprintf(stderr, "marque: %v\n", err)
		return exitUnusable
	}
	if icsFile != "" {
		if res.ICS == nil {
			fmt.Fprintf(stderr, "marque: no scheduled post: %s not written\n", icsFile)
		} else if err := os.WriteFile(icsFile, res.ICS, 0o644); err != nil {
			fmt.Fprintf(stderr, "marque: %v\n", err)
			return exitUnusable
		}
	}
	return reportAside(&res.Findings, stderr)
}
