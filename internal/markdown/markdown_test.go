package markdown

import (
	"bytes"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

func render(t *testing.T, lang, src string) *Doc {
	t.Helper()
	doc, err := New(lang).Render([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestText(t *testing.T) {
	tests := []struct {
		name, src, text string
		words           int
	}{
		{
			name:  "paragraphs",
			src:   "Premier *paragraphe*\nsur deux lignes.\n\nSecond !",
			text:  "Premier paragraphe sur deux lignes.\n\nSecond\u202f!",
			words: 6,
		},
		{
			name:  "headings and code are not prose",
			src:   "# Titre\n\nTexte `code` ici.\n\n```\nbloc de code\n```\n\n    indenté",
			text:  "Texte code ici.",
			words: 3,
		},
		{
			name:  "raw HTML and images leave no text",
			src:   "<div>bloc</div>\n\nUn ![image](x.png) et <b>gras</b>.",
			text:  "Un et gras.",
			words: 3,
		},
		{
			name:  "list items and quotes",
			src:   "- un\n- deux\n\n> cité",
			text:  "un\n\ndeux\n\ncité",
			words: 3,
		},
		{
			name:  "table rows",
			src:   "| a | b |\n|---|---|\n| c | d |",
			text:  "a\tb\n\nc\td",
			words: 4,
		},
		{
			name:  "links and autolinks show their text",
			src:   "[le site](https://x.fr) ou <https://y.fr>",
			text:  "le site ou https://y.fr",
			words: 4,
		},
		{
			name:  "footnotes come last",
			src:   "Note[^1] ici.\n\n[^1]: Détail.\n\nFin.",
			text:  "Note ici.\n\nFin.\n\nDétail.",
			words: 4,
		},
		{
			name:  "hard break",
			src:   "un  \ndeux",
			text:  "un\ndeux",
			words: 2,
		},
		{
			name:  "elided words count once",
			src:   "L'été, c'est-à-dire — vraiment ?",
			text:  "L’été, c’est-à-dire — vraiment\u202f?",
			words: 3,
		},
		{name: "empty", src: "", text: "", words: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := render(t, "fr", tt.src)
			if doc.Text != tt.text {
				t.Errorf("Text = %q, want %q", doc.Text, tt.text)
			}
			if doc.Words != tt.words {
				t.Errorf("Words = %d, want %d", doc.Words, tt.words)
			}
		})
	}
}

func TestHeadings(t *testing.T) {
	src := "# Un\n\n## Été à Lyon\n\n### Été à *Lyon* !\n\n## Été à Lyon\n\n> ## Cité `x`\n\n## ???\n\n## Москва 2026"
	want := []Heading{
		{1, "Un", "un"},
		{2, "Été à Lyon", "ete-a-lyon"},
		{3, "Été à Lyon\u202f!", "ete-a-lyon-1"},
		{2, "Été à Lyon", "ete-a-lyon-2"},
		{2, "Cité x", "cite-x"},
		{2, "???", "section"},
		{2, "Москва 2026", "москва-2026"},
	}
	if got := render(t, "fr", src).Headings; !slices.Equal(got, want) {
		t.Errorf("Headings =\n%+v\nwant\n%+v", got, want)
	}
}

// TestRefs renders a body that starts after front matter, as a post's
// does, and checks that each offset plus the body's points at the link in
// the file.
func TestRefs(t *testing.T) {
	frontMatter := "+++\ntitle = \"Été\"\n+++\n"
	body := `Intro *avec [un lien](/a) et **![une image](i.png)***.

- item [l2](/b "titre")
  suite www.exemple.fr et https://y.fr/?q=l'x !
  > cité [l3](/c\_d) <https://z.fr> <moi@exemple.fr>

| A | B |
|---|---|
| x [l4](/d) | ![i2 "chat"](j.png) |

Voir [la référence][r] et [r], puis[^n] [![logo](logo.png)](https://logo.fr).

[^n]: Note [l5](/e&amp;f).

[r]: /ref
`
	file := frontMatter + body
	type ref struct{ dest, text, at string }
	wantLinks := []ref{
		{"/a", "un lien", "[un lien]"},
		{"/b", "l2", "[l2]"},
		{"http://www.exemple.fr", "www.exemple.fr", "www.exemple.fr et"},
		{"https://y.fr/?q=l'x", "https://y.fr/?q=l'x", "https://y.fr"},
		{"/c_d", "l3", "[l3]"},
		{"https://z.fr", "https://z.fr", "<https://z.fr>"},
		{"mailto:moi@exemple.fr", "moi@exemple.fr", "<moi@"},
		{"/d", "l4", "[l4]"},
		{"/ref", "la référence", "[la référence][r]"},
		{"/ref", "r", "[r],"},
		{"https://logo.fr", "", "[![logo]"},
		{"/e&f", "l5", "[l5]"},
	}
	wantImages := []ref{
		{"i.png", "une image", "![une image]"},
		{"j.png", "i2 «\u202fchat\u202f»", "![i2"},
		{"logo.png", "logo", "![logo]"},
	}
	doc := render(t, "fr", body)
	check := func(kind string, got []Ref, want []ref) {
		t.Helper()
		if len(got) != len(want) {
			t.Fatalf("%d %s, want %d: %+v", len(got), kind, len(want), got)
		}
		for i, w := range want {
			g := got[i]
			if g.Dest != w.dest || g.Text != w.text {
				t.Errorf("%s[%d] = %q %q, want %q %q", kind, i, g.Dest, g.Text, w.dest, w.text)
			}
			at := len(frontMatter) + g.Offset
			if g.Offset < 0 || !strings.HasPrefix(file[at:], w.at) {
				t.Errorf("%s[%d] offset %d points at %q, want %q", kind, i, g.Offset, file[max(at, 0):min(len(file), max(at, 0)+20)], w.at)
			}
		}
	}
	check("links", doc.Links, wantLinks)
	check("images", doc.Images, wantImages)
}

func TestRawHTMLNeverPassed(t *testing.T) {
	srcs := []string{
		"<!-- marque:disable voice.claims -->\nLe meilleur.\n<!-- marque:enable voice.claims -->",
		"Texte <!-- marque:disable voice.claims --> suite",
		"<script>alert(1)</script>",
		"a <img src=x onerror=alert(1)> b",
		"<iframe src=\"https://x\"></iframe>",
		"<div>\n\n*md*\n\n</div>",
		"[x](javascript:alert(1))",
		"<style>p{}</style>",
	}
	for _, src := range srcs {
		html := string(render(t, "fr", src).HTML)
		for _, bad := range []string{"<!--", "<script", "<img src=x", "<iframe", "<div", "javascript:", "<style", "marque:"} {
			if strings.Contains(html, bad) {
				t.Errorf("Render(%q) = %q: contains %q", src, html, bad)
			}
		}
	}
}

func TestSummary(t *testing.T) {
	tests := []struct {
		name, text string
		max        int
		want       string
	}{
		{"fits", "Court.", 160, "Court."},
		{"paragraphs that fit are joined", "Un.\n\nDeux.", 160, "Un. Deux."},
		{"whole paragraphs when long enough", "Premier paragraphe assez long.\n\nSecond paragraphe qui ne tient pas.", 40, "Premier paragraphe assez long."},
		{"short start is filled", "Bref.\n\nLa suite est longue et ne tient pas entière ici.", 30, "Bref. La suite est longue et…"},
		{"cut at a word", "Un deux trois quatre cinq", 12, "Un deux…"},
		{"exact word end", "Un deux trois", 8, "Un deux…"},
		{"dangling punctuation goes", "Il dit : non, jamais de la vie", 9, "Il dit…"},
		{"no-break spaces bind", "Alors\u202f! Vraiment\u202f? Oui", 17, "Alors\u202f!…"},
		{"long word is cut", "Anticonstitutionnellement", 10, "Anticonst…"},
		{"line breaks collapse", "un\ndeux\t trois", 160, "un deux trois"},
		{"runes, not bytes", "Été été été", 11, "Été été été"},
		{"nothing", "", 10, ""},
		{"no room", "Texte", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Summary(tt.text, tt.max)
			if got != tt.want {
				t.Errorf("Summary(%q, %d) = %q, want %q", tt.text, tt.max, got, tt.want)
			}
			if n := utf8.RuneCountInString(got); n > tt.max && tt.max > 0 {
				t.Errorf("Summary is %d runes, more than %d", n, tt.max)
			}
		})
	}
}

func TestConcurrentRender(t *testing.T) {
	src, err := os.ReadFile("testdata/post-fr.md")
	if err != nil {
		t.Fatal(err)
	}
	r := New("fr")
	want, err := r.Render(src)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Go(func() {
			got, err := r.Render(src)
			switch {
			case err != nil:
				errs <- err
			case !bytes.Equal(got.HTML, want.HTML) || got.Text != want.Text:
				errs <- fmt.Errorf("concurrent render differs")
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func FuzzRender(f *testing.F) {
	for _, s := range []string{
		"Il dit \"*bonjour*\" !", "<script>x</script>", "a <b>c</b> [l](javascript:x) ![i](j \"t\")",
		"| a | b |\n|---|---|\n| `c` | d |", "- [x] t[^1]\n\n[^1]: n", "## Été\n\n## Été", "&quot;\\\"&#0;\x00",
		"<!-- marque:disable x -->", "www.a.fr! <a@b.fr>", "<scr<script>ipt>",
	} {
		f.Add(s)
	}
	r := New("fr")
	f.Fuzz(func(t *testing.T, src string) {
		doc, err := r.Render([]byte(src))
		if err != nil {
			t.Fatal(err)
		}
		if !utf8.ValidString(src) {
			return
		}
		if bytes.Contains(bytes.ToLower(doc.HTML), []byte("<script")) {
			t.Fatalf("Render(%q) lets a script through: %q", src, doc.HTML)
		}
		if !utf8.Valid(doc.HTML) || !utf8.ValidString(doc.Text) {
			t.Fatalf("Render(%q): invalid UTF-8 out", src)
		}
		for _, l := range doc.Links {
			if l.Offset < 0 || l.Offset >= len(src) {
				t.Fatalf("Render(%q): link offset %d outside the source", src, l.Offset)
			}
		}
	})
}

// BenchmarkRender renders a post of about a thousand words with the markup
// posts have (headings, lists, emphasis, links, a quote, code, a table, a
// footnote), in French and in English: a build renders every post once.
func BenchmarkRender(b *testing.B) {
	for _, lang := range []string{"fr", "en"} {
		b.Run(lang, func(b *testing.B) {
			src, err := os.ReadFile("testdata/post-" + lang + ".md")
			if err != nil {
				b.Fatal(err)
			}
			r := New(lang)
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := r.Render(src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
