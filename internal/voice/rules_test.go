package voice

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/marque-kit/marque/internal/brand"
	"github.com/marque-kit/marque/internal/diag"
	"github.com/marque-kit/marque/internal/markdown"
)

// kitProfile returns a brand.toml in lang with the given [voice] lines.
func kitProfile(lang, voice string) string {
	return "[person]\nname = \"Zoé\"\nrole = \"Photographe\"\nsite_url = \"https://z.example\"\nlanguage = \"" + lang + "\"\n\n[voice]\n" + voice
}

// benchVoice is the [voice] of a kit with every rule on, as the kits
// bench/gen generates have it (bench/gen/profile.go).
const benchVoice = `person = "first"
address = "vous"
max_sentence_words = 28
max_exclamations = 1
emoji = "bios"
claims = true
readability = 50
banned = ["synergie", "disruptif*", "game changer", "leverage"]
confidential = ["Orion", "Banque Dupuis", "Projet Atlas"]
[voice.prefer]
"e-mail" = "courriel"
"impacter" = "influencer"
"digital" = "numérique"
`

// testChecker returns the checker of kitProfile(lang, voice), whose
// profile must load without a finding.
func testChecker(tb testing.TB, lang, voice string) *Checker {
	tb.Helper()
	p, l := brand.Load(fstest.MapFS{"brand.toml": {Data: []byte(kitProfile(lang, voice))}})
	if l.Len() > 0 {
		tb.Fatal(l.Items())
	}
	c, err := New(p)
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// lint checks body with the profile and returns its findings as
// "LINE:COL rule", sorted, the lines of the post file.
func lint(t *testing.T, profile, body string) []string {
	t.Helper()
	_, res := checkBody(t, profile, body)
	return brief(res.Findings)
}

func brief(l diag.List) []string {
	var out []string
	for _, f := range l.Items() {
		out = append(out, fmt.Sprintf("%d:%d %s", f.Line, f.Column, f.Rule))
	}
	slices.Sort(out)
	return out
}

func equal(t *testing.T, what string, got, want []string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("%s:\n got %q\nwant %q", what, got, want)
	}
}

func TestRulesOfTheBrand(t *testing.T) {
	tests := []struct {
		name, lang, voice, body string
		want                    []string
	}{
		{
			name: "exclamation marks are counted per post, title included, the finding at the first too many",
			lang: "fr", voice: "max_exclamations = 1\n",
			body: "Bravo\u202f! Encore\u202f!\n\nEt encore\u202f!",
			want: []string{"5:16 voice.exclamation"},
		},
		{
			name: "no exclamation mark allowed",
			lang: "en", voice: "max_exclamations = 0\n",
			body: "Hello! Again!",
			want: []string{"5:6 voice.exclamation"},
		},
		{
			name: "a brand that says nous: je and j’ are flagged, nous is not",
			lang: "fr", voice: "person = \"we\"\n",
			body: "Je crois que nous avons raison, et j’en suis sûre.",
			want: []string{"5:1 voice.person", "5:36 voice.person"},
		},
		{
			name: "a brand that says I: we is flagged, even contracted",
			lang: "en", voice: "person = \"first\"\n",
			body: "We're sure I am right, and we know it.",
			want: []string{"5:1 voice.person", "5:28 voice.person"},
		},
		{
			name: "person any checks nothing",
			lang: "fr", voice: "person = \"any\"\n",
			body: "Nous sommes là, je suis là.",
			want: nil,
		},
		{
			name: "a brand that says tu: vous, votre and -ez imperatives are flagged, rendez-vous is a noun",
			lang: "fr", voice: "address = \"tu\"\n",
			body: "Prends ton rendez-vous. Vous pouvez écrire. Votre avis compte. Contactez-moi.",
			want: []string{"5:25 voice.address", "5:45 voice.address", "5:64 voice.address"},
		},
		{
			name: "address is French only",
			lang: "en", voice: "address = \"vous\"\n",
			body: "Tu es là, toi.",
			want: nil,
		},
		{
			name: "claims off",
			lang: "fr", voice: "claims = false\n",
			body: "Le meilleur, garanti.",
			want: nil,
		},
		{
			name: "emoji any",
			lang: "en", voice: "emoji = \"any\"\n",
			body: "Launch 🚀 day",
			want: nil,
		},
		{
			name: "emoji sequences are one finding each; typography symbols are none",
			lang: "en", voice: "emoji = \"none\"\n",
			body: "Team 👩🏽‍💻 and flags 🇫🇷 and keys 1️⃣ and hearts ❤️ but not ✓ → ❤ ©",
			want: []string{"5:21 voice.emoji", "5:33 voice.emoji", "5:48 voice.emoji", "5:6 voice.emoji"},
		},
		{
			name: "banned words in a heading, a list and a table cell; never in code",
			lang: "en", voice: "banned = [\"synergy\"]\n",
			body: "# Synergy\n\n- a synergy\n\n| synergy | `synergy` |\n|---|---|\n| x | y |\n\n```\nsynergy\n```\n\n    synergy",
			want: []string{"5:3 voice.banned", "7:5 voice.banned", "9:3 voice.banned"},
		},
		{
			name: "an escaped character is the author's choice",
			lang: "fr", voice: "",
			body: "Bonjour\\! et \\.\\.\\. rien",
			want: nil,
		},
		{
			name: "a sentence across emphasis and a link is one sentence",
			lang: "en", voice: "max_sentence_words = 5\n",
			body: "One *two three* [four five](https://x.example) six.",
			want: []string{"5:1 voice.sentence-length"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			equal(t, tt.body, lint(t, kitProfile(tt.lang, tt.voice), tt.body), tt.want)
		})
	}
}

func TestReadability(t *testing.T) {
	easy := strings.Repeat("Le chat dort. Il fait beau. ", 20)
	hard := strings.Repeat("L’institutionnalisation administrative interministérielle conditionne systématiquement l’organisation opérationnelle internationale contemporaine. ", 15)
	short := "L’institutionnalisation administrative interministérielle conditionne l’organisation."
	profile := kitProfile("fr", "readability = 50\nmax_sentence_words = 100\n")
	equal(t, "easy", lint(t, profile, easy), nil)
	equal(t, "hard", lint(t, profile, "Intro.\n\n"+hard), []string{"5:1 voice.readability"})
	equal(t, "too short to score", lint(t, profile, short), nil)

	// Flesch's own example: 206.835 − 1.015 × 6 − 84.6 × 6/6.
	if got := readingEase("en", 6, 1, 6); math.Abs(got-116.145) > 1e-9 {
		t.Errorf("readingEase = %v", got)
	}
	for word, want := range map[string]int{"table": 2, "make": 1, "the": 1, "beautiful": 3, "cat": 1} {
		if got := syllables(word, "en"); got != want {
			t.Errorf("syllables(%q, en) = %d, want %d", word, got, want)
		}
	}
	for word, want := range map[string]int{"table": 1, "tables": 1, "chat": 1, "organisation": 5, "êtes": 1, "eau": 1, "été": 2, "idée": 2} {
		if got := syllables(word, "fr"); got != want {
			t.Errorf("syllables(%q, fr) = %d, want %d", word, got, want)
		}
	}
}

// TestProfileFields checks the profile's prose at its place in brand.toml,
// bios in a multi-line array and a multi-line string included, and the
// emoji policy: bios may have emoji when it is "bios".
func TestProfileFields(t *testing.T) {
	src := `[person]
name = "Zoé"
role = "Photographe"
tagline = "Portraits 📸 sans synergie"
site_url = "https://z.example"
language = "fr"

[strategy]
audience = "Les PME"
objectives = ["Un", "Travailler avec Maison Kervella"]

[voice]
emoji = "bios"
banned = ["synergie"]
confidential = ["Maison Kervella"]

[bio]
candidates = [
  """Je photographie
les gens 📸 et nous sommes deux.""",
  "Portraits 📸 : \"vrais\"",
]

[networks.instagram]
handle = "zoe"
goal = "Montrer le boulot"
bio = "Portraits 📸"
`
	p, l := brand.Load(fstest.MapFS{"brand.toml": {Data: []byte(src)}})
	if l.Len() > 0 {
		t.Fatal(l.Items())
	}
	c, err := New(p)
	if err != nil {
		t.Fatal(err)
	}
	res := c.Check(ProfileDoc(p))
	equal(t, "findings", brief(res.Findings), []string{
		"10:38 voice.confidential",
		"20:15 voice.person",
		"21:16 typo.fr-space",
		"21:18 typo.fr-quotes",
		"26:20 voice.register",
		"4:22 voice.emoji",
		"4:29 voice.banned",
	})
	// The space before ":" is fixable; the escaped quotes are not.
	var fixed []string
	for _, f := range res.Fixes {
		fixed = append(fixed, f.Rule)
	}
	equal(t, "fixes", fixed, []string{"typo.fr-space"})
}

func TestSuppression(t *testing.T) {
	profile := kitProfile("fr", "")
	tests := []struct {
		name, body string
		want       []string
	}{
		{
			name: "one rule, disabled then enabled",
			body: "Le meilleur.\n\n<!-- marque:disable voice.claims -->\nLe meilleur.\n<!-- marque:enable voice.claims -->\n\nLe meilleur.",
			want: []string{"11:1 voice.claims", "5:1 voice.claims"},
		},
		{
			name: "several rules, and every rule",
			body: "<!-- marque:disable voice.claims, voice.register -->\nLe meilleur boulot.\n<!-- marque:enable -->\nLe meilleur boulot.\n\n<!-- marque:disable -->\nBonjour!",
			want: []string{"10:1 content.suppression", "8:1 voice.claims", "8:13 voice.register"},
		},
		{
			name: "inline, in the middle of a line",
			body: "Le meilleur <!-- marque:disable voice.claims -->boulot, le meilleur<!-- marque:enable voice.claims --> garanti.",
			want: []string{"5:1 voice.claims", "5:104 voice.claims", "5:49 voice.register"},
		},
		{
			name: "unknown rule and directive, with did you mean",
			body: "<!-- marque:disable voice.claim -->\n<!-- marque:disabel voice.claims -->\nLe meilleur.",
			want: []string{"5:1 content.suppression", "6:1 content.suppression", "7:1 voice.claims"},
		},
		{
			name: "never closed: a warning at its line, silent to the end",
			body: "Le meilleur.\n\n<!-- marque:disable voice.claims -->\nLe meilleur.\n\nLe meilleur.",
			want: []string{"5:1 voice.claims", "7:1 content.suppression"},
		},
		{
			name: "enable with nothing disabled",
			body: "<!-- marque:enable voice.claims -->\nLe meilleur.",
			want: []string{"5:1 content.suppression", "6:1 voice.claims"},
		},
		{
			name: "a comment in code is not a comment",
			body: "```\n<!-- marque:disable -->\n```\n\n`<!-- marque:disable -->` Le meilleur.",
			want: []string{"9:27 voice.claims"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			equal(t, tt.body, lint(t, profile, tt.body), tt.want)
		})
	}
	_, res := checkBody(t, profile, "<!-- marque:disable voice.claim -->")
	if f := res.Findings.Items()[0]; f.Suggestion != `did you mean "voice.claims"?` {
		t.Errorf("suggestion = %q", f.Suggestion)
	}
}

func TestApply(t *testing.T) {
	src := []byte("abc def ghi")
	fix := func(start, end int, old, repl string, group int) Fix {
		return Fix{Start: start, End: end, Old: old, New: repl, Group: group}
	}
	tests := []struct {
		name  string
		fixes []Fix
		want  string
		made  int
	}{
		{"one", []Fix{fix(4, 7, "def", "DEF", 0)}, "abc DEF ghi", 1},
		{"insertion and replacement", []Fix{fix(3, 3, "", "!", 0), fix(8, 11, "ghi", "G", 0)}, "abc! def G", 2},
		{"overlap: the first wins", []Fix{fix(0, 5, "abc d", "X", 0), fix(4, 7, "def", "Y", 0)}, "Xef ghi", 1},
		{"stale: the file changed", []Fix{fix(0, 3, "xyz", "Q", 0)}, "abc def ghi", 0},
		{"two insertions at one place", []Fix{fix(3, 3, "", "1", 0), fix(3, 3, "", "2", 0)}, "abc1 def ghi", 1},
		{"a group is made whole or not at all", []Fix{fix(0, 5, "abc d", "X", 0), fix(4, 5, "d", "(", 1), fix(8, 9, "g", ")", 1)}, "Xef ghi", 1},
		{"a whole group", []Fix{fix(4, 5, "d", "(", 1), fix(6, 7, "f", ")", 1)}, "abc (e) ghi", 2},
	}
	for _, tt := range tests {
		out, made := Apply(src, tt.fixes)
		if string(out) != tt.want || len(made) != tt.made {
			t.Errorf("%s: Apply = %q, %d made; want %q, %d", tt.name, out, len(made), tt.want, tt.made)
		}
	}
	if string(src) != "abc def ghi" {
		t.Error("Apply changed its input")
	}
}

func TestPreferFix(t *testing.T) {
	profile := kitProfile("fr", "[voice.prefer]\n\"e-mail\" = \"courriel\"\n\"mail\" = \"e-mail\"\n\"deadline\" = \"échéance\"\n\"courriel\" = \"mail\"\n")
	tests := []struct {
		body, want string // want: the fixes, "" for none
	}{
		{"Un Deadline proche.", `"Deadline" → "Échéance"`},
		{"UNE DEADLINE.", `"DEADLINE" → "ÉCHÉANCE"`},
		{"Une deadline et l’e-mail.", `"deadline" → "échéance"`}, // l’courriel cannot be
		{"La deadline.", ``}, // la échéance cannot be
		{"Un mail.", ``},     // mail → e-mail → courriel → mail: never settles
	}
	for _, tt := range tests {
		_, res := checkBody(t, profile, tt.body)
		var got []string
		for _, f := range res.Fixes {
			got = append(got, f.Desc)
		}
		if strings.Join(got, "; ") != tt.want {
			t.Errorf("%q: fixes %q, want %q", tt.body, got, tt.want)
		}
	}
	for _, tt := range []struct{ wrong, right, want string }{
		{"impacter", "influencer", "influencer"},
		{"Impacter", "influencer", "Influencer"},
		{"IMPACTER", "influencer", "INFLUENCER"},
		{"E-mail", "courriel", "Courriel"},
		{"A", "un", "Un"},
	} {
		if got := keepCase(tt.wrong, tt.right); got != tt.want {
			t.Errorf("keepCase(%q, %q) = %q, want %q", tt.wrong, tt.right, got, tt.want)
		}
	}
}

// TestBadInput feeds what a kit should never hold: no panic, and findings
// where they make sense.
func TestBadInput(t *testing.T) {
	// A pattern that is only "*": the profile reports it; the linter, given
	// it anyway, matches nothing.
	p := &brand.Profile{Person: brand.Person{Language: "fr"}, Voice: brand.Voice{Banned: []string{"*", " ", "**"}, Prefer: []brand.Preference{{Wrong: "*", Right: "x"}}}}
	p.File = diag.NewFile("brand.toml", nil)
	c, err := New(p)
	if err != nil {
		t.Fatal(err)
	}
	md, _ := markdown.New("fr").Render([]byte("Tout le texte."))
	if res := c.Check(PageDoc(diag.NewFile("a.md", []byte("Tout le texte.")), 0, md)); res.Findings.Len() != 0 {
		t.Errorf("a lone * matched: %v", res.Findings.Items())
	}

	// Invalid UTF-8 in a body (the post loader refuses it, a caller may
	// not): the text holds U+FFFD, positions stay in the file.
	body := []byte("Un \xff\xfe mot... et \xc3 fin!")
	md, _ = markdown.New("fr").Render(body)
	res := c.Check(PageDoc(diag.NewFile("a.md", body), 0, md))
	equal(t, "invalid UTF-8", brief(res.Findings), []string{"1:10 typo.ellipsis", "1:22 typo.fr-space", "1:22 voice.exclamation"})

	// A 20 MB post in one go.
	if testing.Short() {
		return
	}
	para := "Je conçois des identités visuelles pour les artisans, les commerces de quartier et les associations de la région. "
	big := strings.Repeat(strings.Repeat(para, 8)+"\n\n", 20<<20/(len(para)*8+2))
	start := time.Now()
	_, res = checkBody(t, kitProfile("fr", ""), big)
	if res.Findings.Len() != 0 {
		t.Errorf("%d findings in a clean 20 MB post", res.Findings.Len())
	}
	t.Logf("20 MB post: %v", time.Since(start))
}

func FuzzCheck(f *testing.F) {
	for _, s := range []string{
		"Bonjour! \"Oui\"... « non » 10:30 `code` https://x.fr/?a!",
		"<!-- marque:disable voice.claims -->Le meilleur<!-- marque:enable -->",
		"# Titre\n\n> Nous, tu\n\n| a | b |\n|---|---|\n| 🎉 | l’e-mail |\n\n![](x.png) ![alt…](y.png)",
		"\\\" &quot; &#x202F;! \x00 \xff",
		"Lance-toi ; contacte-moi : n°1, 100 % garanti, J.-C. etc. M. Dupont",
	} {
		f.Add(s)
	}
	c := testChecker(f, "fr", "banned = [\"synergie*\"]\nconfidential = [\"Maison Kervella\"]\nreadability = 50\n[voice.prefer]\n\"e-mail\" = \"courriel\"\n")
	r := markdown.New("fr")
	f.Fuzz(func(t *testing.T, body string) {
		src := []byte(body)
		md, err := r.Render(src)
		if err != nil {
			t.Fatal(err)
		}
		file := diag.NewFile("p.md", src)
		res := c.Check(PageDoc(file, 0, md))
		Suppress(&res.Findings, res.Suppressions)
		for _, fd := range res.Findings.Items() {
			if fd.Line < 1 || fd.Column < 1 {
				t.Fatalf("finding outside the file: %v", fd)
			}
		}
		out, made := Apply(src, res.Fixes)
		for _, fx := range made {
			if fx.Old != string(src[fx.Start:fx.End]) {
				t.Fatalf("fix %v does not replace what it says", fx)
			}
		}
		if len(made) > 0 && !utf8Valid(src) == utf8Valid(out) {
			t.Fatalf("fixes made invalid UTF-8: %q", out)
		}
	})
}

func utf8Valid(b []byte) bool { return strings.ToValidUTF8(string(b), "\uFFFD") == string(b) }
