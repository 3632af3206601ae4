package socialimage

import (
	"cmp"
	"fmt"
	"image"
	"maps"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/marque-kit/marque/internal/brand"
	"github.com/marque-kit/marque/internal/diag"
	"github.com/marque-kit/marque/internal/network"
)

// Kind is what an image shows, which decides its layout.
type Kind string

// Kinds of images.
const (
	Avatar Kind = "avatar" // the photo, nothing drawn over it
	Banner Kind = "banner" // the person, wide: name, role, tagline
	Card   Kind = "card"   // a post (title, name, date), or the site's card
	Poster Kind = "poster" // the person, tall: a story or a pin
	Icon   Kind = "icon"   // the logo, or the initials
)

// Format is an image file format.
type Format string

// Formats the encoder writes. Auto lets the content decide: PNG when the
// image is flat enough for a palette and fits its cap, else JPEG.
const (
	Auto Format = ""
	PNG  Format = "png"
	JPEG Format = "jpeg"
	ICO  Format = "ico"
)

// Ext returns the file extension of the format, without the dot.
func (f Format) Ext() string {
	if f == JPEG {
		return "jpg"
	}
	return string(f)
}

// Plan is every image of a kit, decided before any pixel is touched: pages
// and the manifest know each image's path and size from it, and the
// encoder draws exactly what it says.
type Plan struct {
	Images []*Image
	// Sources are the kit files the images are drawn from, sorted.
	Sources []string
}

// Image is one planned image.
type Image struct {
	Network string // "linkedin", or "site" for the site's own images
	Slot    string // "banner", "post", "card", "favicon-32", ...
	Post    string // the post's slug for a post's images, else ""
	Kind    Kind
	// Path is where the image lands in the output, without the extension
	// when Format is Auto: the encoder decides it.
	Path          string
	Width, Height int
	Format        Format
	MaxBytes      int64 // 0: no cap
	Sizes         []int `json:",omitempty"` // an ICO's square sizes

	Fill    brand.Color // the background
	Photo   *Layer      `json:",omitempty"` // the photo or cover, under everything else
	Overlay *Overlay    `json:",omitempty"`
	Shapes  []Shape     `json:",omitempty"` // plates, rules and badges, in drawing order
	Logo    *Layer      `json:",omitempty"`
	Lines   []Line      `json:",omitempty"`
}

// File returns the image's path with the extension of format f, the
// encoder's choice when the plan left it to the content.
func (img *Image) File(f Format) string {
	if img.Format != Auto {
		return img.Path
	}
	return img.Path + "." + f.Ext()
}

// Layer is a source image drawn into a rectangle.
type Layer struct {
	Src  string          // the kit path
	Crop image.Rectangle // in the source's pixels, EXIF orientation applied
	Dest image.Rectangle
}

// Overlay is a colour laid over the photo, so that text reads on it.
type Overlay struct {
	Color brand.Color
	Alpha float64
}

// Shape is a flat colour area: a rectangle, or a pill (a disc when square)
// when Round is set.
type Shape struct {
	Rect  image.Rectangle
	Color brand.Color
	Round bool
}

// Line is one line of text, its baseline starting at X, Y.
type Line struct {
	Text  string
	Role  Role
	Size  float64 // the em size in pixels
	X, Y  int
	Color brand.Color
	// On are the colours right under the text: the fill, or the darkest
	// and lightest the overlay can give. The contrast check reads them.
	On []brand.Color
}

// Post is what the plan needs of a post.
type Post struct {
	Slug       string
	Title      string
	Date       time.Time
	Cover      string // kit path, or ""
	CoverFocus brand.Focus
	// Networks are the networks the post is shared on; nil means every
	// network the profile configures.
	Networks []string
	TitlePos diag.Pos
	CoverPos diag.Pos
}

// Input is everything a plan is made from.
type Input struct {
	Profile *brand.Profile
	Fonts   *Fonts
	// Sizes holds the size of each source image, EXIF orientation
	// applied; a source that is missing here could not be read (and has
	// its finding already): images do without it.
	Sizes map[string]image.Point
	Posts []Post
	// Host is the site's address as images show it: "camille.example".
	Host string
	// Date formats a post's date in the site's language.
	Date func(time.Time) string
	// Typo applies the site's typography to text. New calls Date and
	// Typo from several goroutines at once, and may call Typo several
	// times on one text: both must be functions of their argument alone.
	Typo func(string) string
	// Memo, when not nil, keeps each post's images for the next plan of
	// the kit, and gives back those of the posts that did not change.
	Memo *Memo
}

// New plans every image of the kit: the site's card and icons, each post's
// link card, every slot of every network the profile configures, and each
// post's share image on each network it goes to. Problems it meets (a
// character no font draws, a source too small, a colour pair below the
// brand's contrast) are added to l.
//
// The images of the site, of each post and of the kit are planned apart
// from each other, on as many goroutines as GOMAXPROCS allows; the plan
// and its findings are the same whatever the number and the order in
// which they finish.
func New(in *Input, l *diag.List) *Plan {
	base := &planner{in: in, style: newStyle(in.Profile), at: personAt(in.Profile)}
	base.nets = base.networks()
	memo := in.Memo.begin(in)
	// The parts in the order of the plan's images.
	parts := make([]part, 0, 2+2*len(in.Posts))
	parts = append(parts, part{kind: "site"})
	for i := range in.Posts {
		parts = append(parts, part{kind: "card", post: &in.Posts[i]})
	}
	parts = append(parts, part{kind: "kit"})
	for i := range in.Posts {
		parts = append(parts, part{kind: "shares", post: &in.Posts[i]})
	}
	planParts(base, memo, parts)

	r := reporter{list: l, glyphSeen: map[string]bool{}, small: map[string][]string{}}
	var imgs []*Image
	for i := range parts {
		pt := &parts[i]
		// Images whose planning met a problem are not kept: a hit would
		// not report it.
		if pt.hit || len(pt.glyphs)+len(pt.small) == 0 {
			memo.keep(pt.key, pt.images)
		}
		r.glyphs(pt.glyphs)
		r.smalls(pt.small)
		for _, img := range pt.images {
			if img != nil {
				imgs = append(imgs, img)
			}
		}
	}
	memo.end()
	r.reportSmall(in)
	checkContrast(in.Profile, l, imgs)
	srcs := map[string]bool{}
	for _, img := range imgs {
		for _, layer := range []*Layer{img.Photo, img.Logo} {
			if layer != nil {
				srcs[layer.Src] = true
			}
		}
	}
	return &Plan{Images: imgs, Sources: slices.Sorted(maps.Keys(srcs))}
}

// part is a group of images planned together, and kept together in a
// Memo: the site's, a post's card, the kit's, or a post's shares. Its
// problems are noted while it is planned and reported after, in the
// plan's order.
type part struct {
	kind string // "site", "card", "kit" or "shares"
	post *Post  // the post of a card or shares, else nil

	key    memoKey
	hit    bool // the images came from the memo, unplanned
	images []*Image
	glyphs []glyphNote
	small  []smallNote
}

// planParts plans every part, each on one of GOMAXPROCS goroutines. Each
// goroutine has its own planner, whose shapers keep what they measured
// from one part to the next without locks; the parts share nothing else
// that changes.
func planParts(base *planner, memo *memoPlan, parts []part) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(parts)) {
		wg.Go(func() {
			p := &planner{in: base.in, style: base.style, nets: base.nets, at: base.at}
			for {
				i := int(next.Add(1)) - 1
				if i >= len(parts) {
					return
				}
				p.plan(memo, &parts[i])
			}
		})
	}
	wg.Wait()
}

// plan fills in pt, from the memo when it holds it.
func (p *planner) plan(memo *memoPlan, pt *part) {
	pt.key, pt.images, pt.hit = memo.lookup(pt.kind, pt.post)
	if pt.hit {
		return
	}
	switch pt.kind {
	case "site":
		for _, s := range network.Site.Slots {
			pt.images = append(pt.images, p.site(s))
		}
		pt.images = append(pt.images, p.favicon())
	case "card":
		card, _ := network.Site.Slot("card")
		pt.images = []*Image{p.card("site", card, pt.post, "posts/"+pt.post.Slug+"/card.png")}
	case "kit":
		for _, n := range p.nets {
			for _, s := range n.Slots {
				if !s.PerPost {
					pt.images = append(pt.images, p.kitImage(n, s))
				}
			}
		}
	case "shares":
		post := pt.post
		for _, n := range p.nets {
			if post.Networks != nil && !slices.Contains(post.Networks, n.Name) {
				continue
			}
			for _, s := range n.Slots {
				if s.PerPost {
					pt.images = append(pt.images, p.card(n.Name, s, post, "kit/posts/"+post.Slug+"/"+n.Name+extFor(s)))
				}
			}
		}
	}
	pt.glyphs, pt.small = p.glyphs, p.small
	p.glyphs, p.small = nil, nil
}

// extFor returns ".png" or ".jpg" for a slot with a fixed format, "" when
// the encoder decides.
func extFor(s network.Slot) string {
	if s.Format == network.Auto {
		return ""
	}
	return "." + Format(s.Format).Ext()
}

// planner plans images on one goroutine. It notes the problems it meets
// instead of reporting them, so that New reports them in the plan's order
// whichever goroutine met them.
type planner struct {
	in    *Input
	style *style
	nets  []network.Network // the networks the profile configures
	at    personPos
	// shapers are this goroutine's, by role and size, with what they
	// measured.
	shapers map[shaperKey]*shaper
	buf     sfnt.Buffer // the shapers' and the glyph filter's
	// texts keeps the texts typeset and filtered, by role and source:
	// a post's title is drawn on every network's card.
	texts map[textKey]typeset
	// The problems met by the part in hand: characters no font of a role
	// draws, and images that enlarge their photo layer.
	glyphs []glyphNote
	small  []smallNote
}

// personPos is where brand.toml writes the person's fields that images
// draw, for the findings about their characters. They are found once,
// before planning starts, rather than for each of the thousands of texts
// a large kit's images draw.
type personPos struct{ name, role, tagline, siteURL diag.Pos }

func personAt(p *brand.Profile) personPos {
	return personPos{
		name:    p.ValuePos("person.name"),
		role:    p.ValuePos("person.role"),
		tagline: p.ValuePos("person.tagline"),
		siteURL: p.ValuePos("person.site_url"),
	}
}

type shaperKey struct {
	role Role
	ppem fixed.Int26_6
}

// shaper returns the planner's shaper for text of role at size pixels.
func (p *planner) shaper(role Role, size float64) *shaper {
	key := shaperKey{role, ppem(size)}
	if sh := p.shapers[key]; sh != nil {
		return sh
	}
	if p.shapers == nil {
		p.shapers = map[shaperKey]*shaper{}
	}
	sh := p.in.Fonts.shaperWith(&p.buf, role, key.ppem)
	p.shapers[key] = sh
	return sh
}

type textKey struct {
	role Role
	text string
}

// typeset is a text as images draw it, and the characters it lost.
type typeset struct {
	text     string
	problems []glyphProblem
}

// glyphNote is a character of a text at pos that the face named lacks.
type glyphNote struct {
	pos  diag.Pos
	face string
	glyphProblem
}

// smallNote is an image that enlarges the source src.
type smallNote struct{ src, image string }

// reporter turns the problems the parts noted into findings.
type reporter struct {
	list *diag.List
	// glyphSeen keeps one identity.glyph finding per text and character.
	glyphSeen map[string]bool
	// small lists, per source, the images that enlarge it.
	small map[string][]string
}

// glyphs reports the characters no face draws, once per text.
func (r *reporter) glyphs(notes []glyphNote) {
	for _, n := range notes {
		key := fmt.Sprintf("%s:%d:%d:%s:%d", n.pos.File, n.pos.Line, n.pos.Column, n.face, n.r)
		if r.glyphSeen[key] {
			continue
		}
		r.glyphSeen[key] = true
		name := n.face
		if strings.HasPrefix(name, "embedded:") {
			name = "the embedded font"
		}
		if n.fallback {
			r.list.Add(n.pos, "identity.glyph", "%q (%U) is not in %s: images draw it with the embedded fallback font", n.r, n.r, name)
		} else {
			r.list.Add(n.pos, "identity.glyph", "%q (%U) is in no font marque has: images leave it out", n.r, n.r)
		}
	}
}

func (r *reporter) smalls(notes []smallNote) {
	for _, n := range notes {
		r.small[n.src] = append(r.small[n.src], n.image)
	}
}

// networks returns the built-in networks the profile configures, by name,
// with the profile's slot overrides applied.
func (p *planner) networks() []network.Network {
	var out []network.Network
	for _, bn := range p.in.Profile.Networks {
		n, ok := network.Lookup(bn.Name)
		if !ok {
			continue
		}
		n.Slots = slices.Clone(n.Slots)
		for i, s := range n.Slots {
			for _, o := range bn.Slots {
				if o.Slot != s.Name {
					continue
				}
				w, h := cmp.Or(o.Width, s.Width), cmp.Or(o.Height, s.Height)
				s = s.Resized(w, h)
				if o.MaxBytes > 0 {
					s.MaxBytes = o.MaxBytes
				}
				n.Slots[i] = s
			}
		}
		out = append(out, n)
	}
	slices.SortFunc(out, func(a, b network.Network) int { return strings.Compare(a.Name, b.Name) })
	return out
}

func (p *planner) site(s network.Slot) *Image {
	switch {
	case s.Name == "card":
		return p.card("site", s, nil, "card.png")
	case strings.HasPrefix(s.Name, "favicon") || strings.HasPrefix(s.Name, "icon") || strings.HasSuffix(s.Name, "-icon"):
		return p.icon(s, s.Name+".png", nil)
	}
	return nil
}

// favicon plans favicon.ico, which holds the small sizes browsers pick from.
func (p *planner) favicon() *Image {
	s := network.Slot{Name: "favicon", Width: 48, Height: 48}
	return p.icon(s, "favicon.ico", []int{16, 32, 48})
}

// kitImage plans one slot made once per kit.
func (p *planner) kitImage(n network.Network, s network.Slot) *Image {
	path := "kit/" + n.Name + "/" + s.Name + extFor(s)
	switch {
	case s.Name == "avatar" || s.PhotoOnly:
		return p.avatar(n.Name, s, path)
	case s.Width >= 2*s.Height || s.Name == "banner":
		return p.banner(n.Name, s, path)
	case s.Height > s.Width:
		return p.poster(n.Name, s, path)
	default:
		return p.card(n.Name, s, nil, path)
	}
}

// base returns the image every layout starts from.
func (p *planner) base(netName string, s network.Slot, kind Kind, path string) *Image {
	return &Image{
		Network: netName, Slot: s.Name, Kind: kind, Path: path,
		Width: s.Width, Height: s.Height, Format: Format(s.Format), MaxBytes: s.MaxBytes,
		Fill: p.style.fill,
	}
}

// avatar plans an avatar: the largest square of the photo, centred on its
// focal point, and nothing else. Without a photo there is no avatar: one
// is never drawn from text.
func (p *planner) avatar(netName string, s network.Slot, path string) *Image {
	pr := p.in.Profile.Person
	size, ok := p.in.Sizes[pr.Photo]
	if pr.Photo == "" || !ok {
		return nil
	}
	img := p.base(netName, s, Avatar, path)
	crop := Crop(size, s.Width, s.Height, pr.PhotoFocus)
	img.Photo = &Layer{Src: pr.Photo, Crop: crop, Dest: image.Rect(0, 0, s.Width, s.Height)}
	p.checkSize(img, pr.Photo)
	return img
}

// checkSize notes an image that enlarges its photo layer.
func (p *planner) checkSize(img *Image, src string) {
	c, d := img.Photo.Crop, img.Photo.Dest
	if c.Dx() < d.Dx() || c.Dy() < d.Dy() {
		p.small = append(p.small, smallNote{src, fmt.Sprintf("%s %s %d×%d from %d×%d", img.Network, img.Slot, d.Dx(), d.Dy(), c.Dx(), c.Dy())})
	}
}

// reportSmall reports, once per source, the images that enlarge it.
func (r *reporter) reportSmall(in *Input) {
	for _, src := range slices.Sorted(maps.Keys(r.small)) {
		list := r.small[src]
		const shown = 4
		more := ""
		if len(list) > shown {
			more = fmt.Sprintf(" and %d more", len(list)-shown)
			list = list[:shown]
		}
		r.list.Add(sourcePos(in, src), "identity.image-size", "%s is too small for the images made from it, which are enlarged: %s%s",
			src, strings.Join(list, "; "), more)
	}
}

// sourcePos returns where the kit names the source src.
func sourcePos(in *Input, src string) diag.Pos {
	pr := in.Profile
	switch src {
	case pr.Person.Photo:
		return pr.ValuePos("person.photo")
	case pr.Person.Cover:
		return pr.ValuePos("person.cover")
	case pr.Person.Logo:
		return pr.ValuePos("person.logo")
	}
	for _, post := range in.Posts {
		if post.Cover == src {
			return post.CoverPos
		}
	}
	return diag.Pos{File: brand.FileName}
}

// Crop returns the largest rectangle of aspect ratio w:h inside a source
// of the given size, centred on the focal point f and shifted only as far
// as needed to stay inside the source. It is never empty.
func Crop(size image.Point, w, h int, f brand.Focus) image.Rectangle {
	bw, bh := max(size.X, 1), max(size.Y, 1)
	cw, ch := bw, max(1, bw*h/w)
	if ch > bh {
		cw, ch = max(1, bh*w/h), bh
	}
	x := int(f.X*float64(bw)+0.5) - cw/2
	y := int(f.Y*float64(bh)+0.5) - ch/2
	x = min(max(x, 0), bw-cw)
	y = min(max(y, 0), bh-ch)
	return image.Rect(x, y, x+cw, y+ch)
}

// Scaled returns the icon img drawn at size×size instead of its own size,
// for the several sizes an ICO file holds: everything is drawn again at
// the small size rather than shrunk, so that it stays sharp.
func (img *Image) Scaled(size int) *Image {
	k := float64(size) / float64(img.Width)
	sc := func(r image.Rectangle) image.Rectangle {
		return rect(float64(r.Min.X)*k, float64(r.Min.Y)*k, float64(r.Max.X)*k, float64(r.Max.Y)*k)
	}
	out := *img
	out.Width, out.Height = size, size
	out.Shapes = nil
	for _, s := range img.Shapes {
		s.Rect = sc(s.Rect)
		out.Shapes = append(out.Shapes, s)
	}
	for _, l := range []**Layer{&out.Photo, &out.Logo} {
		if *l != nil {
			c := **l
			c.Dest = sc(c.Dest)
			*l = &c
		}
	}
	out.Lines = nil
	for _, l := range img.Lines {
		l.Size = round2(l.Size * k)
		l.X, l.Y = int(float64(l.X)*k+0.5), int(float64(l.Y)*k+0.5)
		out.Lines = append(out.Lines, l)
	}
	return &out
}

// String returns the image's plan as text, one element a line: the form
// of the golden files that pin layouts.
func (img *Image) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s/%s %s %d×%d format=%s cap=%d fill=%s\n", img.Path, img.Network, img.Slot, img.Kind,
		img.Width, img.Height, cmp.Or(string(img.Format), "auto"), img.MaxBytes, img.Fill.Hex())
	if img.Post != "" {
		fmt.Fprintf(&b, "  post %s\n", img.Post)
	}
	if len(img.Sizes) > 0 {
		fmt.Fprintf(&b, "  sizes %v\n", img.Sizes)
	}
	if l := img.Photo; l != nil {
		fmt.Fprintf(&b, "  photo %s crop %v -> %v\n", l.Src, l.Crop, l.Dest)
	}
	if o := img.Overlay; o != nil {
		fmt.Fprintf(&b, "  overlay %s alpha %.2f\n", o.Color.Hex(), o.Alpha)
	}
	for _, s := range img.Shapes {
		kind := "rect"
		if s.Round {
			kind = "pill"
		}
		fmt.Fprintf(&b, "  %s %v %s\n", kind, s.Rect, s.Color.Hex())
	}
	if l := img.Logo; l != nil {
		fmt.Fprintf(&b, "  logo %s -> %v\n", l.Src, l.Dest)
	}
	for _, l := range img.Lines {
		fmt.Fprintf(&b, "  text %s %.2fpx at %d,%d %s %q\n", l.Role, l.Size, l.X, l.Y, l.Color.Hex(), l.Text)
	}
	return b.String()
}
