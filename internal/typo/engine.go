package typo

import (
	"cmp"
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
	// bounds[k] is the end in r of segment k's runes: the inert scan stops
	// there without comparing seg at every rune.
	bounds []int
	// urls holds the spans of r where urlLen may find a URL, in order
	// (findURLs); urls[nextURL:] are those the run has not gone past.
	urls    []span
	nextURL int
	// marks holds the indices of the colons and dots of typesettable
	// segments, for findURLs.
	marks []int

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
		bounds: slices.Grow(e.bounds[:0], len(segs))[:len(segs)],
		urls:   e.urls[:0],
		marks:  e.marks[:0],
		quotes: e.quotes[:0],
	}
	r, seg, bounds := e.r, e.seg, e.bounds
	marks := e.marks[:0]
	i := 0
	for k, s := range segs {
		verbatim := s.Verbatim
		for _, c := range s.Text {
			r[i], seg[i] = c, int32(k)
			if (c == ':' || c == '.') && !verbatim {
				marks = append(marks, i) // see findURLs
			}
			i++
		}
		bounds[k] = i
	}
	e.r, e.seg, e.marks = r[:i], seg[:i], marks
	e.findURLs()
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
			i = e.bounds[k]
			e.prev = e.r[i-1]
			e.skip = false
			continue
		}
		if !e.skip {
			if j := e.emitInert(i); j > i {
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
	if e.urlFrom(i) == i && !isWord(e.prev) {
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

// The classes of a rune for the inert scan (emitInert), by what step does
// with it when no spaces are being skipped and no URL may start there.
const (
	// active runes are those step has a case for that may write something
	// else than the rune, or change the state of the run (the quotation
	// marks open).
	active byte = iota
	// inert runes are written as they are whatever is around them: most
	// letters, and in English the spaces and high punctuation, which only
	// French rules touch.
	inert
	// space is a French horizontal space: it stays as typed when the rune
	// after it is inert, since then there is no punctuation to put a
	// no-break space before (spaceBefore). That makes a run of words one
	// inert stretch, rather than one call to step per space.
	space
)

// asciiClass holds the class of each ASCII rune, by language: the runes
// below utf8.RuneSelf are most of a text, and a table lookup decides them
// without the switch of runeClass.
var asciiClass = func() (t [english + 1][utf8.RuneSelf]byte) {
	for _, l := range []language{french, english} {
		for c := range rune(utf8.RuneSelf) {
			t[l][c] = runeClass(l, c)
		}
	}
	return t
}()

// runeClass returns the class of c for the rules of l. Its lists are the
// characters step has a case for: a case added there belongs here too.
func runeClass(l language, c rune) byte {
	switch c {
	case '.', '\'', '"', '“', '”', '«', '»':
		return active
	case ';', '!', '?', ':':
		if l == french {
			return active
		}
	case ' ', NoBreakSpace, NarrowNoBreakSpace, '\u2009':
		if l == french {
			return space
		}
	}
	return inert
}

// classAt returns the class of the rune at i, or active past the end.
func (e *engine) classAt(i int) byte {
	if i >= len(e.r) {
		return active
	}
	if c := e.r[i]; c < utf8.RuneSelf {
		return asciiClass[e.lang][c]
	}
	return runeClass(e.lang, e.r[i])
}

// emitInert writes the runes from i that step would write as they are,
// in the segment of i and before any place a URL may start (urlFrom),
// where step must look for one; it returns the index after them. Those
// runes are most of a text, and a loop that does nothing else saves a
// sixth of the instructions of a run; letting it run through the spaces
// between words and through runs that hold a URL made the run a third
// faster again (measured on BenchmarkApplySegments).
func (e *engine) emitInert(i int) int {
	e.enterSeg(i) // the output of any rune from i on goes to its segment or a later one
	classes := &asciiClass[e.lang]
	out := e.out // appended to in a local: see reset
	rs := e.r[i:min(e.bounds[e.seg[i]], e.urlFrom(i))]
	n := 0
	for ; n < len(rs); n++ {
		c := rs[n]
		if c < utf8.RuneSelf {
			switch classes[c] {
			case inert:
				out = append(out, byte(c))
				continue
			case space:
				// Whatever segment the next rune is in: a verbatim one
				// would leave the space as it is too.
				if e.classAt(i+n+1) == inert {
					out = append(out, byte(c))
					continue
				}
			}
			break
		}
		if cl := runeClass(e.lang, c); cl == active || cl == space && e.classAt(i+n+1) != inert {
			break
		}
		out = utf8.AppendRune(out, c)
	}
	if n > 0 {
		e.out = out
		e.prev = rs[n-1]
	}
	return i + n
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

// span is a range [start, end) of indices in r.
type span struct{ start, end int }

// findURLs gathers in e.urls the spans of the run where urlLen may find a
// URL: the starts of "www." and "mailto:" in any case, and the schemes
// that "://" follows. Most runs hold none, and then urlLen is not tried at
// every word; and outside the spans, the inert scan may run through words
// that urlLen would otherwise have to be tried at.
//
// Every URL that urlLen finds holds a colon or a dot in a typesettable
// segment, which reset marks as it decodes the runes: findURLs reads the
// runes around those only, rather than making a pass of its own over
// every rune (measured: that pass was a tenth of the time of
// BenchmarkApplySegments).
func (e *engine) findURLs() {
	for _, i := range e.marks {
		e.urlsAt(i)
	}
	// In order and merged where they overlap, so that urlFrom walks them
	// once as the run goes rather than reading them all at every rune.
	slices.SortFunc(e.urls, func(a, b span) int { return cmp.Compare(a.start, b.start) })
	merged := e.urls[:0]
	for _, u := range e.urls {
		if n := len(merged); n > 0 && u.start <= merged[n-1].end {
			merged[n-1].end = max(merged[n-1].end, u.end)
		} else {
			merged = append(merged, u)
		}
	}
	e.urls = merged
}

// urlsAt adds to e.urls the span of the URL that the colon or dot at i may
// belong to.
func (e *engine) urlsAt(i int) {
	switch c := e.r[i]; {
	case c == ':' && e.at(i+1) == '/' && e.at(i+2) == '/':
		// The scheme is the scheme runes before the colon, at most
		// maxScheme of them: urlLen may find the URL from any of them.
		start := i
		for start > 0 && i-start < maxScheme && !e.verbatim(start-1) && isSchemeRune(e.r[start-1]) {
			start--
		}
		if start < i {
			e.urls = append(e.urls, span{start, i})
		}
	case c == ':' && i >= 6 && e.hasPrefixFold(i-6, "mailto"):
		e.urls = append(e.urls, span{i - 6, i - 5})
	case c == '.' && i >= 3 && e.hasPrefixFold(i-3, "www"):
		e.urls = append(e.urls, span{i - 3, i - 2})
	}
}

// urlFrom returns the first index at or after i where urlLen may find a
// URL, or len(e.r). The run calls it with i never going back, which lets
// it drop the spans it has gone past.
func (e *engine) urlFrom(i int) int {
	for e.nextURL < len(e.urls) && e.urls[e.nextURL].end <= i {
		e.nextURL++
	}
	if e.nextURL == len(e.urls) {
		return len(e.r)
	}
	return max(e.urls[e.nextURL].start, i)
}

// urlStop holds the characters that end a URL in prose: they cannot
// appear in one unencoded, and most are what the rules turn quotes into.
const urlStop = "\"<>«»“”‘’…`"

// asciiEndsURL holds endsURL for the ASCII runes, which most of a URL is.
var asciiEndsURL = func() (t [utf8.RuneSelf]bool) {
	for c := range rune(utf8.RuneSelf) {
		t[c] = unicode.IsSpace(c) || strings.ContainsRune(urlStop, c)
	}
	return t
}()

// endsURL reports whether c, a space or one of urlStop, ends a URL.
func endsURL(c rune) bool {
	if c < utf8.RuneSelf {
		return asciiEndsURL[c]
	}
	return unicode.IsSpace(c) || strings.ContainsRune(urlStop, c)
}

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
	for end < len(e.r) && !e.verbatim(end) && !endsURL(e.r[end]) {
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
