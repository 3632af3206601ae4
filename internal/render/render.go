package render

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"net/url"
	"slices"
	"sync"

	"github.com/marque-kit/marque/internal/brand"
	"github.com/marque-kit/marque/internal/output"
	"github.com/marque-kit/marque/internal/parallel"
	"github.com/marque-kit/marque/internal/post"
	"github.com/marque-kit/marque/theme"
)

// Input is everything a site is made of.
type Input struct {
	Profile *brand.Profile
	// BaseURL is the absolute URL of the site (site_url, or --base-url). It
	// may have a path, such as /blog, which every internal link then starts
	// with.
	BaseURL *url.URL
	// Posts are the posts to publish, newest first; the caller has left out
	// the drafts and future posts the build does not show.
	Posts []*Post
	// About is content/about.md once rendered, or nil: the About page is
	// then built from the profile.
	About    *Page
	Portrait *Image // the person's photo, or nil
	// Card is the link preview of the home and about pages (og:image),
	// or nil.
	Card *Image
	// Icons are the site's icons; without them, the logo or an SVG of
	// the initials is the icon.
	Icons Icons
	Logo  *Image // or nil
	Fonts Fonts
	// Drafts is set when the build shows drafts and future posts: pages then
	// mark them with a badge and ask search engines not to index them.
	Drafts bool
	// Memo, when not nil, keeps the pages for the next render of the kit,
	// and gives back those whose data did not change.
	Memo *Memo
	// Lint is set by a check, which needs the pages' names (its links
	// lead to them) and not their HTML: each page template runs once, on
	// the first page of its kind, so that a template that does not run
	// is still reported, and every page is added with no bytes.
	Lint bool
}

// Post is a post ready to render.
type Post struct {
	*post.Post
	HTML    template.HTML // the body, typography applied
	Summary string        // the front matter's, or one derived from the body
	Words   int
	Cover   *Image // nil when the post has none
	Card    *Image // the link preview (og:image), or nil
	// Scheduled is set on a post dated after the build's day, which only a
	// build that shows future posts publishes (render reads no clock, so
	// the caller says).
	Scheduled bool
}

// Page is content/about.md once rendered.
type Page struct {
	Title   string // "" for the theme's "About"
	HTML    template.HTML
	Summary string
}

// Image is a picture the caller has placed in the site. URL and every URL
// of Srcset are used as they are in src and srcset attributes, so they are
// either absolute or site-root paths that already start with BaseURL's path
// ("/blog/img/photo-480.jpg"). Srcset uses width descriptors ("a.jpg 480w,
// b.jpg 960w") or is empty.
type Image struct {
	URL           string
	Width, Height int
	Srcset        string
	Alt           string
}

// Icons holds the URLs, in the same form as [Image.URL], of the site's
// icons; each is "" or nil when the site has none of the kind.
type Icons struct {
	ICO      string   // favicon.ico
	PNG      *Image   // a small PNG icon, with its size
	Apple    string   // the Apple touch icon, 180×180
	Manifest []*Image // the web app manifest's icons
}

// Fonts holds the URLs, in the same form as [Image.URL], of the brand's
// font files loaded with @font-face; "" means a system font stack.
type Fonts struct {
	Heading, Body string
}

// PostsPerPage is the length of a page of the posts list.
const PostsPerPage = 10

// latestOnHome is how many posts the home page shows.
const latestOnHome = 3

// feedLength is how many posts the feed carries, newest first.
const feedLength = 20

// Render writes the whole site into tree: every page, feed.xml,
// sitemap.xml, robots.txt, style.css and the theme's other static files.
// The posts' own files (covers, images of page bundles) and the images are
// the caller's to add.
func Render(in *Input, th *theme.Theme, tree *output.Tree) error {
	if in.Profile == nil || in.BaseURL == nil {
		return fmt.Errorf("render: no profile or base URL")
	}
	r := &renderer{in: in, th: th, tree: tree}
	r.site = newSite(in)
	r.index()
	steps := []func() error{
		r.static, // first: the style sheet's URL carries a hash of its content
		r.home, r.about, r.postsList, r.postPages, r.tagPages, r.links, r.notFound,
		r.feed, r.sitemap, r.robots,
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	if err := r.shared(); err != nil {
		return err
	}
	return r.executePages()
}

// shared runs the theme's "head" and "footer" on the site, now complete,
// for every page to show (site.Head, site.Footer): they are the same on all
// of them, and running each once rather than on every page took a sixth
// off the time of the pages for the footer, and a tenth for the head.
func (r *renderer) shared() error {
	for _, part := range []struct {
		name string
		html *template.HTML
	}{{"head", &r.site.Head}, {"footer", &r.site.Footer}} {
		var b bytes.Buffer
		if err := r.th.ExecuteShared(&b, part.name, r.site); err != nil {
			return fmt.Errorf("render the %s: %w", part.name, err)
		}
		*part.html = template.HTML(b.String())
	}
	return r.headers()
}

// headers gives every page its header, running the theme's "header" once
// for each kind of page and current link there is.
func (r *renderer) headers() error {
	type variant struct {
		kind    string
		current int // the index of the current link in Nav, or -1
	}
	made := map[variant]template.HTML{}
	for _, job := range r.pages {
		p := job.p
		v := variant{kind: p.Kind, current: slices.IndexFunc(p.Nav, func(n navItem) bool { return n.Current })}
		h, ok := made[v]
		if !ok {
			var b bytes.Buffer
			data := struct {
				Site *site
				Kind string
				Nav  []navItem
			}{p.Site, p.Kind, p.Nav}
			if err := r.th.ExecuteShared(&b, "header", data); err != nil {
				return fmt.Errorf("render the header: %w", err)
			}
			h = template.HTML(b.String())
			made[v] = h
		}
		p.Header = h
	}
	return nil
}

// renderer holds one render's state.
type renderer struct {
	in   *Input
	th   *theme.Theme
	tree *output.Tree
	site *site

	posts []*postView // in input order, newest first
	tags  []*tagView  // by slug
	urls  []sitemapURL
	pages []pageJob // written, waiting for executePages
}

// pageJob is a page waiting for its template to run.
type pageJob struct {
	kind, file string
	p          *page
}

// write sets up p for the page template kind, to be executed by
// executePages and added to the tree at dir/index.html for a page with a
// canonical URL ("" is the home page), or at file for the 404 page.
func (r *renderer) write(kind, dir string, p *page) error {
	p.Site = r.site
	p.Kind = kind
	p.Nav = r.site.nav(dir)
	file := "404.html"
	if kind != "404" {
		p.Canonical = r.site.Abs(dir)
		file = dir + "index.html"
		r.urls = append(r.urls, sitemapURL{Loc: p.Canonical, LastMod: p.lastMod})
	}
	if p.OG.Title == "" {
		p.OG.Title = p.Heading
	}
	if p.OG.Type == "" {
		p.OG.Type = "website"
	}
	if p.OG.Image == nil && kind != "404" {
		p.OG.Image = r.site.card
	}
	r.pages = append(r.pages, pageJob{kind: kind, file: file, p: p})
	return nil
}

// pageBuffers keeps the buffers pages are executed into: grown from
// nothing, each page's buffer was copied a dozen times on the way to its
// size, a fifth of the time templates took. A page keeps an exact copy.
var pageBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// executePages runs the templates of the pages written, in parallel: on a
// site of a thousand posts, that is most of the render, which serve redoes
// on every save. A template only reads its page, so the runs share nothing
// but read-only data. The pages are added, and the first failure reported,
// in the order they were written, whatever the scheduling.
func (r *renderer) executePages() error {
	if r.in.Lint {
		return r.lintPages()
	}
	out := make([][]byte, len(r.pages))
	errs := make([]error, len(r.pages))
	memo := r.in.Memo.begin(r.th)
	parallel.For(context.Background(), len(r.pages), func(_ context.Context, i int) error {
		job := r.pages[i]
		out[i], errs[i] = memo.page(job, func() ([]byte, error) {
			return r.execute(job)
		})
		return nil
	})
	memo.end()
	for i, job := range r.pages {
		if errs[i] != nil {
			return errs[i]
		}
		if err := r.tree.Add(job.file, out[i]); err != nil {
			return err
		}
	}
	return nil
}

// execute runs the template of one page.
func (r *renderer) execute(job pageJob) ([]byte, error) {
	buf := pageBuffers.Get().(*bytes.Buffer)
	defer pageBuffers.Put(buf)
	buf.Reset()
	if err := r.th.Execute(buf, job.kind, job.p); err != nil {
		return nil, fmt.Errorf("render %s: %w", job.file, err)
	}
	return bytes.Clone(buf.Bytes()), nil
}

// lintPages runs each page template once, on the first page of its kind,
// and adds every page with no bytes (Input.Lint).
func (r *renderer) lintPages() error {
	ran := map[string]bool{}
	for _, job := range r.pages {
		if !ran[job.kind] {
			ran[job.kind] = true
			if _, err := r.execute(job); err != nil {
				return err
			}
		}
		if err := r.tree.Add(job.file, nil); err != nil {
			return err
		}
	}
	return nil
}
