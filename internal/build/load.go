package build

import (
	"context"
	"fmt"
	"io/fs"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/marque-kit/marque/internal/brand"
	"github.com/marque-kit/marque/internal/diag"
	"github.com/marque-kit/marque/internal/markdown"
	"github.com/marque-kit/marque/internal/parallel"
	"github.com/marque-kit/marque/internal/post"
)

// summaryRunes is the length of a summary derived from a post's body: about
// what search engines show of a meta description.
const summaryRunes = 160

// kit is everything the load stage produced, as the later stages need it.
type kit struct {
	fsys    fs.FS
	profile *brand.Profile
	base    *url.URL
	public  *url.URL    // site_url or --base-url, for print and QR codes: never the preview's origin
	drafts  bool        // drafts or scheduled posts are shown
	today   time.Time   // posts dated after it are scheduled
	posts   []*postDoc  // the posts to publish, newest first
	about   *aboutDoc   // nil without content/about.md
	cache   *Cache      // what earlier builds made; nil outside serve
	images  *imageKit   // the kit's images: their plan, and how to encode it
	assets  *assetFiles // the kit's images and fonts, read once
	out     *earlyWrite // the output a build writes, nil in a check
	lint    bool        // Options.Lint
	// portrait is the absolute address of the site's portrait at its 1×
	// size, for the contact card and the signature, or "".
	portrait string

	// every is every post loaded, drafts and scheduled ones too: the
	// calendar needs them all.
	every []*post.Post
}

// postDoc is a post with its rendered Markdown.
type postDoc struct {
	*post.Post
	doc     *markdown.Doc
	summary string
}

// aboutDoc is content/about.md, rendered.
type aboutDoc struct {
	file       *diag.File
	bodyOffset int
	title      string
	doc        *markdown.Doc
	summary    string
}

// url returns the site URL path of a file of the output tree, with the base
// URL's path prefix.
func (k *kit) url(name string) string {
	return strings.TrimSuffix(k.base.Path, "/") + "/" + name
}

// load reads the profile and the posts, keeps the posts to publish and
// renders their Markdown. It returns a nil kit, with the findings that say
// why, when the kit cannot be rendered at all.
func load(ctx context.Context, fsys fs.FS, opts Options, l *diag.List) (*kit, error) {
	profile, pl := brand.Load(fsys)
	l.Append(pl)
	posts, cl := post.LoadWith(fsys, opts.Cache.postMemo())
	l.Append(cl)
	if profile == nil || l.Unusable() {
		return nil, nil
	}
	k := &kit{fsys: fsys, profile: profile, base: profile.Person.SiteURL, drafts: opts.Drafts || opts.Future, today: opts.Today, cache: opts.Cache, images: newImageKit(opts), assets: &assetFiles{fsys: fsys}, out: opts.out, lint: opts.Lint}
	if opts.BaseURL != "" {
		u, err := url.Parse(opts.BaseURL)
		if err != nil {
			return nil, fmt.Errorf("--base-url: %w", err)
		}
		k.base = u
	}
	if k.base == nil {
		return nil, nil // site_url is missing or invalid: already a finding
	}
	k.public = k.base
	k.every = posts
	for _, p := range posts {
		if (p.Draft && !opts.Drafts) || (p.Date.After(opts.Today) && !opts.Future) {
			continue
		}
		k.posts = append(k.posts, &postDoc{Post: p})
	}
	slices.SortStableFunc(k.posts, func(a, b *postDoc) int {
		if c := b.Date.Compare(a.Date); c != 0 {
			return c
		}
		return strings.Compare(a.Slug, b.Slug)
	})

	md := markdown.New(profile.Person.Language)
	if opts.Lint && opts.Cache == nil { // the cache keeps whole docs
		md = md.Lint() // a check makes no page
	}
	err := parallel.For(ctx, len(k.posts), func(_ context.Context, i int) error {
		p := k.posts[i]
		doc, err := k.markdown(md, p.Body)
		if err != nil {
			return fmt.Errorf("render %s: %w", p.File.Name, err)
		}
		p.doc = doc
		p.summary = p.Summary
		if p.summary == "" {
			p.summary = markdown.Summary(doc.Text, summaryRunes)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	about, err := loadAbout(k, md, l)
	if err != nil {
		return nil, err
	}
	k.about = about
	return k, nil
}
