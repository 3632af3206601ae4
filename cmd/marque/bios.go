package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"strings"
	"syscall"
	"unicode/utf8"

	"github.com/marque-kit/marque/internal/build"
	"github.com/marque-kit/marque/internal/diag"
)

func runBios(args []string, stdout, stderr io.Writer) int {
	var source, netName, format string
	var strict bool
	fs := newFlags("bios", "marque bios [flags]: the text chosen for every profile field of every configured network, with its count.", nil, stderr)
	fs.StringVar(&source, "source", ".", "the kit `folder`")
	fs.StringVar(&source, "s", ".", "short for --source")
	fs.StringVar(&netName, "network", "", "show only this `network`")
	fs.StringVar(&format, "format", "text", "bios as `text` or json")
	fs.BoolVar(&strict, "strict", false, "count warnings as errors")
	if status, done := parse(fs, args, nil); done {
		return status
	}
	if format != "text" && format != "json" {
		fmt.Fprintf(stderr, "marque: --format %q: want text or json\n", format)
		return exitUnusable
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	res, err := build.Bios(ctx, build.Options{Source: source, Strict: strict})
	if err != nil {
		fmt.Fprintf(stderr, "marque: %v\n", err)
		return exitUnusable
	}
	bios := res.Bios
	if netName != "" {
		bios = nil
		for _, b := range res.Bios {
			if b.Network == netName {
				bios = append(bios, b)
			}
		}
		if !slices.Contains(res.Networks, netName) && !res.Findings.Unusable() {
			fmt.Fprintf(stderr, "marque: --network %q: brand.toml has no such network (it has %s)", netName, strings.Join(res.Networks, ", "))
			if near := diag.DidYouMean(netName, res.Networks); near != "" {
				fmt.Fprintf(stderr, "; did you mean %q?", near)
			}
			fmt.Fprintln(stderr)
			return exitUnusable
		}
	}
	if format == "json" {
		err = writeBiosJSON(stdout, bios)
	} else {
		err = writeBiosText(stdout, bios)
	}
	if err != nil {
		fmt.Fprintf(stderr, "marque: %v\n", err)
		return exitUnusable
	}
	return reportAside(&res.Findings, stderr)
}

func writeBiosJSON(w io.Writer, bios []build.FieldBio) error {
	if bios == nil {
		bios = []build.FieldBio{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(bios)
}

// writeBiosText prints each field's header (network and field, count
// against the limit, unit), then its text, indented, ready to copy.
func writeBiosText(w io.Writer, bios []build.FieldBio) error {
	width := 0
	for _, b := range bios {
		width = max(width, utf8.RuneCountInString(b.Label+" "+b.Field))
	}
	bw := bufio.NewWriter(w)
	for i, b := range bios {
		if i > 0 {
			bw.WriteString("\n")
		}
		limit := fmt.Sprintf("%d/%d %s", b.Count, b.Limit, b.Unit)
		if b.Min > 0 {
			limit = fmt.Sprintf("%d/%d–%d %s", b.Count, b.Min, b.Limit, b.Unit)
		}
		if b.Cap > 0 {
			limit += fmt.Sprintf(", %d/%d bytes", b.Bytes, b.Cap)
		}
		if !b.Fits {
			limit += "  DOES NOT FIT"
		}
		name := b.Label + " " + b.Field
		fmt.Fprintf(bw, "%s%s  %s\n", name, strings.Repeat(" ", width-utf8.RuneCountInString(name)), limit)
		for _, line := range strings.Split(b.Text, "\n") {
			fmt.Fprintf(bw, "  %s\n", line)
		}
	}
	return bw.Flush()
}

// reportAside prints findings on stderr, where they do not mix with a
// command's own output, and returns the exit status they call for.
func reportAside(l *diag.List, stderr io.Writer) int {
	if err := diag.Print(stderr, l, diag.Text, false); err != nil {
		fmt.Fprintf(stderr, "marque: %v\n", err)
		return exitUnusable
	}
	switch {
	case l.Unusable():
		return exitUnusable
	case l.HasErrors():
		return exitFindings
	}
	return exitOK
}
