package voice

import (
	"fmt"

	"github.com/marque-kit/marque/internal/brand"
	"github.com/marque-kit/marque/internal/diag"
)

// Checker checks docs against one brand's voice. It is safe for concurrent
// use: docs may be checked in parallel.
type Checker struct {
	cfg *config
}

// config is what the rules read: the brand's [voice], its language, and the
// word lists compiled once.
type config struct {
	lang  string // "fr" or "en"
	voice brand.Voice
	tz    *tokenizer
	// words holds every list: the brand's banned, preferred and
	// confidential words, and the built-in claims and familiar words of its
	// language, so that a segment is looked up once for all of them.
	words *lexicon
	// preferLoops are the prefer entries that get no fix (preferLoops).
	preferLoops map[*entry]bool
}

// New compiles the voice of profile p: its lists and the built-in ones of
// its language. A language without lists of its own gets the English ones.
func New(p *brand.Profile) (*Checker, error) {
	lang := p.Person.Language
	if lang != "fr" {
		lang = "en"
	}
	abbrev, err := loadAbbreviations(lang)
	if err != nil {
		return nil, fmt.Errorf("voice: %w", err)
	}
	tz := &tokenizer{lang: lang, abbrev: abbrev}
	c := &config{lang: lang, voice: p.Voice, tz: tz, words: newLexicon()}
	for _, w := range p.Voice.Banned {
		c.words.add(tz, bannedList, w, "", true)
	}
	for _, pr := range p.Voice.Prefer {
		c.words.add(tz, preferList, pr.Wrong, pr.Right, true)
	}
	for _, name := range p.Voice.Confidential {
		c.words.add(tz, confidentialList, name, "", false) // a name is matched as written
	}
	if p.Voice.Claims {
		if err := loadList(c.words, tz, claimsList, lang, "claims.txt"); err != nil {
			return nil, fmt.Errorf("voice: %w", err)
		}
	}
	if err := loadList(c.words, tz, registerList, lang, "register.txt"); err != nil {
		return nil, fmt.Errorf("voice: %w", err)
	}
	c.preferLoops = preferLoops(c)
	return &Checker{cfg: c}, nil
}

// Result is what checking one doc found.
type Result struct {
	Findings diag.List
	// Fixes are the safe fixes of findings, not yet filtered by
	// suppressions or [rules] (see KeepFixes).
	Fixes []Fix
	// Suppressions are the doc's marque:disable stretches.
	Suppressions []Suppression
}

// Check checks d: it reads its suppression comments, then tokenises each
// segment once and passes it to every rule.
func (c *Checker) Check(d *Doc) *Result {
	res := &Result{}
	res.Suppressions = suppressions(d, &res.Findings)
	r := &Report{doc: d, res: res}
	rules := c.cfg.rules()
	// One segment's tokens at a time, in memory reused from one to the
	// next: a 20 MB post costs the memory of its longest block.
	var buf tokenBuf
	var sents []sentence
	var matches []match
	for _, s := range d.Segments {
		s.toks = c.cfg.tz.tokens(s.Text, s.Quote, &buf)
		s.sents = c.cfg.tz.sentences(s.Text, s.toks, sents)
		s.matches = c.cfg.words.scan(s.toks, matches)
		for _, rule := range rules {
			rule.Check(s, r)
		}
		sents, matches = s.sents, s.matches
		s.toks, s.sents, s.matches = nil, nil, nil
	}
	for _, rule := range rules {
		if w, ok := rule.(wholeRule); ok {
			w.Done(r)
		}
	}
	return res
}
