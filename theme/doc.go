// Package theme is the site's default theme, embedded in the binary: the
// html/template files of its pages (templates/*.html) and the static files
// copied as they are into the site (static/...). A kit overrides any of them
// by writing a file of the same name under its own theme/ folder
// (theme/templates/post.html, theme/static/style.css), and adds static
// files the same way. A build loads the theme once; the render stage then
// executes one page template per page and copies the static files.
//
// Each page template (see [Pages]) is executed on its own, with the shared
// templates (every other file of templates/, such as base.html and
// partials.html) parsed beside it; the default pages call the layout
// {{template "base" .}} and define "main". The shared "head" (head.html,
// the site's part of the <head>) and "footer" (footer.html) are the same
// on every page: render runs each once, on the site, and the layout shows
// them as {{.Site.Head}} and {{.Site.Footer}}; "header" (header.html, the
// name and navigation) runs once per kind of page and current link, shown
// as {{.Header}}. The data they receive
// is documented by the render package. A kit template that does not parse,
// or fails on its data, is an [Error] at its file and line: a problem of
// the kit, not of marque.
package theme
