package voice

// sentenceLength is voice.sentence-length: a sentence with more words than
// [voice] max_sentence_words. Words are runs of letters: numbers, times,
// URLs and code do not count, and an elided "l’" is part of its word.
type sentenceLength struct{ max int }

func (*sentenceLength) ID() string { return "voice.sentence-length" }

func (l *sentenceLength) Check(s *Segment, r *Report) {
	for _, st := range s.sents {
		if st.words > l.max {
			f := r.Add(s, s.toks[st.from].start, l.ID(), "a sentence of %d words: the brand keeps them to %d", st.words, l.max)
			f.Suggestion = "split it"
		}
	}
}
