package typo

import (
	"strings"
	"unicode/utf8"
)

// The spaces French typography puts before high punctuation. The narrow one
// goes before ; ! ? and inside guillemets, the wider one before the colon,
// as the Imprimerie nationale's current rules have it.
const (
	NarrowNoBreakSpace = '\u202f'
	NoBreakSpace       = '\u00a0'
)

// Segment is one piece of a run of text that inline markup splits: the
// text of a paragraph is cut by emphasis, links and code spans, but its
// typography depends on the characters on both sides of each cut.
type Segment struct {
	Text string
	// Verbatim marks text that must come out unchanged, such as a code
	// span or a URL, but that still counts as the neighbouring characters
	// of the segments around it. An inline element with no text of its own
	// (an image in a paragraph) is best passed as a verbatim "\uFFFC", a
	// line break as a plain "\n", which reads as a space and stays.
	Verbatim bool
}

// Apply returns plain text s with lang's typography applied. Languages
// are matched on their primary subtag ("fr", "fr-FR", "en-GB"); for a
// language without rules, s comes back unchanged except that invalid UTF-8
// is replaced. The result is always valid UTF-8, and Apply is idempotent.
func Apply(lang, s string) string {
	l := lookup(lang)
	if !l.needsWork(s) {
		if !utf8.ValidString(s) {
			return string([]rune(s))
		}
		return s
	}
	return l.typeset([]Segment{{Text: s}})[0]
}

// ApplySegments applies lang's typography to segs as if they were one
// string, and returns the new text of each segment, one for each. A
// character that the rules add (the no-break space before "!", say) goes
// into the segment of the punctuation it belongs to, so that in
// "*Bonjour*!" it lands after the emphasis, not inside it.
func ApplySegments(lang string, segs []Segment) []string {
	l := lookup(lang)
	if !l.segmentsNeedWork(segs) {
		return plainSegments(segs)
	}
	return l.typeset(segs)
}

// typeset runs the engine of l on segs, which need work.
func (l language) typeset(segs []Segment) []string {
	e := newEngine(l, segs)
	defer e.free()
	return e.run()
}

// plainSegments returns the text of segs for a language without rules:
// unchanged, except that invalid UTF-8 outside verbatim text is replaced.
func plainSegments(segs []Segment) []string {
	res := make([]string, len(segs))
	for k, s := range segs {
		res[k] = s.Text
		if !s.Verbatim && !utf8.ValidString(s.Text) {
			res[k] = string([]rune(s.Text))
		}
	}
	return res
}

// language is the set of rules a language name selects.
type language int

const (
	plain language = iota
	french
	english
)

func lookup(lang string) language {
	base, _, _ := strings.Cut(lang, "-")
	base, _, _ = strings.Cut(base, "_")
	switch strings.ToLower(base) {
	case "fr":
		return french
	case "en":
		return english
	}
	return plain
}

// segmentsNeedWork reports whether a typesettable segment of segs contains
// a character that l's rules may change. The rules read the segments
// around one, but change only those characters (a space changes only
// before high punctuation or after a guillemet, and a curly quotation mark
// matters only to a straight one after it): when there are none, as in
// most headings, the run needs no engine.
func (l language) segmentsNeedWork(segs []Segment) bool {
	for _, s := range segs {
		if !s.Verbatim && l.needsWork(s.Text) {
			return true
		}
	}
	return false
}

// needsWork reports whether s contains a character that l's rules may
// change, so that the common case of plain words costs one scan and no
// allocation.
func (l language) needsWork(s string) bool {
	if l == plain {
		return false
	}
	work := &workBytes[l]
	for i := 0; i < len(s); i++ {
		if work[s[i]] {
			return true
		}
	}
	return false
}

// workBytes holds, by language, the bytes that needsWork looks for: a
// table lookup per byte rather than a switch. They are the ASCII runes
// step may change (runeClass), and in French the first byte of « and »;
// a curly quotation mark only matters to a straight one after it.
var workBytes = func() (t [english + 1][256]bool) {
	for _, l := range []language{french, english} {
		for c := range rune(utf8.RuneSelf) {
			t[l][c] = runeClass(l, c) == active
		}
	}
	t[french][0xc2] = true // starts « and »
	return t
}()
