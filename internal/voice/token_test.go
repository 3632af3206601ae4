package voice

import (
	"strings"
	"testing"
	"unicode"
)

func testTokenizer(t testing.TB, lang string) *tokenizer {
	t.Helper()
	abbrev, err := loadAbbreviations(lang)
	if err != nil {
		t.Fatal(err)
	}
	return &tokenizer{lang: lang, abbrev: abbrev}
}

var kindNames = map[tokenKind]string{word: "w", number: "n", elision: "e", clitic: "c", address: "a", object: "o", punct: "p"}

// show writes the tokens of s as "text/kind" separated by spaces, a
// quoted token's kind in upper case.
func show(s string, toks []token) string {
	var parts []string
	for _, tk := range toks {
		k := kindNames[tk.kind]
		if tk.quoted {
			k = strings.ToUpper(k)
		}
		parts = append(parts, s[tk.start:tk.end]+"/"+k)
	}
	return strings.Join(parts, " ")
}

func TestTokens(t *testing.T) {
	tests := []struct {
		lang, in, want string
	}{
		{"fr", "J’aime l’e-mail d’aujourd’hui.", "J’/e aime/w l’/e e-mail/w d’/e aujourd’hui/w ./p"},
		{"fr", "Qu’aujourd’hui, presqu’île et quelqu’un", "Qu’/e aujourd’hui/w ,/p presqu’île/w et/w quelqu’un/w"},
		{"fr", "À 10:30, 3,5 % de 1.000 — 24/7", "À/w 10:30/n ,/p 3,5/n %/p de/w 1.000/n —/p 24/7/n"},
		{"fr", "Le n°1 et le N° 2", "Le/w n°/w 1/n et/w le/w N°/w 2/n"},
		{"fr", "Voir https://a.fr/x?y=1! et www.b.fr.", "Voir/w https://a.fr/x?y=1/a !/p et/w www.b.fr/a ./p"},
		{"fr", "index.html, zoe@a.fr et e.g. p.ex.", "index.html/a ,/p zoe@a.fr/a et/w e.g/w ./p p.ex/w ./p"},
		{"fr", "Le code \uFFFC ici", "Le/w code/w \uFFFC/o ici/w"},
		{"fr", "Il dit « non » et \"oui\" puis “peut-être”.", "Il/w dit/w «/P non/W »/p et/w \"/P oui/W \"/p puis/w “/P peut-être/W ”/p ./p"},
		{"fr", "Un écran de 27\" suffit", "Un/w écran/w de/w 27/n \"/p suffit/w"},
		// ʼ (U+02BC) is a letter to Unicode and an apostrophe here.
		{"fr", "Cʼest Cʼ0 lʼécran", "Cʼ/e est/w Cʼ/e 0/w lʼ/e écran/w"},
		{"en", "We're sure it's Acme Bank's, don't you think?", "We/w 're/c sure/w it/w 's/c Acme/w Bank/w 's/c ,/p do/w n't/c you/w think/w ?/p"},
		{"en", "o'clock and rock'n'roll, y'all", "o'clock/w and/w rock'n'roll/w ,/p y'all/w"},
		{"en", "Rock-solid game-changer", "Rock-solid/w game-changer/w"},
	}
	for _, tt := range tests {
		tz := testTokenizer(t, tt.lang)
		if got := show(tt.in, tz.tokens(tt.in, false, nil)); got != tt.want {
			t.Errorf("tokens(%q)\n got %s\nwant %s", tt.in, got, tt.want)
		}
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		lang, in string
		words    []int // words in each sentence
	}{
		{"fr", "Une phrase. Une autre phrase ici ! Et la fin ?", []int{2, 4, 3}},
		{"fr", "M. Dupont et Mme Martin, etc. et le Dr Petit.", []int{10}},
		{"fr", "Il hésita… puis partit. Bien.", []int{4, 1}},
		{"fr", "Il a dit « Non ! » Puis il est parti.", []int{4, 4}},
		{"fr", "À 10:30, 3 personnes. Voilà.", []int{2, 1}},
		{"fr", "Voir p. 12 et la fig. 3. Merci.", []int{5, 1}},
		{"fr", "C’est de l’art. Vraiment.", []int{3, 1}},
		{"fr", "Le site www.a.fr. Puis un autre.", []int{2, 3}},
		{"en", "Dr. Patel met Mr. Smith, e.g. at noon. Then they left.", []int{8, 3}},
		{"en", "See No. 5 today. No. I disagree.", []int{3, 1, 2}},
		{"en", "J. R. Tolkien wrote it. Fine.", []int{5, 1}},
		{"en", "Wait... what? Yes!", []int{2, 1}}, // a lower-case word goes on with the sentence
		{"en", "", nil},
	}
	for _, tt := range tests {
		tz := testTokenizer(t, tt.lang)
		toks := tz.tokens(tt.in, false, nil)
		var got []int
		for _, s := range tz.sentences(tt.in, toks, nil) {
			got = append(got, s.words)
		}
		if len(got) != len(tt.words) {
			t.Errorf("sentences(%q) = %v, want %v", tt.in, got, tt.words)
			continue
		}
		for i := range got {
			if got[i] != tt.words[i] {
				t.Errorf("sentences(%q) = %v, want %v", tt.in, got, tt.words)
				break
			}
		}
	}
}

func TestFold(t *testing.T) {
	tests := map[string]string{
		"Thébaud’s": "thebaud's",
		"ŒUVRE":     "oeuvre",
		"Ça‑va":     "ca-va",
		"straße":    "strasse",
		"plain":     "plain",
		"ÉTÉ":       "ete",
	}
	for in, want := range tests {
		if got := fold(in); got != want {
			t.Errorf("fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestStems(t *testing.T) {
	tz := testTokenizer(t, "fr")
	lx := newLexicon()
	for _, p := range []string{"disruptif*", "local*", "heureux*", "public*", "e-mail", "game changer", "100 % satisf*", "*"} {
		lx.add(tz, bannedList, p, "", true)
	}
	en := newLexicon()
	etz := testTokenizer(t, "en")
	for _, p := range []string{"leverage*", "synergy*", "use*"} {
		en.add(etz, bannedList, p, "", true)
	}
	tests := []struct {
		lx   *lexicon
		tz   *tokenizer
		text string
		want string // the pattern matched first, or ""
	}{
		{lx, tz, "disruptives", "disruptif*"},
		{lx, tz, "Disruptifs", "disruptif*"},
		{lx, tz, "disruption", ""},
		{lx, tz, "locaux", "local*"},
		{lx, tz, "heureuse", "heureux*"},
		{lx, tz, "publique", "public*"},
		{lx, tz, "E-mail", "e-mail"},
		{lx, tz, "mail", ""},
		{lx, tz, "game-changer", "game changer"},
		{lx, tz, "Game Changer", "game changer"},
		{lx, tz, "100 % satisfaits", "100 % satisf*"},
		{lx, tz, "100% satisfaits", "100 % satisf*"},
		{lx, tz, "tout", ""}, // a lone * is no pattern
		{en, etz, "Leveraging", "leverage*"},
		{en, etz, "synergies", "synergy*"},
		{en, etz, "users", "use*"},
		{en, etz, "us", ""},
	}
	for _, tt := range tests {
		toks := tt.tz.tokens(tt.text, false, nil)
		got := ""
		if m := tt.lx.scan(toks, nil); len(m) > 0 && m[0].from == 0 {
			got = m[0].e.text
		}
		if got != tt.want {
			t.Errorf("match(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestParseListLine(t *testing.T) {
	tests := []struct {
		line, pattern, suggest string
		after, before          []string
	}{
		{"# a comment", "", "", nil, nil},
		{"#", "", "", nil, nil},
		{"#1", "#1", "", nil, nil},
		{"boulot = travail", "boulot", "travail", nil, nil},
		{"genre !after le un  # a comment", "genre", "", []string{"le", "un"}, nil},
		{"le meilleur !before moyen !after pas", "le meilleur", "", []string{"pas"}, []string{"moyen"}},
	}
	for _, tt := range tests {
		p, s, a, b := parseListLine(tt.line)
		if p != tt.pattern || s != tt.suggest || strings.Join(a, ",") != strings.Join(tt.after, ",") || strings.Join(b, ",") != strings.Join(tt.before, ",") {
			t.Errorf("parseListLine(%q) = %q %q %v %v", tt.line, p, s, a, b)
		}
	}
}

// TestBuiltInLists loads every list of every language: an entry with no
// word in it is an error a contributor sees here.
func TestBuiltInLists(t *testing.T) {
	for _, lang := range []string{"fr", "en"} {
		tz := testTokenizer(t, lang)
		for _, name := range []string{"claims.txt", "register.txt"} {
			lx := newLexicon()
			if err := loadList(lx, tz, claimsList, lang, name); err != nil {
				t.Error(err)
			}
			if len(lx.first)+len(lx.stems) < 10 {
				t.Errorf("%s/%s: only %d entries", lang, name, len(lx.first)+len(lx.stems))
			}
		}
	}
}

// FuzzMayHoldURL checks mayHoldURL against its definition.
func FuzzMayHoldURL(f *testing.F) {
	for _, s := range []string{"https://a.fr", "www.x", "WWW.X", "wWw.x", "mailto:a", "MAILTO:", "a:b.c", ":", ".", "ww", "é://"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := false
		for _, mark := range []string{"://", "ww.", "WW.", "ailto:", "AILTO:"} {
			want = want || strings.Contains(s, mark)
		}
		if got := mayHoldURL(s); got != want {
			t.Fatalf("mayHoldURL(%q) = %t, want %t", s, got, want)
		}
	})
}

// TestLexiconKeys checks that the filter in front of a lexicon's maps lets
// every key of them through, for the built-in lists and a brand's.
func TestLexiconKeys(t *testing.T) {
	for _, lang := range []string{"fr", "en"} {
		lx := testChecker(t, lang, benchVoice).cfg.words
		for _, m := range []map[string][]*entry{lx.first, lx.stems} {
			for key := range m {
				if !lx.keys.mayHold(key) {
					t.Errorf("%s: the filter drops the key %q", lang, key)
				}
			}
		}
		// Words of no list mostly go no further than the filter.
		passed := 0
		words := strings.Fields("le la les un une des de du et ou mais donc or ni car que qui quoi dont où je tu il elle nous vous ils " +
			"the a an of to in is it that for on with as was at by this be are from or have not but what all")
		for _, w := range words {
			if lx.keys.mayHold(w) && lx.first[w] == nil {
				passed++
			}
		}
		if passed > len(words)/4 {
			t.Errorf("%s: the filter lets %d common words of %d through", lang, passed, len(words))
		}
	}
}

// TestRuneSets checks the tables of isWordRune and isSpace against the
// functions of package unicode they stand for, rune by rune.
func TestRuneSets(t *testing.T) {
	for r := rune(-1); r <= unicode.MaxRune+1; r++ {
		if got, want := isWordRune(r), unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r); got != want {
			t.Errorf("isWordRune(%U) = %t, want %t", r, got, want)
		}
		if got, want := isSpace(r), unicode.IsSpace(r); got != want {
			t.Errorf("isSpace(%U) = %t, want %t", r, got, want)
		}
	}
}
