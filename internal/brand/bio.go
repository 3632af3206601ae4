package brand

import (
	"strconv"
	"strings"
	"unicode"
)

// bio checks [bio]: a list of candidates that is given must hold at least
// one, and each must have words. Candidates are kept as written, even the
// wrong ones, so that element i of Bio.Candidates stays at the position of
// "bio.candidates.i".
func (v *validator) bio(p *Profile, raw *bioTOML) {
	p.Bio.Candidates = raw.Candidates
	if !v.given("bio.candidates") {
		return
	}
	if len(raw.Candidates) == 0 {
		v.invalid("bio.candidates", "is empty: write at least one bio, the longest first")
	}
	for i, c := range raw.Candidates {
		if v.given("bio.candidates." + strconv.Itoa(i)) {
			if problem := bioProblem(c); problem != "" {
				v.invalidElem("bio.candidates", i, "%s", problem)
			}
		}
	}
}

// bioProblem says what is wrong with a bio text that has no words: blank,
// or only emoji and symbols, which no reader can make sense of alone.
func bioProblem(s string) string {
	switch {
	case strings.TrimSpace(s) == "":
		return "is blank: write a sentence, or remove it"
	case !strings.ContainsFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }):
		return strconv.Quote(s) + " has no words, only emoji or symbols: say who you are and what you do"
	}
	return ""
}
