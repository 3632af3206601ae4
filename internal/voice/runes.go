package voice

import "unicode"

// tableRunes bounds the runes whose classes runeSet tables hold: Latin,
// Greek and Cyrillic, and General Punctuation (U+2000–U+206F), where the
// typographic apostrophe, the curly quotes, the ellipsis and the narrow
// no-break space of French are. unicode.IsLetter, IsDigit, IsMark and
// IsSpace search tables for any rune past Latin-1 (IsMark even for
// Latin-1), and tokens asked them two or three times a rune: a sixth of
// its time on the posts of BenchmarkTokens.
const tableRunes = 0x2100

// runeSet has bit r set for each rune r below tableRunes in the set.
type runeSet [tableRunes / 64]uint64

func (t *runeSet) has(r rune) bool { return t[r>>6]>>(r&63)&1 != 0 }

// addTables sets the bits of the runes below tableRunes of every table.
func (t *runeSet) addTables(tables ...*unicode.RangeTable) {
	for _, tab := range tables {
		for _, rg := range tab.R16 {
			for r := rune(rg.Lo); r <= rune(rg.Hi) && r < tableRunes; r += rune(rg.Stride) {
				t[r>>6] |= 1 << (r & 63)
			}
		}
		// R32 starts at U+10000: none of it is below tableRunes.
	}
}

// wordRunes and spaceRunes are isWordRune and unicode.IsSpace below
// tableRunes, built from the tables those functions read (TestRuneSets
// compares them rune by rune).
var wordRunes, spaceRunes = func() (w, s runeSet) {
	w.addTables(unicode.Letter, unicode.Digit, unicode.Mark)
	s.addTables(unicode.White_Space)
	return w, s
}()

// isWordRune reports whether r is a letter, a digit or a mark: a rune of
// a word.
func isWordRune(r rune) bool {
	if uint32(r) < tableRunes {
		return wordRunes.has(r)
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// isSpace is unicode.IsSpace, with a table.
func isSpace(r rune) bool {
	if uint32(r) < tableRunes {
		return spaceRunes.has(r)
	}
	return unicode.IsSpace(r)
}
