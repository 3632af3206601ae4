package post

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/marque-kit/marque/internal/brand"
	"github.com/marque-kit/marque/internal/diag"
)

func printed(l diag.List) string {
	var b strings.Builder
	for _, f := range l.Items() {
		b.WriteString(f.String() + "\n")
	}
	return b.String()
}

func kit(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{"brand.toml": {Data: []byte("")}}
	for name, data := range files {
		if target, ok := strings.CutPrefix(data, "symlink:"); ok {
			fsys[name] = &fstest.MapFile{Data: []byte(target), Mode: os.ModeSymlink}
			continue
		}
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

func TestLoad(t *testing.T) {
	fsys := kit(map[string]string{
		"content/posts/ecrans.md": "+++\n" +
			"title = \"Pourquoi vos utilisateurs ne lisent pas vos écrans\"\n" +
			"date = 2026-11-02\n" +
			"updated = \"2026-11-05\"\n" +
			"draft = true\n" +
			"summary = \"Court.\"\n" +
			"tags = [\"ux\", \"Industrie 4.0\"]\n" +
			"cover = \"assets/cover.jpg\"\n" +
			"cover_alt = \"Un atelier\"\n" +
			"cover_focus = [0.2, 0.8]\n" +
			"networks = [\"linkedin\", \"mastodon\"]\n" +
			"+++\n" +
			"Le corps.\n",
		"content/posts/mon-projet/index.md":      "+++\ntitle = \"Projet\"\ndate = 2026-01-05T23:30:00-05:00\ncover = \"img/cover.png\"\ncover_alt = \"Plan\"\nnetworks = []\n+++\n",
		"content/posts/mon-projet/img/cover.png": "png",
		"content/posts/Été à Lyon.MD":            "+++\ntitle = \"Été\"\ndate = 2026-07-01T10:00:00\nslug = \"ete\"\n+++\n\n# Été\n",
		"content/posts/notes.txt":                "not a post",
		"content/posts/.DS_Store":                "\x00",
		"assets/cover.jpg":                       "jpeg",
	})
	posts, list := Load(fsys)
	if list.Len() > 0 {
		t.Fatalf("findings:\n%s", printed(list))
	}
	for _, p := range posts {
		if p.File == nil || !bytes.Equal(p.File.Src[p.BodyOffset:], p.Body) {
			t.Errorf("%s: body does not sit at its offset", p.Slug)
		}
		p.File, p.Body, p.keys, p.values = nil, nil, nil, nil
	}
	date := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	want := []*Post{
		{
			Slug: "ecrans", Title: "Pourquoi vos utilisateurs ne lisent pas vos écrans",
			Date: date(2026, 11, 2), Updated: date(2026, 11, 5), Draft: true, Summary: "Court.",
			Tags: []string{"ux", "Industrie 4.0"}, Cover: "assets/cover.jpg", CoverAlt: "Un atelier",
			CoverFocus: brand.Focus{X: 0.2, Y: 0.8}, Networks: []string{"linkedin", "mastodon"},
			BodyOffset: 287,
		},
		{
			Dir: "content/posts/mon-projet", Slug: "mon-projet", Title: "Projet", Date: date(2026, 1, 5),
			Cover: "content/posts/mon-projet/img/cover.png", CoverAlt: "Plan",
			CoverFocus: brand.DefaultCoverFocus, Networks: []string{}, BodyOffset: 115,
		},
		{
			// Sorted by file name, byte-wise: "É" comes after "e" and "m".
			Slug: "ete", Title: "Été", Date: date(2026, 7, 1),
			CoverFocus: brand.DefaultCoverFocus, BodyOffset: 64,
		},
	}
	if !reflect.DeepEqual(posts, want) {
		for i := range max(len(posts), len(want)) {
			var got, w *Post
			if i < len(posts) {
				got = posts[i]
			}
			if i < len(want) {
				w = want[i]
			}
			t.Errorf("post %d:\n%+v\nwant:\n%+v", i, got, w)
		}
	}
}

func TestPostPos(t *testing.T) {
	src := "\uFEFF+++\r\ntitle = \"Titre\"\r\ndate = 2026-01-01\r\n+++\r\nCorps\r\n"
	posts, list := Load(kit(map[string]string{"content/posts/a.md": src}))
	if list.Len() > 0 || len(posts) != 1 {
		t.Fatalf("posts = %v, findings:\n%s", posts, printed(list))
	}
	p := posts[0]
	for _, tt := range []struct {
		got  diag.Pos
		want string
	}{
		{p.Pos("title"), "content/posts/a.md:2:1"},
		{p.Pos("date"), "content/posts/a.md:3:1"},
		{p.Pos("tags"), "content/posts/a.md:1:1"},
		{p.File.Pos(p.BodyOffset), "content/posts/a.md:5:1"},
	} {
		if tt.got.String() != tt.want {
			t.Errorf("got %s, want %s", tt.got, tt.want)
		}
	}
	if string(p.Body) != "Corps\r\n" {
		t.Errorf("body = %q", p.Body)
	}
}

func TestLoadFindings(t *testing.T) {
	const ok = "+++\ntitle = \"T\"\ndate = 2026-01-01\n"
	tests := []struct {
		name  string
		files map[string]string
		want  string
		slugs []string // of the posts returned
	}{
		{
			name:  "no posts folder",
			files: map[string]string{"content/about.md": "About"},
		},
		{
			name: "unknown key, counted from the top of the file",
			files: map[string]string{
				"content/posts/a.md": ok + "titel = \"x\"\ntag = [\"x\"]\n+++\nBody\n",
			},
			want: `content/posts/a.md:4:1: error content.invalid: unknown key "titel" (did you mean "title"?)` + "\n" +
				`content/posts/a.md:5:1: error content.invalid: unknown key "tag" (did you mean "tags"?)` + "\n",
			slugs: []string{"a"},
		},
		{
			name: "missing title and date",
			files: map[string]string{
				"content/posts/a.md": "+++\ndraft = true\n+++\n",
			},
			want: "content/posts/a.md:1:1: error content.invalid: missing required key date\n" +
				"content/posts/a.md:1:1: error content.invalid: missing required key title\n",
			slugs: []string{"a"},
		},
		{
			name: "invalid dates and types",
			files: map[string]string{
				"content/posts/a.md": "+++\ntitle = 3\ndate = \"2026-13-01\"\nupdated = 10:00:00\ndraft = \"no\"\n+++\n",
				"content/posts/b.md": "+++\ntitle = \" \"\ndate = 20260101\nupdated = 2025-12-31\ntags = \"ux\"\n+++\n",
				"content/posts/c.md": ok + "updated = 2025-12-31T23:00:00Z\n+++\n",
			},
			want: "content/posts/a.md:2:9: error content.invalid: title: expected a string, found an integer\n" +
				`content/posts/a.md:3:8: error content.invalid: date: "2026-13-01" is not a date: write YYYY-MM-DD` + "\n" +
				"content/posts/a.md:4:11: error content.invalid: updated: a time without a date: write YYYY-MM-DD\n" +
				"content/posts/a.md:5:9: error content.invalid: draft: expected true or false, found a string\n" +
				"content/posts/b.md:2:9: error content.invalid: title: is empty\n" +
				"content/posts/b.md:3:8: error content.invalid: date: expected a date, found an integer\n" +
				"content/posts/b.md:5:8: error content.invalid: tags: expected an array, found a string\n" +
				"content/posts/c.md:4:11: error content.invalid: updated: 2025-12-31 is before the date, 2026-01-01\n",
			slugs: []string{"a", "b", "c"},
		},
		{
			name: "duplicate slugs name both files",
			files: map[string]string{
				"content/posts/a.md":       ok + "+++\n",
				"content/posts/a/index.md": ok + "+++\n",
				"content/posts/b.md":       ok + "slug = \"same\"\n+++\n",
				"content/posts/same.md":    ok + "+++\n",
			},
			want: `content/posts/a/index.md:1:1: error content.invalid: slug "a" is already the slug of content/posts/a.md` + "\n" +
				`content/posts/same.md:1:1: error content.invalid: slug "same" is already the slug of content/posts/b.md` + "\n",
			slugs: []string{"a", "same"},
		},
		{
			name: "covers",
			files: map[string]string{
				"content/posts/a.md":        ok + "cover = \"assets/cover.jpg\"\n+++\n",
				"content/posts/b.md":        ok + "cover = \"cover.jpg\"\ncover_alt = \"x\"\n+++\n",
				"content/posts/c.md":        ok + "cover = \"../../../outside.jpg\"\ncover_alt = \"x\"\n+++\n",
				"content/posts/d.md":        ok + "cover = \"/images/x.jpg\"\ncover_alt = \"\"\ncover_focus = [0.5, 2]\n+++\n",
				"content/posts/e/index.md":  ok + "cover = \"link.jpg\"\ncover_alt = \"x\"\n+++\n",
				"content/posts/e/link.jpg":  "symlink:../../../../secret.jpg",
				"content/posts/f/index.md":  ok + "cover = \"../../../assets/cover.jpg\"\ncover_alt = \"x\"\ncover_focus = [1]\n+++\n",
				"assets/cover.jpg":          "jpeg",
				"content/posts/g/index.md":  ok + "cover = 'img\\a.jpg'\ncover_alt = \"x\"\n+++\n",
				"content/posts/g/img/a.jpg": "jpeg",
			},
			want: "content/posts/a.md:4:1: error content.invalid: cover: needs cover_alt, the text read in place of the image\n" +
				`content/posts/b.md:4:9: error content.invalid: cover: "cover.jpg" does not exist` + "\n" +
				`content/posts/c.md:4:9: error content.invalid: cover: "../../../outside.jpg" is outside the kit` + "\n" +
				`content/posts/d.md:4:9: error content.invalid: cover: "/images/x.jpg" is an absolute path: write it relative to the kit root` + "\n" +
				"content/posts/d.md:5:13: error content.invalid: cover_alt: is empty: describe the image for those who cannot see it\n" +
				"content/posts/d.md:6:21: error content.invalid: cover_focus[1]: must be between 0 and 1, not 2\n" +
				`content/posts/e/index.md:4:9: error content.invalid: cover: "link.jpg" leads outside the kit through a symbolic link` + "\n" +
				"content/posts/f/index.md:6:15: error content.invalid: cover_focus: must be two numbers [x, y], found 1\n" +
				`content/posts/g/index.md:4:9: error content.invalid: cover: "img\\a.jpg" uses \ to separate folders: write /` + "\n",
			slugs: []string{"a", "b", "c", "d", "e", "f", "g"},
		},
		{
			name: "networks, tags and slugs",
			files: map[string]string{
				"content/posts/a.md":   ok + "networks = [\"linkedin\", \"linkdin\", \"myspace\"]\ntags = [\"ok\", \"!!\"]\n+++\n",
				"content/posts/b.md":   ok + "slug = \"Mon Post\"\n+++\n",
				"content/posts/c.md":   ok + "slug = \"---\"\n+++\n",
				"content/posts/%%%.md": ok + "+++\n",
			},
			want: `content/posts/%%%.md:1:1: error content.invalid: the file name "%%%" has no letter or digit to make a URL: set slug` + "\n" +
				`content/posts/a.md:4:25: error content.invalid: networks[1]: unknown network "linkdin" (did you mean "linkedin"?)` + "\n" +
				`content/posts/a.md:4:36: error content.invalid: networks[2]: unknown network "myspace"` + "\n" +
				`content/posts/a.md:5:15: error content.invalid: tags[1]: "!!" has no letter or digit to name its page` + "\n" +
				`content/posts/b.md:4:8: error content.invalid: slug: "Mon Post" is not a slug: lower-case letters, digits and dashes (write "mon-post")` + "\n" +
				`content/posts/c.md:4:8: error content.invalid: slug: "---" has no letter or digit to make a URL` + "\n",
			slugs: []string{"a"},
		},
		{
			name: "files that cannot be read",
			files: map[string]string{
				"content/posts/a.md": "+++\ntitle = \"T\"\ndate = 2026-01-01\nBody without a closing fence\n",
				"content/posts/b.md": "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
				"content/posts/c.md": "+++\ntitle = \"caf\xe9\"\n+++\n",
				"content/posts/d.md": "# A post without front matter\n",
				"content/posts/e.md": "+++\ntitle = \"T\"\ndate = 2026-01-01\ntags = [\"a\",, \"b\"]\n+++\nBody\n",
				"content/posts/f.md": "symlink:../../../etc/passwd.md",
				"content/posts/g.md": "",
			},
			want: "content/posts/a.md:1:1: error content.syntax: the front matter opened by +++ on line 1 is never closed by a +++ line\n" +
				"content/posts/b.md:1:1: error content.syntax: is not a text file: it holds a NUL byte\n" +
				"content/posts/c.md:2:13: error content.syntax: is not UTF-8 text: byte 0xE9\n" +
				"content/posts/d.md:1:1: error content.syntax: a post starts with a +++ line that opens its TOML front matter\n" +
				"content/posts/e.md:4:13: error content.syntax: invalid TOML: unexpected comma\n" +
				"content/posts/f.md: error content.syntax: leads outside the kit through a symbolic link\n" +
				"content/posts/g.md:1:1: error content.syntax: a post starts with a +++ line that opens its TOML front matter\n",
		},
		{
			name: "a folder without index.md",
			files: map[string]string{
				"content/posts/images/a.jpg": "jpeg",
				"content/posts/b/index.md":   ok + "+++\n",
			},
			want:  "content/posts/images: error content.invalid: a folder in content/posts is a post with its images and needs an index.md\n",
			slugs: []string{"b"},
		},
		{
			name: "BOM and CRLF",
			files: map[string]string{
				"content/posts/a.md": "\uFEFF+++\r\ntitle = \"T\"\r\ndate = 2026-01-01\r\ncovr = \"x\"\r\n+++\r\nBody\r\n",
				"content/posts/b.md": "\uFEFF+++\r\ntitle = \"T\"\r\ndate = 2026-01-01\r\ntags = [\r\n  \"a\",\r\n  \"b\"\r\n  \"c\"]\r\n+++\r\n",
			},
			want: `content/posts/a.md:4:1: error content.invalid: unknown key "covr" (did you mean "cover"?)` + "\n" +
				"content/posts/b.md:7:3: error content.syntax: invalid TOML: expected a comma (',') or array terminator (']'), but got '\"'\n",
			slugs: []string{"a"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			posts, list := Load(kit(tt.files))
			if got := printed(list); got != tt.want {
				t.Errorf("findings:\n%s\nwant:\n%s", got, tt.want)
			}
			var slugs []string
			for _, p := range posts {
				slugs = append(slugs, p.Slug)
			}
			if !reflect.DeepEqual(slugs, tt.slugs) {
				t.Errorf("posts %q, want %q", slugs, tt.slugs)
			}
		})
	}
}

func TestSplitFrontMatter(t *testing.T) {
	tests := []struct {
		src     string
		toml    string
		body    string
		problem bool
	}{
		{src: "+++\ntitle = \"x\"\n+++\nBody\n", toml: "title = \"x\"\n", body: "Body\n"},
		{src: "+++\r\na = 1\r\n+++\r\nBody", toml: "a = 1\r\n", body: "Body"},
		{src: "\uFEFF+++  \n+++", toml: "", body: ""},
		{src: "+++\ns = \"\"\"\n++++\n\"\"\"\n+++\n", toml: "s = \"\"\"\n++++\n\"\"\"\n", body: ""},
		{src: "+++\na = 1\n +++\n", problem: true},
		{src: "++++\n+++\n", problem: true},
		{src: "\n+++\n+++\n", problem: true},
		{src: "", problem: true},
	}
	for _, tt := range tests {
		p, problem := splitFrontMatter([]byte(tt.src))
		if (problem != "") != tt.problem {
			t.Errorf("%q: problem %q", tt.src, problem)
			continue
		}
		if problem != "" {
			continue
		}
		if toml, body := tt.src[p.tomlStart:p.tomlEnd], tt.src[p.body:]; toml != tt.toml || body != tt.body {
			t.Errorf("%q: toml %q, body %q; want %q, %q", tt.src, toml, body, tt.toml, tt.body)
		}
	}
}

func TestSlugify(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Pourquoi vos utilisateurs ne lisent pas vos écrans", "pourquoi-vos-utilisateurs-ne-lisent-pas-vos-ecrans"},
		{"  Été à Lyon !  ", "ete-a-lyon"},
		{"Œuvre & cœur", "oeuvre-coeur"},
		{"Æsthetik der Straße", "aesthetik-der-strasse"},
		{"l’équipe", "l-equipe"},
		{"UX/UI -- 2026", "ux-ui-2026"},
		{"ﬁn", "fin"},
		{"İstanbul Łódź", "istanbul-lodz"},
		{"已经", ""},
		{"---", ""},
		{"", ""},
		{"already-a-slug", "already-a-slug"},
	}
	for _, tt := range tests {
		if got := Slugify(tt.in); got != tt.want {
			t.Errorf("Slugify(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := Slugify(tt.want); got != tt.want {
			t.Errorf("Slugify(%q) = %q, not a fixed point", tt.want, got)
		}
	}
}

// FuzzSplitFrontMatter checks that splitting never panics and that the
// parts it finds lie in order inside the file, with a closing fence between
// the TOML and the body.
func FuzzSplitFrontMatter(f *testing.F) {
	for _, s := range []string{
		"+++\ntitle = \"x\"\n+++\nBody\n", "\uFEFF+++\r\n+++\r\n", "+++", "+++\n", "+++\n+++", "+++ \t\r\n\n+++ \r",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		p, problem := splitFrontMatter(src)
		if problem != "" {
			return
		}
		if !(0 < p.tomlStart && p.tomlStart <= p.tomlEnd && p.tomlEnd < p.body && p.body <= len(src)) {
			t.Fatalf("parts %+v out of order in %d bytes", p, len(src))
		}
		if got := string(bytes.TrimRight(src[p.tomlEnd:p.body], " \t\r\n")); got != "+++" {
			t.Fatalf("closing line %q is not +++", got)
		}
		if p.tomlStart != p.tomlEnd && src[p.tomlStart-1] != '\n' {
			t.Fatalf("front matter does not start on a new line")
		}
	})
}

// FuzzLoad checks that no post file makes Load panic and that every finding
// points into a post file with a line.
func FuzzLoad(f *testing.F) {
	f.Add([]byte("+++\ntitle = \"x\"\ndate = 2026-01-01\ncover = \"../x\"\nnetworks = [\"x\", 1]\n+++\nBody\n"))
	f.Add([]byte("\uFEFF+++\r\ndate = \"2026-02-30\"\r\nslug = \"A B\"\r\n+++\r\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		_, list := Load(kit(map[string]string{"content/posts/p.md": string(src), "content/posts/q/index.md": string(src)}))
		for _, fd := range list.Items() {
			if !strings.HasPrefix(fd.File, "content/posts/") || fd.Line < 1 {
				t.Fatalf("finding without a line in a post: %v", fd)
			}
		}
	})
}
