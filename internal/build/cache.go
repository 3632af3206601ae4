package build

import (
	"crypto/sha256"
	"fmt"
	"sync"

	"github.com/marque-kit/marque/internal/bio"
	"github.com/marque-kit/marque/internal/brand"
	"github.com/marque-kit/marque/internal/diag"
	"github.com/marque-kit/marque/internal/markdown"
	"github.com/marque-kit/marque/internal/network"
	"github.com/marque-kit/marque/internal/output"
	"github.com/marque-kit/marque/internal/picture"
	"github.com/marque-kit/marque/internal/post"
	"github.com/marque-kit/marque/internal/printcard"
	"github.com/marque-kit/marque/internal/qr"
	"github.com/marque-kit/marque/internal/render"
	"github.com/marque-kit/marque/internal/socialimage"
	"github.com/marque-kit/marque/internal/voice"
)

// Cache keeps, between builds of one kit, the work whose result depends only
// on what it can hash: a post body's rendered Markdown, the voice check of
// a file, a post's share texts, the files made from a source image, the
// posts' decoded files (post.Memo), each post's planned images
// (socialimage.Memo), the rendered pages and the kit page (render.Memo),
// the kit's drawn images and its print files. serve keeps one for as long as
// it runs, so that a save re-does the work of what the saved file feeds
// and little else: on a kit of a thousand posts, an edit of one body
// renders and checks that post, and runs the templates of the few pages
// that show it. (Parsed fonts and themes are kept by their packages, for
// the whole process, by the content of their files.)
//
// Invariants:
//   - A key is a hash of every input of the work (the bytes, the language,
//     the sizes, the base URL of the URLs it holds), so a hit is always what
//     the work would make again. Nothing is keyed by file name or time.
//     One exception, by identity: a planned image's key in the image cache
//     is kept by the image (keys), which the plan memo gives back as the
//     same value while its inputs stay the same.
//   - A cached value is shared by the builds that hit it: nothing may change
//     a cached markdown.Doc, file, share text, planned image or page after
//     it is stored.
//   - Only successful work is cached: work that reported a finding runs
//     again, so its finding is reported again. Two exceptions keep their
//     findings as data and report them again on each hit: the images that
//     could not be drawn (a build that does not draw, CachedImages,
//     reports what the drawing that failed reported, and a build that
//     draws tries again), and the business card's layout problems, which
//     its inputs decide.
//   - The cache holds what the latest build used, and that only: each
//     build drops the entries it did not touch when it ends, so memory stays
//     that of one kit however long serve runs. The memos keep what the
//     latest plan or render used, to the same end.
//   - A build with the cache is byte for byte the build without it,
//     findings included (TestCachedRebuildIsCold).
//
// A Cache is safe for concurrent use. Two builds sharing one at the same
// time (serve's rebuild, and a drawing of images it cancelled) stay
// correct but may evict each other's entries.
type Cache struct {
	mu     sync.Mutex
	build  uint64 // the number of the build running, or of the last one
	docs   map[[sha256.Size]byte]*docEntry
	images map[[sha256.Size]byte]*imageEntry
	voices map[[sha256.Size]byte]*voiceEntry
	shares map[[sha256.Size]byte]*shareEntry
	// posts keeps the posts' decoded files (post.Memo, which has the
	// same invariants and keeps only what the last load used).
	posts *post.Memo
	// plans keeps each post's planned images (socialimage.Memo, which
	// has the same invariants and keeps only what the last plan used).
	plans *socialimage.Memo
	// pages keeps the site's rendered pages (render.Memo, likewise).
	pages *render.Memo
	// drawn keeps the kit's images that builds drew or read from the
	// image cache, by their key in it, so that serve adds them on each
	// rebuild without reading the disk, and the reason of those that
	// could not be made. keys keeps each planned image's key (hashing its
	// plan takes longer than a rebuild of a thousand posts has), by the
	// image and the rest of what the key hashes: the plan memo gives an
	// unchanged image back as the same value, never changed.
	drawn map[string]*drawnEntry
	keys  map[keyRef]*keyEntry
	// qrs and cards keep the print files: the QR codes (the code, its
	// SVG, and its PNG once a build that draws made it) and the business
	// card (its layout's problems, and its PDF and previews once a build
	// that draws made them), by a hash of what they are made from, so
	// that serve neither lays the card out again on each save (the logo's
	// decoding and the layout took 10 ms of a rebuild of the example kit)
	// nor loses the files a drawing made.
	qrs   map[[sha256.Size]byte]*qrEntry
	cards map[[sha256.Size]byte]*cardEntry
}

// qrEntry is a QR code of the kit with its images.
type qrEntry struct {
	payload []byte
	code    *qr.Code // nil when the entry comes from the image cache
	qrFacts
	svg derivedFile
	png *derivedFile // nil until a build that draws makes it
	stamp
}

// qrCode returns the entry's code, encoding it again when the entry came
// from the image cache (a millisecond): a card that changed needs it.
func (e *qrEntry) qrCode() (*qr.Code, error) {
	if e.code != nil {
		return e.code, nil
	}
	return qr.Encode(e.payload, qr.M)
}

// cardEntry is the business card laid out from one set of inputs.
type cardEntry struct {
	// problems are what the layout could not show: findings, which each
	// build that uses the entry reports again.
	problems []printcard.Problem
	pdf      *derivedFile  // nil until a build that draws makes it, with previews
	previews []cardPreview // each side as an image, front first
	stamp
}

type cardPreview struct {
	previewFacts // Side: "front" or "back"
	file         derivedFile
}

type drawnEntry struct {
	img encoded // its format "" when the image is not drawn yet, or cannot be
	err error   // why the image cannot be made
	stamp
}

type keyRef struct {
	img *socialimage.Image
	env [sha256.Size]byte // keyEnv
}

type keyEntry struct {
	key string
	stamp
}

type docEntry struct {
	doc *markdown.Doc
	stamp
}

type imageEntry struct {
	files []derivedFile
	img   *render.Image // nil when the work made no image for the page
	stamp
}

type voiceEntry struct {
	res *voice.Result
	stamp
}

type shareEntry struct {
	shares []bio.Share
	stamp
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{
		docs:   map[[sha256.Size]byte]*docEntry{},
		images: map[[sha256.Size]byte]*imageEntry{},
		voices: map[[sha256.Size]byte]*voiceEntry{},
		shares: map[[sha256.Size]byte]*shareEntry{},
		posts:  post.NewMemo(),
		plans:  socialimage.NewMemo(),
		pages:  render.NewMemo(),
		drawn:  map[string]*drawnEntry{},
		keys:   map[keyRef]*keyEntry{},
		qrs:    map[[sha256.Size]byte]*qrEntry{},
		cards:  map[[sha256.Size]byte]*cardEntry{},
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
	evict(c.docs, c.build)
	evict(c.images, c.build)
	evict(c.voices, c.build)
	evict(c.shares, c.build)
	evict(c.drawn, c.build)
	evict(c.keys, c.build)
	evict(c.qrs, c.build)
	evict(c.cards, c.build)
}

// stamp records the last build that used a cache entry.
type stamp struct{ used uint64 }

func (s *stamp) lastUsed() uint64   { return s.used }
func (s *stamp) touch(build uint64) { s.used = build }

// evict drops the entries of m that build did not use.
func evict[K comparable, E interface{ lastUsed() uint64 }](m map[K]E, build uint64) {
	for k, e := range m {
		if e.lastUsed() != build {
			delete(m, k)
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

	if e := lookup(c, c.docs, key); e != nil {
		return e.doc, nil
	}
	doc, err := md.Render(src)
	if err != nil {
		return nil, err
	}
	keep(c, c.docs, key, &docEntry{doc: doc})
	return doc, nil
}

// image runs encode, which decodes the kit image src and adds the files it
// makes from it to a tree, unless an earlier build ran it on the same bytes
// with the same params: the files it added then are added to tree again,
// without decoding or encoding anything, from memory in serve or from the
// image cache (derived.go). params must name every other input of encode
// (sizes, focal point, output names); the base URL, which the image's URLs
// hold, is added here.
func (c *Cache) image(k *kit, tree *output.Tree, src, params string, l *diag.List,
	encode func(*output.Tree, *diag.List) (*render.Image, error)) (*render.Image, error) {
	_, sum, err := k.assets.read(src)
	if err != nil {
		// Unreadable or missing: encode reports it as its finding or error.
		return encode(tree, l)
	}
	h := sha256.New()
	fmt.Fprintf(h, "image\x00%s\x00%s\x00%s\x00", marqueVersion(), params, k.base)
	h.Write(sum[:])
	var key [sha256.Size]byte
	h.Sum(key[:0])

	var e *imageEntry
	if c != nil {
		e = lookup(c, c.images, key)
	}
	if e == nil {
		e = &imageEntry{}
		if files, ok := k.images.loadDerived(key, &e.img); ok {
			e.files = files
		} else {
			scratch := output.NewTree()
			var found diag.List
			img, err := encode(scratch, &found)
			l.Append(found)
			if err != nil || found.Len() > 0 {
				return nil, err
			}
			e.img = img
			for _, name := range scratch.Names() {
				b, _ := scratch.Get(name)
				e.files = append(e.files, newDerivedFile(name, b))
			}
			e.files = k.images.storeDerived(key, e.files, img)
		}
		if c != nil {
			keep(c, c.images, key, e)
		}
	}
	for _, f := range e.files {
		if err := f.addTo(tree); err != nil {
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

// voice checks the doc of file, which doc makes, with checker, made from
// profile, or returns the result of an earlier build's check of the same
// file, with the same name and bytes, under a profile of the same bytes: a
// check reads nothing else (the doc itself is made from the file, and
// from the Markdown its body renders to in the profile's language). doc
// is only called on a miss: making it is a tenth of a check.
// profile is the sum of the profile's bytes (profileSum), hashed once per
// build rather than once per file.
func (c *Cache) voice(profile *[sha256.Size]byte, checker *voice.Checker, file *diag.File, whole bool, doc func() *voice.Doc) *voice.Result {
	if c == nil || file == nil || profile == nil {
		return checker.Check(doc())
	}
	h := sha256.New()
	fmt.Fprintf(h, "voice\x00%x\x00%s\x00%d\x00%t\x00", *profile, file.Name, len(file.Src), whole)
	h.Write(file.Src)
	var key [sha256.Size]byte
	h.Sum(key[:0])

	if e := lookup(c, c.voices, key); e != nil {
		return e.res
	}
	res := checker.Check(doc())
	keep(c, c.voices, key, &voiceEntry{res: res})
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

	if e := lookup(c, c.shares, key); e != nil {
		return e.shares
	}
	shares := bio.ShareTexts(lang, p, nets)
	keep(c, c.shares, key, &shareEntry{shares: shares})
	return shares
}

// postMemo returns the memo of the posts' decoded files, nil without a
// cache.
func (c *Cache) postMemo() *post.Memo {
	if c == nil {
		return nil
	}
	return c.posts
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

// imageKey returns the image cache's key of the planned image img, which
// key computes, or the key an earlier build computed for the same image
// (the same value, see drawn) under the same env.
func (c *Cache) imageKey(img *socialimage.Image, env [sha256.Size]byte, key func() (string, error)) (string, error) {
	if c == nil {
		return key()
	}
	ref := keyRef{img, env}
	if e := lookup(c, c.keys, ref); e != nil {
		return e.key, nil
	}
	k, err := key()
	if err != nil {
		return "", err
	}
	keep(c, c.keys, ref, &keyEntry{key: k})
	return k, nil
}

// encoded returns the image an earlier build drew or read under key, or
// why it could not be made, and whether the cache knows the key at all: a
// known key without either is an image the image cache did not have.
func (c *Cache) encoded(key string) (img encoded, failure error, ok bool) {
	if c == nil {
		return encoded{}, nil, false
	}
	e := lookup(c, c.drawn, key)
	if e == nil {
		return encoded{}, nil, false
	}
	return e.img, e.err, true
}

// keepEncoded keeps the image drawn or read under key, the failure to make
// it, or neither (the image cache does not have it), for the next builds.
// The image is kept with its format and sum, which a rebuild would
// otherwise compute again: hashing every image of 1,000 posts took 78 ms
// of each save's rebuild.
func (c *Cache) keepEncoded(key string, img encoded, failure error) {
	if c == nil {
		return
	}
	if failure != nil {
		img = encoded{}
	}
	keep(c, c.drawn, key, &drawnEntry{img: img, err: failure})
}

// qr returns the QR code an earlier build made under key, or nil.
func (c *Cache) qr(key [sha256.Size]byte) *qrEntry {
	if c == nil {
		return nil
	}
	return lookup(c, c.qrs, key)
}

// keepQR keeps e, a new value (entries are never changed), under key.
func (c *Cache) keepQR(key [sha256.Size]byte, e *qrEntry) {
	if c != nil {
		keep(c, c.qrs, key, e)
	}
}

// card returns the business card an earlier build laid out under key, or
// nil.
func (c *Cache) card(key [sha256.Size]byte) *cardEntry {
	if c == nil {
		return nil
	}
	return lookup(c, c.cards, key)
}

// keepCard keeps e, a new value (entries are never changed), under key.
func (c *Cache) keepCard(key [sha256.Size]byte, e *cardEntry) {
	if c != nil {
		keep(c, c.cards, key, e)
	}
}

// lookup returns m's entry under key, marked used by this build, or the
// zero E. m is one of c's maps.
func lookup[K comparable, E interface{ touch(uint64) }](c *Cache, m map[K]E, key K) E {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := m[key]
	if ok {
		e.touch(c.build)
	}
	return e
}

// keep stores e under key in m, one of c's maps, used by this build.
func keep[K comparable, E interface{ touch(uint64) }](c *Cache, m map[K]E, key K, e E) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e.touch(c.build)
	m[key] = e
}

// profileSum returns the SHA-256 of brand.toml's bytes, which the profile
// is made from, or nil for a profile made otherwise (in tests).
func profileSum(p *brand.Profile) *[sha256.Size]byte {
	if p.File == nil {
		return nil
	}
	sum := sha256.Sum256(p.File.Src)
	return &sum
}
