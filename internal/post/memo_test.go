package post

import (
	"os"
	"reflect"
	"testing"
	"testing/fstest"
)

// TestMemoLoadsAsCold changes a kit's posts one save at a time and checks
// that each load with the memo kept since the first is the load without
// one, findings included.
func TestMemoLoadsAsCold(t *testing.T) {
	fsys := kit(map[string]string{
		"content/posts/a.md":                 "+++\ntitle = \"Alpha\"\ndate = 2026-01-05\ncover = \"assets/cover.jpg\"\ncover_alt = \"Un atelier\"\ntags = [\"ux\"]\n+++\nLe corps.\n",
		"content/posts/b/index.md":           "+++\ntitle = \"Bravo\"\ndate = 2026-01-06\ncover = \"img/c.png\"\ncover_alt = \"Plan\"\n+++\n",
		"content/posts/b/img/c.png":          "png",
		"content/posts/c.md":                 "+++\ntitle = \"\"\ndate = 2026-01-07\n+++\nSans titre.\n",
		"assets/cover.jpg":                   "jpeg",
		"content/posts/d.md":                 "+++\ntitle = \"Delta\"\ndate = 2026-01-08\nslug = \"alpha\"\n+++\n",
		"content/posts/e.md":                 "+++\ntitle = \"Echo\"\ndate = 2026-01-09\nnetworks = [\"linkedin\"]\n+++\n",
		"content/posts/lien/index.md":        "+++\ntitle = \"Lien\"\ndate = 2026-01-10\ncover = \"img/c.png\"\ncover_alt = \"Lien\"\n+++\n",
		"content/posts/lien/img/c.png":       "symlink:../../b/img/c.png",
		"content/posts/lien/img/unused.webp": "webp",
	})
	memo := NewMemo()
	LoadWith(fsys, memo)
	for _, step := range []struct {
		name string
		do   func()
	}{
		{"nothing", func() {}},
		{"a body", func() { fsys["content/posts/a.md"].Data = append(fsys["content/posts/a.md"].Data, "Encore.\n"...) }},
		{"a cover removed", func() { delete(fsys, "assets/cover.jpg") }},
		{"the cover back", func() { fsys["assets/cover.jpg"] = &fstest.MapFile{Data: []byte("jpeg")} }},
		{"a bundle's cover removed", func() { delete(fsys, "content/posts/b/img/c.png") }},
		{"a post moved", func() {
			fsys["content/posts/a2.md"] = fsys["content/posts/a.md"]
			delete(fsys, "content/posts/a.md")
		}},
		{"a post's file made a link", func() {
			fsys["content/posts/e.md"] = &fstest.MapFile{Data: []byte("/etc/passwd"), Mode: os.ModeSymlink}
		}},
	} {
		step.do()
		got, gotList := LoadWith(fsys, memo)
		want, wantList := Load(fsys)
		if printed(gotList) != printed(wantList) {
			t.Errorf("%s: findings with the memo:\n%s\nwithout:\n%s", step.name, printed(gotList), printed(wantList))
		}
		if len(got) != len(want) {
			t.Fatalf("%s: %d posts with the memo, %d without", step.name, len(got), len(want))
		}
		for i := range want {
			if !reflect.DeepEqual(got[i], want[i]) {
				t.Errorf("%s: post %s differs with the memo:\n%+v\nwithout:\n%+v", step.name, want[i].Slug, got[i], want[i])
			}
			if len(got[i].Body) > 0 && &got[i].Body[0] != &got[i].File.Src[got[i].BodyOffset] {
				t.Errorf("%s: post %s's body is not its file's", step.name, want[i].Slug)
			}
		}
	}
	// The memo keeps the posts whose decoding found nothing: a2, and d,
	// whose slug is taken by another post (Load's finding, not its
	// decoding's); b and lien have lost their cover, c has no title and
	// e is a link out of the kit.
	if n := len(memo.posts); n != 2 {
		t.Errorf("the memo keeps %d posts, want 2", n)
	}
}
