package voice

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// person is voice.person: a brand that speaks in the first person singular
// ([voice] person = "first") writing "nous" or "we" as its own subject, or
// a brand that says "we" writing "je" or "I". Quotations are someone
// else's words and are left alone.
type person struct {
	lang string
	we   bool // the brand says "nous" / "we"
}

func (*person) ID() string { return "voice.person" }

func (p *person) Check(s *Segment, r *Report) {
	for k := range s.toks {
		t := &s.toks[k]
		if t.quoted {
			continue
		}
		text := s.Text[t.start:t.end]
		switch {
		case p.we && p.lang == "fr" && (t.fold == "je" || t.fold == "j'"):
			p.report(s, r, t.start, text)
		case p.we && p.lang == "en" && text == "I" && englishSubject(s, k):
			p.report(s, r, t.start, text)
		case !p.we && t.fold == "we" && p.lang == "en":
			p.report(s, r, t.start, text)
		case !p.we && p.lang == "fr" && t.fold == "nous" && frenchSubject(s, k):
			p.report(s, r, t.start, text)
		case !p.we && p.lang == "fr" && t.kind == word && strings.HasSuffix(t.fold, "ons-nous"):
			// "Pouvons-nous" puts the subject after its verb.
			i := strings.LastIndex(text, "nous")
			p.report(s, r, t.start+i, text[i:])
		}
	}
}

func (p *person) report(s *Segment, r *Report, at int, text string) {
	if p.we {
		f := r.Add(s, at, p.ID(), "%q: the brand speaks as %q", text, map[bool]string{true: "nous", false: "we"}[p.lang == "fr"])
		f.Suggestion = map[bool]string{true: "nous", false: "we"}[p.lang == "fr"]
		return
	}
	f := r.Add(s, at, p.ID(), "%q: the brand speaks in the first person singular", text)
	f.Suggestion = map[bool]string{true: "je", false: "I"}[p.lang == "fr"]
}

// subjectBefore are the words after which "nous" starts a clause, and so is
// its subject: "et nous avons", "que nous faisons". After a pronoun or a
// preposition it is an object ("il nous aide", "pour nous").
var subjectBefore = map[string]bool{
	"et": true, "mais": true, "ou": true, "donc": true, "car": true, "or": true, "ni": true,
	"puis": true, "alors": true, "quand": true, "lorsque": true, "puisque": true, "quoique": true,
	"si": true, "comme": true, "dont": true, "que": true, "ensuite": true,
	"enfin": true, "aujourd'hui": true, "demain": true, "ici": true, "ainsi": true,
}

// frenchSubject reports whether the "nous" at k is the subject of its
// clause: at the start of the text or of a clause, after a punctuation mark
// or a conjunction.
func frenchSubject(s *Segment, k int) bool {
	if k == 0 {
		return true
	}
	prev := s.toks[k-1]
	switch prev.kind {
	case punct:
		return strings.Contains(".!?…,;:(—–«\"“", prev.fold)
	case word:
		return subjectBefore[prev.fold]
	case object:
		return false
	}
	return false
}

// englishSubject reports whether the "I" at k is the pronoun: followed by
// a verb-like lower-case word or a clitic ("I am", "I’m"), and not after a
// word that takes a Roman numeral ("Part I covers", "World War I posters").
func englishSubject(s *Segment, k int) bool {
	if k+1 >= len(s.toks) || k > 0 && numbered[s.toks[k-1].fold] {
		return false
	}
	next := s.toks[k+1]
	if next.kind == clitic {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s.Text[next.start:])
	return next.kind == word && next.space && unicode.IsLower(r)
}

// numbered are the words a Roman numeral follows.
var numbered = map[string]bool{
	"part": true, "chapter": true, "act": true, "scene": true, "volume": true, "phase": true, "book": true,
	"war": true, "season": true, "episode": true, "appendix": true, "section": true, "article": true,
	"stage": true, "level": true, "class": true, "type": true, "grade": true, "series": true, "title": true,
	"henry": true, "louis": true, "elizabeth": true, "george": true, "charles": true, "james": true,
	"william": true, "edward": true, "richard": true, "mary": true, "john": true,
}
