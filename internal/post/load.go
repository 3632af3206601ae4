package post

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/marque-kit/marque/internal/brand"
	"github.com/marque-kit/marque/internal/diag"
	"github.com/marque-kit/marque/internal/network"
	"github.com/marque-kit/marque/internal/parallel"
	"github.com/marque-kit/marque/internal/tomldoc"
)

// Dir is the kit folder that holds the posts.
const Dir = "content/posts"

var tomlRules = tomldoc.Rules{
	Syntax:     "content.syntax",
	UnknownKey: "content.invalid",
	Invalid:    "content.invalid",
}

// frontMatterTOML is the front matter as written, the target of the strict
// decoder. Dates are left untyped because a post may write them as TOML
// dates or as quoted strings.
type frontMatterTOML struct {
	Title      string    `toml:"title"`
	Date       any       `toml:"date"`
	Updated    any       `toml:"updated"`
	Draft      bool      `toml:"draft"`
	Summary    string    `toml:"summary"`
	Tags       []string  `toml:"tags"`
	Cover      string    `toml:"cover"`
	CoverAlt   string    `toml:"cover_alt"`
	CoverFocus []float64 `toml:"cover_focus"`
	Networks   []string  `toml:"networks"`
	Slug       string    `toml:"slug"`
}

// Load reads every post of the kit fsys: content/posts/NAME.md and page
// bundles content/posts/NAME/index.md, in the order of their file names. A
// kit without content/posts has no posts.
//
// Every problem is a finding, sorted by position. A post that cannot be read
// (not UTF-8 text, no closed front matter, TOML that does not parse: the
// content.syntax rule) is left out, and so is a post without a usable slug
// or whose slug an earlier post already has; the others are returned even
// with findings, invalid values left at their zero values, so that later
// checks can still run.
func Load(fsys fs.FS) ([]*Post, diag.List) { return LoadWith(fsys, nil) }

// LoadWith is Load, taking the posts whose files did not change since the
// last load with m from m, rather than decoding them again; m may be nil.
func LoadWith(fsys fs.FS, m *Memo) ([]*Post, diag.List) {
	var list diag.List
	entries, err := fs.ReadDir(fsys, Dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, list
	}
	if err != nil {
		list.Add(diag.Pos{File: Dir}, "content.syntax", "cannot be read: %v", err)
		return nil, list
	}

	// A source is a post's file and, for a page bundle, its folder. A
	// file of the listing is checked here, as cheaply as Folder can, and
	// its problem kept; a bundle's index.md is checked by KitFile, in
	// parallel with the others.
	type source struct{ name, dir, problem string }
	var sources []source
	folder := brand.NewFolder(fsys, Dir)
	for _, e := range entries {
		name := path.Join(Dir, e.Name())
		if strings.HasPrefix(e.Name(), ".") {
			continue // editor and system files: .DS_Store, .#draft.md
		}
		isDir := e.IsDir()
		if e.Type()&fs.ModeSymlink != 0 {
			if info, err := fs.Stat(fsys, name); err == nil {
				isDir = info.IsDir()
			}
		}
		switch {
		case isDir:
			index := name + "/index.md"
			if _, err := fs.Stat(fsys, index); errors.Is(err, fs.ErrNotExist) {
				list.Add(diag.Pos{File: name}, "content.invalid",
					"a folder in %s is a post with its images and needs an index.md", Dir)
				continue
			}
			sources = append(sources, source{name: index, dir: name})
		case strings.EqualFold(path.Ext(name), ".md"):
			_, problem := folder.File(e)
			sources = append(sources, source{name: name, problem: problem})
		}
	}
	slices.SortFunc(sources, func(a, b source) int { return strings.Compare(a.name, b.name) })

	// Posts are read and parsed in parallel (serve loads them all on every
	// save), then taken in name order, so that the first of two posts with
	// one slug keeps it whatever the scheduling.
	loaded := make([]*Post, len(sources))
	lists := make([]diag.List, len(sources))
	use := m.begin()
	parallel.For(context.Background(), len(sources), func(_ context.Context, i int) error {
		s := sources[i]
		problem := s.problem
		if s.dir != "" {
			_, problem = brand.KitFile(fsys, s.name)
		}
		if problem != "" {
			lists[i].Add(diag.Pos{File: s.name}, "content.syntax", "%s", problem)
			return nil
		}
		loaded[i] = use.load(fsys, s.name, s.dir, &lists[i])
		return nil
	})
	use.end()

	var posts []*Post
	bySlug := make(map[string]*Post)
	for i, p := range loaded {
		list.Append(lists[i])
		if p == nil || p.Slug == "" {
			continue
		}
		if first, ok := bySlug[p.Slug]; ok {
			list.Add(p.Pos("slug"), "content.invalid", "slug %q is already the slug of %s", p.Slug, first.File.Name)
			continue
		}
		bySlug[p.Slug] = p
		posts = append(posts, p)
	}
	list.Sort()
	return posts, list
}

// load reads one post, a file KitFile accepts, reporting its problems
// into list; it returns nil when the post cannot be read.
func (u *memoLoad) load(fsys fs.FS, name, dir string, list *diag.List) *Post {
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		list.Add(diag.Pos{File: name}, "content.syntax", "cannot be read: %v", err)
		return nil
	}
	key := u.key(name, dir, src)
	if p := u.get(fsys, key, src); p != nil {
		return p
	}
	var own diag.List
	p := decode(fsys, name, dir, src, &own)
	if own.Len() == 0 && p != nil {
		u.put(key, p)
	}
	list.Append(own)
	return p
}

// decode decodes the post file name, of bytes src, reporting its problems
// into list; it returns nil when the post cannot be read.
func decode(fsys fs.FS, name, dir string, src []byte, list *diag.List) *Post {
	file := diag.NewFile(name, src)
	if off, problem := notText(src); problem != "" {
		list.Add(file.Pos(off), "content.syntax", "%s", problem)
		return nil
	}
	parts, problem := splitFrontMatter(src)
	if problem != "" {
		list.Add(file.LineCol(1, 1), "content.syntax", "%s", problem)
		return nil
	}
	var fm frontMatterTOML
	doc, decodeList := tomldoc.Decode(file, parts.tomlStart, parts.tomlEnd, &fm, tomlRules)
	list.Append(decodeList)
	if doc == nil {
		return nil
	}

	p := &Post{
		File:       file,
		Dir:        dir,
		Draft:      fm.Draft,
		Summary:    fm.Summary,
		Body:       src[parts.body:],
		BodyOffset: parts.body,
		keys:       make(map[string]int, len(doc.Locs())),
		values:     make(map[string]int, len(doc.Locs())),
	}
	for key, loc := range doc.Locs() {
		p.keys[key] = loc.Key
		p.values[key] = loc.Value
	}
	v := &validator{fsys: fsys, doc: doc, list: list, file: file}
	p.Title = v.required("title", fm.Title)
	p.Date = v.date("date", fm.Date)
	p.Updated = v.date("updated", fm.Updated)
	if !p.Updated.IsZero() && !p.Date.IsZero() && p.Updated.Before(p.Date) {
		v.invalid("updated", "%s is before the date, %s", p.Updated.Format(time.DateOnly), p.Date.Format(time.DateOnly))
	}
	p.Tags = v.tags(fm.Tags)
	p.Cover = v.cover(fm.Cover, path.Dir(name))
	if v.doc.Has("cover") && !v.doc.Has("cover_alt") {
		v.list.Add(doc.Pos("cover"), "content.invalid", "cover: needs cover_alt, the text read in place of the image")
	}
	if v.given("cover_alt") {
		if strings.TrimSpace(fm.CoverAlt) == "" {
			v.invalid("cover_alt", "is empty: describe the image for those who cannot see it")
		} else {
			p.CoverAlt = fm.CoverAlt
		}
	}
	p.CoverFocus = v.focus(fm.CoverFocus)
	p.Networks = v.networks(fm.Networks)
	p.Slug = v.slug(fm.Slug, name, dir)
	return p
}

// notText returns the offset of the first byte that shows src is not UTF-8
// text, with the problem to report.
func notText(src []byte) (int, string) {
	if bytes.IndexByte(src, 0) >= 0 {
		// A binary file: no line in it means anything to the user.
		return 0, "is not a text file: it holds a NUL byte"
	}
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size == 1 {
			return i, fmt.Sprintf("is not UTF-8 text: byte 0x%02X", src[i])
		}
		i += size
	}
	return 0, ""
}

// validator checks the decoded front matter of one post. Like the profile's,
// it only looks at values that decoded; the others have their finding.
type validator struct {
	fsys fs.FS
	doc  *tomldoc.Doc
	list *diag.List
	file *diag.File
}

func (v *validator) given(key string) bool { return v.doc.Decoded(key) }

func (v *validator) invalid(key, format string, args ...any) *diag.Finding {
	return v.list.Add(v.doc.ValuePos(key), "content.invalid", key+": "+format, args...)
}

// invalidElem reports a problem with element i of the array at key.
func (v *validator) invalidElem(key string, i int, format string, args ...any) *diag.Finding {
	return v.list.Add(v.doc.ValuePos(key+"."+strconv.Itoa(i)), "content.invalid",
		fmt.Sprintf("%s[%d]: ", key, i)+format, args...)
}

// frontPos is the position of the opening +++, where findings about keys
// the front matter lacks go.
func (v *validator) frontPos() diag.Pos { return v.file.LineCol(1, 1) }

func (v *validator) required(key, val string) string {
	switch {
	case !v.doc.Has(key):
		v.list.Add(v.frontPos(), "content.invalid", "missing required key %s", key)
	case !v.given(key):
	case strings.TrimSpace(val) == "":
		v.invalid(key, "is empty")
	default:
		return val
	}
	return ""
}

// date reads a date written as a TOML date, date-time or quoted
// "YYYY-MM-DD", and keeps the calendar date at midnight UTC. Only date is
// required.
func (v *validator) date(key string, val any) time.Time {
	if !v.doc.Has(key) {
		if key == "date" {
			v.list.Add(v.frontPos(), "content.invalid", "missing required key date")
		}
		return time.Time{}
	}
	switch d := val.(type) {
	case time.Time:
		if tomldoc.Describe(d) == "a local time" {
			v.invalid(key, "a time without a date: write YYYY-MM-DD")
			return time.Time{}
		}
		y, m, day := d.Date()
		return time.Date(y, m, day, 0, 0, 0, 0, time.UTC)
	case string:
		t, err := time.Parse(time.DateOnly, strings.TrimSpace(d))
		if err != nil {
			v.invalid(key, "%q is not a date: write YYYY-MM-DD", d)
			return time.Time{}
		}
		return t
	}
	v.invalid(key, "expected a date, found %s", tomldoc.Describe(val))
	return time.Time{}
}

func (v *validator) tags(raw []string) []string {
	var out []string
	for i, tag := range raw {
		switch {
		case !v.given("tags." + strconv.Itoa(i)):
		case Slugify(tag) == "":
			v.invalidElem("tags", i, "%q has no letter or digit to name its page", tag)
		default:
			out = append(out, tag)
		}
	}
	return out
}

// cover resolves the cover image: a path relative to the post's folder, or
// one starting with assets/, relative to the kit root.
func (v *validator) cover(raw, postDir string) string {
	if !v.given("cover") {
		return ""
	}
	name := raw
	if !strings.HasPrefix(raw, "assets/") && raw != "" && !strings.Contains(raw, `\`) &&
		!path.IsAbs(raw) && !(len(raw) >= 2 && raw[1] == ':') {
		name = path.Join(postDir, raw)
	}
	clean, problem := brand.KitFile(v.fsys, name)
	if problem != "" {
		v.invalid("cover", "%q %s", raw, problem)
		return ""
	}
	return clean
}

func (v *validator) focus(raw []float64) brand.Focus {
	def := brand.DefaultCoverFocus
	if !v.given("cover_focus") {
		return def
	}
	if len(raw) != 2 {
		v.invalid("cover_focus", "must be two numbers [x, y], found %d", len(raw))
		return def
	}
	for i, f := range raw {
		if !v.given("cover_focus." + strconv.Itoa(i)) {
			return def
		}
		if !(f >= 0 && f <= 1) { // written so that NaN fails
			v.invalidElem("cover_focus", i, "must be between 0 and 1, not %g", f)
			return def
		}
	}
	return brand.Focus{X: raw[0], Y: raw[1]}
}

// networks checks the networks a post is shared on. Absent, it is nil:
// every network the profile configures; an empty list shares nowhere.
func (v *validator) networks(raw []string) []string {
	if !v.given("networks") {
		return nil
	}
	out := []string{}
	for i, name := range raw {
		if !v.given("networks." + strconv.Itoa(i)) {
			continue
		}
		if _, ok := network.Lookup(name); !ok {
			f := v.invalidElem("networks", i, "unknown network %q", name)
			if near := diag.DidYouMean(name, network.Names()); near != "" {
				f.Suggestion = fmt.Sprintf("did you mean %q?", near)
			}
			continue
		}
		out = append(out, name)
	}
	return out
}

// slug returns the post's slug: the front matter's, which must already be
// a slug, or one made from the file or bundle folder name.
func (v *validator) slug(raw, name, dir string) string {
	if v.doc.Has("slug") {
		if !v.given("slug") {
			return ""
		}
		s := Slugify(raw)
		switch {
		case s == "":
			v.invalid("slug", "%q has no letter or digit to make a URL", raw)
			return ""
		case s != raw:
			f := v.invalid("slug", "%q is not a slug: lower-case letters, digits and dashes", raw)
			f.Suggestion = fmt.Sprintf("write %q", s)
			return ""
		}
		return s
	}
	base := strings.TrimSuffix(path.Base(name), path.Ext(name))
	if dir != "" {
		base = path.Base(dir)
	}
	s := Slugify(base)
	if s == "" {
		v.list.Add(v.frontPos(), "content.invalid",
			"the file name %q has no letter or digit to make a URL: set slug", base)
	}
	return s
}
