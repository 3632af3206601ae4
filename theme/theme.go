package theme

import (
	"crypto/sha256"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/marque-kit/marque/internal/diag"
)

//go:embed templates/*.html static
var defaults embed.FS

// Pages lists the page templates every theme has, by name: templates/NAME.html.
var Pages = []string{"home", "about", "posts", "post", "tags", "tag", "links", "404", "kit"}

// Theme is a loaded theme: its page templates, parsed, and its static files.
type Theme struct {
	pages   map[string]*template.Template
	shared  *template.Template // the other templates, for ExecuteShared
	static  map[string][]byte  // by path under static/
	sources map[string]source  // the templates' files, by template file name
}

// source is one file of the theme and where it comes from.
type source struct {
	data   []byte
	origin string // its path: kit-relative for the kit's, under the embedded theme otherwise
	kit    bool
}

// Error is a problem in one of the kit's own theme files: a template that
// does not parse, or that fails when a page is made from it. It is the
// user's to fix, so callers report it as a finding; an Error never comes
// from the default theme.
type Error struct {
	Pos diag.Pos // the file under theme/, and its line when known
	Msg string
}

func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

// Load returns the default theme with the files of kit's theme/ folder laid
// over it: a file at theme/templates/NAME.html or theme/static/PATH replaces
// the default file of the same name, or adds one. Other files under theme/
// are not the theme's (the project's own repository keeps its Go source
// there) and are left alone. kit may be nil, for the default theme alone.
// A kit template that does not parse is an *Error naming its file and line.
func Load(kit fs.FS) (*Theme, error) {
	templates := map[string]source{}
	static := map[string]source{}
	if err := collect(defaults, ".", false, templates, static); err != nil {
		return nil, err
	}
	if kit != nil {
		err := collect(kit, "theme", true, templates, static)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("read the kit's theme: %w", err)
		}
	}
	key := sourcesKey(templates, static)
	if th := loaded.get(key); th != nil {
		return th, nil
	}
	th := &Theme{
		pages:   map[string]*template.Template{},
		static:  map[string][]byte{},
		sources: templates,
	}

	// Shared templates are parsed first, in name order so that a name
	// defined twice always resolves the same way; each page then gets its
	// own copy to define its blocks in.
	shared := template.New("")
	for _, name := range sortedKeys(templates) {
		if isPage(name) {
			continue
		}
		if _, err := shared.New(name).Parse(string(templates[name].data)); err != nil {
			return nil, th.fail(err)
		}
	}
	for _, page := range Pages {
		name := page + ".html"
		src, ok := templates[name]
		if !ok {
			return nil, fmt.Errorf("theme: no template %s", name)
		}
		t, err := shared.Clone()
		if err != nil {
			return nil, fmt.Errorf("theme: %w", err)
		}
		if _, err := t.New(name).Parse(string(src.data)); err != nil {
			return nil, th.fail(err)
		}
		// html/template checks a template's escaping contexts when it is
		// first executed; run that check now, on no data, so that a kit
		// template such as <a href="{{.}} fails here with its file rather
		// than in the middle of a build. Errors of execution on no data
		// say nothing about the template and are ignored.
		var escErr *template.Error
		if err := t.Lookup(name).Execute(io.Discard, nil); errors.As(err, &escErr) {
			return nil, th.fail(err)
		}
		th.pages[page] = t.Lookup(name)
	}
	th.shared = shared // cloned for every page by now: it may be executed
	for name, src := range static {
		th.static[name] = src.data
	}
	loaded.put(key, th)
	return th, nil
}

// loaded keeps the last theme Load parsed, by the content of its files:
// serve loads the theme on every save, and parsing and checking every
// template is most of a small kit's rebuild. A Theme never changes once
// loaded and its templates are safe to run concurrently, so builds share
// it. A theme that fails to load is not kept: it fails again, with its
// error.
var loaded themeCache

type themeCache struct {
	mu  sync.Mutex
	key [sha256.Size]byte
	th  *Theme
}

func (c *themeCache) get(key [sha256.Size]byte) *Theme {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.th != nil && c.key == key {
		return c.th
	}
	return nil
}

func (c *themeCache) put(key [sha256.Size]byte, th *Theme) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.key, c.th = key, th
}

// sourcesKey hashes a theme's files: names, origins and bytes, in name
// order.
func sourcesKey(templates, static map[string]source) [sha256.Size]byte {
	h := sha256.New()
	for _, set := range []map[string]source{templates, static} {
		fmt.Fprintf(h, "%d\x00", len(set))
		for _, name := range sortedKeys(set) {
			src := set[name]
			fmt.Fprintf(h, "%q %q %t %d\x00", name, src.origin, src.kit, len(src.data))
			h.Write(src.data)
		}
	}
	var key [sha256.Size]byte
	h.Sum(key[:0])
	return key
}

// collect reads the templates/*.html and static/** files under root of fsys
// into templates and static, replacing entries of the same name.
func collect(fsys fs.FS, root string, kit bool, templates, static map[string]source) error {
	return fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != root && strings.HasPrefix(d.Name(), ".") {
			// Hidden files (.DS_Store, editor swap files) are never part of a theme.
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		rel := p
		if root != "." {
			rel = strings.TrimPrefix(p, root+"/")
		}
		var into map[string]source
		var name string
		switch {
		case path.Dir(rel) == "templates" && path.Ext(rel) == ".html":
			into, name = templates, path.Base(rel)
		case strings.HasPrefix(rel, "static/"):
			into, name = static, strings.TrimPrefix(rel, "static/")
		default:
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		origin := p
		if !kit {
			origin = "theme/" + p // as the file sits in marque's repository
		}
		into[name] = source{data: data, origin: origin, kit: kit}
		return nil
	})
}

func isPage(file string) bool {
	return slices.Contains(Pages, strings.TrimSuffix(file, ".html"))
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Execute writes the page template page (one of [Pages]) applied to data. A
// failure in one of the kit's templates is an *Error.
func (t *Theme) Execute(w io.Writer, page string, data any) error {
	tmpl, ok := t.pages[page]
	if !ok {
		return fmt.Errorf("theme: no page template %q", page)
	}
	if err := tmpl.Execute(w, data); err != nil {
		return t.fail(err)
	}
	return nil
}

// ExecuteShared runs the template name defined by a shared template (one
// that is not a page's, such as "footer") on data and writes the result
// to w: render makes the parts every page shows alike once. A theme
// without the template writes nothing.
func (t *Theme) ExecuteShared(w io.Writer, name string, data any) error {
	if t.shared.Lookup(name) == nil {
		return nil
	}
	if err := t.shared.ExecuteTemplate(w, name, data); err != nil {
		return t.fail(err)
	}
	return nil
}

// StaticNames returns the paths of the static files, relative to static/
// and so to the site's root, sorted.
func (t *Theme) StaticNames() []string { return sortedKeys(t.static) }

// Static returns the static file at name (a path from [Theme.StaticNames]).
func (t *Theme) Static(name string) ([]byte, bool) {
	b, ok := t.static[name]
	return b, ok
}

// templateErrRE matches the location text/template and html/template put
// in the messages of parse and execution errors: "template: post.html:12: ...",
// "template: post.html:12:5: executing ...".
var templateErrRE = regexp.MustCompile(`^template: ([^:]+):(\d+):(?:\d+:)? ?(.*)$`)

// fail turns a template error into an *Error at the kit file it names, or
// wraps it when it comes from the default theme (a bug of marque's).
func (t *Theme) fail(err error) error {
	var name, msg string
	var line int
	var escErr *template.Error
	m := templateErrRE.FindStringSubmatch(err.Error())
	switch {
	case errors.As(err, &escErr):
		name, line, msg = escErr.Name, escErr.Line, escErr.Description
	case m != nil:
		name, msg = m[1], m[3]
		line, _ = strconv.Atoi(m[2])
	default:
		return fmt.Errorf("theme: %w", err)
	}
	src, ok := t.sources[name]
	if !ok {
		return fmt.Errorf("theme: %w", err)
	}
	if !src.kit {
		return fmt.Errorf("theme: %s: %w", src.origin, err)
	}
	return &Error{Pos: diag.Pos{File: src.origin, Line: line}, Msg: msg}
}
