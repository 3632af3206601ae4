package voice

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// frQuotes is typo.fr-quotes: English quotation marks, straight "…" or
// curly “…”, in French text, which quotes with « … ». Inside guillemets the
// curly ones are right (« il a dit “non” »), and straight ones become them.
// A straight quote after a digit that opens nothing is an inch mark (27").
// The fix replaces both marks of a pair, or neither.
type frQuotes struct{}

func (frQuotes) ID() string { return "typo.fr-quotes" }

// openQuote is a quotation mark open at some point of a segment.
type openQuote struct {
	at        int  // text offset of the mark
	size      int  // its length in bytes
	guillemet bool // «
	straight  bool // a straight quote
	nested    bool // inside guillemets: curly quotes are right there
}

func (q frQuotes) Check(s *Segment, r *Report) {
	text := s.Text
	prose := proseRunes(s)
	var stack []openQuote
	guillemets := 0
	top := func() *openQuote {
		if len(stack) == 0 {
			return nil
		}
		return &stack[len(stack)-1]
	}
	for i := 0; i < len(text); {
		if b := text[i]; b != '"' && b != 0xC2 && b != 0xE2 { // the first bytes of the marks
			i++
			continue
		}
		c, size := utf8.DecodeRuneInString(text[i:])
		if !prose(i) {
			i += size
			continue
		}
		switch c {
		case '«':
			stack = append(stack, openQuote{at: i, size: size, guillemet: true})
			guillemets++
		case '»':
			if t := top(); t != nil && t.guillemet {
				stack = stack[:len(stack)-1]
				guillemets--
			}
		case '“':
			stack = append(stack, openQuote{at: i, size: size, nested: guillemets > 0})
		case '”':
			if t := top(); t != nil && !t.guillemet && !t.straight {
				if !t.nested {
					q.pair(s, r, *t, i, size)
				}
				stack = stack[:len(stack)-1]
			}
		case '"':
			var prev rune
			if i > 0 {
				prev, _ = utf8.DecodeLastRuneInString(text[:i])
			}
			next, _ := utf8.DecodeRuneInString(text[i+size:])
			before := i == 0 || unicode.IsSpace(prev) || isOpenerRune(prev)
			after := i+size == len(text) || unicode.IsSpace(next) || strings.ContainsRune(".,;:!?)]}…", next)
			t := top()
			opens := before
			if before == after {
				opens = t == nil || !t.straight
			}
			switch {
			case opens:
				stack = append(stack, openQuote{at: i, size: size, straight: true, nested: guillemets > 0})
			case t != nil && t.straight:
				q.pair(s, r, *t, i, size)
				stack = stack[:len(stack)-1]
			}
		}
		i += size
	}
	for _, t := range stack {
		if !t.guillemet && !(t.nested && !t.straight) {
			q.report(s, r, t)
		}
	}
}

// report reports the quotation opened by o, without a fix: its end is not
// in the segment.
func (q frQuotes) report(s *Segment, r *Report, o openQuote) {
	if o.nested {
		r.Add(s, o.at, q.ID(), "straight quotation mark inside « »: French uses “ ” there").Suggestion = "“ ”"
		return
	}
	r.Add(s, o.at, q.ID(), "English quotation mark %q in French text: French quotes with « »", s.Text[o.at:o.at+o.size]).Suggestion = "« … »"
}

// pair reports the quotation from o to the closing mark at i, with the fix
// that replaces both marks.
func (q frQuotes) pair(s *Segment, r *Report, o openQuote, i, size int) {
	text := s.Text
	if o.nested {
		f := r.Add(s, o.at, q.ID(), "straight quotation marks inside « »: French uses “ ” there")
		f.Suggestion = "“ ”"
		r.FixAll(s, f, []edit{{o.at, o.at + o.size, "“"}, {i, i + size, "”"}}, `"…" → “…”`)
		return
	}
	f := r.Add(s, o.at, q.ID(), "English quotation marks %s…%s in French text: French quotes with « »", text[o.at:o.at+o.size], text[i:i+size])
	f.Suggestion = "« … »"
	// The spaces typed inside the marks become the narrow no-break ones.
	openEnd := o.at + o.size
	for openEnd < i && text[openEnd] == ' ' {
		openEnd++
	}
	closeStart := i
	for closeStart > openEnd && text[closeStart-1] == ' ' {
		closeStart--
	}
	r.FixAll(s, f, []edit{
		{o.at, openEnd, "«\u202f"},
		{closeStart, i + size, "\u202f»"},
	}, text[o.at:o.at+o.size]+"…"+text[i:i+size]+" → « … »")
}
