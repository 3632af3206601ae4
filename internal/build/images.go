package build

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	"io/fs"
	"maps"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/marque-kit/marque/internal/diag"
	"github.com/marque-kit/marque/internal/i18n"
	"github.com/marque-kit/marque/internal/imagecache"
	"github.com/marque-kit/marque/internal/manifest"
	"github.com/marque-kit/marque/internal/output"
	"github.com/marque-kit/marque/internal/parallel"
	"github.com/marque-kit/marque/internal/picture"
	"github.com/marque-kit/marque/internal/render"
	"github.com/marque-kit/marque/internal/socialimage"
	"github.com/marque-kit/marque/internal/typo"
)

// The kit's images go in two steps. planImages runs with the pages, in
// check and build alike: it decides every image (and reports what is
// wrong with the sources, fonts and colours) from the sources' headers
// only, so that the pages know their cards and `marque check` stays fast.
// encodeImages runs in build (and, taking only what the cache holds, in
// serve): it draws and encodes the plan in parallel, through the cache,
// and adds the files and the manifest entries.

// imageKit is the plan of a build's images and what encoding it needs.
type imageKit struct {
	mode   Images
	disk   *imagecache.Cache // the image cache, opened for this build
	plan   *socialimage.Plan
	fonts  *socialimage.Fonts
	srcPos map[string]diag.Pos // where the kit names each source
	shares []manifest.Share    // per-post images, for attachShares
}

// newImageKit returns the image settings of a build with opts.
func newImageKit(opts Options) *imageKit {
	dir := opts.CacheDir
	switch {
	case dir == "":
		dir = filepath.Join(opts.Source, ".cache", "marque")
	case !filepath.IsAbs(dir):
		dir = filepath.Join(opts.Source, dir)
	}
	return &imageKit{mode: opts.Images, disk: imagecache.Open(dir)}
}

// planImages plans every image of the kit and sets the pages' cards and
// icons in in.
func planImages(k *kit, in *render.Input, l *diag.List) error {
	ik := k.images
	prof := k.profile
	fonts, err := socialimage.LoadFonts(k.fsys, prof, l)
	if err != nil {
		return err
	}
	ik.fonts = fonts
	ik.srcPos = map[string]diag.Pos{}
	sizes := map[string]image.Point{}
	source := func(src string, pos diag.Pos) {
		if src == "" {
			return
		}
		if _, ok := ik.srcPos[src]; !ok {
			ik.srcPos[src] = pos
		}
		if _, done := sizes[src]; done {
			return
		}
		// Read through k.readFile, as the pages' images read it.
		data, err := k.readFile(src)
		var size image.Point
		if err == nil {
			size, err = picture.SizeBytes(data)
		}
		if err != nil {
			// The same finding as the pages' own decoding gives, so that
			// the two merge into one.
			reportSource(src, pos, err, l)
			return
		}
		sizes[src] = size
	}
	pr := prof.Person
	source(pr.Photo, prof.ValuePos("person.photo"))
	source(pr.Cover, prof.ValuePos("person.cover"))
	source(pr.Logo, prof.ValuePos("person.logo"))
	var posts []socialimage.Post
	for _, p := range k.posts {
		source(p.Cover, p.Pos("cover"))
		posts = append(posts, socialimage.Post{
			Slug: p.Slug, Title: p.Title, Date: p.Date,
			Cover: p.Cover, CoverFocus: p.CoverFocus, Networks: p.Networks,
			TitlePos: p.ValuePos("title"), CoverPos: p.Pos("cover"),
		})
	}
	lang := pr.Language
	strs := i18n.For(lang)
	ik.plan = socialimage.New(&socialimage.Input{
		Profile: prof,
		Fonts:   fonts,
		Sizes:   sizes,
		Posts:   posts,
		// The site's own host, never the preview's: the images serve
		// draws are the ones a build makes, under the same keys.
		Host: k.public.Host,
		Date: strs.Date,
		Typo: func(s string) string { return typo.Apply(lang, s) },
		// Date and Typo depend on the language alone, as the memo needs.
		Memo: k.cache.planMemo(),
	}, l)

	// The pages show the cards and icons the plan holds.
	cards := map[string]*render.Image{}
	for _, img := range ik.plan.Images {
		if img.Network != "site" {
			continue
		}
		ri := &render.Image{URL: k.url(img.Path), Width: img.Width, Height: img.Height}
		switch {
		case img.Slot == "card" && img.Post == "":
			in.Card = ri
		case img.Slot == "card":
			cards[img.Post] = ri
		case img.Slot == "favicon":
			in.Icons.ICO = ri.URL
		case img.Slot == "favicon-32":
			in.Icons.PNG = ri
		case img.Slot == "apple-touch-icon":
			in.Icons.Apple = ri.URL
		case strings.HasPrefix(img.Slot, "icon-"):
			in.Icons.Manifest = append(in.Icons.Manifest, ri)
		}
	}
	for _, p := range in.Posts {
		p.Card = cards[p.Slug]
	}
	return nil
}

// reportSource reports a source image that cannot be used, at pos: a
// profile.invalid finding in brand.toml, content.invalid in a post.
func reportSource(src string, pos diag.Pos, err error, l *diag.List) {
	rule := "profile.invalid"
	if strings.HasPrefix(pos.File, "content/") {
		rule = "content.invalid"
	}
	if errors.Is(err, fs.ErrNotExist) {
		err = errors.New("does not exist")
	}
	l.Add(pos, rule, "%s: %v", src, err)
}

// imageStat is where the time of one image went, for measurements.
type imageStat struct {
	path                            string
	cached                          bool
	decode, reduce, compose, encode time.Duration
}

// traceImages, when set (by benchmarks), receives the stats of each
// encoding pass and its wall time.
var traceImages func(stats []imageStat, wall time.Duration)

// encodeImages draws and encodes every planned image not in the cache,
// adds all of them to site, and lists the kit's in m. An image that cannot
// be made (a source that does not decode, a cap nothing fits) is a
// finding, and the build then writes nothing. With CachedImages, it adds
// the images the caches hold and leaves the others out, drawing nothing.
func encodeImages(ctx context.Context, k *kit, site *output.Tree, m *manifest.Manifest, l *diag.List) error {
	ik := k.images
	if ik == nil || ik.plan == nil || ik.mode == PlanImages {
		return nil
	}
	begin := time.Now()
	plan := ik.plan
	cache := ik.disk
	version := marqueVersion()

	// Every source is read once: its bytes are hashed for the keys and,
	// on a miss, decoded once for all the images that draw it.
	files := map[string][]byte{}
	sums := map[string]string{}
	for _, src := range plan.Sources {
		data, sum, err := k.assets.read(src)
		if err != nil {
			return fmt.Errorf("read %s: %w", src, err)
		}
		files[src] = data
		sums[src] = hex.EncodeToString(sum[:])
	}
	srcs := &sourceSet{files: files, plan: plan}
	env := keyEnv(ik.fonts, sums, version)

	n := len(plan.Images)
	out := make([]encoded, n)
	problems := make([]error, n)
	stats := make([]imageStat, n)
	err := parallel.For(ctx, n, func(gctx context.Context, i int) error {
		img := plan.Images[i]
		st := &stats[i]
		st.path = img.Path
		key, err := k.cache.imageKey(img, env, func() (string, error) {
			return socialimage.Key(img, ik.fonts, sums, version)
		})
		if err != nil {
			return err
		}
		// Serve keeps the images it draws in memory; a build leaves
		// them in the disk cache, from where the output is written.
		if k.cache == nil {
			if e, ok := cache.Lookup(key); ok && fits(socialimage.Format(e.Ext), img.Format) {
				out[i], st.cached = onDisk(e), true
				return nil
			}
		}
		// Serve's memory first, then the disk, unless serve looked
		// there in vain and this build draws nothing: until the first
		// drawing of a large kit ends, every save would open
		// thousands of files that are not there.
		kept, failure, known := k.cache.encoded(key)
		if k.cache != nil && kept.format == "" && failure == nil && (!known || ik.mode == EncodeImages) {
			if e, data, ok := cache.Get(key); ok {
				kept = inMemory(socialimage.Format(e.Ext), e.Sum, data)
			}
		}
		if kept.format != "" && fits(kept.format, img.Format) {
			out[i], st.cached = kept, true
			k.cache.keepEncoded(key, kept, nil)
			return nil
		}
		if ik.mode != EncodeImages {
			// Left out until a build draws it; an image that could
			// not be made reports why, as the build that tried did.
			k.cache.keepEncoded(key, encoded{}, failure)
			problems[i] = failure
			return nil
		}
		data, f, err := makeImage(img, ik.fonts, srcs, st)
		if err := gctx.Err(); err != nil {
			return err // cancelled meanwhile: nothing more is written
		}
		if err != nil {
			k.cache.keepEncoded(key, encoded{}, err)
			problems[i] = err
			return nil
		}
		// A cache that cannot be written costs the next build time,
		// not this one its images.
		e, err := cache.Put(key, string(f), data)
		switch {
		case err != nil:
			out[i] = inMemory(f, sha256.Sum256(data), data)
		case k.cache == nil:
			// The site links it from there: a large kit's first
			// build does not hold all its images either.
			out[i] = onDisk(e)
		default:
			out[i] = inMemory(f, e.Sum, data)
		}
		k.cache.keepEncoded(key, out[i], nil)
		return nil
	})
	if err != nil {
		return err
	}
	if traceImages != nil {
		traceImages(stats, time.Since(begin))
	}

	for i, img := range plan.Images {
		if err := problems[i]; err != nil {
			reportImage(k, img, err, l)
			continue
		}
		e := out[i]
		if e.format == "" {
			continue // not drawn yet (CachedImages)
		}
		name := img.File(e.format)
		var err error
		if e.disk != nil {
			err = site.AddDiskFile(name, *e.disk)
		} else {
			err = site.Add(name, e.data)
		}
		if err != nil {
			return err
		}
		sum := hex.EncodeToString(e.sum[:])
		switch {
		case img.Post != "" && img.Network != "site":
			ik.shares = append(ik.shares, manifest.Share{
				Post: img.Post, Network: img.Network, Image: name,
				Width: img.Width, Height: img.Height, Bytes: e.size, SHA256: sum,
			})
		case img.Post == "":
			m.Images = append(m.Images, manifest.Image{
				Network: img.Network, Slot: img.Slot, Path: name,
				Width: img.Width, Height: img.Height, Bytes: e.size, SHA256: sum,
			})
		}
	}
	return nil
}

// encoded is an image ready for the site: in memory, or in a file of the
// image cache.
type encoded struct {
	format socialimage.Format // "" when the image is not there
	sum    [sha256.Size]byte
	size   int
	data   []byte
	disk   *output.DiskFile
}

func inMemory(f socialimage.Format, sum [sha256.Size]byte, data []byte) encoded {
	return encoded{format: f, sum: sum, size: len(data), data: data}
}

func onDisk(e imagecache.Entry) encoded {
	return encoded{format: socialimage.Format(e.Ext), sum: e.Sum, size: int(e.Size), disk: diskFile(e)}
}

// makeImage composes and encodes one image.
func makeImage(img *socialimage.Image, fonts *socialimage.Fonts, srcs *sourceSet, st *imageStat) ([]byte, socialimage.Format, error) {
	get := func(src string) (*socialimage.Source, error) { return srcs.get(src, st) }
	start := time.Now()
	if img.Format == socialimage.ICO {
		var layers []image.Image
		for _, size := range img.Sizes {
			pix, err := socialimage.Compose(img.Scaled(size), fonts, get)
			if err != nil {
				return nil, "", err
			}
			layers = append(layers, pix)
		}
		st.compose = time.Since(start) - st.decode - st.reduce
		start = time.Now()
		data, err := socialimage.EncodeICO(layers)
		st.encode = time.Since(start)
		return data, socialimage.ICO, err
	}
	pix, err := socialimage.Compose(img, fonts, get)
	if err != nil {
		return nil, "", err
	}
	st.compose = time.Since(start) - st.decode - st.reduce
	start = time.Now()
	data, f, err := socialimage.Encode(img, pix)
	st.encode = time.Since(start)
	return data, f, err
}

// sourceSet decodes each source once, on first use, and keeps it reduced
// to the largest scale the plan draws it at: a 100-megapixel photo is held
// whole only while it is reduced.
type sourceSet struct {
	files map[string][]byte
	plan  *socialimage.Plan
	mu    sync.Mutex
	once  map[string]*sourceOnce
}

type sourceOnce struct {
	once sync.Once
	src  *socialimage.Source
	err  error
}

func (s *sourceSet) get(name string, st *imageStat) (*socialimage.Source, error) {
	s.mu.Lock()
	if s.once == nil {
		s.once = map[string]*sourceOnce{}
	}
	o := s.once[name]
	if o == nil {
		o = &sourceOnce{}
		s.once[name] = o
	}
	s.mu.Unlock()
	o.once.Do(func() {
		start := time.Now()
		img, err := picture.DecodeBytes(s.files[name])
		st.decode += time.Since(start)
		if err != nil {
			o.err = &sourceError{src: name, err: err}
			return
		}
		start = time.Now()
		lo, hi := s.plan.SourceScale(name)
		o.src = socialimage.NewSource(img, lo, hi)
		st.reduce += time.Since(start)
	})
	return o.src, o.err
}

// reportImage turns a failure to make img into a finding where the kit
// decides it: the source that does not decode, or the slot whose byte cap
// nothing fits.
func reportImage(k *kit, img *socialimage.Image, err error, l *diag.List) {
	var se *sourceError
	if errors.As(err, &se) {
		reportSource(se.src, k.images.srcPos[se.src], se.err, l)
		return
	}
	pos := k.profile.ValuePos("networks." + img.Network + ".slots." + img.Slot + ".max_bytes")
	l.Add(pos, "profile.invalid", "%s: the %s %s image cannot be made: %v", img.Path, img.Network, img.Slot, err)
}

// sourceError is a source that does not decode.
type sourceError struct {
	src string
	err error
}

func (e *sourceError) Error() string { return e.src + ": " + e.err.Error() }
func (e *sourceError) Unwrap() error { return e.err }

// fits reports whether an image in format f is one the plan allows: a
// cached entry of the wrong kind is not used.
func fits(f, want socialimage.Format) bool {
	return want == socialimage.Auto && (f == socialimage.PNG || f == socialimage.JPEG) || want == f
}

// attachShares gives the manifest's share entries their images: an entry
// another part of the kit made for the post and network gets the image's
// fields, and an image without an entry gets one of its own.
func attachShares(k *kit, m *manifest.Manifest) {
	if k.images == nil {
		return
	}
	type at struct{ post, network string }
	entries := map[at][]int{}
	for i, e := range m.Shares {
		entries[at{e.Post, e.Network}] = append(entries[at{e.Post, e.Network}], i)
	}
	for _, s := range k.images.shares {
		found := entries[at{s.Post, s.Network}]
		for _, i := range found {
			e := &m.Shares[i]
			e.Image, e.Width, e.Height, e.Bytes, e.SHA256 = s.Image, s.Width, s.Height, s.Bytes, s.SHA256
		}
		if len(found) == 0 {
			m.Shares = append(m.Shares, s)
		}
	}
}

// marqueVersion is the version of the running marque, for the cache keys:
// a module version when built from one, else the VCS revision, else
// "devel" (socialimage.Version then tells versions apart).
var marqueVersion = sync.OnceValue(func() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" {
			return s.Value
		}
	}
	return "devel"
})

// keyEnv hashes what the cache key of an image hashes beside its plan: the
// fonts, the sources and the version of marque. Serve keeps each planned
// image's key for as long as these stay the same (Cache.imageKey).
func keyEnv(fonts *socialimage.Fonts, sums map[string]string, version string) [sha256.Size]byte {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00", socialimage.Version, version, fonts.Sums())
	for _, src := range slices.Sorted(maps.Keys(sums)) {
		fmt.Fprintf(h, "%q %s\x00", src, sums[src])
	}
	var env [sha256.Size]byte
	h.Sum(env[:0])
	return env
}
