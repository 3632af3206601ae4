package voice

// register is voice.register: familiar words that a voice "convivial, but
// never familiar" avoids, from the built-in list of the brand's language
// (words/*/register.txt).
type register struct{}

func (*register) ID() string { return "voice.register" }

func (g *register) Check(s *Segment, r *Report) {
	eachMatch(s, registerList, false, func(e *entry, from, to int) {
		f := r.Add(s, s.toks[from].start, g.ID(), "%q is familiar: the voice is convivial, never familiar", s.span(from, to))
		f.Suggestion = e.suggest
	})
}
