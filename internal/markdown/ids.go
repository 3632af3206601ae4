package markdown

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	"golang.org/x/text/unicode/norm"
)

// setHeadingIDs gives every heading an id made from its text, unique in
// the body: "Été à Lyon" gets "ete-a-lyon", a second one "ete-a-lyon-1".
// goldmark's own ids drop every character outside ASCII ("t-lyon"), which
// would make French anchors unreadable.
func setHeadingIDs(root ast.Node, src []byte) {
	seen := map[string]bool{}
	last := map[string]int{} // the last suffix given to a base, so that n equal headings cost n steps
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		base := headingID(plainText(h, src))
		id := base
		for k := last[base]; seen[id]; {
			k++
			id = base + "-" + strconv.Itoa(k)
			last[base] = k
		}
		seen[id] = true
		h.SetAttributeString("id", []byte(id))
		return ast.WalkSkipChildren, nil
	})
}

// headingID returns the id for a heading's text: its letters and digits,
// lower-cased and without accents, words joined by "-". Letters of other
// scripts are kept.
func headingID(text string) string {
	var b strings.Builder
	gap := false
	for _, c := range norm.NFD.String(text) {
		switch {
		case unicode.Is(unicode.Mn, c):
			// An accent, split from its letter by NFD.
		case unicode.IsLetter(c) || unicode.IsDigit(c):
			if gap && b.Len() > 0 {
				b.WriteByte('-')
			}
			gap = false
			switch c = unicode.ToLower(c); c {
			case 'œ':
				b.WriteString("oe")
			case 'æ':
				b.WriteString("ae")
			case 'ß':
				b.WriteString("ss")
			default:
				b.WriteRune(c)
			}
		default:
			gap = true
		}
	}
	if b.Len() == 0 {
		return "section"
	}
	return b.String()
}
