package markdown

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the expected HTML in testdata/cases.txt")

// The case file follows goldmark's extension/_test/*.txt: numbered
// examples, each a header "N: description" (or "N (lang): description",
// French by default), the Markdown, the expected HTML, separated by these
// lines. {NNBSP} and {NBSP} stand for the narrow no-break and no-break
// spaces, in the Markdown and in the HTML.
const (
	caseFile  = "testdata/cases.txt"
	separator = "//- - - - - - - - -//"
	caseEnd   = "//= = = = = = = = = = = = = = = = = = = = = = = =//"
)

var (
	caseHeader = regexp.MustCompile(`^(\d+)(?: \(([\w-]+)\))?: (.+)$`)
	toVisible  = strings.NewReplacer("\u202f", "{NNBSP}", "\u00a0", "{NBSP}")
	fromVis    = strings.NewReplacer("{NNBSP}", "\u202f", "{NBSP}", "\u00a0")
)

type markdownCase struct {
	header   string // the header line as written
	number   string
	lang     string
	markdown string // with real spaces
	html     string // as written, with the visible names
}

func readCases(t *testing.T) []markdownCase {
	t.Helper()
	data, err := os.ReadFile(caseFile)
	if err != nil {
		t.Fatal(err)
	}
	var cases []markdownCase
	var c markdownCase
	var part []string
	state := "header"
	sc := bufio.NewScanner(bytes.NewReader(data))
	line := 0
	for sc.Scan() {
		line++
		l := sc.Text()
		switch {
		case state == "header":
			if l == "" {
				continue
			}
			m := caseHeader.FindStringSubmatch(l)
			if m == nil {
				t.Fatalf("%s:%d: want a header \"N: description\", got %q", caseFile, line, l)
			}
			c = markdownCase{header: l, number: m[1], lang: m[2]}
			if c.lang == "" {
				c.lang = "fr"
			}
			state = "open"
		case state == "open":
			if l != separator {
				t.Fatalf("%s:%d: want %q after the header", caseFile, line, separator)
			}
			state, part = "markdown", nil
		case state == "markdown" && l == separator:
			c.markdown = fromVis.Replace(strings.Join(part, "\n") + "\n")
			state, part = "html", nil
		case state == "html" && l == caseEnd:
			c.html = strings.Join(part, "\n")
			cases = append(cases, c)
			state = "header"
		default:
			part = append(part, l)
		}
	}
	if state != "header" {
		t.Fatalf("%s: the last case is not closed by %q", caseFile, caseEnd)
	}
	return cases
}

func writeCases(t *testing.T, cases []markdownCase) {
	t.Helper()
	var b strings.Builder
	for i, c := range cases {
		if i > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "%s\n%s\n%s%s\n%s\n%s\n", c.header, separator,
			toVisible.Replace(c.markdown), separator, c.html, caseEnd)
	}
	if err := os.WriteFile(caseFile, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestCases(t *testing.T) {
	cases := readCases(t)
	seen := map[string]bool{}
	for i, c := range cases {
		if seen[c.number] {
			t.Errorf("case %s is numbered twice", c.number)
		}
		seen[c.number] = true
		doc, err := New(c.lang).Render([]byte(c.markdown))
		if err != nil {
			t.Fatalf("case %s: %v", c.number, err)
		}
		got := strings.TrimSuffix(toVisible.Replace(string(doc.HTML)), "\n")
		if *update {
			cases[i].html = got
			continue
		}
		if got != c.html {
			t.Errorf("case %s\n%s\n--- markdown\n%s--- got\n%s\n--- want\n%s", c.number, c.header, c.markdown, got, c.html)
		}
	}
	if *update {
		writeCases(t, cases)
	}
}

// TestLint renders every case as a check does: the same doc, without its
// HTML.
func TestLint(t *testing.T) {
	for _, c := range readCases(t) {
		want, err := New(c.lang).Render([]byte(c.markdown))
		if err != nil {
			t.Fatal(err)
		}
		got, err := New(c.lang).Lint().Render([]byte(c.markdown))
		if err != nil {
			t.Fatal(err)
		}
		if got.HTML != nil {
			t.Errorf("case %s: %d bytes of HTML", c.number, len(got.HTML))
		}
		want.HTML = nil
		if !reflect.DeepEqual(got, want) {
			t.Errorf("case %s: the doc differs:\n%+v\nwant:\n%+v", c.number, got, want)
		}
	}
}
