package voice

import "strings"

// ellipsis is typo.ellipsis: three dots typed for the ellipsis character.
// Exactly three: two or four dots are something else, and so are dots in a
// URL or in code.
type ellipsis struct{}

func (ellipsis) ID() string { return "typo.ellipsis" }

func (e ellipsis) Check(s *Segment, r *Report) {
	text := s.Text
	prose := proseRunes(s)
	for i := 0; i+3 <= len(text); {
		j := strings.Index(text[i:], "...")
		if j < 0 {
			return
		}
		i += j
		end := i + 3
		for end < len(text) && text[end] == '.' {
			end++
		}
		_, _, typed := s.literal(i, i+3) // not \.\.\., the author's choice
		if end-i == 3 && (i == 0 || text[i-1] != '.') && prose(i) && typed {
			f := r.Add(s, i, e.ID(), `three dots: the ellipsis is one character, "…"`)
			f.Suggestion = "…"
			r.Fix(s, f, i, i+3, "…", `"..." → "…"`)
		}
		i = end
	}
}
