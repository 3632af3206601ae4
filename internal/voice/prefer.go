package voice

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// prefer is voice.prefer: words the brand replaces with others ([voice.prefer]
// "wrong" = "right"). Its fix writes the right word in the case of the
// wrong one, where that is safe.
type prefer struct {
	// noFix holds the entries whose replacement another entry would flag
	// ("a" = "b" and "b" = "a"): fixing them would never end. It is the
	// config's, shared by every doc's rules, and only read.
	noFix map[*entry]bool
}

// preferLoops returns the entries of the prefer list whose suggestion
// another entry of the list would flag. It depends on the brand's lists
// alone, so New computes it once, not each doc.
func preferLoops(c *config) map[*entry]bool {
	noFix := map[*entry]bool{}
	for _, entries := range c.words.first {
		for _, e := range entries {
			if e.list != preferList {
				continue
			}
			for _, m := range c.words.scan(c.tz.tokens(e.suggest, false, nil), nil) {
				if m.e.list == preferList {
					noFix[e] = true
				}
			}
		}
	}
	return noFix
}

func (*prefer) ID() string { return "voice.prefer" }

func (p *prefer) Check(s *Segment, r *Report) {
	eachMatch(s, preferList, false, func(e *entry, from, to int) {
		wrong := s.span(from, to)
		right := keepCase(wrong, e.suggest)
		f := r.Add(s, s.toks[from].start, p.ID(), "%q — the brand says %q", wrong, right)
		f.Suggestion = right
		if !e.prefix && !p.noFix[e] && elisionAgrees(s, from, right) {
			r.Fix(s, f, s.toks[from].start, s.toks[to-1].end, right, fmt.Sprintf("%q → %q", wrong, right))
		}
	})
}

// keepCase writes right in the case of wrong: "Impacter" gives
// "Influencer", "IMPACTER" gives "INFLUENCER".
func keepCase(wrong, right string) string {
	letters, upper := 0, 0
	for _, r := range wrong {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	if letters > 1 && upper == letters {
		return strings.ToUpper(right)
	}
	first, size := utf8.DecodeRuneInString(wrong)
	if unicode.IsUpper(first) && size > 0 {
		r, n := utf8.DecodeRuneInString(right)
		return string(unicode.ToUpper(r)) + right[n:]
	}
	return right
}

// elisionAgrees reports whether right may take the place of the word at
// from without changing the word before it: "l’e-mail" cannot become
// "l’courriel", nor "le courriel" become "le e-mail".
func elisionAgrees(s *Segment, from int, right string) bool {
	if from == 0 || right == "" {
		return true
	}
	prev := s.toks[from-1]
	vowel := strings.ContainsRune("aeiouyh", rune(fold(right)[0]))
	switch {
	case prev.kind == elision:
		return vowel
	case prev.kind == word && elidable[prev.fold]:
		return !vowel || fold(right)[0] == 'h'
	}
	return true
}

// elidable are the French words that elide before a vowel.
var elidable = map[string]bool{
	"le": true, "la": true, "de": true, "je": true, "me": true, "te": true,
	"se": true, "ne": true, "que": true, "ce": true, "jusque": true, "lorsque": true, "puisque": true,
}
