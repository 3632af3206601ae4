package voice

// exclamation is voice.exclamation: more exclamation marks in a post (its
// title, summary and body) than [voice] max_exclamations. The finding is
// at the first one too many.
type exclamation struct {
	max   int
	count int
	first int // file offset of the first mark too many
}

func (*exclamation) ID() string { return "voice.exclamation" }

func (e *exclamation) Check(s *Segment, r *Report) {
	if !r.doc.Whole {
		return
	}
	for k := range s.toks { // by index, as readability.Check
		if t := &s.toks[k]; t.kind == punct && t.fold == "!" {
			e.count++
			if e.count == e.max+1 {
				e.first = s.offset(t.start)
			}
		}
	}
}

func (e *exclamation) Done(r *Report) {
	if e.count > e.max {
		r.AddAt(e.first, e.ID(), "%d exclamation marks in this text: the brand allows %d", e.count, e.max)
	}
}
