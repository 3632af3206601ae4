package voice

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/marque-kit/marque/internal/brand"
	"github.com/marque-kit/marque/internal/markdown"
	"github.com/marque-kit/marque/internal/post"
)

// minScore is the precision and recall each rule must reach on the
// labelled lines.
const minScore = 0.95

var visibleSpaces = strings.NewReplacer("{NNBSP}", "\u202f", "{NBSP}", "\u00a0")

// labelledLine is one line of testdata/labelled/*.txt.
type labelledLine struct {
	n     int      // line number in the .txt file
	rules []string // the findings it must have, by rule id
	text  string
}

func readLabelled(t *testing.T, lang string) []labelledLine {
	t.Helper()
	data, err := os.ReadFile("testdata/labelled/" + lang + ".txt")
	if err != nil {
		t.Fatal(err)
	}
	var lines []labelledLine
	for i, l := range strings.Split(string(data), "\n") {
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		labels, text, ok := strings.Cut(l, " | ")
		if !ok {
			t.Fatalf("%s.txt:%d: want RULES | text", lang, i+1)
		}
		var rules []string
		if labels != "-" {
			rules = strings.Split(labels, ",")
		}
		lines = append(lines, labelledLine{n: i + 1, rules: rules, text: visibleSpaces.Replace(text)})
	}
	return lines
}

// checkBody checks body as the post of the kit whose brand.toml is
// profile, and returns the post's file, what was found, and the doc.
func checkBody(t testing.TB, profile, body string) (*post.Post, *Result) {
	p, res, _ := checkBodyWith(t, profile, body)
	return p, res
}

// checkBodyWith is checkBody that also returns the ids of the rules the
// profile turns on.
func checkBodyWith(t testing.TB, profile, body string) (*post.Post, *Result, []string) {
	t.Helper()
	fsys := fstest.MapFS{
		"brand.toml":         {Data: []byte(profile)},
		"content/posts/p.md": {Data: []byte("+++\ntitle = \"Essai\"\ndate = 2026-01-05\n+++\n" + body)},
	}
	p, l := brand.Load(fsys)
	if l.Len() > 0 {
		t.Fatalf("brand.toml: %v", l.Items())
	}
	posts, l := post.Load(fsys)
	if l.Len() > 0 || len(posts) != 1 {
		t.Fatalf("post: %v", l.Items())
	}
	c, err := New(p)
	if err != nil {
		t.Fatal(err)
	}
	md, err := markdown.New(p.Person.Language).Render(posts[0].Body)
	if err != nil {
		t.Fatal(err)
	}
	res := c.Check(PostDoc(posts[0], md))
	Suppress(&res.Findings, res.Suppressions)
	var ids []string
	for _, r := range c.cfg.rules() {
		ids = append(ids, r.ID())
	}
	return posts[0], res, ids
}

// score counts, for one rule, the findings that the labels expect (true
// positives), those they do not (false positives), and those missing
// (false negatives).
type score struct{ tp, fp, fn int }

func (s score) precision() float64 { return ratio(s.tp, s.tp+s.fp) }
func (s score) recall() float64    { return ratio(s.tp, s.tp+s.fn) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// TestLabelled measures the precision and recall of each rule on the
// labelled lines of testdata/labelled, French and English, traps included,
// prints them as a table, and fails below minScore. Every line is one block
// of one post: a line's findings are those on its line of the file.
func TestLabelled(t *testing.T) {
	for _, lang := range []string{"fr", "en"} {
		t.Run(lang, func(t *testing.T) {
			profile, err := os.ReadFile("testdata/labelled/" + lang + ".toml")
			if err != nil {
				t.Fatal(err)
			}
			lines := readLabelled(t, lang)
			if len(lines) < 30 {
				t.Fatalf("%d labelled lines, want 30 or more", len(lines))
			}
			var body strings.Builder
			const firstLine = 5 // after the front matter of checkBody
			for _, l := range lines {
				body.WriteString(l.text + "\n\n")
			}
			_, res, on := checkBodyWith(t, string(profile), body.String())

			found := map[int][]string{} // by index in lines
			for _, f := range res.Findings.Items() {
				i := (f.Line - firstLine) / 2
				if f.Line < firstLine || (f.Line-firstLine)%2 != 0 || i >= len(lines) {
					t.Errorf("finding outside the labelled lines: %v", f)
					continue
				}
				found[i] = append(found[i], f.Rule)
			}
			scores := map[string]*score{}
			get := func(rule string) *score {
				if scores[rule] == nil {
					scores[rule] = &score{}
				}
				return scores[rule]
			}
			for i, l := range lines {
				want, got := slices.Clone(l.rules), slices.Clone(found[i])
				for _, rule := range got {
					if k := slices.Index(want, rule); k >= 0 {
						get(rule).tp++
						want = slices.Delete(want, k, k+1)
					} else {
						get(rule).fp++
						t.Logf("%s.txt:%d: unexpected %s: %s", lang, l.n, rule, l.text)
					}
				}
				for _, rule := range want {
					get(rule).fn++
					t.Logf("%s.txt:%d: missed %s: %s", lang, l.n, rule, l.text)
				}
			}
			ids := slices.Sorted(func(yield func(string) bool) {
				for id := range scores {
					if !yield(id) {
						return
					}
				}
			})
			var table strings.Builder
			fmt.Fprintf(&table, "%-24s %4s %4s %4s %9s %6s\n", "rule ("+lang+")", "tp", "fp", "fn", "precision", "recall")
			for _, id := range ids {
				s := scores[id]
				fmt.Fprintf(&table, "%-24s %4d %4d %4d %9.2f %6.2f\n", id, s.tp, s.fp, s.fn, s.precision(), s.recall())
				if s.precision() < minScore || s.recall() < minScore {
					t.Errorf("%s: precision %.2f, recall %.2f: below %.2f", id, s.precision(), s.recall(), minScore)
				}
			}
			t.Logf("%d labelled lines\n%s", len(lines), table.String())
			for _, id := range on {
				// Rules on a whole post have tests of their own.
				if scores[id] == nil && id != "voice.exclamation" && id != "voice.readability" {
					t.Errorf("no labelled line exercises %s", id)
				}
			}
		})
	}
}

// TestFixesSettle applies the fixes found in the labelled lines and checks
// again: nothing is left to fix, and no fixable finding remains.
func TestFixesSettle(t *testing.T) {
	for _, lang := range []string{"fr", "en"} {
		t.Run(lang, func(t *testing.T) {
			profile, err := os.ReadFile("testdata/labelled/" + lang + ".toml")
			if err != nil {
				t.Fatal(err)
			}
			var body strings.Builder
			for _, l := range readLabelled(t, lang) {
				body.WriteString(l.text + "\n\n")
			}
			p, res := checkBody(t, string(profile), body.String())
			if len(res.Fixes) == 0 {
				t.Fatal("no fixes in the labelled lines")
			}
			out, done := Apply(p.File.Src, res.Fixes)
			if len(done) != len(res.Fixes) {
				t.Errorf("%d of %d fixes applied", len(done), len(res.Fixes))
			}
			_, again := checkBody(t, string(profile), string(out[p.BodyOffset:]))
			for _, f := range again.Fixes {
				t.Errorf("still to fix after one round: %v %q → %q", f, f.Old, f.New)
			}
			for _, f := range again.Findings.Items() {
				if strings.HasPrefix(f.Rule, "typo.") && f.Rule != "typo.fr-quotes" {
					t.Errorf("left after fixing: %v", f)
				}
			}
		})
	}
}
