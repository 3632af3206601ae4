package voice

import (
	"embed"
	"fmt"
	"slices"
	"strings"
)

// words holds the built-in word lists, one folder per language; see
// words/README.md for their format.
//
//go:embed words/*/*.txt
var words embed.FS

// list says which word list an entry comes from: each feeds one rule.
type list uint8

const (
	bannedList list = iota
	preferList
	confidentialList
	claimsList
	registerList
	numLists
)

// entry is one pattern of a word list.
type entry struct {
	list   list
	text   string   // as written, without its filters
	words  []string // the folded tokens to match
	prefix bool     // the last token matches any word it starts
	// stems are the forms of the last token's stem when prefix is set: the
	// stem itself, and those its inflections take (see stems).
	stems   []string
	suggest string   // what to write instead, or ""
	after   []string // folded words: no match right after one of them
	before  []string // folded words: no match right before one of them
}

// match is an entry found in a segment, over its tokens [from, to).
type match struct {
	e        *entry
	from, to int
}

// lexicon finds the entries of every word list of a brand in a segment's
// tokens, in one pass: entries are indexed by their first token, so that a
// token costs one map look-up whatever the size of the lists, and two or
// three more when some entry ends with a *.
type lexicon struct {
	first map[string][]*entry
	// stems indexes the one-token entries with a trailing * by the first
	// stemKey bytes of each of their stems.
	stems map[string][]*entry
	// shortStem is the length of the shortest stem key: most lists have
	// none shorter than stemKey, and a word then costs one look-up.
	shortStem int
	// keys holds every key of first and stems, so that the look-ups of
	// most words, which are in no list, cost a hash of a few bytes rather
	// than a map's hash and probe.
	keys keyFilter
}

// keyFilter is a Bloom filter with one hash over strings: it may report a
// string it was not given, but never misses one it was. At 65,536 bits, a
// brand's few hundred keys leave the false positives well under 1 %.
type keyFilter [1 << 10]uint64

// keyHash hashes s by its length and its first, second and last bytes:
// enough to tell most words apart, at a cost that does not grow with them.
func keyHash(s string) uint32 {
	if s == "" {
		return 0
	}
	h := uint32(len(s))*0x9E3779B1 ^ uint32(s[0])*0x85EBCA77 ^ uint32(s[len(s)-1])*0xC2B2AE3D
	if len(s) > 1 {
		h ^= uint32(s[1]) * 0x27D4EB2F
	}
	return h ^ h>>16
}

func (f *keyFilter) add(s string) {
	h := keyHash(s) % (64 * uint32(len(f)))
	f[h/64] |= 1 << (h % 64)
}

func (f *keyFilter) mayHold(s string) bool {
	h := keyHash(s) % (64 * uint32(len(f)))
	return f[h/64]&(1<<(h%64)) != 0
}

// stemKey is how many bytes of a stem index it.
const stemKey = 3

func newLexicon() *lexicon {
	return &lexicon{first: map[string][]*entry{}, stems: map[string][]*entry{}, shortStem: stemKey}
}

// add compiles pattern into list l of lx, with tz cutting it into tokens
// exactly as it cuts the text; with wildcard set, a trailing * stands for
// any ending. It returns the entry, or nil for a pattern with no word in it.
func (lx *lexicon) add(tz *tokenizer, l list, pattern, suggest string, wildcard bool) *entry {
	stem, prefix := strings.TrimSpace(pattern), false
	if wildcard {
		stem, prefix = strings.CutSuffix(stem, "*")
	}
	var toks []string
	for _, t := range tz.tokens(stem, false, nil) {
		if t.kind == object {
			continue
		}
		toks = append(toks, t.fold)
	}
	if len(toks) == 0 {
		return nil
	}
	e := &entry{list: l, text: strings.TrimSpace(pattern), words: toks, prefix: prefix, suggest: suggest}
	if prefix {
		e.stems = Stems(toks[len(toks)-1], tz.lang)
	}
	if prefix && len(toks) == 1 {
		for _, st := range e.stems {
			key := st[:min(len(st), stemKey)]
			lx.shortStem = min(lx.shortStem, len(key))
			if !slices.Contains(lx.stems[key], e) {
				lx.stems[key] = append(lx.stems[key], e)
				lx.keys.add(key)
			}
		}
		return e
	}
	lx.first[toks[0]] = append(lx.first[toks[0]], e)
	lx.keys.add(toks[0])
	if len(toks) > 1 && !prefix {
		// "game changer" is also "game-changer".
		joined := strings.Join(toks, "-")
		if !strings.ContainsAny(joined, " '") {
			j := *e
			j.words = []string{joined}
			lx.first[joined] = append(lx.first[joined], &j)
			lx.keys.add(joined)
		}
	}
	return e
}

// scan returns the matches of every list in toks, from left to right: for
// each list, the longest match at each token, and never two of one list
// over the same token. It appends to out[:0].
func (lx *lexicon) scan(toks []token, out []match) []match {
	out = out[:0]
	var next [numLists]int // a list's matches go on from this token
	var best [numLists]match
	for k := range toks {
		t := &toks[k]
		if t.kind == object || t.kind == address || t.kind == clitic {
			continue
		}
		found := false
		try := func(e *entry) {
			if next[e.list] > k {
				return
			}
			if end := e.matchAt(toks, k); end > k && end > best[e.list].to {
				best[e.list] = match{e, k, end}
				found = true
			}
		}
		if lx.keys.mayHold(t.fold) {
			for _, e := range lx.first[t.fold] {
				try(e)
			}
		}
		if len(lx.stems) > 0 && t.kind == word {
			for n := lx.shortStem; n <= min(stemKey, len(t.fold)); n++ {
				if key := t.fold[:n]; lx.keys.mayHold(key) {
					for _, e := range lx.stems[key] {
						try(e)
					}
				}
			}
		}
		if !found {
			continue
		}
		for l := range best {
			if m := best[l]; m.e != nil {
				out = append(out, m)
				next[l] = m.to
				best[l] = match{}
			}
		}
	}
	return out
}

// matchAt returns the end of e's match at token k, or k when it does not
// match there.
func (e *entry) matchAt(toks []token, k int) int {
	end := k + len(e.words)
	if end > len(toks) {
		return k
	}
	for i, w := range e.words {
		u := &toks[k+i]
		if u.kind == object || u.kind == address {
			return k
		}
		if i == len(e.words)-1 && e.prefix {
			if !slices.ContainsFunc(e.stems, func(st string) bool { return strings.HasPrefix(u.fold, st) }) {
				return k
			}
		} else if u.fold != w {
			return k
		}
	}
	if len(e.after) > 0 && k > 0 && slices.Contains(e.after, toks[k-1].fold) {
		return k
	}
	if len(e.before) > 0 && end < len(toks) && slices.Contains(e.before, toks[end].fold) {
		return k
	}
	return end
}

// Stems returns the stems that a pattern ending in stem* matches, so that
// the * takes the forms the language inflects the word into, not only the
// endings it adds: in French, disruptif* matches disruptive (f → v),
// local* locaux (al → au), heureux* heureuse (x → s), public* publique
// (c → qu); in English, leverage* matches leveraging (a final e drops) and
// synergy* synergies (y → i).
func Stems(stem, lang string) []string {
	out := []string{stem}
	alt := func(from, to string) {
		if s, ok := strings.CutSuffix(stem, from); ok && len(s) >= 3 {
			out = append(out, s+to)
		}
	}
	if lang == "fr" {
		alt("f", "v")
		alt("al", "au")
		alt("x", "s")
		alt("c", "qu")
		return out
	}
	alt("e", "")
	alt("y", "i")
	return out
}

// loadList adds the built-in list name ("claims.txt") of lang to list l of
// lx.
func loadList(lx *lexicon, tz *tokenizer, l list, lang, name string) error {
	data, err := words.ReadFile("words/" + lang + "/" + name)
	if err != nil {
		return err
	}
	for n, line := range strings.Split(string(data), "\n") {
		pattern, suggest, after, before := parseListLine(line)
		if pattern == "" {
			continue
		}
		e := lx.add(tz, l, pattern, suggest, true)
		if e == nil {
			return fmt.Errorf("words/%s/%s:%d: %q has no word", lang, name, n+1, pattern)
		}
		for _, w := range after {
			e.after = append(e.after, fold(w))
		}
		for _, w := range before {
			e.before = append(e.before, fold(w))
		}
	}
	return nil
}

// parseListLine reads one line of a word list: "pattern [= suggestion]
// [!after words…] [!before words…]", with comments after " # " or on a
// line of their own ("# …"). "#1" is a pattern, not a comment.
func parseListLine(line string) (pattern, suggest string, after, before []string) {
	line = strings.TrimSpace(line)
	if line == "#" || strings.HasPrefix(line, "# ") {
		return "", "", nil, nil
	}
	if i := strings.Index(line, " # "); i >= 0 {
		line = line[:i]
	}
	rest := ""
	if i := strings.Index(line, " !"); i >= 0 {
		line, rest = line[:i], line[i:]
	}
	pattern, suggest, _ = strings.Cut(line, "=")
	var l *[]string
	for _, f := range strings.Fields(rest) {
		switch f {
		case "!after":
			l = &after
		case "!before":
			l = &before
		default:
			if l != nil {
				*l = append(*l, f)
			}
		}
	}
	return strings.TrimSpace(pattern), strings.TrimSpace(suggest), after, before
}

// loadAbbreviations returns the folded abbreviations of lang.
func loadAbbreviations(lang string) (map[string]bool, error) {
	data, err := words.ReadFile("words/" + lang + "/abbreviations.txt")
	if err != nil {
		return nil, err
	}
	set := map[string]bool{}
	for line := range strings.SplitSeq(string(data), "\n") {
		if p, _, _, _ := parseListLine(line); p != "" {
			set[fold(p)] = true
		}
	}
	return set, nil
}
