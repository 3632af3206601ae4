package voice

import (
	"strings"
	"unicode"
)

// confidential is voice.confidential: names that are never published
// ([voice] confidential), wherever they hide: in quotations, in a part of a
// hyphenated word, in a link's address or an image's file name.
type confidential struct{ words *lexicon }

func (*confidential) ID() string { return "voice.confidential" }

func (c *confidential) Check(s *Segment, r *Report) {
	matched := make([]bool, len(s.toks))
	eachMatch(s, confidentialList, true, func(e *entry, from, to int) {
		c.report(r, s.offset(s.toks[from].start), s.span(from, to), "")
		for k := from; k < to; k++ {
			matched[k] = true
		}
	})
	// "Kervella-like" names Kervella too.
	for k := range s.toks {
		t := &s.toks[k]
		if matched[k] || t.kind != word || !strings.Contains(t.fold, "-") {
			continue
		}
		if name := c.find(t.fold); name != "" {
			c.report(r, s.offset(t.start), name, "")
		}
	}
}

// Done looks for the names in the doc's addresses: "/clients/kervella/"
// publishes the name as surely as the text does.
func (c *confidential) Done(r *Report) {
	for _, a := range r.doc.Addresses {
		if name := c.find(fold(a.Text)); name != "" {
			c.report(r, a.Offset, name, a.Text)
		}
	}
}

func (c *confidential) report(r *Report, off int, name, in string) {
	if in != "" {
		r.AddAt(off, c.ID(), "%q is confidential: the brand never publishes it, not even in the address %q", name, in)
		return
	}
	r.AddAt(off, c.ID(), "%q is confidential: the brand never publishes it", name)
}

// find returns the name that the letters and digits of folded text s name,
// read as words ("maison-kervella.fr" is maison, kervella, fr), or "".
func (c *confidential) find(s string) string {
	var toks []token
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		toks = append(toks, token{kind: word, fold: part})
	}
	for _, m := range c.words.scan(toks, nil) {
		if m.e.list == confidentialList {
			return m.e.text
		}
	}
	return ""
}
