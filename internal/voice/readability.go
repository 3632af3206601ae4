package voice

import (
	"unicode"
	"unicode/utf8"
)

// readability is voice.readability: a post whose reading ease is below
// [voice] readability. English uses Flesch's formula, French Kandel and
// Moles's adaptation of it (Kandel & Moles, 1958):
//
//	English: 206.835 − 1.015 × words/sentences − 84.6 × syllables/words
//	French:  207     − 1.015 × words/sentences − 73.6 × syllables/words
//
// Only the body's paragraphs count, and only in a text of minWords words
// or more: below that, one long sentence swings the score.
type readability struct {
	lang string
	min  float64

	words, sentences, syllables int
	at                          int // file offset of the first paragraph
	seen                        bool
}

// minWords is the length from which a reading-ease score means something.
const minWords = 100

func (*readability) ID() string { return "voice.readability" }

func (rd *readability) Check(s *Segment, r *Report) {
	if !r.doc.Whole || s.Role != Body {
		return
	}
	if !rd.seen {
		rd.at, rd.seen = s.offset(0), true
	}
	for _, st := range s.sents {
		if st.words == 0 {
			continue
		}
		rd.sentences++
		for k := st.from; k < st.to; k++ {
			// By index, not by value: a token is too big to copy at
			// each word (measured: 5 % of the voice pass on the posts
			// of a generated kit, with newSentence and exclamation).
			if t := &s.toks[k]; t.isWord() {
				rd.words++
				rd.syllables += syllables(s.Text[t.start:t.end], rd.lang)
			}
		}
	}
}

func (rd *readability) Done(r *Report) {
	if rd.words < minWords || rd.sentences == 0 {
		return
	}
	score := readingEase(rd.lang, rd.words, rd.sentences, rd.syllables)
	if score < rd.min {
		name := "Flesch"
		if rd.lang == "fr" {
			name = "Kandel–Moles"
		}
		f := r.AddAt(rd.at, rd.ID(), "reading ease %.0f (%s): the brand wants %.0f or more", score, name, rd.min)
		f.Suggestion = "shorter sentences and shorter words"
	}
}

// readingEase returns the Flesch reading ease of a text, or for French its
// Kandel–Moles adaptation.
func readingEase(lang string, words, sentences, syllables int) float64 {
	w, s, y := float64(words), float64(sentences), float64(syllables)
	if lang == "fr" {
		return 207 - 1.015*w/s - 73.6*y/w
	}
	return 206.835 - 1.015*w/s - 84.6*y/w
}

// syllables estimates the syllables of word w: its groups of vowels, less
// a silent final e ("table" in French, "make" in English; "été" keeps its
// accented one). Good enough for a score over a hundred words, where errors
// even out.
func syllables(w, lang string) int {
	n, inVowel := 0, 0               // inVowel is 1 in a group of vowels
	var last, beforeLast, third rune // the last letters, lower case
	for i := 0; i < len(w); {
		var r rune
		var v int // 1 for a vowel
		if c := w[i]; c < utf8.RuneSelf {
			r, v = rune(asciiLower[c]), int(asciiVowel[c])
			i++
		} else {
			var size int
			r, size = utf8.DecodeRuneInString(w[i:])
			r = unicode.ToLower(r)
			if isVowel(r) {
				v = 1
			}
			i += size
		}
		// A group starts at a vowel after anything else. Counted without
		// a branch: whether a letter starts a group is as good as random
		// to the processor, and its mispredictions were most of the time
		// of syllables.
		n += v &^ inVowel
		inVowel = v
		third, beforeLast, last = beforeLast, last, r
	}
	// A final e, or in French es, after a consonant is silent; English
	// sounds it in "-le" after a consonant ("table").
	silent, before := false, beforeLast
	switch {
	case last == 'e':
		silent = lang == "fr" || beforeLast != 'l'
	case lang == "fr" && last == 's' && beforeLast == 'e':
		silent, before = true, third
	}
	if silent && n > 1 && before != 0 && !isVowel(before) {
		n--
	}
	return max(n, 1)
}

// asciiVowels has bit c-'a' set for each vowel c from a to z.
const asciiVowels = 1<<('a'-'a') | 1<<('e'-'a') | 1<<('i'-'a') | 1<<('o'-'a') | 1<<('u'-'a') | 1<<('y'-'a')

func isVowel(r rune) bool {
	if r < utf8.RuneSelf {
		// A mask, not the search the switch compiles to: most letters
		// are ASCII, and the search's branches are hard to predict.
		return 'a' <= r && r <= 'z' && asciiVowels>>(r-'a')&1 != 0
	}
	switch r {
	case 'à', 'â', 'ä', 'é', 'è', 'ê', 'ë', 'î', 'ï', 'ô', 'ö', 'ù', 'û', 'ü', 'ÿ', 'œ', 'æ':
		return true
	}
	return false
}

// asciiLower and asciiVowel are the lower case of each ASCII byte, and 1
// for the vowels among them, for syllables.
var asciiLower, asciiVowel = func() (lower, vowel [utf8.RuneSelf]uint8) {
	for c := range rune(utf8.RuneSelf) {
		l := unicode.ToLower(c)
		lower[c] = uint8(l)
		if isVowel(l) {
			vowel[c] = 1
		}
	}
	return lower, vowel
}()
