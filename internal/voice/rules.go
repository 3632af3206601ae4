package voice

// Rule is one check of the voice linter, one per file. A Checker makes a
// fresh set of rules for each doc, so a rule may count across the segments
// of its doc (exclamation marks, reading ease).
type Rule interface {
	// ID returns the rule's stable id, such as "voice.banned": the id its
	// findings carry, and the key of its severity in [rules].
	ID() string
	// Check reports what the rule finds in segment s, already tokenised.
	Check(s *Segment, r *Report)
}

// wholeRule is a rule with a verdict on a whole doc, given once every
// segment has been seen.
type wholeRule interface {
	Rule
	Done(r *Report)
}

// rules returns the rules that the brand's voice turns on, in the order
// they run: every rule of the linter is listed here.
func (c *config) rules() []Rule {
	v := c.voice
	fr := c.lang == "fr"
	all := []Rule{
		&banned{},
		&prefer{noFix: c.preferLoops},
		&confidential{words: c.words},
		when(v.Claims, Rule(&claims{})),
		&register{},
		when(v.MaxSentenceWords > 0, Rule(&sentenceLength{max: v.MaxSentenceWords})),
		&exclamation{max: v.MaxExclamations},
		when(v.Person == "first" || v.Person == "we", Rule(&person{lang: c.lang, we: v.Person == "we"})),
		when(fr && (v.Address == "vous" || v.Address == "tu"), Rule(&addressForm{tu: v.Address == "tu"})),
		when(v.Emoji == "none" || v.Emoji == "bios", Rule(&emoji{bios: v.Emoji == "bios"})),
		when(v.Readability > 0, Rule(&readability{lang: c.lang, min: v.Readability})),
		when(fr, Rule(frSpace{})),
		when(fr, Rule(frQuotes{})),
		ellipsis{},
		alt{},
	}
	rules := all[:0]
	for _, r := range all {
		if r != nil {
			rules = append(rules, r)
		}
	}
	return rules
}

// when returns r when on is set, and nil otherwise.
func when(on bool, r Rule) Rule {
	if on {
		return r
	}
	return nil
}

// eachMatch calls fn for every match of list l in s, from left to right.
// Quotations are skipped unless quoted is set: someone else's words are not
// the brand's voice.
func eachMatch(s *Segment, l list, quoted bool, fn func(e *entry, from, to int)) {
	for _, m := range s.matches {
		if m.e.list == l && (quoted || !s.toks[m.from].quoted) {
			fn(m.e, m.from, m.to)
		}
	}
}

// span returns the text of tokens [from, to) of s.
func (s *Segment) span(from, to int) string {
	return s.Text[s.toks[from].start:s.toks[to-1].end]
}
