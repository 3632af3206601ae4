package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/marque-kit/marque/internal/devserver"
	"github.com/marque-kit/marque/internal/diag"
)

func runServe(args []string, stdout, stderr io.Writer) int {
	var c common
	var addr string
	fs := newFlags("serve", `marque serve [flags]: preview the site with live reload, findings shown in the pages.

It builds into memory (--out is never written), serves on --addr, rebuilds when
brand.toml, content/, assets/ or theme/ change, and reloads the open pages.
Drafts and scheduled posts are shown, with a badge, unless --drafts=false or
--future=false. Links lead to the preview unless --base-url is given; the
path of person.site_url is kept, so a site under /blog/ is served there.
/_marque/ lists every finding of the kit.`, &c, stderr)
	fs.StringVar(&addr, "addr", devserver.DefaultAddr, "the `host:port` to listen on; any but loopback is reachable from other machines")
	// serve previews what is coming: drafts and scheduled posts are in.
	for _, name := range []string{"drafts", "future"} {
		fs.Lookup(name).DefValue = "true"
	}
	c.drafts, c.future = true, true
	if status, done := parse(fs, args, &c); done {
		return status
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "marque serve: unexpected argument %q\n", fs.Arg(0))
		return exitUnusable
	}
	// Signals are caught from here on: once the address answers, a stop is
	// a clean one.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	format, _ := diag.ParseFormat(c.format)
	srv, err := devserver.Listen(devserver.Options{
		Build:  c.options(),
		Addr:   addr,
		Format: format,
		Color:  format == diag.Text && isTerminal(stdout) && os.Getenv("NO_COLOR") == "",
		Stdout: stdout,
		Stderr: stderr,
	})
	if err != nil {
		fmt.Fprintf(stderr, "marque: %v\n", err)
		return exitUnusable
	}
	if err := srv.Run(ctx); err != nil {
		fmt.Fprintf(stderr, "marque: %v\n", err)
		return exitUnusable
	}
	fmt.Fprintln(stderr, "marque: stopped")
	return exitOK
}
