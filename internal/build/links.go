package build

import (
	"net/url"
	"path"
	"strings"

	"github.com/marque-kit/marque/internal/diag"
	"github.com/marque-kit/marque/internal/output"
)

// checkLinks reports every internal link of a post or the about page that
// leads to no file of the site: a `content.link` finding at the link.
func checkLinks(k *kit, site *output.Tree, l *diag.List) {
	for _, p := range k.posts {
		for _, ref := range p.doc.Links {
			checkLink(k, site, "posts/"+p.Slug+"/", ref.Dest, p.File.Pos(p.BodyOffset+ref.Offset), l)
		}
		for _, ref := range p.doc.Images {
			checkLink(k, site, "posts/"+p.Slug+"/", ref.Dest, p.File.Pos(p.BodyOffset+ref.Offset), l)
		}
	}
	if a := k.about; a != nil {
		for _, ref := range append(a.doc.Links, a.doc.Images...) {
			checkLink(k, site, "about/", ref.Dest, a.file.Pos(a.bodyOffset+ref.Offset), l)
		}
	}
}

// checkLink resolves dest, as written on the page at dir, against the site.
// Links with a scheme or a host, fragments of the same page and links that
// reach above the site are left alone.
func checkLink(k *kit, site *output.Tree, dir, dest string, pos diag.Pos, l *diag.List) {
	u, err := url.Parse(dest)
	if err != nil {
		l.Add(pos, "content.link", "%q is not a valid link", dest)
		return
	}
	if u.Scheme != "" || u.Host != "" || u.Path == "" {
		return
	}
	target := u.Path
	if strings.HasPrefix(target, "/") {
		// A path from the site's root; it may repeat the base URL's prefix.
		target = strings.TrimPrefix(target, strings.TrimSuffix(k.base.Path, "/"))
	} else {
		target = "/" + dir + target
	}
	target = strings.TrimPrefix(path.Clean(target), "/")
	if strings.HasPrefix(target, "..") {
		return
	}
	if target == "." || target == "" || site.Has(target) || site.Has(path.Join(target, "index.html")) {
		return
	}
	f := l.Add(pos, "content.link", "%q leads to no page of the site", dest)
	if strings.HasSuffix(u.Path, ".md") {
		slug := strings.TrimSuffix(path.Base(u.Path), ".md")
		if slug == "index" {
			slug = path.Base(path.Dir(u.Path))
		}
		f.Suggestion = "link to the page, /posts/" + slug + "/, not to its Markdown file"
	}
}
