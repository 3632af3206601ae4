package build

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/marque-kit/marque/internal/brand"
	"github.com/marque-kit/marque/internal/output"
	"github.com/marque-kit/marque/internal/post"
)

// setOrigin puts the site at opts.Origin, keeping the path of its URL, for
// a preview; it leaves a --base-url alone.
func (k *kit) setOrigin(opts Options) error {
	if opts.Origin == "" || opts.BaseURL != "" {
		return nil
	}
	o, err := url.Parse(opts.Origin)
	if err != nil || o.Scheme == "" || o.Host == "" {
		return fmt.Errorf("origin %q: not a scheme and host", opts.Origin)
	}
	u := *k.base
	u.Scheme, u.Host, u.User = o.Scheme, o.Host, nil
	k.base = &u
	return nil
}

// basePath returns the URL path of the site's root, with a slash at each
// end.
func (k *kit) basePath() string {
	p := strings.Trim(k.base.Path, "/")
	if p == "" {
		return "/"
	}
	return "/" + p + "/"
}

// pageSources maps each HTML file of site to the kit files it is made from.
// Every page shows the profile; a post's page is also made from its file,
// and the About page from content/about.md.
func pageSources(k *kit, site *output.Tree) map[string][]string {
	sources := map[string][]string{}
	for _, name := range site.Names() {
		if strings.HasSuffix(name, ".html") {
			sources[name] = []string{brand.FileName}
		}
	}
	own := func(page, file string) {
		if _, ok := sources[page]; ok {
			sources[page] = append(sources[page], file)
		}
	}
	for _, p := range k.posts {
		own("posts/"+p.Slug+"/index.html", p.File.Name)
	}
	if k.about != nil {
		own("about/index.html", post.AboutFile)
	}
	return sources
}
