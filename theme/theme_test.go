package theme

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/marque-kit/marque/internal/diag"
)

func TestLoadDefault(t *testing.T) {
	th, err := Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, page := range Pages {
		if _, ok := th.pages[page]; !ok {
			t.Errorf("no page template %q", page)
		}
	}
	if _, ok := th.Static("style.css"); !ok {
		t.Errorf("no style.css in %v", th.StaticNames())
	}
}

func TestLoadOverrides(t *testing.T) {
	kit := fstest.MapFS{
		"theme/templates/404.html":      {Data: []byte(`gone {{.}}`)},
		"theme/templates/extra.html":    {Data: []byte(`{{define "extra"}}shared{{end}}`)},
		"theme/templates/tag.html":      {Data: []byte(`{{template "extra"}}`)},
		"theme/static/style.css":        {Data: []byte("kit css")},
		"theme/static/fonts/a.woff2":    {Data: []byte("font")},
		"theme/static/.DS_Store":        {Data: []byte("junk")},
		"theme/theme.go":                {Data: []byte("package theme")}, // the project's own repository
		"theme/templates/notes.txt":     {Data: []byte("{{")},
		"theme/templates/sub/base.html": {Data: []byte("{{")},
		"content/posts/a.md":            {Data: []byte("+++")},
	}
	th, err := Load(kit)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ page, want string }{
		{"404", "gone x"},
		{"tag", "shared"},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		if err := th.Execute(&b, tt.page, "x"); err != nil {
			t.Fatal(err)
		}
		if b.String() != tt.want {
			t.Errorf("page %s = %q, want %q", tt.page, b.String(), tt.want)
		}
	}
	if css, _ := th.Static("style.css"); string(css) != "kit css" {
		t.Errorf("style.css = %q, want the kit's", css)
	}
	names := strings.Join(th.StaticNames(), " ")
	if !strings.Contains(names, "fonts/a.woff2") || strings.Contains(names, "DS_Store") {
		t.Errorf("static files = %s", names)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name string
		kit  fstest.MapFS
		want diag.Pos
		msg  string
	}{
		{"page", fstest.MapFS{"theme/templates/post.html": {Data: []byte("<p>\n{{.Title")}},
			diag.Pos{File: "theme/templates/post.html", Line: 2}, "unclosed action"},
		{"shared", fstest.MapFS{"theme/templates/base.html": {Data: []byte("{{define \"base\"}}\n\n{{if}}{{end}}{{end}}")}},
			diag.Pos{File: "theme/templates/base.html", Line: 3}, "missing value for if"},
		// html/template finds this one only when escaping, which Load forces.
		{"escaping", fstest.MapFS{"theme/templates/home.html": {Data: []byte("<p>\n<a href=\"{{.}}")}},
			diag.Pos{File: "theme/templates/home.html"}, "ends in a non-text context"},
	}
	for _, tt := range tests {
		_, err := Load(tt.kit)
		var terr *Error
		if !errors.As(err, &terr) {
			t.Errorf("%s: Load error %v, want a *theme.Error", tt.name, err)
			continue
		}
		if terr.Pos != tt.want || !strings.Contains(terr.Msg, tt.msg) {
			t.Errorf("%s: Load error at %v: %q, want at %v: %q", tt.name, terr.Pos, terr.Msg, tt.want, tt.msg)
		}
	}
}

func TestExecuteErrors(t *testing.T) {
	kit := fstest.MapFS{"theme/templates/tag.html": {Data: []byte("<p>\n{{.Missing}}</p>")}}
	th, err := Load(kit)
	if err != nil {
		t.Fatal(err)
	}
	var terr *Error
	err = th.Execute(io.Discard, "tag", struct{}{})
	if !errors.As(err, &terr) || terr.Pos != (diag.Pos{File: "theme/templates/tag.html", Line: 2}) || !strings.Contains(terr.Msg, "Missing") {
		t.Errorf("executing the kit's tag.html: %v, want a *theme.Error at theme/templates/tag.html:2", err)
	}
	// The default templates failing is marque's bug, not the kit's.
	err = th.Execute(io.Discard, "home", struct{}{})
	if err == nil || errors.As(err, &terr) || !strings.Contains(err.Error(), "theme/templates/base.html") {
		t.Errorf("executing the default home page on the wrong data: %v, want a plain error naming theme/templates/base.html", err)
	}
}

func TestExecuteUnknownPage(t *testing.T) {
	th, err := Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := th.Execute(&bytes.Buffer{}, "nope", nil); err == nil {
		t.Errorf("Execute of an unknown page succeeded")
	}
}
