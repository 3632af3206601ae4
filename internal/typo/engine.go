package typo

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// engine typesets one run of segments in a single pass from left to right.
// Each rune's output goes to the segment the rune came from. Decisions look
// back at the last rune written (prev) and ahead in the input, never back
// into the input: that is what makes the rules idempotent, since on a
// second pass the runes behind are the ones the first pass wrote.
//
// Runes are written in input order, so the outputs of the segments lie end
// to end in one buffer: the run's result is one string that each segment's
// text is a slice of.
type engine struct {
	lang language
	segs []Segment
	r    []rune  // the runes of every segment, in order
	seg  []int32 // seg[i] is the index in segs of r[i]
	out  []byte  // the output of every segment, end to end
	// ends[k] is the end in out of segment k's output, for the segments
	// that output went past.
	ends []int
	urls bool // the run may hold a URL (mayHoldURL)

	prev rune // the last rune written; 0 at the start of the run
	// skip drops the spaces that follow a no-break space written in
	// their place, so that "«   oui" gives one space, not four.
	skip bool
	// keep is the end of a run of spaces already known to stay as typed.
	keep       int
	quotes     []quote // the quotation marks open at this point, innermost last
	guillemets int     // how many of quotes are guillemets
}

// engines holds engines between runs: a post typesets one run per
// paragraph, and reusing the rune, index and output buffers saves most of
// the allocations of a run (measured: 70 allocations down to 20 for the
// paragraphs of a French post in BenchmarkApplySegments).
var engines = sync.Pool{New: func() any { return new(engine) }}

// maxPooled is the most runes an engine may hold to go back to the pool:
// one huge paragraph must not keep its memory for the rest of the run.
const maxPooled = 1 << 16

// quote is an open quotation mark. Whether it was typed or made from a
// straight quote matters to the next straight quote: one that could open
// or close closes only a quotation that a straight quote opened.
type quote byte

const (
	typedGuillemet quote = iota
	madeGuillemet
	typedCurly
	madeCurly
)

func (q quote) guillemet() bool { return q == typedGuillemet || q == madeGuillemet }
func (q quote) made() bool      { return q == madeGuillemet || q == madeCurly }

// newEngine returns an engine from the pool, ready to typeset segs by the
// rules of l. Its caller puts it back with free.
func newEngine(l language, segs []Segment) *engine {
	e := engines.Get().(*engine)
	e.reset(l, segs)
	return e
}

// reset makes e ready to typeset segs by the rules of l: of the run before,
// it keeps only the memory of its buffers.
func (e *engine) reset(l language, segs []Segment) {
	size := 0 // in bytes, which bounds the runes
	for _, s := range segs {
		size += len(s.Text)
	}
	// The buffers are sized once and then filled by index, not appended
	// to: an append stores the slice's pointer into e, which costs a write
	// barrier per rune while the collector runs (measured: a sixth of the
	// time of BenchmarkApplySegments, for the appends to out in emit).
	*e = engine{
		lang:   l,
		segs:   segs,
		r:      slices.Grow(e.r[:0], size)[:size],
		seg:    slices.Grow(e.seg[:0], size)[:size],
		out:    slices.Grow(e.out[:0], size+size/8+utf8.UTFMax),
		ends:   e.ends[:0],
		quotes: e.quotes[:0],
	}
	r, seg := e.r, e.seg
	i := 0
	for k, s := range segs {
		for _, c := range s.Text {
			r[i], seg[i] = c, int32(k)
			i++
		}
	}
	e.r, e.seg = r[:i], seg[:i]
	e.urls = e.mayHoldURL()
}

// free puts e back in the pool, unless it grew too big to keep.
func (e *engine) free() {
	if !e.poolable() {
		return
	}
	e.segs = nil
	engines.Put(e)
}

// poolable reports whether e's buffers are small enough to keep for the
// next run.
func (e *engine) poolable() bool { return cap(e.r) <= maxPooled && cap(e.out) <= 4*maxPooled }

func (e *engine) run() []string {
	res := make([]string, len(e.segs))
	for i := 0; i < len(e.r); {
		k := e.seg[i]
		if e.segs[k].Verbatim {
			for i < len(e.r) && e.seg[i] == k {
				i++
			}
			e.prev = e.r[i-1]
			e.skip = false
			continue
		}
		if !e.skip && !e.urls {
			if j := e.inertEnd(i); j > i {
				e.emitInert(i, j)
				i = j
				continue
			}
		}
		i = e.step(i)
	}
	all := string(e.out) // one allocation for the text of every segment
	start := 0
	for k, s := range e.segs {
		end := len(all)
		if k < len(e.ends) {
			end = e.ends[k]
		}
		if s.Verbatim {
			res[k] = s.Text
		} else {
			res[k] = all[start:end]
		}
		start = end
	}
	return res
}

// step typesets the rune at i and returns the index of the next rune to
// look at.
func (e *engine) step(i int) int {
	c := e.r[i]
	if e.skip {
		if isHSpace(c) {
			return i + 1
		}
		e.skip = false
	}
	if e.urls && !isWord(e.prev) {
		if n := e.urlLen(i); n > 0 {
			return e.copy(i, n)
		}
	}
	fr := e.lang == french
	switch c {
	case '.':
		if e.ellipsisAt(i) {
			e.emit(i, '…')
			return i + 3
		}
	case '\'':
		c = e.apostrophe(i)
	case '"':
		e.straightQuote(i)
		return i + 1
	case '“':
		e.openQuote(typedCurly)
	case '”':
		e.closeQuote(false)
	case '«':
		e.openQuote(typedGuillemet)
		if fr {
			e.emit(i, c)
			e.spaceAfterGuillemet(i)
			return i + 1
		}
	case '»':
		e.closeQuote(true)
		if fr && attaches(e.prev) {
			e.emit(i, NarrowNoBreakSpace)
		}
	case ' ', NoBreakSpace, NarrowNoBreakSpace, '\u2009':
		if fr && i >= e.keep {
			j := e.afterSpaces(i)
			if sp := e.spaceBefore(j); sp != 0 {
				e.emit(i, sp)
				e.skip = true
				return i + 1
			}
			e.keep = j // the rest of the run stays too: no need to look again
		}
	case ';', '!', '?':
		if !fr {
			break
		}
		if c == ';' {
			if n := e.emoticonLen(i); n > 0 {
				return e.copy(i, n)
			}
		} else if e.prev == '!' || e.prev == '?' {
			break // one space before a run such as "?!", none inside it
		}
		if attaches(e.prev) && !e.wordAt(i+1) {
			e.emit(i, NarrowNoBreakSpace)
		}
	case ':':
		if !fr {
			break
		}
		if n := max(e.emoticonLen(i), e.shortcodeLen(i, e.prev)); n > 0 {
			return e.copy(i, n)
		}
		if attaches(e.prev) && !e.colonIsTight(i) && !unicode.IsDigit(e.prev) {
			e.emit(i, NoBreakSpace)
			// After that space the colon may start a shortcode such as
			// ":+1:": read it as the next pass will, or a second pass
			// would change the text again.
			if n := e.shortcodeLen(i, NoBreakSpace); n > 0 {
				return e.copy(i, n)
			}
		}
	}
	e.emit(i, c)
	return i + 1
}

// enterSeg ends, in the output, the segments before that of the rune at i.
func (e *engine) enterSeg(i int) {
	for k := int(e.seg[i]); len(e.ends) < k; {
		e.ends = append(e.ends, len(e.out))
	}
}

// emit writes c into the output of the segment of the rune at i.
func (e *engine) emit(i int, c rune) {
	e.enterSeg(i)
	n := len(e.out)
	if cap(e.out)-n < utf8.UTFMax {
		e.out = slices.Grow(e.out, utf8.UTFMax+n/4)
	}
	// Resliced in place rather than appended to: see reset.
	if c < utf8.RuneSelf {
		e.out = e.out[:n+1]
		e.out[n] = byte(c)
	} else {
		e.out = e.out[:n+utf8.EncodeRune(e.out[n:n+utf8.UTFMax], c)]
	}
	e.prev = c
}

// inert reports whether step writes c as it is whatever is around it,
// when no spaces are being skipped and the run holds no URL: most letters.
// Its list is the characters step has a case for: a case added there
// belongs here too.
func inert(c rune) bool {
	switch c {
	case '.', '\'', '"', ' ', ';', '!', '?', ':', '“', '”', '«', '»', NoBreakSpace, NarrowNoBreakSpace, '\u2009':
		return false
	}
	return true
}

// inertEnd returns the end of the inert runes from i in the segment of i.
func (e *engine) inertEnd(i int) int {
	k := e.seg[i]
	j := i
	for j < len(e.r) && e.seg[j] == k && inert(e.r[j]) {
		j++
	}
	return j
}

// emitInert writes the inert runes [i, j) of one segment, as step would
// one by one, in a loop that does nothing else: they are most of a text,
// and the loop saves a sixth of the instructions of a run (measured on
// BenchmarkApplySegments).
func (e *engine) emitInert(i, j int) {
	e.enterSeg(i)
	out := e.out
	for _, c := range e.r[i:j] {
		if c < utf8.RuneSelf {
			out = append(out, byte(c))
		} else {
			out = utf8.AppendRune(out, c)
		}
	}
	e.out = out
	e.prev = e.r[j-1]
}

// copy writes the n runes from i unchanged.
func (e *engine) copy(i, n int) int {
	for k := i; k < i+n; k++ {
		e.emit(k, e.r[k])
	}
	return i + n
}

func (e *engine) verbatim(i int) bool { return e.segs[e.seg[i]].Verbatim }

// at returns the rune at i, or 0 past the end.
func (e *engine) at(i int) rune {
	if i < len(e.r) {
		return e.r[i]
	}
	return 0
}

// wordAt reports whether a word goes on at i: a letter or digit, or a
// verbatim segment such as a code span, which reads as a word.
func (e *engine) wordAt(i int) bool {
	return i < len(e.r) && (isWord(e.r[i]) || e.verbatim(i))
}

// afterSpaces returns the index of the first rune at or after i that is
// not a horizontal space of a typesettable segment.
func (e *engine) afterSpaces(i int) int {
	for i < len(e.r) && isHSpace(e.r[i]) && !e.verbatim(i) {
		i++
	}
	return i
}

// spaceBefore returns the space that the punctuation at j wants in place of
// the spaces before it, or 0 when the spaces stay as they are.
func (e *engine) spaceBefore(j int) rune {
	if j >= len(e.r) || e.verbatim(j) {
		return 0
	}
	switch e.r[j] {
	case '!', '?', '»':
		return NarrowNoBreakSpace
	case ';':
		if e.emoticonLen(j) == 0 {
			return NarrowNoBreakSpace
		}
	case ':':
		if e.emoticonLen(j) == 0 && e.shortcodeLen(j, ' ') == 0 && !e.colonIsTight(j) {
			return NoBreakSpace
		}
	case '"':
		if !e.quoteOpens(j, ' ') && !e.insideCurly() {
			return NarrowNoBreakSpace
		}
	}
	return 0
}

// colonIsTight reports whether the colon at i is not the French
// punctuation mark but part of something else: "::", "a:b", "C:\", or
// "https:" where the URL was not recognised.
func (e *engine) colonIsTight(i int) bool {
	next := e.at(i + 1)
	return e.prev == ':' || next == ':' || next == '/' || next == '\\' || e.wordAt(i+1)
}

// spaceAfterGuillemet writes the space that goes after the « just written
// at i, unless the line or the run ends there.
func (e *engine) spaceAfterGuillemet(i int) {
	next := e.at(i + 1)
	if next == 0 || (unicode.IsSpace(next) && !isHSpace(next)) {
		return
	}
	e.emit(i, NarrowNoBreakSpace)
	e.skip = true
}

// straightQuote writes the quotation mark that the " at i stands for.
func (e *engine) straightQuote(i int) {
	opens := e.quoteOpens(i, e.prev)
	if e.lang == english {
		if opens {
			e.openQuote(madeCurly)
			e.emit(i, '“')
		} else {
			e.closeQuote(false)
			e.emit(i, '”')
		}
		return
	}
	switch {
	case opens && e.insideGuillemets():
		e.openQuote(madeCurly)
		e.emit(i, '“')
	case opens:
		e.openQuote(madeGuillemet)
		e.emit(i, '«')
		e.spaceAfterGuillemet(i)
	case e.insideCurly():
		e.closeQuote(false)
		e.emit(i, '”')
	default:
		e.closeQuote(true)
		if attaches(e.prev) {
			e.emit(i, NarrowNoBreakSpace)
		}
		e.emit(i, '»')
	}
}

// quoteOpens reports whether the " at i, written after prev, opens a
// quotation. The characters around it decide; when they do not (spaces on
// both sides, or letters on both sides), it closes a quotation that a
// straight quote opened, and opens one otherwise.
func (e *engine) quoteOpens(i int, prev rune) bool {
	before := prev == 0 || unicode.IsSpace(prev) || isOpener(prev)
	next := e.at(i + 1)
	after := next == 0 || unicode.IsSpace(next) || strings.ContainsRune(".,;:!?)]}…", next)
	if before != after {
		return before
	}
	return len(e.quotes) == 0 || !e.quotes[len(e.quotes)-1].made()
}

func (e *engine) insideGuillemets() bool { return e.guillemets > 0 }

func (e *engine) insideCurly() bool {
	return len(e.quotes) > 0 && !e.quotes[len(e.quotes)-1].guillemet()
}

// closeQuote pops the innermost quotation when it is of the kind closed.
func (e *engine) closeQuote(guillemet bool) {
	if n := len(e.quotes); n > 0 && e.quotes[n-1].guillemet() == guillemet {
		e.quotes = e.quotes[:n-1]
		if guillemet {
			e.guillemets--
		}
	}
}

func (e *engine) openQuote(q quote) {
	e.quotes = append(e.quotes, q)
	if q.guillemet() {
		e.guillemets++
	}
}

// apostrophe returns the character that the ' at i stands for. French has
// only the apostrophe; English opens a single quotation at the start of a
// word, except before a digit, where "'90s" elides.
func (e *engine) apostrophe(i int) rune {
	if e.lang == english && (e.prev == 0 || unicode.IsSpace(e.prev) || isOpener(e.prev)) {
		if next := e.at(i + 1); isWord(next) && !unicode.IsDigit(next) {
			return '‘'
		}
	}
	return '’'
}

// ellipsisAt reports whether exactly three dots start at i: two or four
// dots are something else.
func (e *engine) ellipsisAt(i int) bool {
	if i+2 >= len(e.r) || e.r[i+1] != '.' || e.r[i+2] != '.' || e.verbatim(i+1) || e.verbatim(i+2) {
		return false
	}
	return e.prev != '.' && e.at(i+3) != '.'
}

// emoticonLen returns the length of the emoticon such as ":-)" or ";p"
// that starts at i, or 0.
func (e *engine) emoticonLen(i int) int {
	j := i + 1
	if c := e.at(j); c == '-' || c == '\'' {
		j++
	}
	if !strings.ContainsRune(")(][DPpOo/|*3", e.at(j)) || e.verbatim(j) {
		return 0
	}
	j++
	if c := e.at(j); isWord(c) || c == '/' {
		return 0
	}
	for k := i; k < j; k++ {
		if e.verbatim(k) {
			return 0
		}
	}
	return j - i
}

// shortcodeLen returns the length of the emoji shortcode such as ":tada:"
// that starts at i after prev, or 0.
func (e *engine) shortcodeLen(i int, prev rune) int {
	if isWord(prev) {
		return 0
	}
	j := i + 1
	for j < len(e.r) && !e.verbatim(j) && isShortcodeRune(e.r[j]) {
		j++
	}
	if j == i+1 || e.at(j) != ':' || e.verbatim(j) || isWord(e.at(j+1)) {
		return 0
	}
	return j + 1 - i
}

// mayHoldURL reports whether the run holds "://", or "www." or "mailto:"
// in any case, which every URL that urlLen finds starts with or holds:
// most runs hold none, and then urlLen is not tried at every word.
func (e *engine) mayHoldURL() bool {
	for i, c := range e.r {
		switch {
		case c == ':' && e.at(i+1) == '/' && e.at(i+2) == '/':
			return true
		case c == ':' && i >= 6 && e.hasPrefixFold(i-6, "mailto"), c == '.' && i >= 3 && e.hasPrefixFold(i-3, "www"):
			return true
		}
	}
	return false
}

// urlStop holds the characters that end a URL in prose: they cannot
// appear in one unencoded, and most are what the rules turn quotes into.
const urlStop = "\"<>«»“”‘’…`"

const maxScheme = 32

// urlLen returns the length of the URL that starts at i ("https://…",
// "mailto:…" or "www.…"), without the punctuation that ends the sentence
// around it, or 0.
func (e *engine) urlLen(i int) int {
	var start int
	switch {
	case e.hasPrefixFold(i, "www."):
		start = i + 4
	case isASCIILetter(e.at(i)):
		// Schemes are short; the bound keeps "a.a.a.a…" linear.
		j := i
		for j < len(e.r) && j-i < maxScheme && !e.verbatim(j) && isSchemeRune(e.r[j]) {
			j++
		}
		switch {
		case e.hasPrefixFold(j, "://"):
			start = j + 3
		case j-i == 6 && e.hasPrefixFold(i, "mailto:"):
			start = j + 1
		default:
			return 0
		}
	default:
		return 0
	}
	end := start
	for end < len(e.r) && !e.verbatim(end) && !unicode.IsSpace(e.r[end]) && !strings.ContainsRune(urlStop, e.r[end]) {
		end++
	}
	depth := 0 // of parentheses: a URL may hold balanced ones, as Wikipedia's do
	for _, c := range e.r[i:end] {
		switch c {
		case '(':
			depth++
		case ')':
			depth--
		}
	}
	for end > start {
		c := e.r[end-1]
		if c == ')' && depth < 0 {
			depth++
		} else if !strings.ContainsRune("?!.,:;*_~'", c) {
			break
		}
		end--
	}
	if end == start {
		return 0
	}
	return end - i
}

func (e *engine) hasPrefixFold(i int, prefix string) bool {
	for _, p := range prefix {
		if i >= len(e.r) || e.verbatim(i) || unicode.ToLower(e.r[i]) != p {
			return false
		}
		i++
	}
	return true
}

// attaches reports whether punctuation written after prev gets a no-break
// space before it: not at the start, after a space, or after an opening
// bracket or quotation mark.
func attaches(prev rune) bool {
	return prev != 0 && !unicode.IsSpace(prev) && !isOpener(prev)
}

func isOpener(c rune) bool { return strings.ContainsRune("([{«“‘‹„‚", c) }

// isHSpace reports whether c is a space within a line that the rules may
// replace; line breaks and tabs stay as they are.
func isHSpace(c rune) bool {
	return c == ' ' || c == NoBreakSpace || c == NarrowNoBreakSpace || c == '\u2009'
}

func isWord(c rune) bool {
	return c != 0 && (unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.IsMark(c))
}

func isASCIILetter(c rune) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isSchemeRune(c rune) bool {
	return isASCIILetter(c) || '0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'
}

func isShortcodeRune(c rune) bool {
	return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_' || c == '+' || c == '-'
}
