package diag

import (
	"bytes"
	"encoding/json"
	"testing"
)

func TestFilePos(t *testing.T) {
	src := []byte("\uFEFFname = \"Zoé\"\r\nrôle = 3\n\nfin")
	f := NewFile("brand.toml", src)
	tests := []struct {
		off       int
		line, col int
	}{
		{3, 1, 1},                                // first character after the BOM
		{bytes.Index(src, []byte("\"Z")), 1, 8},  // the opening quote
		{bytes.Index(src, []byte("rôle")), 2, 1}, // after CRLF
		{bytes.Index(src, []byte("= 3")), 2, 6},  // ô counts as one column
		{bytes.Index(src, []byte("fin")), 4, 1},  // after an empty line
		{len(src) + 10, 4, 4},                    // clamped to the end
	}
	for _, tt := range tests {
		p := f.Pos(tt.off)
		if p.Line != tt.line || p.Column != tt.col || p.File != "brand.toml" {
			t.Errorf("Pos(%d) = %v, want brand.toml:%d:%d", tt.off, p, tt.line, tt.col)
		}
	}
}

func TestListSortApplyAndStatus(t *testing.T) {
	var l List
	l.Add(Pos{"b.md", 3, 1}, "voice.prefer", "second")
	l.Add(Pos{"a.md", 9, 2}, "content.link", "first")
	l.Add(Pos{"b.md", 3, 1}, "voice.prefer", "second") // an exact duplicate
	l.Add(Pos{"brand.toml", 1, 1}, "profile.syntax", "broken")
	l.Sort()
	if l.Len() != 3 || l.Items()[0].File != "a.md" || l.Items()[2].File != "brand.toml" {
		t.Fatalf("Sort = %v", l.Items())
	}
	l.Apply(map[string]Severity{"content.link": Off, "profile.syntax": Warning}, true)
	if l.Len() != 2 {
		t.Fatalf("Apply kept %d findings, want 2: %v", l.Len(), l.Items())
	}
	if got := l.Items()[0]; got.Rule != "voice.prefer" || got.Severity != Error {
		t.Errorf("strict warning = %v, want an error", got)
	}
	if !l.Unusable() {
		t.Error("a syntax error, which overrides cannot lower, must make the kit unusable")
	}
}

func TestPrint(t *testing.T) {
	var l List
	f := l.Add(Pos{"content/posts/x.md", 12, 5}, "voice.prefer", `"impacter" — the brand says "influencer"`)
	f.Suggestion = "influencer"
	l.Add(Pos{"brand.toml", 2, 1}, "profile.invalid", "%s", "50%, a:b\nnext")

	var text bytes.Buffer
	Print(&text, &l, Text, false)
	want := "content/posts/x.md:12:5: warning voice.prefer: \"impacter\" — the brand says \"influencer\" (influencer)\n" +
		"brand.toml:2:1: error profile.invalid: 50%, a:b\nnext\n"
	if text.String() != want {
		t.Errorf("text:\n%s\nwant:\n%s", text.String(), want)
	}

	var gh bytes.Buffer
	Print(&gh, &l, GitHub, false)
	wantGH := "::warning file=content/posts/x.md,line=12,col=5,title=voice.prefer::\"impacter\" — the brand says \"influencer\" (influencer)\n" +
		"::error file=brand.toml,line=2,col=1,title=profile.invalid::50%25, a:b%0Anext\n"
	if gh.String() != wantGH {
		t.Errorf("github:\n%s\nwant:\n%s", gh.String(), wantGH)
	}

	var js bytes.Buffer
	Print(&js, &l, JSON, false)
	var got []map[string]any
	if err := json.Unmarshal(js.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0]["suggestion"] != "influencer" || got[0]["line"] != 12.0 || got[1]["severity"] != "error" {
		t.Errorf("json = %v", got)
	}
	var empty bytes.Buffer
	Print(&empty, &List{}, JSON, false)
	if empty.String() != "[]\n" {
		t.Errorf("no findings as JSON = %q, want []", empty.String())
	}
}

func TestDidYouMean(t *testing.T) {
	names := []string{"name", "role", "tagline", "location", "language", "site_url"}
	tests := map[string]string{
		"tagilne":  "tagline",
		"langage":  "language",
		"site-url": "site_url",
		"nmae":     "name",
		"colour":   "",
		"x":        "",
	}
	for in, want := range tests {
		if got := DidYouMean(in, names); got != want {
			t.Errorf("DidYouMean(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEveryRuleHasADefault(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Rules {
		if seen[r.ID] || r.Default == Off || r.Summary == "" {
			t.Errorf("rule %q: duplicate, off by default or undocumented", r.ID)
		}
		seen[r.ID] = true
	}
}
