package build

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"sync"

	"github.com/marque-kit/marque/internal/bio"
	"github.com/marque-kit/marque/internal/brand"
	"github.com/marque-kit/marque/internal/diag"
	"github.com/marque-kit/marque/internal/markdown"
	"github.com/marque-kit/marque/internal/output"
	"github.com/marque-kit/marque/internal/picture"
	"github.com/marque-kit/marque/internal/network"
	"github.com/marque-kit/marque/internal/render"
	"github.com/marque-kit/marque/internal/socialimage"
	"github.com/marque-kit/marque/internal/voice"
)

// Cache keeps, between builds of one kit, the work whose result depends only
// on bytes it can hash: a post body's rendered Markdown, the voice check of
// a file, and the files made from a source image. serve keeps one for as long as it runs, so that a
// saved post re-renders that post's Markdown and nothing else of the kind.
//
// Invariants:
//   - A key is a hash of every input of the work (the bytes, the language,
//     the sizes, the base URL of the URLs it holds), so a hit is always what
//     the work would make again. Nothing is keyed by file name or time.
//   - A cached value is shared by the builds that hit it: nothing may change
//     a cached markdown.Doc or file after it is stored.
//   - Only successful work is cached: work that reported a finding runs
//     again, so its finding is reported again.
//   - The cache holds what the latest build used, and that only: each
//     build drops the entries it did not touch when it ends, so memory stays
//     that of one kit however long serve runs.
//
// A Cache is safe for concurrent use. Two builds sharing one at the same
// time stay correct but may evict each other's entries.
type Cache struct {
	mu     sync.Mutex
	build  uint64 // the number of the build running, or of the last one
	docs   map[[sha256.Size]byte]*docEntry
	images map[[sha256.Size]byte]*imageEntry
	voices map[[sha256.Size]byte]*voiceEntry
	shares map[[sha256.Size]byte]*shareEntry
	// plans keeps each post's planned images (socialimage.Memo, which
	// has the same invariants and keeps only what the last plan used).
	plans *socialimage.Memo
	// pages keeps the site's rendered pages (render.Memo, likewise).
	pages *render.Memo
}

type docEntry struct {
	doc  *markdown.Doc
	used uint64 // the last build that used it
}

type imageEntry struct {
	files []cachedFile
	img   *render.Image // nil when the work made no image for the page
	used  uint64
}

type voiceEntry struct {
	res  *voice.Result
	used uint64
}

type shareEntry struct {
	shares []bio.Share
	used   uint64
}

type cachedFile struct {
	name string
	data []byte
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{
		docs:   map[[sha256.Size]byte]*docEntry{},
		images: map[[sha256.Size]byte]*imageEntry{},
		voices: map[[sha256.Size]byte]*voiceEntry{},
		shares: map[[sha256.Size]byte]*shareEntry{},
		plans:  socialimage.NewMemo(),
		pages:  render.NewMemo(),
	}
}

// begin marks the start of a build; end, its end, drops what the build did
// not use. Both accept a nil cache, as every method does, for the builds
// that keep nothing (build and check).
func (c *Cache) begin() {
	if c == nil {
		return
	}
	c.mu.Lock()
	c.build++
	c.mu.Unlock()
}

func (c *Cache) end() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for k, e := range c.docs {
		if e.used != c.build {
			delete(c.docs, k)
		}
	}
	for k, e := range c.images {
		if e.used != c.build {
			delete(c.images, k)
		}
	}
	for k, e := range c.voices {
		if e.used != c.build {
			delete(c.voices, k)
		}
	}
	for k, e := range c.shares {
		if e.used != c.build {
			delete(c.shares, k)
		}
	}
}

// markdown renders src with md, the renderer for lang, or returns the
// document an earlier build rendered from the same bytes.
func (c *Cache) markdown(md *markdown.Renderer, lang string, src []byte) (*markdown.Doc, error) {
	if c == nil {
		return md.Render(src)
	}
	h := sha256.New()
	fmt.Fprintf(h, "markdown\x00%s\x00", lang)
	h.Write(src)
	var key [sha256.Size]byte
	h.Sum(key[:0])

	c.mu.Lock()
	e, ok := c.docs[key]
	if ok {
		e.used = c.build
	}
	c.mu.Unlock()
	if ok {
		return e.doc, nil
	}
	doc, err := md.Render(src)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.docs[key] = &docEntry{doc: doc, used: c.build}
	c.mu.Unlock()
	return doc, nil
}

// image runs encode, which decodes the kit image src and adds the files it
// makes from it to a tree, unless an earlier build ran it on the same bytes
// with the same params: the files it added then are added to tree again,
// without decoding or encoding anything. params must name every other input
// of encode (sizes, focal point, output names); the base URL, which the
// image's URLs hold, is added here.
func (c *Cache) image(k *kit, tree *output.Tree, src, params string, l *diag.List,
	encode func(*output.Tree, *diag.List) (*render.Image, error)) (*render.Image, error) {
	if c == nil {
		return encode(tree, l)
	}
	data, err := fs.ReadFile(k.fsys, src)
	if err != nil {
		// Unreadable or missing: encode reports it as its finding or error.
		return encode(tree, l)
	}
	h := sha256.New()
	fmt.Fprintf(h, "image\x00%s\x00%s\x00", params, k.base)
	h.Write(data)
	var key [sha256.Size]byte
	h.Sum(key[:0])

	c.mu.Lock()
	e, ok := c.images[key]
	if ok {
		e.used = c.build
	}
	c.mu.Unlock()
	if !ok {
		scratch := output.NewTree()
		var found diag.List
		img, err := encode(scratch, &found)
		l.Append(found)
		if err != nil || found.Len() > 0 {
			return nil, err
		}
		e = &imageEntry{img: img, used: c.build}
		for _, name := range scratch.Names() {
			b, _ := scratch.Get(name)
			e.files = append(e.files, cachedFile{name, b})
		}
		c.mu.Lock()
		c.images[key] = e
		c.mu.Unlock()
	}
	for _, f := range e.files {
		if err := tree.Add(f.name, f.data); err != nil {
			return nil, err
		}
	}
	if e.img == nil {
		return nil, nil
	}
	img := *e.img // the caller sets the alt text
	return &img, nil
}

// markdown renders a body of the kit, through the cache when there is one.
func (k *kit) markdown(md *markdown.Renderer, src []byte) (*markdown.Doc, error) {
	return k.cache.markdown(md, k.profile.Person.Language, src)
}

// addVariants adds the crops of src at w×h and twice that (encodeVariants),
// or what an earlier build made of the same image.
func addVariants(tree *output.Tree, k *kit, src, base string, w, h int, f picture.Focus, pos diag.Pos, l *diag.List) (*render.Image, error) {
	params := fmt.Sprintf("variants %s %dx%d %v", base, w, h, f)
	return k.cache.image(k, tree, src, params, l, func(tree *output.Tree, l *diag.List) (*render.Image, error) {
		return encodeVariants(tree, k, src, base, w, h, f, pos, l)
	})
}

// addLogo adds the logo (encodeLogo), or what an earlier build made of the
// same image.
func addLogo(tree *output.Tree, k *kit, src string, pos diag.Pos, l *diag.List) (*render.Image, error) {
	params := fmt.Sprintf("logo %d", logoHeight)
	return k.cache.image(k, tree, src, params, l, func(tree *output.Tree, l *diag.List) (*render.Image, error) {
		return encodeLogo(tree, k, src, pos, l)
	})
}

// voice checks d with checker, made from profile, or returns the result of
// an earlier build's check of the same file, with the same name and bytes,
// under a profile of the same bytes: a check reads nothing else.
func (c *Cache) voice(profile *brand.Profile, checker *voice.Checker, d *voice.Doc) *voice.Result {
	if c == nil || d.File == nil || profile.File == nil {
		return checker.Check(d)
	}
	h := sha256.New()
	fmt.Fprintf(h, "voice\x00%d\x00%s\x00%d\x00%t\x00", len(profile.File.Src), d.File.Name, len(d.File.Src), d.Whole)
	h.Write(profile.File.Src)
	h.Write(d.File.Src)
	var key [sha256.Size]byte
	h.Sum(key[:0])

	c.mu.Lock()
	e, ok := c.voices[key]
	if ok {
		e.used = c.build
	}
	c.mu.Unlock()
	if ok {
		return e.res
	}
	res := checker.Check(d)
	c.mu.Lock()
	c.voices[key] = &voiceEntry{res: res, used: c.build}
	c.mu.Unlock()
	return res
}

// shareTexts writes the share texts of p on nets in lang (bio.ShareTexts),
// or returns those an earlier build wrote from the same inputs: the texts
// read nothing else.
func (c *Cache) shareTexts(lang string, p bio.Post, nets []network.Network) []bio.Share {
	if c == nil {
		return bio.ShareTexts(lang, p, nets)
	}
	h := sha256.New()
	fmt.Fprintf(h, "share\x00%q\x00%q\x00%q\x00%q\x00%q\x00", lang, p.Title, p.Summary, p.URL, p.Tags)
	for _, n := range nets {
		fmt.Fprintf(h, "%q\x00", n.Name) // the networks are marque's table
	}
	var key [sha256.Size]byte
	h.Sum(key[:0])

	c.mu.Lock()
	e, ok := c.shares[key]
	if ok {
		e.used = c.build
	}
	c.mu.Unlock()
	if ok {
		return e.shares
	}
	shares := bio.ShareTexts(lang, p, nets)
	c.mu.Lock()
	c.shares[key] = &shareEntry{shares: shares, used: c.build}
	c.mu.Unlock()
	return shares
}

// planMemo returns the memo of the posts' planned images, nil without a
// cache.
func (c *Cache) planMemo() *socialimage.Memo {
	if c == nil {
		return nil
	}
	return c.plans
}

// pageMemo returns the memo of the site's rendered pages, nil without a
// cache.
func (c *Cache) pageMemo() *render.Memo {
	if c == nil {
		return nil
	}
	return c.pages
}
