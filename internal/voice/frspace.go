package voice

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The spaces of French typography, as package typo writes them: the narrow
// no-break space before ; ! ? » and after «, the wider one before :.
const (
	narrowNoBreak = '\u202f'
	noBreak       = '\u00a0'
)

// frSpace is typo.fr-space: French puts a no-break space before ; : ! ?
// and inside « », so that the mark never starts a line. The finding is a
// missing space, or a breakable one; the fix writes the space package typo
// would. Times (10:30), URLs, code, emoticons and runs such as "?!" are left
// alone, and so is punctuation the author escaped (\!).
type frSpace struct{}

func (frSpace) ID() string { return "typo.fr-space" }

func (fs frSpace) Check(s *Segment, r *Report) {
	text := s.Text
	prose := proseRunes(s)
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case ';', '!', '?', ':':
			if prose(i) {
				fs.before(s, r, i, rune(text[i]))
			}
		case 0xC2: // the first byte of « and »
			c, _ := utf8.DecodeRuneInString(text[i:])
			if c == '»' && prose(i) {
				fs.before(s, r, i, c)
			} else if c == '«' && prose(i) {
				fs.after(s, r, i)
			}
		}
	}
}

// before checks the space before the mark c at i.
func (fs frSpace) before(s *Segment, r *Report, i int, c rune) {
	text := s.Text
	if i == 0 {
		return
	}
	if _, _, ok := s.literal(i, i+utf8.RuneLen(c)); !ok {
		return // escaped: the author's choice
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	next, _ := utf8.DecodeRuneInString(text[i+utf8.RuneLen(c):])
	switch c {
	case '!', '?':
		if prev == '!' || prev == '?' {
			return // one space before "?!", none inside it
		}
	}
	switch c {
	case ';', '!', '?':
		if isWordRune(next) {
			return // "Yahoo!Mail", "a;b"
		}
		if c == ';' && emoticonAt(text[i:]) {
			return
		}
	case ':':
		if emoticonAt(text[i:]) || shortcodeAt(text, i) || prev == ':' || next == ':' || next == '/' || next == '\\' ||
			isWordRune(next) || unicode.IsDigit(prev) {
			return // "a:b", "C:\", "Article 3:" as package typo leaves them
		}
	}
	want := narrowNoBreak
	if c == ':' {
		want = noBreak
	}
	mark := text[i : i+utf8.RuneLen(c)]
	if isHSpace(prev) {
		j := i
		for j > 0 {
			p, size := utf8.DecodeLastRuneInString(text[:j])
			if !isHSpace(p) {
				break
			}
			j -= size
		}
		if j == 0 || !breakable(text[j:i]) {
			return
		}
		if before, _ := utf8.DecodeLastRuneInString(text[:j]); before == '\n' || isOpenerRune(before) {
			return
		}
		f := r.Add(s, i, fs.ID(), "breakable space before %q: a no-break space keeps it from starting a line", mark)
		fix := spaceBefore(want, mark) // the suggestion, and the description of the fix
		f.Suggestion = fix
		r.Fix(s, f, j, i, string(want), fix)
		return
	}
	if prev == '\n' || unicode.IsSpace(prev) || isOpenerRune(prev) {
		return
	}
	f := r.Add(s, i, fs.ID(), "no space before %q: French puts a %s there", mark, spaceName(want))
	fix := spaceBefore(want, mark)
	f.Suggestion = fix
	r.Fix(s, f, i, i, string(want), fix)
}

// after checks the space after the « at i.
func (fs frSpace) after(s *Segment, r *Report, i int) {
	text := s.Text
	start := i + len("«")
	if _, _, ok := s.literal(i, start); !ok {
		return
	}
	j := start
	for j < len(text) {
		c, size := utf8.DecodeRuneInString(text[j:])
		if !isHSpace(c) {
			break
		}
		j += size
	}
	if j == len(text) || text[j] == '\n' {
		return // the line ends: nothing to bind
	}
	want := spaceName(narrowNoBreak)
	if j > start {
		if !breakable(text[start:j]) {
			return
		}
		f := r.Add(s, i, fs.ID(), "breakable space after «: a no-break space keeps it with its word")
		f.Suggestion = want + " after «"
		r.Fix(s, f, start, j, string(narrowNoBreak), want+" after «")
		return
	}
	f := r.Add(s, i, fs.ID(), "no space after «: French puts a %s there", want)
	f.Suggestion = want + " after «"
	r.Fix(s, f, start, start, string(narrowNoBreak), want+" after «")
}

// spaceBefore names the fix of a missing or breakable space before mark:
// `narrow no-break space before "!"`.
func spaceBefore(space rune, mark string) string {
	return spaceName(space) + " before " + strconv.Quote(mark)
}

func spaceName(c rune) string {
	if c == noBreak {
		return "no-break space"
	}
	return "narrow no-break space"
}

// isHSpace reports whether c is a space within a line.
func isHSpace(c rune) bool {
	return c == ' ' || c == '\t' || c == noBreak || c == narrowNoBreak || c == '\u2009' || c == '\u2007'
}

// breakable reports whether a run of spaces holds one where a line may
// break.
func breakable(run string) bool {
	return strings.ContainsAny(run, " \t\u2009")
}

func isOpenerRune(c rune) bool { return strings.ContainsRune("([{«“‘‹„‚", c) }

// emoticonAt reports whether s starts with an emoticon such as ":-)" or ";p".
func emoticonAt(s string) bool {
	j := 1
	if j < len(s) && (s[j] == '-' || s[j] == '\'') {
		j++
	}
	if j >= len(s) || !strings.ContainsRune(")(][DPpOo/|*3", rune(s[j])) {
		return false
	}
	after, _ := utf8.DecodeRuneInString(s[j+1:])
	return !isWordRune(after) && after != '/'
}

// shortcodeAt reports whether the colon at i starts an emoji shortcode such
// as ":tada:".
func shortcodeAt(s string, i int) bool {
	if prev, _ := utf8.DecodeLastRuneInString(s[:i]); i > 0 && isWordRune(prev) {
		return false
	}
	j := i + 1
	for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= '0' && s[j] <= '9' || s[j] == '_' || s[j] == '+' || s[j] == '-') {
		j++
	}
	if j == i+1 || j >= len(s) || s[j] != ':' {
		return false
	}
	after, _ := utf8.DecodeRuneInString(s[j+1:])
	return !isWordRune(after)
}

// proseRunes returns a function that reports whether the text offset i of
// s is prose: not inside a number, a time, a URL, an address or code. It
// must be called with offsets that do not decrease.
func proseRunes(s *Segment) func(i int) bool {
	k := 0
	return func(i int) bool {
		for k < len(s.toks) && s.toks[k].end <= i {
			k++
		}
		if k < len(s.toks) && s.toks[k].start <= i {
			switch s.toks[k].kind {
			case number, address, object:
				return false
			}
		}
		return true
	}
}
