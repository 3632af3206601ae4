package voice

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokenKind says what a token is.
type tokenKind uint8

const (
	word    tokenKind = iota // letters, maybe with digits, inner apostrophes, hyphens or dots
	number                   // digits with their separators: 3,5 · 1.000 · 10:30 · 24/7
	elision                  // French l’ d’ qu’…: part of the next word
	clitic                   // English ’s ’re n’t…: part of the word before
	address                  // a URL, an e-mail address or a file name written in the text
	object                   // U+FFFC: a code span, an autolink or an image
	punct                    // one punctuation mark or symbol
)

// token is a word, number or mark of a segment's text.
type token struct {
	start, end int // byte offsets in the segment's text
	fold       string
	kind       tokenKind
	space      bool // white space (or the start of the text) comes before it
	quoted     bool // inside quotation marks or a block quote: maybe someone else's words
}

// isWord reports whether t counts as a word: in sentence lengths, reading
// ease, and for the rules that look at words. Numbers, times, URLs and code
// do not.
func (t *token) isWord() bool { return t.kind == word }

// sentence is a run of tokens [from, to) of a segment.
type sentence struct {
	from, to int
	words    int
}

// objectReplacement stands for a code span, an autolink or an image in a
// segment's text.
const objectReplacement = '\uFFFC'

// tokenizer cuts text into tokens by the rules of one language.
type tokenizer struct {
	lang   string
	abbrev map[string]bool // folded, without the final dot; "x#" only before a number
}

// tokenBuf is memory that tokens reuses from one segment to the next.
type tokenBuf struct {
	toks  []token
	folds []byte        // the folded forms that differ from the text, end to end
	later []pendingFold // the tokens whose fold is in folds
}

type pendingFold struct{ k, from, to int }

// tokens returns the tokens of s. With quoted set, every token is someone
// else's words. The tokens live in buf until its next use; a nil buf
// allocates.
func (tz *tokenizer) tokens(s string, quoted bool, buf *tokenBuf) []token {
	if buf == nil {
		buf = &tokenBuf{}
	}
	b := tokenScan{tz: tz, s: s, buf: buf, urls: mayHoldURL(s)}
	buf.toks, buf.folds, buf.later = buf.toks[:0], buf.folds[:0], buf.later[:0]
	depth := 0        // open guillemets and curly quotes
	straight := false // a straight " is open
	space := true
	for i := 0; i < len(s); {
		if s[i] == ' ' { // most white space, without decoding or a table
			space = true
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if isSpace(r) {
			space = true
			i += size
			continue
		}
		inQuote := quoted || depth > 0 || straight
		switch {
		case r == objectReplacement:
			b.add(token{start: i, end: i + size, kind: object, space: space, quoted: inQuote})
			i += size
		case isWordRune(r):
			if n := b.urlLen(i); n > 0 {
				b.add(token{start: i, end: i + n, kind: address, space: space, quoted: inQuote})
				i += n
				break
			}
			end, joined := scanWord(s, i)
			b.word(i, end, joined, space, inQuote)
			i = end
		default:
			switch r {
			case '«', '“', '„':
				depth++
			case '»', '”':
				depth = max(depth-1, 0)
			case '"':
				if !straight && (space || (len(buf.toks) > 0 && isOpener(s, buf.toks[len(buf.toks)-1]))) {
					straight = true
				} else {
					straight = false
				}
			}
			b.add(token{start: i, end: i + size, kind: punct, space: space, quoted: quoted || depth > 0 || straight})
			i += size
		}
		space = false
	}
	if len(buf.later) > 0 {
		all := string(buf.folds) // one allocation for every fold of the segment
		for _, p := range buf.later {
			buf.toks[p.k].fold = all[p.from:p.to]
		}
	}
	return buf.toks
}

// tokenScan is the state of one call of tokens.
type tokenScan struct {
	tz   *tokenizer
	s    string
	buf  *tokenBuf
	urls bool // s may hold a URL
}

// add appends t with its folded form: the text itself when folding does not
// change it, as for most words, or bytes of buf.folds.
func (b *tokenScan) add(t token) {
	if t.kind != object && t.kind != address { // no list looks them up
		if text := b.s[t.start:t.end]; isFolded(text) {
			t.fold = text
		} else {
			from := len(b.buf.folds)
			b.buf.folds = appendFold(b.buf.folds, text)
			b.buf.later = append(b.buf.later, pendingFold{len(b.buf.toks), from, len(b.buf.folds)})
		}
	}
	b.buf.toks = append(b.buf.toks, t)
}

func (b *tokenScan) urlLen(i int) int {
	if !b.urls {
		return 0
	}
	return urlLen(b.s, i)
}

// mayHoldURL reports whether s may hold a URL that urlLen finds, so that
// most segments skip looking for one at every word: whether s holds "://",
// "ww.", "WW.", "ailto:" or "AILTO:". It looks around each ":" and "."
// rather than searching for each of the five: "a" and "w" are common
// letters and ":" and "." rare ones, and the five searches took a fifth
// of the time of tokens on the posts of a generated kit.
func mayHoldURL(s string) bool {
	for i := 0; ; i++ {
		j := strings.IndexByte(s[i:], ':')
		if j < 0 {
			break
		}
		i += j
		if strings.HasPrefix(s[i:], "://") || strings.HasSuffix(s[:i], "ailto") || strings.HasSuffix(s[:i], "AILTO") {
			return true
		}
	}
	for i := 0; ; i++ {
		j := strings.IndexByte(s[i:], '.')
		if j < 0 {
			break
		}
		i += j
		if strings.HasSuffix(s[:i], "ww") || strings.HasSuffix(s[:i], "WW") {
			return true
		}
	}
	return false
}

func isOpener(s string, t token) bool {
	return t.kind == punct && strings.Contains("([{«“", s[t.start:t.end])
}

// scanWord returns the end of the word that starts at i: letters, digits
// and marks, joined by apostrophes, hyphens and dots that have a letter or
// digit on both sides, by commas, colons and slashes between digits (3,5 ·
// 10:30 · 24/7), and by "@" and "_". "n°" is a word of its own. joined
// reports whether the word holds any of those joining marks, "°" or ʼ:
// without them it is all letters, digits and marks.
func scanWord(s string, i int) (end int, joined bool) {
	j := i
	for j < len(s) {
		c := s[j]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
			j++ // the common case, without decoding
			continue
		}
		r, size := rune(c), 1 // no other ASCII byte is a word rune
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[j:])
			if isWordRune(r) {
				// ʼ is a letter to Unicode, an apostrophe to word.
				joined = joined || r == 'ʼ'
				j += size
				continue
			}
		}
		// The rune after r is decoded only for a rune that may join: most
		// words end at a space or a comma, which ends them whatever follows.
		joins := false
		switch r {
		case '\'', '’', 'ʼ', '-', '‑', '.', '@', '_':
			next, _ := utf8.DecodeRuneInString(s[j+size:])
			joins = isWordRune(next)
		case ',', ':', '/':
			prev, _ := utf8.DecodeLastRuneInString(s[:j])
			next, _ := utf8.DecodeRuneInString(s[j+size:])
			joins = unicode.IsDigit(prev) && unicode.IsDigit(next)
		case '°':
			if j-i == 1 && (s[i] == 'n' || s[i] == 'N') {
				return j + size, true
			}
		}
		if !joins {
			break
		}
		j += size
		joined = true
	}
	return j, joined
}

// word classifies the run s[i:end] and adds its tokens: French elisions and
// English clitics are tokens of their own, so that "d’impacter" holds the
// word "impacter" and "we’re" the word "we". joined is scanWord's.
func (b *tokenScan) word(i, end int, joined, space, quoted bool) {
	text := b.s[i:end]
	if !joined {
		// Letters, digits and marks alone, as most words are: no "@",
		// dot or apostrophe, so no address, elision or clitic to look
		// for (measured: a quarter of the time of tokens on the posts of
		// BenchmarkTokens).
		kind := word
		if !hasLetter(text) {
			kind = number
		}
		b.add(token{start: i, end: end, kind: kind, space: space, quoted: quoted})
		return
	}
	kind := classify(text)
	if kind != word {
		b.add(token{start: i, end: end, kind: kind, space: space, quoted: quoted})
		return
	}
	if b.tz.lang == "fr" {
		for {
			k, size := apostrophe(text)
			if k < 0 || k+size == len(text) || !elisions[fold(text[:k])] {
				break
			}
			b.add(token{start: i, end: i + k + size, kind: elision, space: space, quoted: quoted})
			i += k + size
			text = text[k+size:]
			space = false
		}
	}
	if b.tz.lang == "en" {
		if k, size := lastApostrophe(text); k > 0 && k+size < len(text) {
			suffix := fold(text[k+size:])
			cut := k
			if suffix == "t" && (text[k-1] == 'n' || text[k-1] == 'N') {
				cut = k - 1 // "don't" is "do" and "n't"
			}
			if clitics[suffix] && cut > 0 {
				b.add(token{start: i, end: i + cut, kind: word, space: space, quoted: quoted})
				b.add(token{start: i + cut, end: end, kind: clitic, quoted: quoted})
				return
			}
		}
	}
	b.add(token{start: i, end: end, kind: word, space: space, quoted: quoted})
}

// elisions are the French words that lose their vowel before another.
var elisions = map[string]bool{
	"l": true, "d": true, "j": true, "m": true, "n": true, "s": true, "t": true, "c": true,
	"qu": true, "jusqu": true, "lorsqu": true, "puisqu": true, "quoiqu": true,
}

// clitics are the English endings after an apostrophe that are words of
// their own ("n't" is "t" after an n).
var clitics = map[string]bool{"s": true, "re": true, "ve": true, "ll": true, "d": true, "m": true, "t": true}

func apostrophe(s string) (int, int) {
	for i, r := range s {
		if r == '\'' || r == '’' || r == 'ʼ' {
			return i, utf8.RuneLen(r)
		}
	}
	return -1, 0
}

func lastApostrophe(s string) (int, int) {
	k, size := -1, 0
	for i, r := range s {
		if r == '\'' || r == '’' || r == 'ʼ' {
			k, size = i, utf8.RuneLen(r)
		}
	}
	return k, size
}

// classify says what a run that scanWord found is: a number (no letter), an
// address (an "@", or dotted parts longer than an abbreviation's:
// "example.com", "index.html"), or a word ("e.g", "J.-C", "aujourd’hui").
func classify(s string) tokenKind {
	if !hasLetter(s) {
		return number
	}
	if strings.IndexByte(s, '@') >= 0 {
		return address
	}
	if strings.IndexByte(s, '.') < 0 {
		return word
	}
	for part := range strings.SplitSeq(s, ".") {
		n := 0
		for _, r := range part {
			if unicode.IsLetter(r) {
				n++
			}
		}
		if n > 2 {
			return address
		}
	}
	return word
}

// hasLetter reports whether s holds a letter: a run of scanWord without
// one is a number.
func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// urlStop holds the characters that end a URL in prose, as in package typo.
const urlStop = "\"<>«»“”‘’…`\uFFFC"

// urlLen returns the length of the URL that starts at i ("https://…",
// "mailto:…" or "www.…"), without the punctuation that ends the sentence
// around it, or 0. Links that goldmark recognises are objects already;
// this catches the others.
func urlLen(s string, i int) int {
	start := -1
	switch {
	case hasPrefixFold(s[i:], "www."):
		start = i + 4
	case hasPrefixFold(s[i:], "mailto:"):
		start = i + 7
	default:
		j := i
		for j < len(s) && j-i < 32 && isSchemeByte(s[j]) {
			j++
		}
		if j > i && strings.HasPrefix(s[j:], "://") {
			start = j + 3
		}
	}
	if start < 0 {
		return 0
	}
	end := start
	for end < len(s) {
		r, size := utf8.DecodeRuneInString(s[end:])
		if unicode.IsSpace(r) || strings.ContainsRune(urlStop, r) {
			break
		}
		end += size
	}
	depth := strings.Count(s[i:end], "(") - strings.Count(s[i:end], ")")
	for end > start {
		c := s[end-1]
		if c == ')' && depth < 0 {
			depth++
		} else if !strings.ContainsRune("?!.,:;*_~'", rune(c)) {
			break
		}
		end--
	}
	if end == start {
		return 0
	}
	return end - i
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

func isSchemeByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'
}

// terminators end a sentence; closers may follow them in it.
const (
	terminators = ".!?…"
	closers     = "»”’)]\"'"
)

// sentences cuts the tokens of s into sentences. A sentence ends at ". ! ?
// …" (with the closing quotes and brackets after it) unless the next word
// starts in lower case, or the dot is an abbreviation's: "M. Dupont",
// "etc. et", "e.g. this", "No. 5". It appends to out[:0].
func (tz *tokenizer) sentences(s string, toks []token, out []sentence) []sentence {
	out = out[:0]
	from := 0
	for k := 0; k < len(toks); k++ {
		t := &toks[k]
		if t.kind != punct || !strings.Contains(terminators, t.fold) {
			continue
		}
		if t.fold == "." && k > 0 && !t.space && tz.isAbbrev(s, toks, k-1) {
			continue
		}
		end := k + 1
		for end < len(toks) && toks[end].kind == punct &&
			(strings.Contains(terminators, toks[end].fold) || strings.Contains(closers, toks[end].fold)) &&
			(end+1 == len(toks) || toks[end+1].space || toks[end+1].kind == punct) {
			end++
		}
		if end < len(toks) && startsLower(s, toks[end]) {
			continue
		}
		out = append(out, newSentence(toks, from, end))
		from = end
		k = end - 1
	}
	if from < len(toks) {
		out = append(out, newSentence(toks, from, len(toks)))
	}
	return out
}

func newSentence(toks []token, from, to int) sentence {
	n := 0
	for k := from; k < to; k++ { // by index, as readability.Check
		if toks[k].isWord() {
			n++
		}
	}
	return sentence{from: from, to: to, words: n}
}

// isAbbrev reports whether the word at k, followed by a dot, is an
// abbreviation or an initial.
func (tz *tokenizer) isAbbrev(s string, toks []token, k int) bool {
	t := toks[k]
	if t.kind != word {
		return false
	}
	if r, size := utf8.DecodeRuneInString(s[t.start:]); size == t.end-t.start && unicode.IsUpper(r) {
		return true // an initial: "J. Dupont", "M. Garnier"
	}
	if tz.abbrev[t.fold] {
		return true
	}
	if tz.abbrev[t.fold+"#"] {
		next := k + 2
		return next < len(toks) && toks[next].kind == number
	}
	return false
}

func startsLower(s string, t token) bool {
	r, _ := utf8.DecodeRuneInString(s[t.start:])
	return unicode.IsLower(r)
}
