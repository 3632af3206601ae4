package socialimage

import (
	"cmp"
	"fmt"
	"image"
	"maps"
	"slices"
	"strings"
	"time"

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
	// Typo applies the site's typography to text.
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
func New(in *Input, l *diag.List) *Plan {
	p := &planner{in: in, list: l, glyphSeen: map[string]bool{}, small: map[string][]string{}}
	p.style = newStyle(in.Profile)
	var imgs []*Image
	add := func(img *Image) {
		if img != nil {
			imgs = append(imgs, img)
		}
	}
	memo := in.Memo.begin(in)
	noted := func() int { return p.noted }
	for _, img := range memo.images("site", nil, noted, func() []*Image {
		var imgs []*Image
		for _, s := range network.Site.Slots {
			imgs = append(imgs, p.site(s))
		}
		return append(imgs, p.favicon())
	}) {
		add(img)
	}
	for _, post := range in.Posts {
		imgs := memo.images("card", &post, noted, func() []*Image {
			card, _ := network.Site.Slot("card")
			return []*Image{p.card("site", card, &post, "posts/"+post.Slug+"/card.png")}
		})
		for _, img := range imgs {
			add(img)
		}
	}
	nets := p.networks()
	for _, img := range memo.images("kit", nil, noted, func() []*Image {
		var imgs []*Image
		for _, n := range nets {
			for _, s := range n.Slots {
				if !s.PerPost {
					imgs = append(imgs, p.kitImage(n, s))
				}
			}
		}
		return imgs
	}) {
		add(img)
	}
	for _, post := range in.Posts {
		imgs := memo.images("shares", &post, noted, func() []*Image {
			var imgs []*Image
			for _, n := range nets {
				if post.Networks != nil && !slices.Contains(post.Networks, n.Name) {
					continue
				}
				for _, s := range n.Slots {
					if s.PerPost {
						imgs = append(imgs, p.card(n.Name, s, &post, "kit/posts/"+post.Slug+"/"+n.Name+extFor(s)))
					}
				}
			}
			return imgs
		})
		for _, img := range imgs {
			add(img)
		}
	}
	memo.end()
	p.reportSmall()
	p.checkContrast(imgs)
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

// extFor returns ".png" or ".jpg" for a slot with a fixed format, "" when
// the encoder decides.
func extFor(s network.Slot) string {
	if s.Format == network.Auto {
		return ""
	}
	return "." + Format(s.Format).Ext()
}

// planner holds the state of one plan.
type planner struct {
	in    *Input
	list  *diag.List
	style *style
	// glyphSeen keeps one identity.glyph finding per text and character.
	glyphSeen map[string]bool
	// small lists, per source, the images that enlarge it.
	small map[string][]string
	// noted counts the problems planning met, reported or not (a glyph
	// finding is reported once per text): images whose planning met one
	// are not memoized.
	noted int
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
		p.noted++
		p.small[src] = append(p.small[src], fmt.Sprintf("%s %s %d×%d from %d×%d", img.Network, img.Slot, d.Dx(), d.Dy(), c.Dx(), c.Dy()))
	}
}

// reportSmall reports, once per source, the images that enlarge it.
func (p *planner) reportSmall() {
	for _, src := range slices.Sorted(maps.Keys(p.small)) {
		list := p.small[src]
		const shown = 4
		more := ""
		if len(list) > shown {
			more = fmt.Sprintf(" and %d more", len(list)-shown)
			list = list[:shown]
		}
		p.list.Add(p.sourcePos(src), "identity.image-size", "%s is too small for the images made from it, which are enlarged: %s%s",
			src, strings.Join(list, "; "), more)
	}
}

// sourcePos returns where the kit names the source src.
func (p *planner) sourcePos(src string) diag.Pos {
	pr := p.in.Profile
	switch src {
	case pr.Person.Photo:
		return pr.ValuePos("person.photo")
	case pr.Person.Cover:
		return pr.ValuePos("person.cover")
	case pr.Person.Logo:
		return pr.ValuePos("person.logo")
	}
	for _, post := range p.in.Posts {
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
