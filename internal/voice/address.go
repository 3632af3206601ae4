package voice

import (
	"strings"
)

// addressForm is voice.address, for French: a brand that says "vous" to
// its readers writing "tu" in any of its forms (tu, te, t’, toi, ton, ta,
// tes, le tien…, an imperative such as "lance-toi" or "contacte-moi"), or
// the reverse for a brand that says "tu". Quotations are left alone.
type addressForm struct {
	tu bool // the brand says "tu"
}

func (*addressForm) ID() string { return "voice.address" }

func (a *addressForm) Check(s *Segment, r *Report) {
	for k := range s.toks {
		t := &s.toks[k]
		if t.quoted || (t.kind != word && t.kind != elision) {
			continue
		}
		var form string
		if a.tu {
			form = vousForm(s, k)
		} else {
			form = tuForm(s, k)
		}
		if form == "" {
			continue
		}
		want, other := "vous", "tu"
		if a.tu {
			want, other = "tu", "vous"
		}
		f := r.Add(s, t.start, a.ID(), "%q says %q to the reader: the brand says %q", s.Text[t.start:t.end], other, want)
		f.Suggestion = "write it with " + want
	}
}

// tuForm returns the folded form of "tu" that the token at k is, or "".
func tuForm(s *Segment, k int) string {
	t := s.toks[k]
	prev, next := neighbour(s, k-1), neighbour(s, k+1)
	switch t.fold {
	case "tu":
		if participleBefore[prev] || prev == "le" || prev == "au" || prev == "du" {
			return "" // "il s’est tu": the verb se taire; "passer au tu": the word itself
		}
		return "tu"
	case "te", "t'", "toi", "ta", "tes", "tienne", "tiennes":
		return t.fold
	case "tien", "tiens":
		if prev == "le" || prev == "les" {
			return t.fold // "le tien", but "je tiens à"
		}
	case "ton":
		if tonNounBefore[prev] || tonNounAfter[next] || next == "" {
			return "" // "le ton", "changer de ton."
		}
		return "ton"
	}
	if t.kind == word && strings.IndexByte(t.fold, '-') >= 0 {
		return hyphenatedTu(t.fold)
	}
	return ""
}

// hyphenatedTu finds "tu" in a hyphenated word: a pronoun after the verb
// ("penses-tu", "lance-toi") or a singular imperative before its pronoun
// ("contacte-moi", "dis-le", "vas-y").
func hyphenatedTu(w string) string {
	parts := strings.Split(w, "-")
	for i, p := range parts[1:] {
		switch p {
		case "tu", "toi", "te":
			return p
		}
		if objectPronoun[p] && i == len(parts)-2 || objectPronoun[p] && allPronouns(parts[i+2:]) {
			verb := parts[0]
			if i > 0 {
				return "" // "sous-le-vent": no verb before a pronoun in the middle
			}
			if singularImperative(verb) {
				return w
			}
			return ""
		}
	}
	return ""
}

func allPronouns(parts []string) bool {
	for _, p := range parts {
		if !objectPronoun[p] {
			return false
		}
	}
	return true
}

// singularImperative reports whether verb, before a hyphen and a pronoun,
// is an imperative of "tu": it ends in e or s ("donne", "prends", "fais"),
// but not as the forms of "vous" and "nous" do ("donnez", "faites",
// "donnons").
func singularImperative(verb string) bool {
	if len([]rune(verb)) < 2 || strings.HasSuffix(verb, "ez") || strings.HasSuffix(verb, "ons") ||
		verb == "faites" || verb == "dites" || verb == "est" || verb == "sont" {
		return false
	}
	return strings.HasSuffix(verb, "e") || strings.HasSuffix(verb, "s") || strings.HasSuffix(verb, "x")
}

// vousForm returns the folded form of "vous" that the token at k is, or "".
func vousForm(s *Segment, k int) string {
	t := s.toks[k]
	switch t.fold {
	case "vous", "votre", "vos", "votres":
		return t.fold
	case "rendez-vous":
		return "" // a noun
	}
	if t.kind == word && strings.IndexByte(t.fold, '-') >= 0 {
		parts := strings.Split(t.fold, "-")
		for _, p := range parts[1:] {
			if p == "vous" {
				return p
			}
		}
		if strings.HasSuffix(parts[0], "ez") && objectPronoun[parts[len(parts)-1]] {
			return t.fold // "contactez-moi"
		}
	}
	return ""
}

// neighbour returns the folded word at k, "" past either end or for a mark.
func neighbour(s *Segment, k int) string {
	if k < 0 || k >= len(s.toks) || (s.toks[k].kind != word && s.toks[k].kind != elision) {
		return ""
	}
	return s.toks[k].fold
}

var (
	objectPronoun = map[string]bool{
		"moi": true, "le": true, "la": true, "les": true, "lui": true, "leur": true, "nous": true, "en": true, "y": true, "m'": true,
	}
	participleBefore = map[string]bool{
		"est": true, "es": true, "suis": true, "sommes": true, "etes": true, "sont": true, "etait": true,
		"a": true, "ai": true, "as": true, "avait": true, "ont": true, "ete": true, "avoir": true, "etre": true,
	}
	tonNounBefore = map[string]bool{
		"le": true, "un": true, "du": true, "au": true, "ce": true, "cet": true, "mon": true, "son": true,
		"notre": true, "votre": true, "leur": true, "quel": true, "meme": true, "bon": true, "beau": true,
		"autre": true, "nouveau": true, "seul": true, "juste": true,
	}
	tonNounAfter = map[string]bool{
		"de": true, "du": true, "des": true, "d'": true, "qui": true, "que": true, "sur": true, "juste": true,
		"neutre": true, "employe": true, "adopte": true, "general": true, "plus": true, "moins": true,
		"convivial": true, "familier": true, "chaleureux": true, "direct": true, "professionnel": true,
		"pour": true, "et": true, "avec": true, "sans": true, "en": true, "dans": true, "selon": true,
	}
)
