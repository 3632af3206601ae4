// Command marque builds a personal site and brand kit from brand.toml and a
// folder of Markdown posts, and checks that the brand stays coherent.
//
// This file only wires flags to the internal packages: one call per command.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"github.com/marque-kit/marque"
	"github.com/marque-kit/marque/internal/build"
	"github.com/marque-kit/marque/internal/diag"
	"github.com/marque-kit/marque/internal/scaffold"
)

// Exit statuses (SPEC §4).
const (
	exitOK       = 0
	exitFindings = 1
	exitUnusable = 2
)

const usage = `marque builds a personal site and brand kit from brand.toml and Markdown posts.

Usage:
  marque new site DIR              write the example kit into DIR
  marque new post "Title"          write content/posts/<slug>.md, a draft dated today
  marque build [flags]             check, then render into --out; fails on error findings
  marque check [flags] [FILE...]   check only, printing findings; --fix makes the safe fixes
  marque bios [--network N]        the text chosen for every profile field, with its count
  marque calendar [--ics FILE]     posts per week or month against the cadence, and the gaps
  marque serve [flags]             preview with live reload; findings shown in the pages
  marque version                   print marque's version

Run "marque COMMAND --help" for a command's flags.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUnusable
	}
	defer startProfile(stderr)()
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "build":
		return runBuild(rest, stdout, stderr)
	case "check":
		return runCheck(rest, stdout, stderr)
	case "bios":
		return runBios(rest, stdout, stderr)
	case "calendar":
		return runCalendar(rest, stdout, stderr)
	case "serve":
		return runServe(rest, stdout, stderr)
	case "new":
		return runNew(rest, stdout, stderr)
	case "version":
		fmt.Fprintln(stdout, "marque", version())
		return exitOK
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "marque: unknown command %q\n\n%s", cmd, usage)
	return exitUnusable
}

// common holds the flags build and check share.
type common struct {
	source, out, baseURL, format string
	drafts, future, strict       bool
}

func newFlags(name, summary string, c *common, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "%s\n\nFlags:\n", summary)
		fs.PrintDefaults()
	}
	if c == nil {
		return fs
	}
	defFormat := "text"
	if os.Getenv("GITHUB_ACTIONS") == "true" {
		defFormat = "github"
	}
	fs.StringVar(&c.source, "source", ".", "the kit `folder`")
	fs.StringVar(&c.source, "s", ".", "short for --source")
	fs.BoolVar(&c.drafts, "drafts", false, "include drafts")
	fs.BoolVar(&c.future, "future", false, "include posts dated in the future")
	fs.StringVar(&c.baseURL, "base-url", "", "the site's absolute `URL`, instead of person.site_url")
	fs.StringVar(&c.format, "format", defFormat, "findings as `text`, json or github")
	fs.BoolVar(&c.strict, "strict", false, "count warnings as errors")
	return fs
}

// parse parses args; it returns done with the exit status when the command
// must stop (help asked for, or bad flags).
func parse(fs *flag.FlagSet, args []string, c *common) (status int, done bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK, true
		}
		return exitUnusable, true
	}
	if c == nil {
		return 0, false
	}
	if _, ok := diag.ParseFormat(c.format); !ok {
		fmt.Fprintf(fs.Output(), "marque: --format %q: want text, json or github\n", c.format)
		return exitUnusable, true
	}
	if c.baseURL != "" {
		if u, err := url.Parse(c.baseURL); err != nil || !u.IsAbs() || u.Host == "" {
			fmt.Fprintf(fs.Output(), "marque: --base-url %q is not an absolute URL\n", c.baseURL)
			return exitUnusable, true
		}
	}
	return 0, false
}

func (c *common) options() build.Options {
	return build.Options{
		Source:  c.source,
		Out:     c.out,
		Drafts:  c.drafts,
		Future:  c.future,
		BaseURL: c.baseURL,
		Strict:  c.strict,
		Today:   today(),
	}
}

func runBuild(args []string, stdout, stderr io.Writer) int {
	var c common
	fs := newFlags("build", "marque build [flags]: check the kit, then render it into --out.", &c, stderr)
	fs.StringVar(&c.out, "out", "public", "the output `folder`, relative to the kit")
	fs.StringVar(&c.out, "o", "public", "short for --out")
	var cacheDir string
	fs.StringVar(&cacheDir, "cache-dir", "", "the image cache's `folder`, relative to the kit (default .cache/marque)")
	if status, done := parse(fs, args, &c); done {
		return status
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	start := time.Now()
	opts := c.options()
	opts.CacheDir = cacheDir
	res, err := build.Build(ctx, opts)
	status := report(res, err, c.format, stdout, stderr)
	if status == exitOK && isTerminal(stderr) {
		fmt.Fprintf(stderr, "marque: %d posts, %d files in %s (%.2fs)\n", res.Posts, res.Site.Len(), c.out, time.Since(start).Seconds())
	}
	return status
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	var c common
	fs := newFlags("check", "marque check [flags] [FILE...]: check the kit, or only the findings in FILEs.", &c, stderr)
	fix := fs.Bool("fix", false, "make the safe fixes in place (French spaces, quotation marks, ellipses, preferred words) and print them")
	if status, done := parse(fs, args, &c); done {
		return status
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	var files []string
	if fs.NArg() > 0 {
		files = kitPaths(c.source, fs.Args())
	}
	// A check makes no page: it names them, for its links.
	opts := c.options()
	opts.Lint = true
	var res *build.Result
	var err error
	if *fix {
		r, fixed, ferr := build.Fix(ctx, opts, files)
		res, err = r, ferr
		out := stdout // with the findings, unless they are JSON or workflow commands
		if c.format != string(diag.Text) {
			out = stderr
		}
		for _, f := range fixed {
			fmt.Fprintln(out, f)
		}
	} else {
		res, err = build.Check(ctx, opts)
	}
	if err == nil && files != nil {
		res.Findings.Keep(files)
	}
	return report(res, err, c.format, stdout, stderr)
}

// report prints the findings and returns the exit status they call for.
func report(res *build.Result, err error, format string, stdout, stderr io.Writer) int {
	if res != nil {
		f, _ := diag.ParseFormat(format)
		color := f == diag.Text && isTerminal(stdout) && os.Getenv("NO_COLOR") == ""
		if perr := diag.Print(stdout, &res.Findings, f, color); perr != nil && err == nil {
			err = perr
		}
		if isTerminal(stderr) && res.Findings.Len() > 0 {
			fmt.Fprintf(stderr, "marque: %d errors, %d warnings\n", res.Findings.Count(diag.Error), res.Findings.Count(diag.Warning))
		}
	}
	switch {
	case err != nil:
		fmt.Fprintf(stderr, "marque: %v\n", err)
		return exitUnusable
	case res.Findings.Unusable():
		return exitUnusable
	case res.Findings.HasErrors():
		return exitFindings
	}
	return exitOK
}

func runNew(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || (args[0] != "site" && args[0] != "post") {
		if len(args) > 0 && isHelp(args[0]) {
			fmt.Fprint(stdout, usage)
			return exitOK
		}
		fmt.Fprintf(stderr, "marque new: want \"site DIR\" or \"post TITLE\"\n")
		return exitUnusable
	}
	switch args[0] {
	case "site":
		fs := newFlags("new site", "marque new site DIR: write the example kit into DIR, which must be empty or absent.", nil, stderr)
		if status, done := parse(fs, args[1:], nil); done {
			return status
		}
		if fs.NArg() != 1 {
			fs.Usage()
			return exitUnusable
		}
		if err := scaffold.NewSite(marque.Example, fs.Arg(0)); err != nil {
			fmt.Fprintf(stderr, "marque: %v\n", err)
			return exitUnusable
		}
		fmt.Fprintf(stdout, "New kit in %s. Next: cd %s && marque build\n", fs.Arg(0), fs.Arg(0))
		return exitOK
	}
	var source string
	fs := newFlags("new post", `marque new post [flags] "Title": write content/posts/<slug>.md, a draft dated today.`, nil, stderr)
	fs.StringVar(&source, "source", ".", "the kit `folder`")
	fs.StringVar(&source, "s", ".", "short for --source")
	if status, done := parse(fs, args[1:], nil); done {
		return status
	}
	if fs.NArg() != 1 || strings.TrimSpace(fs.Arg(0)) == "" {
		fs.Usage()
		return exitUnusable
	}
	rel, err := scaffold.NewPost(source, fs.Arg(0), today())
	if err != nil {
		fmt.Fprintf(stderr, "marque: %v\n", err)
		return exitUnusable
	}
	fmt.Fprintln(stdout, rel)
	return exitOK
}

func isHelp(s string) bool { return s == "-h" || s == "-help" || s == "--help" }

// kitPaths turns command-line file names into kit-relative slash paths, the
// form findings use.
func kitPaths(source string, args []string) []string {
	root, _ := filepath.Abs(source)
	paths := make([]string, len(args))
	for i, a := range args {
		abs, _ := filepath.Abs(a)
		rel, err := filepath.Rel(root, abs)
		if err != nil {
			rel = a
		}
		paths[i] = filepath.ToSlash(rel)
	}
	return paths
}

// today is the local calendar date, which decides what is scheduled.
func today() time.Time {
	y, m, d := time.Now().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func version() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "devel"
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
