package typo

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// In the tables, "_" stands for the narrow no-break space and "~" for the
// no-break space, so that the expected strings can be read.
var visible = strings.NewReplacer("_", "\u202f", "~", "\u00a0")

func TestApplyFrench(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		// High punctuation.
		{"exclamation", "Bonjour!", "Bonjour_!"},
		{"exclamation after space", "Bonjour !", "Bonjour_!"},
		{"question", "Vraiment?", "Vraiment_?"},
		{"semicolon", "un; deux", "un_; deux"},
		{"colon", "Attention: travaux", "Attention~: travaux"},
		{"colon after space", "Attention : travaux", "Attention~: travaux"},
		{"colon at end", "La liste :", "La liste~:"},
		{"several spaces become one", "Quoi   ?", "Quoi_?"},
		{"no-break space is corrected", "Quoi~? Oui~!", "Quoi_? Oui_!"},
		{"thin space is corrected", "Quoi\u2009?", "Quoi_?"},
		{"interrobang run", "Quoi?!", "Quoi_?!"},
		{"interrobang run after space", "Quoi ?!", "Quoi_?!"},
		{"triple exclamation", "Non!!!", "Non_!!!"},
		{"after closing parenthesis", "(oui)!", "(oui)_!"},
		{"after digit", "Il en reste 3!", "Il en reste 3_!"},
		{"at the start", "! et ?", "! et_?"},
		{"after opening parenthesis", "(?)", "(?)"},
		{"followed by a letter", "Yahoo!Mail", "Yahoo!Mail"},
		{"tab is left alone", "a\t!", "a\t!"},
		{"newline is left alone", "a\n!", "a\n!"},

		// Colons that are not French punctuation.
		{"time", "Rendez-vous à 10:30.", "Rendez-vous à 10:30."},
		{"ratio", "Format 16:9 ou 4:3", "Format 16:9 ou 4:3"},
		{"digit before colon", "Étape 1: lire", "Étape 1: lire"},
		{"double colon", "std::vector et a :: b", "std::vector et a :: b"},
		{"letter after colon", "clé:valeur", "clé:valeur"},
		{"windows path", "C:\\Windows", "C:\\Windows"},
		{"smiley", "Merci :)", "Merci :)"},
		{"smiley with nose", "Merci :-) et ;-)", "Merci :-) et ;-)"},
		{"wink", "À demain ;)", "À demain ;)"},
		{"tongue glued", "Bien joué:p", "Bien joué:p"},
		{"sad", "Dommage :(", "Dommage :("},
		{"big grin", "Super :D !", "Super :D_!"},
		{"not a smiley", "Note :Definir", "Note :Definir"},
		{"shortcode", "Bravo :tada: !", "Bravo :tada:_!"},

		// URLs.
		{"https", "Voir https://exemple.fr/a?b=1;c=2!", "Voir https://exemple.fr/a?b=1;c=2_!"},
		{"url then period", "Lien : https://exemple.fr.", "Lien~: https://exemple.fr."},
		{"url with apostrophe", "https://exemple.fr/l'été", "https://exemple.fr/l'été"},
		{"url with dots", "https://exemple.fr/a...b", "https://exemple.fr/a...b"},
		{"www", "Sur www.exemple.fr?", "Sur www.exemple.fr_?"},
		{"mailto", "Écrire à mailto:a@b.fr;", "Écrire à mailto:a@b.fr_;"},
		{"url in parentheses", "(voir https://exemple.fr/a-(b))!", "(voir https://exemple.fr/a-(b))_!"},
		{"url in quotes", `"https://exemple.fr"`, "«_https://exemple.fr_»"},
		{"scheme word without slashes", "http: le protocole", "http~: le protocole"},
		{"text after a url", "Voir https://exemple.fr/l'été, puis l'été !", "Voir https://exemple.fr/l'été, puis l’été_!"},

		// Guillemets.
		{"straight quotes", `Il dit "bonjour".`, "Il dit «_bonjour_»."},
		{"straight quotes with spaces", `Il dit " bonjour ".`, "Il dit «_bonjour_»."},
		{"two quotations", `"un" et "deux"`, "«_un_» et «_deux_»"},
		{"typed guillemets", "«bonjour»", "«_bonjour_»"},
		{"typed guillemets with spaces", "« bonjour »", "«_bonjour_»"},
		{"guillemets with no-break spaces", "«~bonjour~»", "«_bonjour_»"},
		{"nested quotation", `"Il a dit "oui" hier"`, "«_Il a dit “oui” hier_»"},
		{"nested in typed guillemets", `« Il a dit "oui" »`, "«_Il a dit “oui”_»"},
		{"quote then punctuation", `C'est "fini"!`, "C’est «_fini_»_!"},
		{"question in quotation", `"Quoi?"`, "«_Quoi_?_»"},
		{"quotation after colon", `Il dit: "non".`, "Il dit~: «_non_»."},
		{"unclosed quotation", `Il dit "oui`, "Il dit «_oui"},
		{"lone quote at end", `a "`, "a «"},
		{"empty quotation", `""`, "«_»"},
		{"guillemet at line end", "«\nlà »", "«\nlà_»"},

		// Apostrophes and ellipses.
		{"apostrophe", "L'été d'Anne", "L’été d’Anne"},
		{"apostrophe at word start", "'Tis", "’Tis"},
		{"ellipsis", "Et alors...", "Et alors…"},
		{"ellipsis then question", "Et alors...?", "Et alors…_?"},
		{"two dots", "a..b", "a..b"},
		{"four dots", "a....", "a...."},
		{"spaced dots", ". . .", ". . ."},

		// Already typeset text passes through.
		{"typeset", "L’été «_chaud_»~: oui_! Non_?", "L’été «_chaud_»~: oui_! Non_?"},
		{"nothing to do", "Bonjour le monde", "Bonjour le monde"},
		{"no-break spaces between words", "Le prix : 1_000 € ; 1~000 !", "Le prix~: 1_000 €_; 1~000_!"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, want := visible.Replace(tt.in), visible.Replace(tt.want)
			if got := Apply("fr", in); got != want {
				t.Errorf("Apply(fr, %q)\n got %q\nwant %q", in, got, want)
			}
		})
	}
}

func TestApplyEnglish(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"apostrophe", "don't", "don’t"},
		{"single quotes", "'quoted' word", "‘quoted’ word"},
		{"elided year", "the '90s", "the ’90s"},
		{"possessive", "the students' work", "the students’ work"},
		{"double quotes", `She said "hello".`, "She said “hello”."},
		{"double quotes in parentheses", `("yes")`, "(“yes”)"},
		{"nested", `"a 'b' c"`, "“a ‘b’ c”"},
		{"ellipsis", "Wait...", "Wait…"},
		{"no French spaces", "Really? Yes: no!", "Really? Yes: no!"},
		{"guillemets untouched", "«oui»", "«oui»"},
		{"url", "See https://example.com/it's", "See https://example.com/it's"},
		{"text after a url", "See www.example.com/it's and it's", "See www.example.com/it's and it’s"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Apply("en", tt.in); got != tt.want {
				t.Errorf("Apply(en, %q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestApplyLanguages(t *testing.T) {
	tests := []struct {
		lang, in, want string
	}{
		{"fr-FR", "Oui!", "Oui\u202f!"},
		{"FR", "Oui!", "Oui\u202f!"},
		{"fr_CA", "Oui!", "Oui\u202f!"},
		{"en-GB", "it's", "it’s"},
		{"de", `"Ja"...`, `"Ja"...`},
		{"", "it's", "it's"},
		{"de", "a\xffb", "a\ufffdb"},
	}
	for _, tt := range tests {
		if got := Apply(tt.lang, tt.in); got != tt.want {
			t.Errorf("Apply(%q, %q) = %q, want %q", tt.lang, tt.in, got, tt.want)
		}
	}
}

func TestApplySegments(t *testing.T) {
	tests := []struct {
		name string
		segs []Segment
		want []string
	}{
		{
			// *Bonjour* ! — the space after the emphasis is in the next text.
			name: "space after emphasis",
			segs: []Segment{{Text: "Bonjour"}, {Text: " !"}},
			want: []string{"Bonjour", "_!"},
		},
		{
			// *Bonjour*! — the inserted space goes with the "!".
			name: "missing space after emphasis",
			segs: []Segment{{Text: "Bonjour"}, {Text: "!"}},
			want: []string{"Bonjour", "_!"},
		},
		{
			// Bonjour **!** — the space before the emphasis belongs to it.
			name: "space before emphasis",
			segs: []Segment{{Text: "Bonjour "}, {Text: "!"}},
			want: []string{"Bonjour_", "!"},
		},
		{
			name: "quotation around emphasis",
			segs: []Segment{{Text: `Il dit "`}, {Text: "bonjour"}, {Text: `".`}},
			want: []string{"Il dit «_", "bonjour", "_»."},
		},
		{
			name: "typed guillemet before emphasis",
			segs: []Segment{{Text: "«"}, {Text: "oui"}, {Text: "»"}},
			want: []string{"«_", "oui", "_»"},
		},
		{
			name: "code span is untouched but read",
			segs: []Segment{{Text: "Lancez "}, {Text: "make test's", Verbatim: true}, {Text: "!"}},
			want: []string{"Lancez ", "make test's", "_!"},
		},
		{
			name: "code span after a colon",
			segs: []Segment{{Text: "Tapez:"}, {Text: "ls", Verbatim: true}},
			want: []string{"Tapez:", "ls"},
		},
		{
			name: "space before code stays",
			segs: []Segment{{Text: "Tapez "}, {Text: ": x", Verbatim: true}},
			want: []string{"Tapez ", ": x"},
		},
		{
			// A soft line break is passed as a plain "\n" segment.
			name: "colon before a line break",
			segs: []Segment{{Text: "fin :"}, {Text: "\n"}, {Text: "suite"}},
			want: []string{"fin~:", "\n", "suite"},
		},
		{
			name: "image placeholder",
			segs: []Segment{{Text: "Voici "}, {Text: "\uFFFC", Verbatim: true}, {Text: "!"}},
			want: []string{"Voici ", "\uFFFC", "_!"},
		},
		{
			name: "ellipsis across a cut is left",
			segs: []Segment{{Text: "a."}, {Text: ".."}},
			want: []string{"a…", ""},
		},
		{
			name: "url across a cut",
			segs: []Segment{{Text: "Voir www"}, {Text: ".exemple.fr/l'été"}, {Text: " !"}},
			want: []string{"Voir www", ".exemple.fr/l'été", "_!"},
		},
		{
			name: "nothing to do",
			segs: []Segment{{Text: "Temps de "}, {Text: "réglage"}, {Text: "'x'", Verbatim: true}},
			want: []string{"Temps de ", "réglage", "'x'"},
		},
		{
			name: "empty segments",
			segs: []Segment{{Text: ""}, {Text: "Oui"}, {Text: "", Verbatim: true}, {Text: " ?"}},
			want: []string{"", "Oui", "", "_?"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			segs := make([]Segment, len(tt.segs))
			for i, s := range tt.segs {
				segs[i] = Segment{Text: visible.Replace(s.Text), Verbatim: s.Verbatim}
			}
			got := ApplySegments("fr", segs)
			if len(got) != len(tt.want) {
				t.Fatalf("ApplySegments returned %d segments, want %d", len(got), len(tt.want))
			}
			for i := range got {
				if want := visible.Replace(tt.want[i]); got[i] != want {
					t.Errorf("segment %d = %q, want %q", i, got[i], want)
				}
			}
			// Typesetting the pieces is typesetting the whole.
			if whole, joined := Apply("fr", join(segs)), strings.Join(got, ""); whole != joined && !hasVerbatim(segs) {
				t.Errorf("pieces join to %q, whole string gives %q", joined, whole)
			}
		})
	}
}

func join(segs []Segment) string {
	var b strings.Builder
	for _, s := range segs {
		b.WriteString(s.Text)
	}
	return b.String()
}

func hasVerbatim(segs []Segment) bool {
	for _, s := range segs {
		if s.Verbatim {
			return true
		}
	}
	return false
}

func TestApplyIdempotent(t *testing.T) {
	inputs := []string{
		`" a "`, `"a "b" c"`, `« "x" »`, `"""`, "a ! ? : ;", "«»", "« »", "x:)y", `"'"`,
		"https://a.b/c...!", "www.x.fr'", `a" b "c`, "«\n»", "...?!", "''", "fin.\"",
	}
	for _, lang := range []string{"fr", "en"} {
		for _, in := range inputs {
			once := Apply(lang, in)
			if twice := Apply(lang, once); twice != once {
				t.Errorf("Apply(%s) is not idempotent on %q: %q then %q", lang, in, once, twice)
			}
		}
	}
}

func FuzzApply(f *testing.F) {
	for _, s := range []string{
		`Il dit "bonjour"!`, "L'été : 10:30, 16:9 ;) std::x", "« oui » ?!", "https://a.fr/b?c=d!",
		"Et alors...", `"a 'b' c"`, "«\u202fx\u00a0»", "a\xff!", ":tada: :-)", "mailto:x@y.z;",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, lang := range []string{"fr", "en", "de"} {
			once := Apply(lang, s)
			if !utf8.ValidString(once) {
				t.Fatalf("Apply(%s, %q) = %q: invalid UTF-8", lang, s, once)
			}
			if twice := Apply(lang, once); twice != once {
				t.Fatalf("Apply(%s) not idempotent on %q:\n once %q\ntwice %q", lang, s, once, twice)
			}
		}
	})
}

func BenchmarkApply(b *testing.B) {
	s := strings.Repeat(`L'équipe a dit "oui" : c'est prêt ! Vraiment ? Oui... voir https://exemple.fr. `, 20)
	b.ReportAllocs()
	for b.Loop() {
		Apply("fr", s)
	}
}

// benchParagraphs are paragraphs as posts have them, in the markup of
// markedSegments: emphasis and links between stars, code between
// backquotes, line ends.
var benchParagraphs = map[string][]string{
	"fr": {
		"Pourquoi vos utilisateurs ne lisent pas vos écrans ? La question revient à chaque atelier, et la réponse tient en une phrase : ils n'ont pas le temps. Un opérateur en usine jongle entre trois machines, une radio qui grésille et un chef d'équipe pressé.",
		"Lors de nos visites, nous avons noté un schéma récurrent : les messages longs sont ignorés,\nles couleurs vives sont interprétées comme des alarmes. Un technicien nous a dit, en riant : \"Je clique sur le bouton vert, et j'espère que ça passe !\" Ce n'est pas de la paresse ; c'est une stratégie de survie.",
		"les erreurs s'affichent sans dire *quoi faire ensuite*.",
		"Voir aussi *notre guide des libellés* et l'article de référence sur www.exemple.fr.",
		"*Tester* chaque écran avec cinq personnes ; au-delà, les retours se répètent.",
		"La première étape est la plus négligée. On croit connaître le métier parce qu'on a lu le cahier des charges... mais le cahier des charges décrit le travail prescrit, pas le travail réel.",
		"Avant notre intervention, il affichait quarante-deux champs, avec des intitulés comme `PRS_TMP_SP` ou `CYC_CNT`. Nous avons regroupé ces champs en trois onglets : *Préparation*, *Production*, *Maintenance*. Le temps est passé de 12:30 à 4:10 minutes, soit un gain de près de 67 % !",
		"« Le travail réel est toujours plus riche que le travail prescrit. » Cette phrase, que l'on doit aux ergonomes, devrait figurer en tête de chaque spécification.",
		"Vous voulez en parler ? Écrivez-moi, ou retrouvez mes autres articles sur https://camille.example/posts/. Je réponds à chaque message :) même si cela prend parfois quelques jours...",
		"Temps de réglage",
	},
	"en": {
		"Why don't your users read your screens? The question comes up at every workshop, and the answer fits in one sentence: they don't have the time. An operator on a factory floor juggles three machines, a crackling radio and a team lead in a hurry.",
		"During our visits we noticed a recurring pattern: long messages are ignored,\nbright colours read as alarms. A technician told us, laughing: \"I press the green button and hope it works!\" That isn't laziness; it's a survival strategy.",
		"errors show up without saying *what to do next*.",
		"See also *our guide to labels* and the reference article on www.example.com.",
		"*Test* each screen with five people; beyond that, the feedback repeats itself.",
		"The first step is the most neglected. We think we know the job because we've read the specification... but the specification describes the work as prescribed, not the work as done.",
		"Before we stepped in, it showed forty-two fields, with labels such as `PRS_TMP_SP` or `CYC_CNT`. We grouped those fields into three tabs: *Preparation*, *Production*, *Maintenance*. The setup time went from 12:30 to 4:10 minutes, a gain of nearly 67%!",
		"'Real work is always richer than prescribed work.' We owe that sentence to ergonomists, and it should head every specification we write.",
		"Want to talk about it? Write to me, or find my other articles at https://camille.example/posts/. I answer every message :) even if it sometimes takes a few days...",
		"Setup time",
	},
}

// markedSegments cuts a paragraph as a Markdown renderer would: a star
// starts or ends a segment, text between backquotes is a verbatim one,
// and a line end is a segment of its own.
func markedSegments(p string) []Segment {
	var segs []Segment
	start, code := 0, false
	cut := func(end int) {
		if end > start {
			segs = append(segs, Segment{Text: p[start:end], Verbatim: code})
		}
		start = end + 1
	}
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '*':
			cut(i)
		case '`':
			cut(i)
			code = !code
		case '\n':
			cut(i)
			segs = append(segs, Segment{Text: "\n"})
		}
	}
	cut(len(p))
	return segs
}

// BenchmarkApplySegments typesets the paragraphs of a post one run at a
// time, as package markdown does.
func BenchmarkApplySegments(b *testing.B) {
	for _, lang := range []string{"fr", "en"} {
		b.Run(lang, func(b *testing.B) {
			var runs [][]Segment
			n := 0
			for _, p := range benchParagraphs[lang] {
				runs = append(runs, markedSegments(p))
				n += len(p)
			}
			b.SetBytes(int64(n))
			b.ReportAllocs()
			for b.Loop() {
				for _, segs := range runs {
					ApplySegments(lang, segs)
				}
			}
		})
	}
}

// TestEngineReset typesets each run on a fresh engine, and on one that
// typeset another run before: the pool hands engines from run to run, and
// nothing of the first may change the second.
func TestEngineReset(t *testing.T) {
	texts := []string{
		`Il dit "ça commence`, "« Rien ne ferme", `a " b " c`, `x"y"z !`, "Voir https://a.fr !",
		"L'été : oui ; non", `"'Tis" said 'she`, "  ! ", "",
	}
	for _, lang := range []language{french, english} {
		for _, before := range texts {
			for _, text := range texts {
				segs := []Segment{{Text: text}, {Text: "`x`", Verbatim: true}, {Text: text}}
				fresh := new(engine)
				fresh.reset(lang, segs)
				want := fresh.run()
				e := new(engine)
				e.reset(lang, []Segment{{Text: before}, {Text: "`y`", Verbatim: true}, {Text: before}, {Text: "!"}})
				e.run()
				e.reset(lang, segs)
				if got := e.run(); !slices.Equal(got, want) {
					t.Errorf("%q after %q gives %q, and %q on a fresh engine", text, before, got, want)
				}
			}
		}
	}
}

// TestApplySegmentsConcurrent typesets runs of every size and language from
// several goroutines at once: the engines they share through a pool must
// carry nothing of one run into the next.
func TestApplySegmentsConcurrent(t *testing.T) {
	var runs [][]Segment
	var langs []string
	for _, lang := range []string{"fr", "en"} {
		for _, p := range benchParagraphs[lang] {
			runs = append(runs, markedSegments(p))
			langs = append(langs, lang)
		}
	}
	// Quotations left open, and quotes that read by what is open.
	for _, s := range []string{`Il dit "ça commence`, "« Rien ne ferme", `a " b " c`, `x"y"z !`} {
		runs = append(runs, []Segment{{Text: s}})
		langs = append(langs, "fr")
	}
	runs = append(runs, []Segment{{Text: strings.Repeat(`"Oui" : `, maxPooled/4)}}) // too big to go back
	langs = append(langs, "fr")
	want := make([][]string, len(runs))
	for i := range runs {
		want[i] = ApplySegments(langs[i], runs[i])
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := range 8 {
		wg.Go(func() {
			for n := range 50 {
				i := (g*7 + n) % len(runs)
				if got := ApplySegments(langs[i], runs[i]); !slices.Equal(got, want[i]) {
					errs <- fmt.Sprintf("run %d gave %q, then %q", i, want[i], got)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestBigEngineNotKept typesets a run too big for the pool, which the
// concurrent test above mixes with small ones: its engine is not kept.
func TestBigEngineNotKept(t *testing.T) {
	small := newEngine(lookup("fr"), []Segment{{Text: `"Oui" : `}})
	small.run()
	if !small.poolable() {
		t.Error("an engine of a small run is not kept")
	}
	big := newEngine(lookup("fr"), []Segment{{Text: strings.Repeat(`"Oui" : `, maxPooled/4)}})
	big.run()
	if big.poolable() {
		t.Error("an engine of a run too big for the pool is kept")
	}
}
