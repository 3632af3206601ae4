package post

import (
	"strings"
	"testing"
)

func FuzzSlugify(f *testing.F) {
	for _, s := range []string{"Été à Paris", "Œuvre & cœur", "ﬁn ２０２６ ²", "--a--b--", "日本語", "", "İstanbul", "a\u0301\u0327"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		slug := Slugify(s)
		if slug == "" {
			return
		}
		// A slug becomes one folder name of the site: only what a URL
		// path segment keeps as is, no dash at either end or twice.
		if strings.Trim(slug, "abcdefghijklmnopqrstuvwxyz0123456789-") != "" ||
			slug[0] == '-' || slug[len(slug)-1] == '-' || strings.Contains(slug, "--") {
			t.Fatalf("Slugify(%q) = %q", s, slug)
		}
		if again := Slugify(slug); again != slug {
			t.Fatalf("Slugify(%q) = %q, but Slugify(%q) = %q", s, slug, slug, again)
		}
	})
}
