package render

import (
	"bytes"
	"html/template"
	"io/fs"
	"reflect"
	"slices"
	"testing"
	"testing/fstest"
	"time"

	"github.com/marque-kit/marque/internal/diag"
	"github.com/marque-kit/marque/internal/output"
	"github.com/marque-kit/marque/theme"
)

// TestMemoRendersAsCold changes a site's input one thing at a time, as
// saves in serve do, and checks that each render with the memo kept since
// the first is the render without one, and that the pages the change
// does not reach are not rendered again.
func TestMemoRendersAsCold(t *testing.T) {
	th, err := theme.Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	in := fixture("fr")
	memo := NewMemo()
	renderWith := func(m *Memo) *output.Tree {
		t.Helper()
		c := *in
		c.Memo = m
		tree := output.NewTree()
		if err := Render(&c, th, tree); err != nil {
			t.Fatal(err)
		}
		return tree
	}
	prev := renderWith(memo)
	for _, step := range []struct {
		name   string
		do     func()
		reused []string // pages that must come from the memo
	}{
		{"nothing", func() {}, []string{"index.html", "posts/ancien/index.html", "tags/index.html"}},
		{"a body", func() { in.Posts[2].HTML = "<p>Autre corps.</p>\n" },
			[]string{"about/index.html", "posts/premier-article/index.html"}},
		{"a title", func() { in.Posts[0].Title = "Un autre titre" }, []string{"posts/ancien/index.html"}},
		{"a tag", func() { in.Posts[2].Tags = append(slices.Clone(in.Posts[2].Tags), "Nouveau") }, []string{"about/index.html"}},
		{"a date", func() { in.Posts[1].Date = in.Posts[1].Date.Add(24 * time.Hour) }, nil},
		{"the portrait", func() { in.Portrait = &Image{URL: "/img/autre.jpg", Width: 480, Height: 480} }, nil},
		{"the name", func() {
			p := *in.Profile
			p.Person.Name = "Camille Martin-Durand"
			in.Profile = &p
		}, nil},
		{"drafts shown", func() { in.Drafts = true }, nil},
		{"the base URL", func() { in.BaseURL = mustURL("https://camille.example/blog") }, nil},
	} {
		step.do()
		got, want := renderWith(memo), renderWith(nil)
		if !slices.Equal(got.Names(), want.Names()) {
			t.Fatalf("%s: files with the memo:\n%v\nwithout:\n%v", step.name, got.Names(), want.Names())
		}
		for _, name := range want.Names() {
			a, _ := got.Get(name)
			b, _ := want.Get(name)
			if !bytes.Equal(a, b) {
				t.Errorf("%s: %s differs with the memo", step.name, name)
			}
		}
		for _, name := range step.reused {
			a, _ := got.Get(name)
			b, _ := prev.Get(name)
			if len(a) == 0 || &a[0] != &b[0] {
				t.Errorf("%s: %s rendered again", step.name, name)
			}
		}
		prev = got
	}
}

// TestMemoTheme checks that the memo serves no page of another theme.
func TestMemoTheme(t *testing.T) {
	in := fixture("en")
	in.Memo = NewMemo()
	for _, tmpl := range []string{"", "<p>kit</p>", ""} {
		var kit fs.FS
		if tmpl != "" {
			kit = fstest.MapFS{"theme/templates/404.html": {Data: []byte(tmpl)}}
		}
		th, err := theme.Load(kit)
		if err != nil {
			t.Fatal(err)
		}
		tree := output.NewTree()
		if err := Render(in, th, tree); err != nil {
			t.Fatal(err)
		}
		if got := get(t, tree, "404.html"); (got == tmpl) != (tmpl != "") {
			t.Errorf("404.html with theme %q: %q", tmpl, got)
		}
	}
}

// TestDigest checks what the keys of pages see: fields exported or not,
// map entries in any order, pointers by what they point to; and what
// they refuse.
func TestDigest(t *testing.T) {
	type inner struct {
		n int
		m map[string]int
	}
	type value struct {
		S    string
		HTML template.HTML
		in   *inner
		any  any
		list []string
		nums []int
	}
	key := func(v any) (key, error) {
		var d digester
		var h hasher
		h.init()
		err := d.write(&h, reflect.ValueOf(v), 0)
		return h.sum(), err
	}
	base := func() *value {
		return &value{S: "a", HTML: "<p>", in: &inner{n: 1, m: map[string]int{"x": 1, "y": 2}}, any: "3", list: []string{"b"}, nums: []int{1, 2}}
	}
	k0, err := key(base())
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		edit func(*value)
		same bool
	}{
		{"a copy", func(*value) {}, true},
		{"the map built in another order", func(v *value) { v.in.m = map[string]int{"y": 2, "x": 1} }, true},
		{"an exported field", func(v *value) { v.S = "b" }, false},
		{"a named string", func(v *value) { v.HTML = "<p >" }, false},
		{"an unexported field behind a pointer", func(v *value) { v.in.n = 2 }, false},
		{"a map value", func(v *value) { v.in.m["x"] = 3 }, false},
		{"a map key", func(v *value) { v.in.m = map[string]int{"x": 1, "z": 2} }, false},
		{"a nil map", func(v *value) { v.in.m = nil }, false},
		{"an interface's type", func(v *value) { v.any = template.HTML("3") }, false},
		{"a nil slice", func(v *value) { v.list = nil }, false},
		{"an empty slice", func(v *value) { v.list = []string{} }, false},
		{"a string moved between elements", func(v *value) { v.list = []string{"", "b"} }, false},
		{"a number in a slice", func(v *value) { v.nums[1] = 3 }, false},
		{"a number more", func(v *value) { v.nums = append(v.nums, 0) }, false},
	} {
		v := base()
		tt.edit(v)
		k, err := key(v)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if (k == k0) != tt.same {
			t.Errorf("%s: same key %v, want %v", tt.name, k == k0, tt.same)
		}
	}

	type node struct{ next *node }
	loop := &node{}
	loop.next = loop
	for name, v := range map[string]any{"a channel": struct{ c chan int }{make(chan int)}, "a cycle": loop} {
		if _, err := key(v); err == nil {
			t.Errorf("%s: hashed", name)
		}
	}
}

// TestKitMemo changes the kit page's input one thing at a time, and
// checks that each render with the memo kept since the first is the
// render without one, and that the page is not rendered again when
// nothing it shows changed, a render of the site in between.
func TestKitMemo(t *testing.T) {
	th, err := theme.Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	in := kitFixture("fr")
	memo := NewMemo()
	renderWith := func(m *Memo) []byte {
		t.Helper()
		c := *in
		c.Memo = m
		page, _ := renderKit(t, &c, th).Get(KitPath)
		return page
	}
	prev := renderWith(memo)
	for _, step := range []struct {
		name   string
		do     func()
		reused bool
	}{
		{"nothing", func() {}, true},
		{"a share text", func() {
			in.Posts = slices.Clone(in.Posts)
			in.Posts[1].Shares = slices.Clone(in.Posts[1].Shares)
			in.Posts[1].Shares[0].Text = &KitText{Text: "Un autre texte", Count: 14, Limit: 3000, Unit: "strict"}
		}, false},
		{"nothing again", func() {}, true},
		{"images pending", func() { in.ImagesPending = true }, false},
		{"a title", func() {
			in.Posts = slices.Clone(in.Posts)
			in.Posts[0].Title = "Un autre titre"
		}, false},
		{"the name", func() {
			p := *in.Profile
			p.Person.Name = "Camille Martin-Durand"
			in.Profile = &p
		}, false},
	} {
		step.do()
		got, want := renderWith(memo), renderWith(nil)
		if !bytes.Equal(got, want) {
			t.Errorf("%s: the kit page differs with the memo", step.name)
		}
		if reused := &got[0] == &prev[0]; reused != step.reused {
			t.Errorf("%s: page reused %v, want %v", step.name, reused, step.reused)
		}
		prev = got
	}

	// Another theme starts the memo anew: the site, rendered without the
	// memo, has the same style sheet, so that the theme alone tells this
	// page from the last.
	other, err := theme.Load(fstest.MapFS{"theme/templates/kit.html": {Data: []byte(`<p>{{.Title}}</p>`)}})
	if err != nil {
		t.Fatal(err)
	}
	tree := render(t, &Input{Profile: in.Profile, BaseURL: in.BaseURL})
	c := *in
	c.Memo = memo
	if err := Kit(&c, other, tree); err != nil {
		t.Fatal(err)
	}
	if page, _ := tree.Get(KitPath); !bytes.HasPrefix(page, []byte("<p>")) {
		t.Errorf("the kit page of another theme:\n%s", page)
	}
}

// TestMemoKeyOfFile checks the key of page data that holds a diag.File,
// hashed while another goroutine asks the file for positions, as the
// voice linter does beside the render (the race detector watches): the
// file's line table, built on the first position, changes no key.
func TestMemoKeyOfFile(t *testing.T) {
	f := diag.NewFile("content/posts/a.md", []byte("+++\ntitle = \"A\"\n+++\nUn texte.\n"))
	data := &struct {
		Title string
		File  *diag.File
	}{"A", f}
	key := func() key {
		var d digester
		k, err := d.sum(reflect.ValueOf(data), 0)
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	before := key()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f.Pos(12)
	}()
	during := key()
	<-done
	if after := key(); after != before || during != before {
		t.Errorf("the key of a file changes once its lines are counted")
	}
	data.File = diag.NewFile("content/posts/a.md", []byte("+++\ntitle = \"A\"\n+++\nUn autre texte.\n"))
	if key() == before {
		t.Errorf("the key of a file does not change with its bytes")
	}
}
