package voice

// banned is voice.banned: words the brand never uses ([voice] banned),
// whole words, any case and accents, a trailing * for any ending.
type banned struct{}

func (*banned) ID() string { return "voice.banned" }

func (b *banned) Check(s *Segment, r *Report) {
	eachMatch(s, bannedList, false, func(e *entry, from, to int) {
		r.Add(s, s.toks[from].start, b.ID(), "%q — the brand never says %q", s.span(from, to), e.text)
	})
}
