package markdown

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// checkSpans requires the spans of p to cover its text in order, and every
// literal span to be the source as typed.
func checkSpans(t *testing.T, src string, p Prose) {
	t.Helper()
	at := 0
	for _, sp := range p.Spans {
		if sp.At != at || sp.Len <= 0 || sp.Source < 0 || sp.Source+sp.SourceLen > len(src) {
			t.Fatalf("%q: span %+v after %d", p.Text, sp, at)
		}
		if sp.Literal && p.Text[sp.At:sp.At+sp.Len] != src[sp.Source:sp.Source+sp.SourceLen] {
			t.Errorf("%q: literal span %+v is %q in the source", p.Text, sp, src[sp.Source:sp.Source+sp.SourceLen])
		}
		at += sp.Len
	}
	if at != len(p.Text) {
		t.Errorf("%q: spans cover %d bytes of %d", p.Text, at, len(p.Text))
	}
}

func TestProse(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // "kind quote text", kind P H C A, quote ">"
		raw       []string
	}{
		{
			name: "paragraph across emphasis and a link, line breaks as \\n",
			src:  "Un *peu* de [texte](https://x.fr \"t\")\nsur deux  \nlignes.",
			want: []string{"P Un peu de texte\nsur deux\nlignes."},
		},
		{
			name: "code, autolinks and images stand as one character; their alt text is apart",
			src:  "Le `code` et https://a.fr, <b@c.fr> puis ![un *chat*](c.png) fin.",
			want: []string{"P Le \uFFFC et \uFFFC, \uFFFC puis \uFFFC fin.", "A un chat"},
		},
		{
			name: "escapes and entities are what they stand for",
			src:  "Bonjour\\! &laquo;&#8239;oui&nbsp;&raquo; \\*",
			want: []string{"P Bonjour! «\u202foui\u00a0» *"},
		},
		{
			name: "headings, list items, table cells, block quotes; never code blocks",
			src:  "# Titre\n\n- un\n- deux\n\n| a | b |\n|---|---|\n| c | `d` |\n\n> cité\n\n```\ncode\n```\n\n    indenté",
			want: []string{"H Titre", "P un", "P deux", "C a", "C b", "C c", "C \uFFFC", "P > cité"},
		},
		{
			name: "raw HTML leaves nothing in the text, and its ranges are kept",
			src:  "Texte <!-- marque:disable voice.claims --> suite <span>ici</span>\n\n<div>\nbloc\n</div>\n",
			want: []string{"P Texte  suite ici"},
			raw:  []string{"<!-- marque:disable voice.claims -->", "<span>", "</span>", "<div>\nbloc\n</div>\n"},
		},
		{
			name: "footnotes",
			src:  "Voir[^1].\n\n[^1]: La note.",
			want: []string{"P Voir.", "P La note."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := New("fr").Render([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range d.Prose {
				checkSpans(t, tt.src, p)
				q := ""
				if p.Quote {
					q = "> "
				}
				got = append(got, fmt.Sprintf("%c %s%s", "PHCA"[p.Kind], q, p.Text))
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("prose:\n got %q\nwant %q", got, tt.want)
			}
			var raw []string
			for _, r := range d.RawHTML {
				raw = append(raw, tt.src[r.Start:r.End])
			}
			if strings.Join(raw, "|") != strings.Join(tt.raw, "|") {
				t.Errorf("raw HTML:\n got %q\nwant %q", raw, tt.raw)
			}
		})
	}
}

// TestProseInvalidUTF8 keeps the text valid, the bytes standing as U+FFFD.
func TestProseInvalidUTF8(t *testing.T) {
	src := "Un \xff mot \xc3 fin"
	d, err := New("fr").Render([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Prose) != 1 || d.Prose[0].Text != "Un \uFFFD mot \uFFFD fin" || !utf8.ValidString(d.Prose[0].Text) {
		t.Fatalf("prose = %+v", d.Prose)
	}
	checkSpans(t, src, d.Prose[0])
}

// FuzzProse requires of any source that the prose's spans cover its text,
// literal ones as typed, and that raw HTML ranges lie in the source.
func FuzzProse(f *testing.F) {
	for _, s := range []string{
		"Un *peu* de [texte](u)\nsur deux  \nlignes.", "&laquo;\\!&#0; `c` <a@b.fr> ![a *b*](c)",
		"# T\n\n| a | `b` |\n|---|---|\n\n> q\n\n<!-- x -->", "\xff\xc3 \x00 t", "[^1]\n\n[^1]: n ![](i)",
	} {
		f.Add(s)
	}
	r := New("fr")
	f.Fuzz(func(t *testing.T, src string) {
		d, err := r.Render([]byte(src))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range d.Prose {
			checkSpans(t, src, p)
			if !utf8.ValidString(p.Text) {
				t.Fatalf("invalid UTF-8 in %q", p.Text)
			}
		}
		for _, r := range d.RawHTML {
			if r.Start < 0 || r.End > len(src) || r.Start > r.End {
				t.Fatalf("raw HTML range %+v outside the source", r)
			}
		}
	})
}
