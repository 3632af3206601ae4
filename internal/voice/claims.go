package voice

// claims is voice.claims: unverifiable superlatives and guarantees, from
// the built-in list of the brand's language (words/*/claims.txt). A claim
// the reader cannot check costs the trust a brand is made of.
type claims struct{}

func (*claims) ID() string { return "voice.claims" }

func (c *claims) Check(s *Segment, r *Report) {
	eachMatch(s, claimsList, false, func(e *entry, from, to int) {
		f := r.Add(s, s.toks[from].start, c.ID(), "%q is a claim the reader cannot check: say what you did, with facts", s.span(from, to))
		f.Suggestion = e.suggest
	})
}
