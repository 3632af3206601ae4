package markdown

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// FuzzLinkify renders text with goldmark's Linkify and with ours: the two
// find the same links, byte for byte.
func FuzzLinkify(f *testing.F) {
	for _, s := range []string{
		"voir https://exemple.fr/a?b=1, puis www.exemple.fr.",
		"écrire à zoe@exemple.fr ou (zoe.l+kit@exemple.fr)",
		"*http://a.b* _www.c.d_ ~ftp://e.f~ x@y z @w a@b.c.",
		"un mot@ puis @ seul, " + string(bytes.Repeat([]byte("a"), 70)) + "@exemple.fr",
		"[lien www.a.b](/x) et <https://c.d> et `www.e.f`",
		"HTTP://MAJ.FR Www.b.c mailto:x@y.z",
	} {
		f.Add(s)
	}
	std := goldmark.New(goldmark.WithExtensions(extension.Linkify))
	ours := goldmark.New(goldmark.WithExtensions(linkify{}))
	f.Fuzz(func(t *testing.T, src string) {
		var a, b bytes.Buffer
		if err := std.Convert([]byte(src), &a); err != nil {
			t.Skip()
		}
		if err := ours.Convert([]byte(src), &b); err != nil {
			t.Fatalf("ours fails where goldmark's does not: %v", err)
		}
		if a.String() != b.String() {
			t.Errorf("%q:\ngoldmark: %s\nours:     %s", src, a.String(), b.String())
		}
	})
}
