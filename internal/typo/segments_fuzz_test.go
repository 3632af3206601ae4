package typo

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzApplySegments cuts a text in three, the middle one verbatim or not,
// as inline markup does: there is one result per segment, a verbatim
// segment comes out unchanged, and without a verbatim one the segments
// joined are what Apply makes of the whole text.
func FuzzApplySegments(f *testing.F) {
	f.Add(`Il dit "bonjour"!`, 3, 9, false)
	f.Add("Voir https://a.fr/b?c=d! Et... « non »", 5, 24, true)
	f.Add("*x*! 10:30 ;)", 0, 3, false)
	f.Add("a\xffb\"c\"!", 1, 2, true)
	f.Fuzz(func(t *testing.T, s string, i, j int, verbatim bool) {
		boundary := func(k int) bool { return k == len(s) || utf8.RuneStart(s[k]) }
		if !utf8.ValidString(s) || i < 0 || j < i || j > len(s) || !boundary(i) || !boundary(j) {
			return
		}
		segs := []Segment{{Text: s[:i]}, {Text: s[i:j], Verbatim: verbatim}, {Text: s[j:]}}
		for _, lang := range []string{"fr", "en"} {
			out := ApplySegments(lang, segs)
			if len(out) != len(segs) {
				t.Fatalf("%d results for %d segments", len(out), len(segs))
			}
			for k, o := range out {
				if !utf8.ValidString(o) {
					t.Fatalf("%s: segment %d is invalid UTF-8: %q", lang, k, o)
				}
			}
			if verbatim && out[1] != segs[1].Text {
				t.Fatalf("%s: verbatim %q came out as %q", lang, segs[1].Text, out[1])
			}
			if !verbatim {
				if whole, joined := Apply(lang, s), strings.Join(out, ""); joined != whole {
					t.Fatalf("%s: segments %q give %q, the whole text %q", lang, []string{s[:i], s[i:j], s[j:]}, joined, whole)
				}
			}
		}
	})
}
