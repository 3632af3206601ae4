package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

var testEnd = time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)

// TestPostIndependentOfN checks that post i's text does not depend on how
// many posts the corpus has: only its date may change.
func TestPostIndependentOfN(t *testing.T) {
	for _, i := range []int{1, 2, 17, 100} {
		a, b := writeArticle(1, i, 100, testEnd), writeArticle(1, i, 5000, testEnd)
		if a.title != b.title || a.body != b.body || a.summary != b.summary || strings.Join(a.tags, ",") != strings.Join(b.tags, ",") {
			t.Errorf("post %d differs between N=100 and N=5000", i)
		}
	}
}

var linkRE = regexp.MustCompile(`\]\(/posts/post-(\d{4})/\)`)

// TestLinksPointBack checks that every internal link of post i targets a
// post before it, so that it exists whatever N is, and that the first post,
// which has no post before it, has no link.
func TestLinksPointBack(t *testing.T) {
	for i := 1; i <= 300; i++ {
		a := writeArticle(7, i, 300, testEnd)
		links := linkRE.FindAllStringSubmatch(a.body, -1)
		if i == 1 && len(links) > 0 {
			t.Errorf("post 1 links to %v", links)
		}
		if i > 1 && len(links) < 2 {
			t.Errorf("post %d has %d links, want at least 2", i, len(links))
		}
		for _, l := range links {
			j, _ := strconv.Atoi(l[1])
			if j < 1 || j >= i {
				t.Errorf("post %d links to post %d", i, j)
			}
		}
	}
}

func TestDates(t *testing.T) {
	for _, n := range []int{1, 10, 1000, 5000} {
		var prev time.Time
		for i := 1; i <= n; i++ {
			d := dateOf(i, n, testEnd)
			if d.After(testEnd) {
				t.Fatalf("n=%d: post %d dated %s, after the end", n, i, d.Format(time.DateOnly))
			}
			if i > 1 && (d.Before(prev) || d.Sub(prev) > 7*24*time.Hour) {
				t.Fatalf("n=%d: post %d dated %s, post %d %s: want in order, a week apart at most", n, i, d.Format(time.DateOnly), i-1, prev.Format(time.DateOnly))
			}
			prev = d
		}
		if got := dateOf(n, n, testEnd); !got.Equal(testEnd) {
			t.Errorf("n=%d: newest post dated %s, want %s", n, got.Format(time.DateOnly), testEnd.Format(time.DateOnly))
		}
	}
}

// TestText checks the properties the corpus relies on: the length of the
// posts, a table every fifth post, French typography in French posts, and
// none of the profile's banned or confidential words.
func TestText(t *testing.T) {
	const n = 200
	total := 0
	for i := 1; i <= n; i++ {
		a := writeArticle(3, i, n, testEnd)
		words := len(strings.Fields(a.body))
		total += words
		if words < wordsPerPost {
			t.Errorf("post %d has %d words, want at least %d", i, words, wordsPerPost)
		}
		if hasTable := strings.Contains(a.body, "|---|"); hasTable != (i%5 == 0) {
			t.Errorf("post %d: table %v, want %v", i, hasTable, i%5 == 0)
		}
		if len(a.tags) < 2 || len(a.tags) > 3 {
			t.Errorf("post %d has tags %v, want 2 or 3", i, a.tags)
		}
		text := strings.ToLower(a.title + "\n" + a.summary + "\n" + a.body)
		for _, w := range []string{"synergie", "disruptif", "game changer", "leverage", "orion", "banque dupuis", "projet atlas", "meilleur", "best ", "e-mail", "impacter", "digital", "..."} {
			if strings.Contains(text, w) {
				t.Errorf("post %d contains %q", i, w)
			}
		}
		if i%2 == 1 {
			prose := regexp.MustCompile("`[^`]*`|\\]\\([^)]*\\)").ReplaceAllString(a.title+"\n"+a.summary+"\n"+a.body, "")
			for _, bad := range []string{" ?", " !", " ;", " :", "\""} {
				if strings.Contains(prose, bad) {
					t.Errorf("French post %d contains %q", i, bad)
				}
			}
		}
	}
	if mean := total / n; mean < 900 || mean > 960 {
		t.Errorf("posts average %d words, want about 930", mean)
	}
}

func TestRunWritesBothSites(t *testing.T) {
	out := t.TempDir()
	if err := run(12, out, 1, "2026-06-30"); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{
		"kit/brand.toml", "kit/content/about.md", "kit/content/posts/post-0012.md",
		"hugo/hugo.toml", "hugo/content/about.md", "hugo/content/posts/post-0012.md",
		"hugo/layouts/_default/baseof.html", "hugo/static/style.css",
	} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Error(err)
		}
	}
	kitPost, _ := os.ReadFile(filepath.Join(out, "kit/content/posts/post-0007.md"))
	hugoPost, _ := os.ReadFile(filepath.Join(out, "hugo/content/posts/post-0007.md"))
	if len(kitPost) == 0 || !bytes.Equal(kitPost, hugoPost) {
		t.Error("the kit and the Hugo site hold different posts")
	}
	if err := run(12, out, 1, "2026-06-30"); err == nil {
		t.Error("run wrote into a folder that was not empty")
	}
}
