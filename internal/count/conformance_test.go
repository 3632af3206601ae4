package count

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/marque-kit/marque/internal/network"
)

// conformanceCase is one case of a testdata file: a name, a text and the
// expected results, by key ("weighted", "status", "note").
type conformanceCase struct {
	line int
	name string
	text string
	want map[string]string
}

// readCases parses a testdata file of blocks "case: NAME", "text: GO
// STRING", "KEY: VALUE", with # comments.
func readCases(t *testing.T, name string) []conformanceCase {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []conformanceCase
	s := bufio.NewScanner(f)
	s.Buffer(nil, 1<<20)
	for n := 1; s.Scan(); n++ {
		line := s.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, val, ok := strings.Cut(line, ": ")
		if !ok {
			t.Fatalf("%s:%d: want KEY: VALUE", name, n)
		}
		switch key {
		case "case":
			cases = append(cases, conformanceCase{line: n, name: val, want: map[string]string{}})
		case "text":
			text, err := strconv.Unquote(val)
			if err != nil || len(cases) == 0 {
				t.Fatalf("%s:%d: text: %v", name, n, err)
			}
			cases[len(cases)-1].text = text
		default:
			if len(cases) == 0 {
				t.Fatalf("%s:%d: %s before any case", name, n, key)
			}
			cases[len(cases)-1].want[key] = val
		}
	}
	if err := s.Err(); err != nil {
		t.Fatal(err)
	}
	if len(cases) == 0 {
		t.Fatalf("%s: no cases", name)
	}
	return cases
}

// TestTwitterTextConformance runs twitter-text's own published cases for
// the weighted length.
func TestTwitterTextConformance(t *testing.T) {
	cases := readCases(t, "testdata/twitter-text-validate.txt")
	agree := 0
	for _, c := range cases {
		want, err := strconv.Atoi(c.want["weighted"])
		if err != nil {
			t.Fatalf("line %d: weighted: %v", c.line, err)
		}
		if got := Len(c.text, network.Weighted, Post); got != want {
			t.Errorf("line %d, %s: weighted length %d, want %d", c.line, c.name, got, want)
			continue
		}
		agree++
	}
	t.Logf("twitter-text: %d of %d cases agree", agree, len(cases))
}

// TestMastodonValidators runs the cases of Mastodon's own tests of its
// status and note length validators, against its limit of 500.
func TestMastodonValidators(t *testing.T) {
	cases := readCases(t, "testdata/mastodon-validators.txt")
	agree := 0
	for _, c := range cases {
		for key, want := range c.want {
			kind := map[string]Kind{"status": Post, "note": Profile}[key]
			r := Measure(c.text, network.Limit{Max: 500, Unit: network.Mastodon}, kind)
			got := map[bool]string{true: "fits", false: "over"}[r.Fits()]
			if got != want {
				t.Errorf("line %d, %s: %s counts %d: %s, want %s", c.line, c.name, key, r.Count, got, want)
				continue
			}
			agree++
		}
	}
	t.Logf("mastodon: %d of %d cases agree", agree, len(cases))
}
