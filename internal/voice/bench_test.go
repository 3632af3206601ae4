package voice

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/marque-kit/marque/internal/brand"
	"github.com/marque-kit/marque/internal/diag"
	"github.com/marque-kit/marque/internal/markdown"
)

// benchPost is a French post of about a thousand words, with the
// markup a post has: headings, emphasis, links, code, a list, a quote.
func benchPost() []byte {
	para := "Je conçois des *identités visuelles* pour les artisans, les commerces de quartier et les " +
		"associations de Loire-Atlantique\u202f: logo, palette, typographies, [enseigne](/posts/enseigne/) " +
		"et `cartes` de visite. Chaque projet commence par une conversation, à 10:30 ou à 14:00, " +
		"avec M. Dupont, Mme Leroy, etc. Une identité claire se reconnaît partout\u202f!\n\n"
	var b strings.Builder
	for i := range 12 {
		if i%4 == 0 {
			b.WriteString("## Une étape du projet\n\n")
		}
		b.WriteString(para)
		if i%5 == 0 {
			b.WriteString("> «\u202fNous avons adoré le résultat\u202f», dit la cliente.\n\n- un point\n- un autre point\n\n")
		}
	}
	return []byte(b.String())
}

func benchChecker(b *testing.B) *Checker {
	return testChecker(b, "fr", "banned = [\"synergie*\", \"disruptif*\", \"game changer\"]\nconfidential = [\"Maison Kervella\"]\nreadability = 50\n"+
		"[voice.prefer]\n\"e-mail\" = \"courriel\"\n\"impacter\" = \"influencer\"\n")
}

// benchCheck times c's check of src, a post body in lang.
func benchCheck(b *testing.B, c *Checker, lang string, src []byte) {
	md, err := markdown.New(lang).Render(src)
	if err != nil {
		b.Fatal(err)
	}
	file := diag.NewFile("p.md", src)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		c.Check(PageDoc(file, 0, md))
	}
}

// BenchmarkCheck measures the voice pass alone over one rendered post.
func BenchmarkCheck(b *testing.B) {
	benchCheck(b, benchChecker(b), "fr", benchPost())
}

// BenchmarkCheckPost measures the voice pass over a post of about a
// thousand words with the markup posts have, in French and in English:
// the post of package markdown's render benchmark.
func BenchmarkCheckPost(b *testing.B) {
	for _, lang := range []string{"fr", "en"} {
		b.Run(lang, func(b *testing.B) {
			benchCheck(b, testChecker(b, lang, benchVoice), lang, benchPostSource(b, lang))
		})
	}
}

// BenchmarkNew measures compiling a brand's voice and the built-in lists,
// once per build.
func BenchmarkNew(b *testing.B) {
	profile := kitProfile("fr", "banned = [\"synergie*\"]\n")
	p, _ := brand.Load(fstest.MapFS{"brand.toml": {Data: []byte(profile)}})
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(p); err != nil {
			b.Fatal(err)
		}
	}
}

// benchPostSource returns the post of package markdown's render benchmark
// in lang.
func benchPostSource(b *testing.B, lang string) []byte {
	src, err := os.ReadFile("../markdown/testdata/post-" + lang + ".md")
	if err != nil {
		b.Fatal(err)
	}
	return src
}

// postSegments returns the texts of the segments of the post of package
// markdown's render benchmark in lang, as the rules see them.
func postSegments(b *testing.B, lang string) []*Segment {
	src := benchPostSource(b, lang)
	md, err := markdown.New(lang).Render(src)
	if err != nil {
		b.Fatal(err)
	}
	return PageDoc(diag.NewFile("p.md", src), 0, md).Segments
}

// BenchmarkTokens measures cutting the segments of a post into tokens
// alone, in memory reused as Check does.
func BenchmarkTokens(b *testing.B) {
	for _, lang := range []string{"fr", "en"} {
		b.Run(lang, func(b *testing.B) {
			segs := postSegments(b, lang)
			tz := testTokenizer(b, lang)
			n := 0
			for _, s := range segs {
				n += len(s.Text)
			}
			b.SetBytes(int64(n))
			b.ReportAllocs()
			var buf tokenBuf
			for b.Loop() {
				for _, s := range segs {
					tz.tokens(s.Text, s.Quote, &buf)
				}
			}
		})
	}
}

// BenchmarkSyllables measures counting the syllables of every word of a
// post, as readability does.
func BenchmarkSyllables(b *testing.B) {
	for _, lang := range []string{"fr", "en"} {
		b.Run(lang, func(b *testing.B) {
			tz := testTokenizer(b, lang)
			var words []string
			for _, s := range postSegments(b, lang) {
				for _, t := range tz.tokens(s.Text, s.Quote, nil) {
					if t.isWord() {
						words = append(words, s.Text[t.start:t.end])
					}
				}
			}
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				for _, w := range words {
					n += syllables(w, lang)
				}
			}
			if n == 0 {
				b.Fatal("no syllables")
			}
		})
	}
}
