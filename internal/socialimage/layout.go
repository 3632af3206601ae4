package socialimage

import (
	"image"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/marque-kit/marque/internal/brand"
	"github.com/marque-kit/marque/internal/contrast"
	"github.com/marque-kit/marque/internal/diag"
	"github.com/marque-kit/marque/internal/network"
)

// style is a card_style resolved against the palette: which colour goes
// where, each text colour chosen to keep min_contrast on what it sits on.
type style struct {
	name  string // "solid", "photo" or "paper"
	fill  brand.Color
	title brand.Color // names and titles
	ink   brand.Color // role, tagline
	soft  brand.Color // dates and the site's address
	rule  brand.Color // the accent rule: decoration, not text
	// badge is the colour of the disc behind the logo where it could sink
	// into the fill; nil on the light paper style.
	badge *brand.Color
	min   float64
}

func newStyle(p *brand.Profile) *style {
	c := p.Identity.Colors
	minC := p.Identity.MinContrast
	s := &style{name: p.Identity.CardStyle, min: minC, rule: c.Accent}
	switch s.name {
	case "paper":
		s.fill = c.Background
		s.title = contrast.First(c.Background, minC, c.Primary, c.Text, contrast.Black, contrast.White)
		s.ink = contrast.First(c.Background, minC, c.Text, contrast.Black, contrast.White)
		s.soft = contrast.First(c.Background, minC, c.Muted, s.ink)
	default: // solid and photo: the primary colour carries the text
		s.fill = c.Primary
		s.title = contrast.First(c.Primary, minC, c.Background, c.Text, contrast.White, contrast.Black)
		s.ink = s.title
		s.soft = contrast.First(c.Primary, minC, contrast.Mix(s.ink, c.Primary, 0.2), s.ink)
		if s.name == "photo" {
			// Over a photo, the overlay is set for the title's colour: the
			// softer one would need a denser overlay.
			s.soft = s.ink
		}
		badge := c.Background
		s.badge = &badge
	}
	// An accent too close to the fill would vanish: the title's colour
	// marks the rule instead.
	if contrast.Ratio(s.rule, s.fill) < 1.5 {
		s.rule = s.title
	}
	return s
}

// overlay returns the overlay for text of colour ink on a photo: the
// primary colour at the lightest opacity that keeps ink at min_contrast
// over any pixel, and the darkest and lightest colours it can give.
func (s *style) overlay(over, ink brand.Color) (*Overlay, []brand.Color) {
	for a := 0.55; a < 1; a += 0.01 {
		dark := contrast.Mix(contrast.Black, over, a)
		light := contrast.Mix(contrast.White, over, a)
		// Both ends must read, and on the same side of the ink: between
		// them every pixel's blend then reads too.
		lo, hi := contrast.Luminance(dark), contrast.Luminance(light)
		li := contrast.Luminance(ink)
		sameSide := (li > hi) == (li > lo)
		if sameSide && contrast.Ratio(ink, dark) >= s.min && contrast.Ratio(ink, light) >= s.min {
			return &Overlay{Color: over, Alpha: round2(a)}, []brand.Color{dark, light}
		}
	}
	return &Overlay{Color: over, Alpha: 1}, []brand.Color{over}
}

// photoLayer returns a layer of src cropped to dest's aspect ratio around
// focus, noting when it enlarges the source.
func (p *planner) photoLayer(img *Image, src string, focus brand.Focus, dest image.Rectangle) *Layer {
	size, ok := p.in.Sizes[src]
	if src == "" || !ok || dest.Empty() {
		return nil
	}
	l := &Layer{Src: src, Crop: Crop(size, dest.Dx(), dest.Dy(), focus), Dest: dest}
	img.Photo = l
	p.checkSize(img, src)
	return l
}

// ground sets the image's photo under a brand overlay (card_style photo)
// or leaves the fill (the other styles), and returns the colours text
// sits on.
func (p *planner) ground(img *Image, src string, focus brand.Focus) []brand.Color {
	s := p.style
	if s.name == "photo" && p.photoLayer(img, src, focus, image.Rect(0, 0, img.Width, img.Height)) != nil {
		ov, on := s.overlay(s.fill, s.title)
		img.Overlay = ov
		return on
	}
	return []brand.Color{s.fill}
}

// plate lays the fill over the photo everywhere but in the margins the
// network covers or crops anyway, so that a cover shows where text cannot
// go: the left of a banner that the avatar covers, the frame around
// YouTube's centred area. Margins thinner than a seventh of the image
// close up.
func (p *planner) plate(img *Image, text image.Rectangle, pad int) {
	full := image.Rect(0, 0, img.Width, img.Height)
	r := text.Inset(-pad).Intersect(full)
	if r.Min.X < img.Width/7 {
		r.Min.X = 0
	}
	if img.Width-r.Max.X < img.Width/7 {
		r.Max.X = img.Width
	}
	if r.Min.Y < img.Height/7 {
		r.Min.Y = 0
	}
	if img.Height-r.Max.Y < img.Height/7 {
		r.Max.Y = img.Height
	}
	if r == full {
		return // no margin to show the cover in
	}
	cover := p.in.Profile.Person
	if p.photoLayer(img, cover.Cover, cover.CoverFocus, full) != nil {
		img.Shapes = append(img.Shapes, Shape{Rect: r, Color: p.style.fill})
	}
}

// logo places the logo, when the kit has one, inside a square box at
// (x, y) of side size, its aspect ratio kept; a badge goes behind it on
// the styles whose fill could swallow it. It returns the logo's rectangle.
func (p *planner) logo(img *Image, x, y, size int, a align) image.Rectangle {
	src := p.in.Profile.Person.Logo
	sz, ok := p.in.Sizes[src]
	if src == "" || !ok || size <= 0 {
		return image.Rectangle{}
	}
	w, h := size, size
	if sz.X > sz.Y {
		h = max(1, size*sz.Y/sz.X)
	} else {
		w = max(1, size*sz.X/sz.Y)
	}
	switch a {
	case centre:
		x += (size - w) / 2
	case right:
		x += size - w
	}
	y += (size - h) / 2
	dest := image.Rect(x, y, x+w, y+h)
	if p.style.badge != nil {
		pad := max(2, size/14)
		img.Shapes = append(img.Shapes, Shape{Rect: dest.Inset(-pad), Color: *p.style.badge, Round: true})
	}
	img.Logo = &Layer{Src: src, Crop: image.Rect(0, 0, sz.X, sz.Y), Dest: dest}
	return dest
}

// card plans a link or share card: a post's (its title, the person's name,
// the date) or, with post nil, the site's (name, role, tagline).
func (p *planner) card(netName string, s network.Slot, post *Post, path string) *Image {
	img := p.base(netName, s, Card, path)
	st, pr := p.style, p.in.Profile.Person
	W, H := s.Width, s.Height
	u := float64(min(W, H))
	safe := s.Safe
	if safe.Empty() {
		safe = image.Rect(0, 0, W, H).Inset(int(u * 0.08))
	}
	if post != nil {
		img.Post = post.Slug
	}
	src, focus := pr.Cover, pr.CoverFocus
	if post != nil && post.Cover != "" {
		src, focus = post.Cover, post.CoverFocus
	}
	on := []brand.Color{st.fill}
	text := safe
	switch {
	case st.name == "photo":
		on = p.ground(img, src, focus)
	case post != nil && post.Cover != "" || post == nil && src != "":
		// The post's own picture, or on the site's card the cover, takes
		// a panel beside (or above) the text.
		var panel image.Rectangle
		if W >= H {
			panel = image.Rect(W*58/100, 0, W, H)
			text.Max.X = panel.Min.X - safe.Min.X*3/4
		} else {
			panel = image.Rect(0, 0, W, H*40/100)
			text.Min.Y = max(text.Min.Y, panel.Max.Y+int(u*0.06))
		}
		p.photoLayer(img, src, focus, panel)
	}

	// The header: the logo and, on a post's card, the person's name.
	logoSize := int(u * 0.085)
	if post == nil {
		logoSize = int(u * 0.13)
	}
	headBottom := float64(text.Min.Y)
	lr := p.logo(img, text.Min.X, text.Min.Y, logoSize, left)
	if !lr.Empty() {
		headBottom = float64(lr.Max.Y)
	}
	if post != nil {
		name := p.text(Strong, pr.Name, p.at.name)
		size := u * 0.04
		sh := p.shaper(Strong, size)
		x := float64(text.Min.X)
		base := float64(text.Min.Y) + sh.capHeight()
		if !lr.Empty() {
			x = float64(lr.Max.X) + u*0.03
			base = float64(lr.Min.Y+lr.Max.Y)/2 + sh.capHeight()/2
		}
		if lines := wrap(sh, name, float64(text.Max.X)-x); len(lines) > 0 {
			if len(lines) > 1 {
				lines = ellipsize(sh, lines, 1, float64(text.Max.X)-x)
			}
			img.Lines = append(img.Lines, Line{Text: lines[0], Role: Strong,
				Size: round2(size), X: int(x), Y: int(math.Round(base)), Color: st.ink, On: on})
			_, d := sh.metrics()
			headBottom = max(headBottom, base+d)
		}
	}

	// The footer: the date of a post, and the site's address.
	footSize := u * 0.036
	fsh := p.shaper(Body, footSize)
	_, fd := fsh.metrics()
	footBase := float64(text.Max.Y) - fd
	footTop := footBase - fsh.capHeight()
	var footLeft string
	if post != nil && p.in.Date != nil {
		footLeft = p.text(Body, p.in.Date(post.Date), post.TitlePos)
	}
	host := p.text(Body, p.in.Host, p.at.siteURL)
	if footLeft == "" {
		footLeft, host = host, ""
	}
	if footLeft != "" {
		img.Lines = append(img.Lines, Line{Text: footLeft, Role: Body, Size: round2(footSize),
			X: text.Min.X, Y: int(math.Round(footBase)), Color: st.soft, On: on})
	}
	if host != "" && fsh.width(footLeft)+fsh.width(host)+u*0.06 <= float64(text.Dx()) {
		img.Lines = append(img.Lines, Line{Text: host, Role: Body, Size: round2(footSize),
			X: int(math.Round(float64(text.Max.X) - fsh.width(host))), Y: int(math.Round(footBase)), Color: st.soft, On: on})
	}

	// The middle: an accent rule, then the title, or the name, role and
	// tagline.
	top := headBottom + u*0.07
	bottom := footTop - u*0.07
	rule := &block{rule: true, ruleW: u * 0.1, ruleH: max(3, u*0.012), color: st.rule}
	var blocks []*block
	minScale := 0.5
	if post != nil {
		title := p.text(Heading, post.Title, post.TitlePos)
		blocks = []*block{rule, {role: Heading, text: title, size: u * 0.118, maxLines: 4, leading: 1.1, color: st.title, gap: u * 0.045}}
	} else {
		blocks = p.personBlocks(u, rule)
		minScale = 0.6
	}
	fitted := p.fitStack(blocks, float64(text.Dx()), bottom-top, minScale)
	y := top + (bottom-top-fitted.height)/2
	p.draw(img, fitted, float64(text.Min.X), y, float64(text.Dx()), left, on)
	return img
}

// personBlocks returns the stack that presents the person: name, an accent
// rule, role and tagline, sized from the unit u.
func (p *planner) personBlocks(u float64, rule *block) []*block {
	st, pr := p.style, p.in.Profile.Person
	blocks := []*block{
		{role: Heading, text: p.text(Heading, pr.Name, p.at.name), size: u * 0.11, maxLines: 2, leading: 1.1, color: st.title},
		rule,
		{role: Strong, text: p.text(Strong, pr.Role, p.at.role), size: u * 0.05, maxLines: 2, leading: 1.25, color: st.ink, gap: u * 0.045},
	}
	rule.gap = u * 0.04
	if pr.Tagline != "" {
		blocks = append(blocks, &block{role: Body, text: p.text(Body, pr.Tagline, p.at.tagline),
			size: u * 0.042, maxLines: 3, leading: 1.3, color: st.ink, gap: u * 0.02})
	}
	return blocks
}

// banner plans a wide profile banner: the logo and the person's stack
// inside the safe area, the cover in the margins the network covers.
func (p *planner) banner(netName string, s network.Slot, path string) *Image {
	img := p.base(netName, s, Banner, path)
	pr := p.in.Profile.Person
	safe := s.Safe
	if safe.Empty() {
		safe = image.Rect(0, 0, s.Width, s.Height).Inset(s.Height / 10)
	}
	var on []brand.Color
	if p.style.name == "photo" {
		on = p.ground(img, pr.Cover, pr.CoverFocus)
	} else {
		on = []brand.Color{p.style.fill}
		p.plate(img, safe, safe.Dy()/6)
	}
	box := safe.Inset(safe.Dy() / 14)
	u := float64(box.Dy())
	if float64(box.Dx()) > 2.4*u {
		side := int(u * 0.62)
		if lr := p.logo(img, box.Min.X, box.Min.Y+(box.Dy()-side)/2, side, left); !lr.Empty() {
			box.Min.X = lr.Max.X + int(u*0.16)
		}
	}
	rule := &block{rule: true, ruleW: u * 0.22, ruleH: max(3, u*0.025), color: p.style.rule, gap: u * 0.07}
	blocks := []*block{
		{role: Heading, text: p.text(Heading, pr.Name, p.at.name), size: u * 0.26, maxLines: 1, leading: 1.1, color: p.style.title},
		rule,
		{role: Strong, text: p.text(Strong, pr.Role, p.at.role), size: u * 0.1, maxLines: 2, leading: 1.25, color: p.style.ink, gap: u * 0.08},
	}
	if pr.Tagline != "" {
		blocks = append(blocks, &block{role: Body, text: p.text(Body, pr.Tagline, p.at.tagline),
			size: u * 0.085, maxLines: 2, leading: 1.3, color: p.style.ink, gap: u * 0.03})
	}
	if p.in.Host != "" {
		blocks = append(blocks, &block{role: Body, text: p.text(Body, p.in.Host, p.at.siteURL),
			size: u * 0.07, maxLines: 1, leading: 1.2, color: p.style.soft, gap: u * 0.06})
	}
	fitted := p.fitStack(blocks, float64(box.Dx()), u, 0.45)
	y := float64(box.Min.Y) + (u-fitted.height)/2
	p.draw(img, fitted, float64(box.Min.X), y, float64(box.Dx()), left, on)
	return img
}

// poster plans a tall image that presents the person: a story or a pin.
// The cover takes the top, the logo sits on its edge, the text is centred
// below it.
func (p *planner) poster(netName string, s network.Slot, path string) *Image {
	img := p.base(netName, s, Poster, path)
	pr := p.in.Profile.Person
	W, H := s.Width, s.Height
	safe := s.Safe
	if safe.Empty() {
		safe = image.Rect(0, 0, W, H).Inset(W / 14)
	}
	u := float64(W)
	var on []brand.Color
	logoSize := int(u * 0.24)
	logoTop := safe.Min.Y
	if p.style.name == "photo" {
		on = p.ground(img, pr.Cover, pr.CoverFocus)
	} else {
		on = []brand.Color{p.style.fill}
		panel := image.Rect(0, 0, W, max(safe.Min.Y, H*34/100))
		if p.photoLayer(img, pr.Cover, pr.CoverFocus, panel) != nil {
			logoTop = panel.Max.Y - logoSize/2
		}
	}
	top := float64(logoTop)
	if lr := p.logo(img, safe.Min.X+(safe.Dx()-logoSize)/2, logoTop, logoSize, centre); !lr.Empty() {
		top = float64(lr.Max.Y) + u*0.02
	}
	box := safe.Inset(int(u * 0.02))
	// The site's address closes the poster at the bottom of the safe area.
	hostSize := u * 0.045
	bottom := float64(box.Max.Y)
	if host := p.text(Body, p.in.Host, p.at.siteURL); host != "" {
		sh := p.shaper(Strong, hostSize)
		_, d := sh.metrics()
		base := float64(box.Max.Y) - d
		img.Lines = append(img.Lines, Line{Text: host, Role: Strong, Size: round2(hostSize),
			X: int(math.Round(float64(box.Min.X) + (float64(box.Dx())-sh.width(host))/2)), Y: int(math.Round(base)), Color: p.style.soft, On: on})
		bottom = base - sh.capHeight() - u*0.06
	}
	rule := &block{rule: true, ruleW: u * 0.12, ruleH: max(4, u*0.01), color: p.style.rule}
	blocks := p.personBlocks(u*1.3, rule)
	blocks[0].size = u * 0.13
	fitted := p.fitStack(blocks, float64(box.Dx()), bottom-top, 0.5)
	y := top + (bottom-top-fitted.height)/2
	p.draw(img, fitted, float64(box.Min.X), y, float64(box.Dx()), centre, on)
	return img
}

// icon plans a site icon: the logo, or the person's initials on a disc of
// the primary colour. The Apple touch icon is opaque, as iOS wants.
func (p *planner) icon(s network.Slot, path string, sizes []int) *Image {
	img := p.base("site", s, Icon, path)
	img.Sizes = sizes
	if len(sizes) > 0 {
		img.Format = ICO
	}
	c := p.in.Profile.Identity.Colors
	W := s.Width
	opaque := s.Name == "apple-touch-icon"
	img.Fill = brand.Color{} // transparent unless opaque: see Compose
	if opaque {
		img.Fill = c.Background
		img.Shapes = append(img.Shapes, Shape{Rect: image.Rect(0, 0, W, W), Color: c.Background})
	}
	inset := 0
	if opaque {
		inset = W / 10
	}
	if src := p.in.Profile.Person.Logo; src != "" {
		if sz, ok := p.in.Sizes[src]; ok {
			box := image.Rect(0, 0, W, W).Inset(inset)
			w, h := box.Dx(), box.Dy()
			if sz.X > sz.Y {
				h = max(1, w*sz.Y/sz.X)
			} else {
				w = max(1, h*sz.X/sz.Y)
			}
			x, y := box.Min.X+(box.Dx()-w)/2, box.Min.Y+(box.Dy()-h)/2
			img.Logo = &Layer{Src: src, Crop: image.Rect(0, 0, sz.X, sz.Y), Dest: image.Rect(x, y, x+w, y+h)}
			return img
		}
	}
	disc := image.Rect(0, 0, W, W).Inset(inset)
	img.Shapes = append(img.Shapes, Shape{Rect: disc, Color: c.Primary, Round: true})
	ink := contrast.On(c.Primary, c.Background)
	initials := p.text(Heading, initials(p.in.Profile.Person.Name), p.at.name)
	if initials == "" {
		return img
	}
	size := float64(disc.Dx()) * 0.46
	if utf8.RuneCountInString(initials) == 1 {
		size = float64(disc.Dx()) * 0.58
	}
	sh := p.shaper(Heading, size)
	x := float64(disc.Min.X) + (float64(disc.Dx())-sh.width(initials))/2
	y := float64(disc.Min.Y) + (float64(disc.Dy())+sh.capHeight())/2
	img.Lines = append(img.Lines, Line{Text: initials, Role: Heading, Size: round2(size), X: int(math.Round(x)), Y: int(math.Round(y)), Color: ink, On: []brand.Color{c.Primary}})
	return img
}

// initials returns the first letter of the first and last words of name,
// upper-cased.
func initials(name string) string {
	var rs []rune
	for _, word := range strings.Fields(name) {
		r, _ := utf8.DecodeRuneInString(word)
		if unicode.IsLetter(r) {
			rs = append(rs, unicode.ToUpper(r))
		}
	}
	if len(rs) > 2 {
		rs = []rune{rs[0], rs[len(rs)-1]}
	}
	return string(rs)
}

// checkContrast reports the brand's text pairs (text and accent on the
// background, as the site uses them) and every pair the images draw text
// with, when below min_contrast. Each pair is reported once.
func checkContrast(prof *brand.Profile, l *diag.List, imgs []*Image) {
	c, minC := prof.Identity.Colors, prof.Identity.MinContrast
	type pair struct{ fg, bg brand.Color }
	seen := map[pair]bool{}
	report := func(fg, bg brand.Color, path, what string) {
		if seen[pair{fg, bg}] {
			return
		}
		seen[pair{fg, bg}] = true
		if r := contrast.Ratio(fg, bg); r < minC {
			f := l.Add(prof.ValuePos(path), "identity.contrast", "%s %s on %s has a contrast of %.2f:1, below min_contrast %g",
				what, fg.Hex(), bg.Hex(), math.Floor(r*100)/100, minC)
			f.Suggestion = "darken or lighten one of the two colours"
		}
	}
	report(c.Text, c.Background, "identity.colors.text", "text")
	report(c.Accent, c.Background, "identity.colors.accent", "accent")
	for _, img := range imgs {
		for _, l := range img.Lines {
			for _, bg := range l.On {
				report(l.Color, bg, "identity.colors", "text in images:")
			}
		}
	}
}
