package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"net/url"
	"path"
	"strings"
	"time"

	"github.com/marque-kit/marque/internal/brand"
	"github.com/marque-kit/marque/internal/contrast"
	"github.com/marque-kit/marque/internal/i18n"
	"github.com/marque-kit/marque/internal/output"
	"github.com/marque-kit/marque/theme"
)

// KitPath is where the brand kit page lands in the output. No page of the
// site links to it, and it is in neither the sitemap nor the feed: a
// client never stumbles on it.
const KitPath = "kit/index.html"

// KitInput is what the brand kit page shows: the profile, and what the
// other parts of the kit made, as the caller found them in the output tree.
// URLs are in the form of [Image.URL].
type KitInput struct {
	Profile *brand.Profile
	BaseURL *url.URL
	// Fonts are the brand's font files as the site serves them, as in
	// [Input]; "" where the site uses a system font stack.
	Fonts Fonts
	// Faces are the fonts of headings and of text in the images, which
	// the site also uses where they are the brand's.
	Faces    struct{ Heading, Body KitFace }
	Logo     *KitImage    // the brand's logo file, or nil
	Icon     string       // the site's icon for the browser tab, or ""
	Networks []KitNetwork // the configured networks, in brand.toml's order
	Site     []KitImage   // the site's own images: its link card and icons
	Posts    []KitPost    // the published posts, newest first
	Files    []KitFile    // the identity and print files the kit has
	Manifest string       // kit/manifest.json, or "" when there is none
	// ImagesPending is set when the site lacks images of the kit that a
	// build makes (a check has none, serve those drawn so far): the page
	// then says where they come from.
	ImagesPending bool
	// Lint is set by a check: the page is added with no bytes and, unlike
	// the site's pages (Input.Lint), its template does not run: only a
	// build reports a kit.html that fails.
	Lint bool
	// Memo, when not nil, keeps the page for the next render of the kit,
	// and gives it back while its data stays the same.
	Memo *Memo
}

// KitFace names a font.
type KitFace struct {
	Family string // "Noto Serif Bold"
	File   string // the brand's font file; "" for a face marque embeds
}

// KitNetwork is one configured network: why the person is there, its
// images and the text of each profile field.
type KitNetwork struct {
	Name   string // brand.toml's key: "linkedin"
	Label  string // "LinkedIn"
	Handle string
	URL    string
	Goal   string
	Links  string     // the absolute URL of the links page for the profile's website field, or ""
	Images []KitImage // in the order of the network's slots
	Texts  []KitText  // in the order of the network's profile fields
}

// KitImage is one image file of the kit.
type KitImage struct {
	Slot          string // "avatar", "banner", ...
	URL           string
	File          string // the name a download is saved under: "linkedin-banner.png"
	Width, Height int
	Bytes         int64
	MaxBytes      int64 // the network's largest file, 0 when it states none
}

// KitText is a text to paste: a profile field's, or a post's share text.
type KitText struct {
	Field        string // the profile field ("bio", "headline", ...); "" for a share text
	Text         string
	Count, Limit int
	Unit         string // how Count counts: "strict", "weighted", ...
	URL          string // the text as a .txt file, or ""
}

// KitPost is a published post and what to share of it on each network.
type KitPost struct {
	Slug   string
	Title  string
	Date   time.Time
	Shares []KitShare // in brand.toml's order of the networks
	// Draft and Scheduled mark the posts a preview shows that the site
	// does not publish yet.
	Draft, Scheduled bool
}

// KitShare is what to post on one network for one post.
type KitShare struct {
	Network string // "linkedin"
	Label   string // "LinkedIn"
	Text    *KitText
	Image   *KitImage // nil when the network has no post image
}

// KitFile is one identity or print artefact of the kit, in each format
// the kit has it.
type KitFile struct {
	// Kind is what it is, as the manifest says: "contact", "qr-site",
	// "qr-contact", "business-card" or "email-signature".
	Kind  string
	Files []KitDownload // the preferred format for a preview first
	// Previews are images of what a file shows that browsers cannot
	// (the business card's sides), shown in its place.
	Previews []KitImage
}

// KitDownload is one file of a [KitFile].
type KitDownload struct {
	Kind  string // the manifest's kind: a contact card's QR code is "qr-contact"
	URL   string
	File  string // the name a download is saved under
	Bytes int64
	// Text is the content of a text file (.txt, .vcf), which the page
	// shows; "" for the others.
	Text string
}

// Kit renders the brand kit page into tree, at [KitPath], from the theme's
// kit template, with the theme's static files under kit/. It runs after
// [Render], whose style sheet it links, and after every other part of the
// kit, whose files it shows.
func Kit(in *KitInput, th *theme.Theme, tree *output.Tree) error {
	if in.Profile == nil || in.BaseURL == nil {
		return fmt.Errorf("render kit: no profile or base URL")
	}
	s := newSite(&Input{Profile: in.Profile, BaseURL: in.BaseURL})
	if data, ok := tree.Get("style.css"); ok {
		s.StyleURL = s.versioned("style.css", data)
	}
	var css, script string
	for _, name := range th.StaticNames() {
		if !isKitStatic(name) {
			continue
		}
		data, _ := th.Static(name)
		if err := tree.Add(name, data); err != nil {
			return err
		}
		switch name {
		case "kit/kit.css":
			css = s.versioned(name, data)
		case "kit/kit.js":
			script = s.versioned(name, data)
		}
	}
	if in.Lint {
		// A check shows no page: the kit page is only named.
		return tree.Add(KitPath, nil)
	}
	page, err := in.Memo.kit(th, in, s.StyleURL, func() ([]byte, error) {
		p := newKitPage(in, s)
		p.CSS, p.Script = css, script
		var b bytes.Buffer
		if err := th.Execute(&b, "kit", p); err != nil {
			return nil, fmt.Errorf("render %s: %w", KitPath, err)
		}
		return b.Bytes(), nil
	})
	if err != nil {
		return err
	}
	return tree.Add(KitPath, page)
}

// isKitStatic reports whether the theme's static file name belongs to the
// kit page (static/kit/...): it is written with the page, not with the
// site, so that a site without a kit page has none of it.
func isKitStatic(name string) bool { return strings.HasPrefix(name, "kit/") }

// versioned returns the URL of the site file name whose content is data,
// with its Version so that browsers keep it until it changes.
func (s *site) versioned(name string, data []byte) string {
	return s.URL(name) + "?v=" + Version(data)
}

// Version is the version of a file whose content is data, as the query
// "v=…" of its URLs gives it: the first four bytes of its SHA-256, in hex.
func Version(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:4])
}

// kitPage is the data of the kit template. Its text is plain, with the
// language's typography applied to the user's; the template escapes it.
type kitPage struct {
	Site   *site
	T      *i18n.KitStrings
	Title  string // the document's <title>
	Lead   string // the person's role and tagline
	CSS    string // kit/kit.css, or "" when the theme has none
	Script string // kit/kit.js, or ""
	Icon   string

	Brief     []kitFact
	Goals     []kitGoal
	Swatches  []kitSwatch
	Logo      *kitImage
	Pairs     []kitPair
	Threshold string // min_contrast as a ratio: "4,5:1"
	Fonts     []kitFont
	Networks  []*kitNetwork
	Website   []*kitImage // the site's card and icons
	Posts     []*kitPost  // the newest, shown whole
	Older     []*kitPost  // the others, a line each
	Files     []*kitFile
	Manifest  string
	Pending   bool // the images are made by build only
	Contents  []kitLink
}

// kitFact is one item of the brief: a label and its text, or its list.
type kitFact struct {
	Label string
	Text  string
	List  []string
}

// kitGoal is why the person is on one network.
type kitGoal struct {
	Label, Anchor string
	Handle, URL   string
	Goal          string // "" when brand.toml gives none
	Links         string // the links page to put in the profile, or ""
}

// kitSwatch is one colour of the palette.
type kitSwatch struct {
	Name  string // "primary"
	Label string
	Hex   string
	RGB   string
	Style template.CSS // the swatch's fill
}

// kitPair is a text colour on its background, as the site uses it.
type kitPair struct {
	Usage  string
	Colors string // "Blanc sur Primaire"
	Ratio  string
	Pass   bool
	Style  template.CSS // a sample in the two colours
	// Instead says which colour the site sets this text in, when it
	// sets it in another for want of contrast; "" otherwise.
	Instead string
}

// kitFont is the face of one role of text.
type kitFont struct {
	Role     string // "heading" or "body": the template picks the font by it
	Label    string
	Sample   string
	OnSite   string
	InImages string
	Download *kitLink // the brand's font file, or nil
}

// kitNetwork is a network's part of the page.
type kitNetwork struct {
	kitGoal
	Images []*kitImage
	Texts  []*kitText
}

// kitImage is an image as the page shows it.
type kitImage struct {
	T             *i18n.KitStrings
	Label         string // the slot's name in words
	Alt           string
	URL, File     string
	Width, Height int
	Size          string // "1584 × 396 px"
	Format        string // "PNG"
	Bytes         string // "30,8 ko"
	Max           string // "8 Mo au plus", or ""
	Shape         string // "wide", "tall" or "square", for the grid
}

// kitText is a text to copy as the page shows it.
type kitText struct {
	T        *i18n.KitStrings
	ID       string // of the <pre>; its label's is ID + "-label"
	Label    string
	Describe string // the ids of the elements that say which text it is
	Text     string
	Count    string // "973 / 2 600 caractères"
	URL      string // the text as a file, or ""
	File     string // the name to save it under
}

// kitPost is a post's part of the page.
type kitPost struct {
	ID       string
	Title    string
	Badge    string // "Brouillon", "Programmé" or ""
	URL      string
	DateISO  string
	DateText string
	Shares   []*kitShare
}

// kitShare is a post's text and image for one network.
type kitShare struct {
	ID    string
	Label string
	Text  *kitText
	Image *kitImage
}

// kitFile is an identity or print artefact as the page shows it.
type kitFile struct {
	ID        string
	Label     string
	Previews  []*kitImage
	Preview   string // "image", "pdf", "html" or "" for none
	URL       string // the previewed file
	Alt       string // the text alternative of an image preview
	Text      *kitText
	Source    string // a vCard's text, shown folded
	Downloads []kitLink
}

// kitLink is a link of the table of contents or a download.
type kitLink struct {
	Label string
	URL   string
	File  string    // the download attribute: the name to save under
	Sub   []kitLink // a section's own sections
}

func newKitPage(in *KitInput, s *site) *kitPage {
	prof := in.Profile
	t := &s.T.Kit
	p := &kitPage{
		Site:     s,
		T:        t,
		Title:    t.Title + " · " + s.Name,
		Icon:     in.Icon,
		Manifest: in.Manifest,
		Pending:  in.ImagesPending,
	}
	p.Lead = strings.Join(nonEmpty(s.Role, s.Tagline), " · ")

	st := prof.Strategy
	objectives := make([]string, 0, len(st.Objectives))
	for _, o := range st.Objectives {
		objectives = append(objectives, s.typo(o))
	}
	p.Brief = []kitFact{
		{Label: t.Audience, Text: s.Audience},
		{Label: t.Message, Text: s.Message},
		{Label: t.Objectives, List: objectives},
		{Label: t.Market, Text: t.MarketName(st.Market)},
	}

	p.palette(in)
	p.fonts(in)
	if in.Logo != nil {
		p.Logo = p.image(in.Logo, s.Name+" · "+t.Slot("logo"), "logo")
	}
	for _, n := range in.Networks {
		p.network(n)
	}
	for i := range in.Site {
		img := &in.Site[i]
		p.Website = append(p.Website, p.image(img, t.SiteImages+" · "+t.Slot(img.Slot), img.Slot))
	}
	for i, post := range in.Posts {
		p.post(post, i < fullPosts)
	}
	for _, f := range in.Files {
		p.file(f)
	}
	p.contents()
	return p
}

// nonEmpty returns the strings of ss that are not empty.
func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// palette lists the brand's colours and the contrast of each pair of them
// the site sets text in.
func (p *kitPage) palette(in *KitInput) {
	t := p.T
	c := in.Profile.Identity.Colors
	minC := in.Profile.Identity.MinContrast
	names := t.ColorNames()
	for _, sw := range []struct {
		name string
		c    brand.Color
	}{{"primary", c.Primary}, {"accent", c.Accent}, {"background", c.Background}, {"text", c.Text}, {"muted", c.Muted}} {
		p.Swatches = append(p.Swatches, kitSwatch{
			Name: sw.name, Label: names[sw.name], Hex: sw.c.Hex(),
			RGB:   fmt.Sprintf("rgb(%d, %d, %d)", sw.c.R, sw.c.G, sw.c.B),
			Style: template.CSS("background-color: " + sw.c.Hex()),
		})
	}
	// The name of a colour in a pair: a brand colour's, or white or black
	// where the site falls back to them for text on a fill.
	name := func(x brand.Color) string {
		for _, sw := range p.Swatches {
			if sw.Hex == x.Hex() {
				return sw.Label
			}
		}
		switch x {
		case contrast.White:
			return t.White
		case contrast.Black:
			return t.Black
		}
		return x.Hex()
	}
	onPrimary, onAccent := contrast.On(c.Primary, c.Background), contrast.On(c.Accent, c.Background)
	for _, pr := range []struct {
		usage     string
		fg, bg    brand.Color
		siteColor brand.Color // what the site sets the text in
	}{
		{t.PairText, c.Text, c.Background, c.Text},
		{t.PairMuted, c.Muted, c.Background, mutedTextColor(c)},
		{t.PairPrimary, c.Primary, c.Background, linkColor(c)},
		{t.PairAccent, c.Accent, c.Background, c.Accent},
		{t.PairButton, onPrimary, c.Primary, onPrimary},
		{t.PairBadge, onAccent, c.Accent, onAccent},
	} {
		r := contrast.Ratio(pr.fg, pr.bg)
		var instead string
		if pr.siteColor != pr.fg {
			instead = fmt.Sprintf(t.InsteadFmt, name(pr.siteColor))
		}
		p.Pairs = append(p.Pairs, kitPair{
			Instead: instead,
			Usage:   pr.usage,
			Colors:  fmt.Sprintf(t.OnFmt, name(pr.fg), name(pr.bg)),
			Ratio:   t.ContrastRatio(r),
			// As the checks do: the ratio truncated, never rounded up.
			Pass:  truncate2(r) >= minC,
			Style: template.CSS("color: " + pr.fg.Hex() + "; background-color: " + pr.bg.Hex()),
		})
	}
	p.Threshold = t.ContrastRatio(minC)
}

// truncate2 truncates a ratio to two decimals, as it is written.
func truncate2(r float64) float64 { return float64(int(r*100+1e-9)) / 100 }

// fonts describes the face of headings and of text: on the site (the
// brand's file, or the reader's system fonts) and in the images.
func (p *kitPage) fonts(in *KitInput) {
	t, s := p.T, p.Site
	for _, f := range []struct {
		role, label, url, stack, sample string
		face                            KitFace
	}{
		{"heading", t.Heading, in.Fonts.Heading, serifStack, s.Name, in.Faces.Heading},
		{"body", t.Body, in.Fonts.Body, sansStack, firstOf(s.Tagline, s.Message, s.Role), in.Faces.Body},
	} {
		kf := kitFont{Role: f.role, Label: f.label, Sample: f.sample}
		file := path.Base(f.face.File)
		switch {
		case f.face.File != "":
			kf.InImages = fmt.Sprintf(t.BrandFont, f.face.Family, file)
		case f.face.Family != "":
			kf.InImages = fmt.Sprintf(t.EmbeddedFont, f.face.Family)
		}
		if f.url != "" {
			kf.OnSite = kf.InImages
			if f.face.File == "" {
				// A brand file the images cannot read: the browser may.
				kf.OnSite = fmt.Sprintf(t.BrandFont, file, file)
			}
			kf.Download = &kitLink{Label: t.Download + " " + file, URL: f.url, File: file}
		} else {
			kf.OnSite = fmt.Sprintf(t.SystemFont, strings.Join(stackNames(f.stack, 3), ", "))
		}
		p.Fonts = append(p.Fonts, kf)
	}
}

// stackNames returns the first n named families of a CSS font stack,
// leaving out the generic and system keywords a reader cannot look up.
func stackNames(stack string, n int) []string {
	var out []string
	for _, f := range strings.Split(stack, ",") {
		f = strings.Trim(strings.TrimSpace(f), `"`)
		switch f {
		case "serif", "sans-serif", "monospace", "system-ui", "ui-monospace", "-apple-system":
			continue
		}
		if len(out) < n {
			out = append(out, f)
		}
	}
	return out
}

// anchor returns an id for the page from a kind and a name: letters,
// digits and hyphens only, so that it reads in a URL's fragment.
func anchor(kind, name string) string {
	var b strings.Builder
	b.WriteString(kind)
	b.WriteByte('-')
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-':
			b.WriteRune(r)
		default:
			fmt.Fprintf(&b, "_%x", r)
		}
	}
	return b.String()
}

// image returns the view of a kit image, with alt as its text alternative.
func (p *kitPage) image(img *KitImage, alt, slot string) *kitImage {
	t := p.T
	v := &kitImage{
		T:     t,
		Label: t.Slot(slot), Alt: alt, URL: img.URL, File: img.File,
		Width: img.Width, Height: img.Height,
		Size:   t.Number(img.Width) + " × " + t.Number(img.Height) + "\u00a0" + t.Pixels,
		Format: strings.ToUpper(strings.TrimPrefix(path.Ext(img.URL), ".")),
		Bytes:  t.Bytes(img.Bytes),
		Shape:  "square",
	}
	if v.Format == "JPG" {
		v.Format = "JPEG"
	}
	if img.MaxBytes > 0 {
		v.Max = fmt.Sprintf(t.MaxFmt, t.Bytes(img.MaxBytes))
	}
	switch {
	case img.Width*10 >= img.Height*17: // banners, and link cards at 1.9:1
		v.Shape = "wide"
	case img.Height*4 > img.Width*5:
		v.Shape = "tall"
	}
	return v
}

// text returns the view of a text to copy.
func (p *kitPage) text(id, label, describe string, kt *KitText) *kitText {
	t := p.T
	v := &kitText{T: t, ID: id, Label: label, Describe: describe + " " + id + "-label", Text: kt.Text, URL: kt.URL}
	if kt.Limit > 0 {
		v.Count = t.Number(kt.Count) + " / " + t.Number(kt.Limit) + "\u00a0" + t.Unit(kt.Unit)
	}
	return v
}

func (p *kitPage) network(n KitNetwork) {
	t := p.T
	g := kitGoal{Label: n.Label, Anchor: anchor("network", n.Name), Handle: n.Handle, URL: n.URL, Goal: p.Site.typo(n.Goal), Links: n.Links}
	p.Goals = append(p.Goals, g)
	v := &kitNetwork{kitGoal: g}
	for i := range n.Images {
		img := &n.Images[i]
		v.Images = append(v.Images, p.image(img, n.Label+" · "+t.Slot(img.Slot), img.Slot))
	}
	for i := range n.Texts {
		kt := &n.Texts[i]
		id := anchor("text-"+n.Name, kt.Field)
		v.Texts = append(v.Texts, p.text(id, t.Field(kt.Field), g.Anchor+"-h", kt))
	}
	p.Networks = append(p.Networks, v)
}

// fullPosts is how many of the newest posts the kit page shows whole, each
// share's text and image on the page; older posts get a line each, with
// their files to download. A kit of a thousand posts so keeps a page a
// phone can open, and that serve remakes quickly. (A variable for tests.)
var fullPosts = 20

// post adds a post's view, whole or as a line of the older posts.
func (p *kitPage) post(in KitPost, whole bool) {
	s, t := p.Site, p.T
	v := &kitPost{
		ID:       anchor("post", in.Slug),
		Title:    s.typo(in.Title),
		URL:      s.Abs("posts/" + url.PathEscape(in.Slug) + "/"),
		DateISO:  in.Date.Format(isoDate),
		DateText: s.T.Date(in.Date),
	}
	switch {
	case in.Draft:
		v.Badge = s.T.Draft
	case in.Scheduled:
		v.Badge = s.T.Scheduled
	}
	for _, sh := range in.Shares {
		id := v.ID + "-" + anchor("share", sh.Network)
		vs := &kitShare{ID: id, Label: sh.Label}
		textFile := in.Slug + "-" + sh.Network + ".txt"
		switch {
		case !whole:
			// A line links to the files alone: the rest of a view
			// would cost a large kit's page time for nothing.
			if sh.Image != nil {
				vs.Image = &kitImage{T: t, URL: sh.Image.URL, File: sh.Image.File}
			}
			if sh.Text != nil {
				vs.Text = &kitText{T: t, URL: sh.Text.URL, File: textFile}
			}
		default:
			if sh.Image != nil {
				vs.Image = p.image(sh.Image, sh.Label+" · "+v.Title, sh.Image.Slot)
			}
			if sh.Text != nil {
				vs.Text = p.text(id+"-text", t.Text, v.ID+"-h "+id+"-h", sh.Text)
				vs.Text.File = textFile
			}
		}
		v.Shares = append(v.Shares, vs)
	}
	if !whole {
		p.Older = append(p.Older, v)
		return
	}
	p.Posts = append(p.Posts, v)
}

func (p *kitPage) file(f KitFile) {
	if len(f.Files) == 0 {
		return
	}
	t := p.T
	v := &kitFile{ID: anchor("file", f.Kind), Label: t.FileName(f.Kind)}
	for i := range f.Previews {
		img := &f.Previews[i]
		v.Previews = append(v.Previews, p.image(img, v.Label+" · "+t.Slot(img.Slot), img.Slot))
	}
	for _, d := range f.Files {
		ext := strings.ToLower(path.Ext(d.File))
		format := strings.ToUpper(strings.TrimPrefix(ext, "."))
		label := format + " · " + t.Bytes(d.Bytes)
		if d.Kind != "" && d.Kind != f.Kind {
			// A file of another kind in the group says what it is.
			label = t.FileName(d.Kind) + " · " + label
		}
		v.Downloads = append(v.Downloads, kitLink{Label: label, URL: d.URL, File: d.File})
		switch {
		case v.Preview == "" && (ext == ".svg" || ext == ".png"):
			v.Preview, v.URL, v.Alt = "image", d.URL, v.Label
			if d.Kind != "" && d.Kind != f.Kind {
				v.Alt = t.FileName(d.Kind) + " · " + v.Label
			}
		case v.Preview == "" && ext == ".pdf" && len(v.Previews) == 0:
			v.Preview, v.URL = "pdf", d.URL
		case v.Preview == "" && ext == ".html":
			v.Preview, v.URL = "html", d.URL
		case ext == ".txt" && v.Text == nil:
			v.Text = p.text(v.ID+"-text", t.SignatureTxt, v.ID+"-h", &KitText{Text: d.Text})
		case ext == ".vcf":
			v.Source = d.Text
		}
	}
	p.Files = append(p.Files, v)
}

// contents is the table of contents: every section the page has.
func (p *kitPage) contents() {
	t := p.T
	p.Contents = []kitLink{{Label: t.Brief, URL: "#brief"}, {Label: t.Palette, URL: "#palette"}, {Label: t.Fonts, URL: "#fonts"}}
	if len(p.Networks) > 0 {
		nets := kitLink{Label: t.Networks, URL: "#networks"}
		for _, n := range p.Networks {
			nets.Sub = append(nets.Sub, kitLink{Label: n.Label, URL: "#" + n.Anchor})
		}
		p.Contents = append(p.Contents, nets)
	}
	if len(p.Website) > 0 {
		p.Contents = append(p.Contents, kitLink{Label: t.SiteImages, URL: "#website"})
	}
	p.Contents = append(p.Contents, kitLink{Label: t.Posts, URL: "#posts"})
	if len(p.Files) > 0 {
		p.Contents = append(p.Contents, kitLink{Label: t.Print, URL: "#print"})
	}
}
