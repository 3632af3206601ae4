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
	var matched []match // in order, and most segments have none
	eachMatch(s, confidentialList, true, func(e *entry, from, to int) {
		c.report(r, s.offset(s.toks[from].start), s.span(from, to), "")
		matched = append(matched, match{e, from, to})
	})
	// "Kervella-like" names Kervella too.
	var buf []token
	for k := range s.toks {
		t := &s.toks[k]
		if t.kind != word || strings.IndexByte(t.fold, '-') < 0 {
			continue
		}
		for len(matched) > 0 && matched[0].to <= k {
			matched = matched[1:]
		}
		if len(matched) > 0 && matched[0].from <= k {
			continue
		}
		var name string
		if name, buf = c.find(t.fold, buf); name != "" {
			c.report(r, s.offset(t.start), name, "")
		}
	}
}

// Done looks for the names in the doc's addresses: "/clients/kervella/"
// publishes the name as surely as the text does.
func (c *confidential) Done(r *Report) {
	var buf []token
	for _, a := range r.doc.Addresses {
		var name string
		if name, buf = c.find(fold(a.Text), buf); name != "" {
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
// read as words ("maison-kervella.fr" is maison, kervella, fr), or "". The
// words are cut into buf, which it returns for the next call to reuse.
func (c *confidential) find(s string, buf []token) (string, []token) {
	toks := buf[:0]
	start := -1
	for i, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if start < 0 {
				start = i
			}
		case start >= 0:
			toks = append(toks, token{kind: word, fold: s[start:i]})
			start = -1
		}
	}
	if start >= 0 {
		toks = append(toks, token{kind: word, fold: s[start:]})
	}
	for _, m := range c.words.scan(toks, nil) {
		if m.e.list == confidentialList {
			return m.e.text, toks
		}
	}
	return "", toks
}
