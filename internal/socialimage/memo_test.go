package socialimage

import (
	"image"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/marque-kit/marque/internal/brand"
	"github.com/marque-kit/marque/internal/diag"
)

// planText returns a plan and its findings as text, one image's plan
// after another.
func planText(in *Input) (string, []diag.Finding) {
	var l diag.List
	plan := New(in, &l)
	var b strings.Builder
	for _, img := range plan.Images {
		b.WriteString(img.String())
	}
	b.WriteString(strings.Join(plan.Sources, "\n"))
	l.Sort()
	return b.String(), l.Items()
}

// TestMemoPlansAsCold changes the plan's inputs one at a time, as saves in
// serve do, and checks that each plan made with the memo kept since the
// first is the plan made without one, findings included.
func TestMemoPlansAsCold(t *testing.T) {
	fsys := kitFS(t, "solid")
	var l diag.List
	in := testInput(t, fsys, &l)
	// A cover large enough for every image: no finding, so the memo keeps
	// the short post's images too.
	in.Sizes["assets/post.jpg"] = image.Pt(3000, 2000)
	memo := NewMemo()
	withMemo := func() *Input {
		c := *in
		c.Posts = slices.Clone(in.Posts)
		c.Memo = memo
		return &c
	}
	planText(withMemo())
	const glyph = "\uE000" // private use: in no font, so a finding
	for _, step := range []struct {
		name string
		do   func()
	}{
		{"nothing", func() {}},
		{"a title", func() { in.Posts[0].Title = "Un autre titre" }},
		{"a title no font draws", func() { in.Posts[1].Title = "Titre " + glyph }},
		{"the same title, its finding again", func() {}},
		{"a cover", func() { in.Posts[0].Cover = "assets/cover.jpg" }},
		{"a focus", func() { in.Posts[0].CoverFocus.X = 0.2 }},
		{"a date", func() { in.Posts[0].Date = in.Posts[0].Date.AddDate(0, 1, 0) }},
		{"networks", func() { in.Posts[0].Networks = []string{"linkedin"} }},
		{"every network", func() { in.Posts[0].Networks = nil }},
		{"no network", func() { in.Posts[0].Networks = []string{} }},
		{"a position", func() { in.Posts[1].TitlePos.Line = 3 }},
		{"a source's size", func() { in.Sizes["assets/post.jpg"] = image.Pt(300, 200) }},
		{"a missing source", func() { delete(in.Sizes, "assets/cover.jpg") }},
		{"the host", func() { in.Host = "camille.example.org" }},
		{"a post added", func() {
			in.Posts = append(in.Posts, Post{Slug: "neuf", Title: "Neuf", Date: in.Posts[0].Date, TitlePos: diag.Pos{File: "content/posts/neuf.md", Line: 2}})
		}},
		{"a post removed", func() { in.Posts = in.Posts[1:] }},
		{"the profile", func() {
			var pl diag.List
			in2 := testInput(t, kitFS(t, "paper"), &pl)
			in.Profile, in.Fonts = in2.Profile, in2.Fonts
		}},
		{"a brand font", func() { in.Profile, in.Fonts = withFont(t, "fonts/Inter-Regular.otf") }},
		{"the brand font's file", func() { _, in.Fonts = withFont(t, "fonts/NotoSerif-Bold.ttf") }},
	} {
		step.do()
		cold := *in
		want, wantFindings := planText(&cold)
		got, gotFindings := planText(withMemo())
		if got != want {
			t.Errorf("%s: the plan with the memo differs:\n%s", step.name, diffLines(want, got))
		}
		if !slices.Equal(gotFindings, wantFindings) {
			t.Errorf("%s: findings with the memo:\n%v\nwithout:\n%v", step.name, gotFindings, wantFindings)
		}
		if strings.Contains(step.name, "no font draws") && !slices.ContainsFunc(gotFindings, func(f diag.Finding) bool { return f.Rule == "identity.glyph" }) {
			t.Errorf("%s: no identity.glyph finding", step.name)
		}
	}
}

// TestMemoKeepsUnchanged checks that the memo gives back the same images
// for the posts that did not change, and only what the last plan used.
func TestMemoKeepsUnchanged(t *testing.T) {
	var l diag.List
	in := testInput(t, kitFS(t, "solid"), &l)
	in.Memo = NewMemo()
	byPath := func(p *Plan) map[string]*Image {
		m := map[string]*Image{}
		for _, img := range p.Images {
			m[img.Path] = img
		}
		return m
	}
	first := byPath(New(in, &l))
	in.Posts = slices.Clone(in.Posts)
	in.Posts[0].Title = "Un autre titre"
	second := byPath(New(in, &l))
	for path, img := range second {
		changed := strings.Contains(path, "/court/") || strings.HasPrefix(path, "posts/court/")
		if same := first[path] == img; same == changed {
			t.Errorf("%s: reused %v, want %v", path, same, !changed)
		}
	}
	// The site's, the kit's, and the long post's card and shares: the
	// short post's cover is too small, a finding, so its images are
	// planned each time.
	if n := len(in.Memo.posts); n != 4 {
		t.Errorf("the memo keeps %d groups of images, want 4", n)
	}
}

// withFont returns the profile of the paper kit with a brand font for
// headings, the embedded file named, and its fonts.
func withFont(t *testing.T, file string) (*brand.Profile, *Fonts) {
	t.Helper()
	font, err := embedded.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	fsys := kitFS(t, "paper")
	fsys["brand.toml"] = &fstest.MapFile{Data: []byte(strings.Replace(string(fsys["brand.toml"].Data), "[identity]\n",
		"[identity]\nfonts = { heading = \"assets/titres.otf\" }\n", 1))}
	fsys["assets/titres.otf"] = &fstest.MapFile{Data: font}
	var l diag.List
	in := testInput(t, fsys, &l)
	return in.Profile, in.Fonts
}

// TestFacesParsedOnce checks that the embedded fonts are parsed once, and
// a brand font once for the same bytes and again when they change.
func TestFacesParsedOnce(t *testing.T) {
	if a, b := DefaultFonts(), DefaultFonts(); a.face(Heading) != b.face(Heading) || a.fallback != b.fallback {
		t.Errorf("the embedded faces are parsed on each call")
	}
	_, a := withFont(t, "fonts/Inter-Regular.otf")
	_, b := withFont(t, "fonts/Inter-Regular.otf")
	_, c := withFont(t, "fonts/NotoSerif-Bold.ttf")
	if a.face(Heading) != b.face(Heading) {
		t.Errorf("the same brand font is parsed again")
	}
	if c.face(Heading) == a.face(Heading) || c.face(Heading).sum == a.face(Heading).sum {
		t.Errorf("a changed brand font is not parsed again")
	}
}
