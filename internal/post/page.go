package post

import (
	"bytes"
	"errors"
	"io/fs"

	"github.com/marque-kit/marque/internal/brand"
	"github.com/marque-kit/marque/internal/diag"
	"github.com/marque-kit/marque/internal/tomldoc"
)

// AboutFile is the kit file of the About page.
const AboutFile = "content/about.md"

// Page is a standalone page such as the About page: Markdown with an
// optional front matter that may only give its title.
type Page struct {
	File       *diag.File
	Title      string // "" when the front matter gives none
	Body       []byte
	BodyOffset int
}

type pageTOML struct {
	Title string `toml:"title"`
}

// LoadPage reads the page at name. It returns nil and no finding when the
// file does not exist, and nil with findings when it cannot be read.
func LoadPage(fsys fs.FS, name string) (*Page, diag.List) {
	var list diag.List
	if _, err := fs.Stat(fsys, name); errors.Is(err, fs.ErrNotExist) {
		return nil, list
	}
	if _, problem := brand.KitFile(fsys, name); problem != "" {
		list.Add(diag.Pos{File: name}, "content.syntax", "%s", problem)
		return nil, list
	}
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		list.Add(diag.Pos{File: name}, "content.syntax", "cannot be read: %v", err)
		return nil, list
	}
	file := diag.NewFile(name, src)
	if off, problem := notText(src); problem != "" {
		list.Add(file.Pos(off), "content.syntax", "%s", problem)
		return nil, list
	}
	page := &Page{File: file, Body: src}
	if first, _ := line(bytes.TrimPrefix(src, []byte("\uFEFF")), 0); !bytes.Equal(first, fence) {
		return page, list // no front matter: the whole file is Markdown
	}
	parts, problem := splitFrontMatter(src)
	if problem != "" {
		list.Add(file.LineCol(1, 1), "content.syntax", "%s", problem)
		return nil, list
	}
	var fm pageTOML
	doc, dl := tomldoc.Decode(file, parts.tomlStart, parts.tomlEnd, &fm, tomlRules)
	list.Append(dl)
	if doc == nil {
		return nil, list
	}
	page.Title, page.Body, page.BodyOffset = fm.Title, src[parts.body:], parts.body
	return page, list
}
