package bio

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/marque-kit/marque/internal/count"
	"github.com/marque-kit/marque/internal/network"
)

var update = flag.Bool("update", false, "rewrite testdata/shares.golden")

var enseigne = Post{
	Title:   "Choisir des lettres lisibles pour une enseigne",
	Summary: "Une enseigne se lit de loin, en marchant, parfois sous la pluie. Quelques repères simples pour choisir une typographie et une taille de lettres qui tiennent la distance.",
	URL:     "https://solene-garnier.fr/posts/lettres-pour-une-enseigne/",
	Tags:    []string{"typographie", "imprimé", "mise en page", "Typographie", "2026"},
}

// TestSharesGolden writes one post's share text for every network that
// takes one; the golden file shows them as a person would paste them.
func TestSharesGolden(t *testing.T) {
	var b strings.Builder
	for _, n := range network.All {
		if n.Share == nil {
			continue
		}
		s := ShareText("fr", enseigne, n)
		fmt.Fprintf(&b, "== %s: %d/%d %s\n%s\n\n", n.Name, s.Count, s.Limit.Max, s.Limit.Unit, s.Text)
	}
	const golden = "testdata/shares.golden"
	if *update {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if b.String() != string(want) {
		t.Errorf("share texts differ from %s (run with -update to rewrite):\n%s", golden, b.String())
	}
}

// TestShareFits checks what must hold of every share text: it fits, it
// keeps the link (or says where it is) and whole hashtags, and a summary
// is cut only at a word, with an ellipsis.
func TestShareFits(t *testing.T) {
	long := strings.Repeat("Une identité claire se reconnaît partout, de la vitrine à la photo de profil. ", 40)
	posts := map[string]Post{
		"short":            {Title: "Trois couleurs", Summary: "Une palette courte.", URL: "https://a.fr/posts/x/", Tags: []string{"couleur"}},
		"long summary":     {Title: "Le même visage partout", Summary: long, URL: "https://solene-garnier.fr/posts/le-meme-visage-partout/", Tags: []string{"réseaux", "identité", "méthode", "photo", "marque"}},
		"long title":       {Title: strings.Repeat("Titre interminable ", 30), Summary: long, URL: "https://a.fr/posts/y/", Tags: []string{"a1", "b2"}},
		"French spaces":    {Title: "Pourquoi ? Parce que !", Summary: strings.Repeat("Un mot ; un autre : encore ! ", 30), URL: "https://a.fr/p/", Tags: nil},
		"emoji and CJK":    {Title: "日本語のタイトル 👨‍👩‍👧‍👦", Summary: strings.Repeat("文字 🇫🇷 ", 200), URL: "https://a.jp/", Tags: []string{"日本"}},
		"URL past example": {Title: "Site", Summary: long, URL: "https://solene-garnier.example/posts/" + strings.Repeat("a", 100) + "/", Tags: []string{"x"}},
	}
	for name, p := range posts {
		for _, n := range network.All {
			if n.Share == nil {
				continue
			}
			s := ShareText("fr", p, n)
			where := name + " on " + n.Name
			if !s.Fits() {
				t.Errorf("%s: %d over %d %s:\n%s", where, s.Count, s.Limit.Max, s.Limit.Unit, s.Text)
			}
			if n.LinksClickable && !strings.Contains(s.Text, p.URL) {
				t.Errorf("%s: the link is missing or cut:\n%s", where, s.Text)
			}
			if !n.LinksClickable && (strings.Contains(s.Text, p.URL) || !strings.Contains(s.Text, "lien dans la bio")) {
				t.Errorf("%s: does not say where the link is:\n%s", where, s.Text)
			}
			tags := Hashtags(p.Tags, n.Hashtags)
			var got []string
			for _, w := range strings.Fields(s.Text) {
				if strings.HasPrefix(w, "#") {
					got = append(got, w)
				}
			}
			if len(got) > n.Hashtags {
				t.Errorf("%s: %d hashtags, %s takes %d", where, len(got), n.Name, n.Hashtags)
			}
			for i, h := range got {
				if i >= len(tags) || tags[i] != h {
					t.Errorf("%s: hashtag %q is not one of %q in order", where, h, tags)
				}
			}
			if i := strings.Index(s.Text, Ellipsis); i >= 0 {
				before := strings.TrimSuffix(s.Text[:i], "")
				if strings.HasSuffix(before, " ") || strings.HasSuffix(before, ",") {
					t.Errorf("%s: the ellipsis follows a space or a comma:\n%s", where, s.Text)
				}
			}
			if again := count.Measure(s.Text, *n.Share, count.Post); again != s.Result {
				t.Errorf("%s: the result does not measure the text", where)
			}
		}
	}
}

func TestHashtag(t *testing.T) {
	tests := map[string]string{
		"identité":      "#identité",
		"mise en page":  "#MiseEnPage",
		"c’est-à-dire":  "#CEstÀDire",
		"UX":            "#UX",
		"design_system": "#design_system",
		"2026":          "",
		"   ":           "",
		"typo 2":        "#Typo2",
	}
	for in, want := range tests {
		if got := Hashtag(in); got != want {
			t.Errorf("Hashtag(%q) = %q, want %q", in, got, want)
		}
	}
	got := Hashtags([]string{"Identité", "identité", "2026", "méthode", "réseaux"}, 2)
	if strings.Join(got, " ") != "#Identité #méthode" {
		t.Errorf("Hashtags = %q", got)
	}
	if got := Hashtags([]string{"a"}, 0); len(got) != 0 {
		t.Errorf("Hashtags with none allowed = %q", got)
	}
}

// FuzzShareText checks that any title, summary and tag give a share text
// that fits every network and keeps the post's link whole.
func FuzzShareText(f *testing.F) {
	f.Add("Trois couleurs", "Une palette courte, pour tout.", "mise en page")
	f.Add(strings.Repeat("日本 ", 60), strings.Repeat("👨‍👩‍👧‍👦 x.com ", 30), "#")
	f.Fuzz(func(t *testing.T, title, summary, tag string) {
		p := Post{Title: title, Summary: summary, URL: "https://a.fr/posts/x/", Tags: []string{tag, tag + "2"}}
		for _, n := range network.All {
			if n.Share == nil {
				continue
			}
			s := ShareText("fr", p, n)
			if !s.Fits() {
				t.Fatalf("%s: %d over %d:\n%q", n.Name, s.Count, s.Limit.Max, s.Text)
			}
			if n.LinksClickable && !strings.Contains(s.Text, p.URL) {
				t.Fatalf("%s: no link in %q", n.Name, s.Text)
			}
		}
	})
}
