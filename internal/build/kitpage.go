package build

import (
	"cmp"
	"errors"
	"fmt"
	"mime"
	"path"
	"slices"
	"strings"
	"sync"

	"golang.org/x/image/font/sfnt"

	"github.com/marque-kit/marque/internal/manifest"
	"github.com/marque-kit/marque/internal/network"
	"github.com/marque-kit/marque/internal/output"
	"github.com/marque-kit/marque/internal/picture"
	"github.com/marque-kit/marque/internal/render"
	"github.com/marque-kit/marque/internal/socialimage"
	"github.com/marque-kit/marque/theme"
)

// kitFileGroups are the manifest's kinds of files the kit page shows, in
// its order, each group one card of the page: the print and identity
// artefacts a person hands out. The contact card and its QR code go
// together.
var kitFileGroups = [][]string{{"business-card"}, {"qr-site"}, {"contact", "qr-contact"}, {"email-signature"}}

// addKitPage adds the brand's logo file to the kit and renders the brand
// kit page, kit/index.html, from the manifest and the profile. It runs
// after every other part of the kit and shows only files that are in
// site, so that a part that made nothing (a check, which draws no images;
// a file left out after a finding) leaves no link to nothing.
func addKitPage(k *kit, th *theme.Theme, site *output.Tree, m *manifest.Manifest) error {
	in := &render.KitInput{
		Profile:       k.profile,
		BaseURL:       k.base,
		ImagesPending: imagesPending(k, site),
		Memo:          k.cache.pageMemo(),
		Lint:          k.lint,
	}
	logo, err := addKitLogo(k, site, m)
	if err != nil {
		return err
	}
	if k.lint {
		return render.Kit(in, th, site) // names the page: nothing to show
	}
	if logo != nil {
		in.Logo = &render.KitImage{Slot: "logo", URL: k.url(logo.Path), File: path.Base(logo.Path),
			Width: logo.Width, Height: logo.Height, Bytes: int64(logo.Bytes)}
	}
	if !manifestEmpty(m) {
		in.Manifest = k.url(manifest.Path) // renderAll writes it next
	}
	kitFonts(k, site, in)
	caps := imageCaps(k)
	images := kitImages(k, site, m, caps)
	in.Site = images[network.Site.Name]
	in.Icon = kitIcon(k, site, in.Site)
	in.Networks = kitNetworks(k, m, images)
	in.Posts = kitPosts(k, site, m, caps)
	in.Files = kitFiles(k, site, m)
	return render.Kit(in, th, site)
}

// imagesPending reports whether the site lacks images the kit plans, or
// print files, that a build which draws makes: a check has none, and
// serve's builds have those the caches hold, all of them once a drawing
// made them. (An image that cannot be made, a finding, is missing too.)
func imagesPending(k *kit, site *output.Tree) bool {
	if k.drawing() {
		return false
	}
	if !k.adding() || !site.Has(CardPath) || !site.Has(QRSitePath+".png") {
		return true
	}
	if k.images.plan == nil {
		return false
	}
	for _, img := range k.images.plan.Images {
		if !site.Has(img.File(socialimage.PNG)) && !site.Has(img.File(socialimage.JPEG)) {
			return true
		}
	}
	return false
}

// imageCaps returns the byte cap the plan gave each image, by network,
// slot and post.
func imageCaps(k *kit) map[[3]string]int64 {
	caps := map[[3]string]int64{}
	if k.images != nil && k.images.plan != nil {
		for _, img := range k.images.plan.Images {
			caps[[3]string{img.Network, img.Slot, img.Post}] = img.MaxBytes
		}
	}
	return caps
}

// kitImages returns the images made once per kit, by network ("site" for
// the site's own), each network's in the order of its slots.
func kitImages(k *kit, site *output.Tree, m *manifest.Manifest, caps map[[3]string]int64) map[string][]render.KitImage {
	images := map[string][]render.KitImage{}
	for _, img := range m.Images {
		if !site.Has(img.Path) {
			continue
		}
		images[img.Network] = append(images[img.Network], render.KitImage{
			Slot: img.Slot, URL: k.url(img.Path), File: downloadName(img.Network, img.Path),
			Width: img.Width, Height: img.Height, Bytes: int64(img.Bytes),
			MaxBytes: caps[[3]string{img.Network, img.Slot, ""}],
		})
	}
	for name, imgs := range images {
		slots := network.Site.Slots
		if n, ok := network.Lookup(name); ok {
			slots = n.Slots
		}
		slices.SortStableFunc(imgs, func(a, b render.KitImage) int {
			return cmp.Or(cmp.Compare(slotIndex(slots, a.Slot), slotIndex(slots, b.Slot)), cmp.Compare(a.Slot, b.Slot))
		})
	}
	return images
}

// kitIcon returns the icon of the page's tab: the site's favicon, or the
// SVG of its initials.
func kitIcon(k *kit, site *output.Tree, siteImages []render.KitImage) string {
	icon := ""
	for _, img := range siteImages {
		if img.Slot == "favicon" || icon == "" && img.Slot == "favicon-32" {
			icon = img.URL
		}
	}
	if icon == "" && site.Has("favicon.svg") {
		icon = k.url("favicon.svg")
	}
	return icon
}

// kitNetworks returns each configured network with its images and the
// text of each profile field, in the order of the network's fields.
func kitNetworks(k *kit, m *manifest.Manifest, images map[string][]render.KitImage) []render.KitNetwork {
	links := map[string]string{}
	for _, f := range m.Files {
		if f.Kind == "links" {
			links[f.Network] = f.URL
		}
	}
	var out []render.KitNetwork
	for _, c := range k.profile.Networks {
		n := render.KitNetwork{
			Name: c.Name, Label: networkLabel(c.Name), Handle: c.Handle, URL: c.URL, Goal: c.Goal,
			Links: cmp.Or(links[c.Name], links[""]), Images: images[c.Name],
		}
		var fields []network.Field
		if known, ok := network.Lookup(c.Name); ok {
			fields = known.Fields
		}
		for _, b := range m.Bios {
			if b.Network == c.Name {
				n.Texts = append(n.Texts, render.KitText{Field: b.Field, Text: b.Text, Count: b.Count, Limit: b.Limit, Unit: b.Unit})
			}
		}
		slices.SortStableFunc(n.Texts, func(a, b render.KitText) int {
			return cmp.Compare(fieldIndex(fields, a.Field), fieldIndex(fields, b.Field))
		})
		out = append(out, n)
	}
	return out
}

// kitPosts returns each post with its share texts and images, newest
// first, its networks in brand.toml's order (a post may also name
// networks the profile does not have: they come after).
func kitPosts(k *kit, site *output.Tree, m *manifest.Manifest, caps map[[3]string]int64) []render.KitPost {
	order := map[string]int{}
	for i, c := range k.profile.Networks {
		order[c.Name] = i
	}
	rank := func(name string) int {
		if i, ok := order[name]; ok {
			return i
		}
		return len(order)
	}
	shares := map[string][]manifest.Share{}
	for _, s := range m.Shares {
		shares[s.Post] = append(shares[s.Post], s)
	}
	var out []render.KitPost
	for _, p := range k.posts {
		kp := render.KitPost{Slug: p.Slug, Title: p.Title, Date: p.Date, Draft: p.Draft, Scheduled: p.Date.After(k.today)}
		ss := shares[p.Slug]
		slices.SortStableFunc(ss, func(a, b manifest.Share) int {
			return cmp.Or(cmp.Compare(rank(a.Network), rank(b.Network)), cmp.Compare(a.Network, b.Network))
		})
		for _, s := range ss {
			ks := render.KitShare{Network: s.Network, Label: networkLabel(s.Network)}
			if s.Text != "" {
				ks.Text = &render.KitText{Text: s.Text, Count: s.Count, Limit: s.Limit, Unit: s.Unit}
				if txt := "kit/posts/" + p.Slug + "/" + s.Network + ".txt"; site.Has(txt) {
					ks.Text.URL = k.url(txt)
				}
			}
			if s.Image != "" && site.Has(s.Image) {
				ks.Image = &render.KitImage{
					Slot: "post", URL: k.url(s.Image), File: p.Slug + "-" + s.Network + path.Ext(s.Image),
					Width: s.Width, Height: s.Height, Bytes: int64(s.Bytes), MaxBytes: caps[[3]string{s.Network, "post", p.Slug}],
				}
			}
			if ks.Text != nil || ks.Image != nil {
				kp.Shares = append(kp.Shares, ks)
			}
		}
		out = append(out, kp)
	}
	return out
}

// kitFiles returns the identity and print files the site has, a group of
// kinds to each, the text of the text files with them.
func kitFiles(k *kit, site *output.Tree, m *manifest.Manifest) []render.KitFile {
	var out []render.KitFile
	for _, kinds := range kitFileGroups {
		f := render.KitFile{Kind: kinds[0]}
		for _, kind := range kinds {
			var files []render.KitDownload
			for _, mf := range m.Files {
				data, ok := site.Get(mf.Path)
				if mf.Kind != kind || !ok {
					continue
				}
				d := render.KitDownload{Kind: kind, URL: k.url(mf.Path), File: path.Base(mf.Path), Bytes: int64(mf.Bytes)}
				if ext := path.Ext(mf.Path); ext == ".txt" || ext == ".vcf" {
					d.Text = strings.TrimRight(string(data), "\r\n")
				}
				files = append(files, d)
			}
			// The preview takes the first file that has one: a QR code's
			// SVG is sharper than its PNG, a signature's HTML is the one
			// to look at.
			slices.SortStableFunc(files, func(a, b render.KitDownload) int {
				return cmp.Compare(previewRank(a.File), previewRank(b.File))
			})
			f.Files = append(f.Files, files...)
		}
		if len(f.Files) == 0 {
			continue
		}
		// The business card shows its sides, which not every browser
		// can from the PDF.
		for _, mf := range m.Files {
			if f.Kind != "business-card" || mf.Kind != "business-card-preview" || !site.Has(mf.Path) {
				continue
			}
			side := strings.TrimSuffix(strings.TrimPrefix(mf.Path, CardPreviewPath+"-"), path.Ext(mf.Path))
			f.Previews = append(f.Previews, render.KitImage{Slot: side, URL: k.url(mf.Path), File: path.Base(mf.Path),
				Width: mf.Width, Height: mf.Height, Bytes: int64(mf.Bytes)})
		}
		out = append(out, f)
	}
	return out
}

// addKitLogo adds the brand's logo file to the kit as it is, for
// download (the site's copy is reduced for its header), and returns its
// manifest entry; nil without a logo, or with one that is not an image,
// which the site reports.
func addKitLogo(k *kit, site *output.Tree, m *manifest.Manifest) (*manifest.File, error) {
	src := k.profile.Person.Logo
	if src == "" {
		return nil, nil
	}
	data, err := k.readFile(src)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", src, err)
	}
	size, err := picture.SizeBytes(data)
	if errors.Is(err, picture.ErrNotImage) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", src, err)
	}
	ext := strings.ToLower(path.Ext(src))
	f := manifest.File{Kind: "logo", Path: "kit/logo" + ext, Type: mime.TypeByExtension(ext), Width: size.X, Height: size.Y}
	if err := addFile(site, m, f, data); err != nil {
		return nil, err
	}
	return &m.Files[len(m.Files)-1], nil
}

// manifestEmpty reports whether m lists nothing: the kit then has no
// manifest.
func manifestEmpty(m *manifest.Manifest) bool {
	return len(m.Images)+len(m.Bios)+len(m.Shares)+len(m.Files) == 0
}

// kitFonts names the faces of headings and text, on the site and in the
// images, and links the brand's font files the site serves.
func kitFonts(k *kit, site *output.Tree, in *render.KitInput) {
	files := k.profile.Identity.Fonts
	for _, f := range []struct {
		src  string
		role socialimage.Role
		url  *string
		face *render.KitFace
	}{
		{files.Heading, socialimage.Heading, &in.Fonts.Heading, &in.Faces.Heading},
		{files.Body, socialimage.Body, &in.Fonts.Body, &in.Faces.Body},
	} {
		if f.src != "" {
			// As prepareSite names the copy the site serves.
			if name := "fonts/" + path.Base(f.src); site.Has(name) {
				*f.url = k.url(name)
			}
			if family := fontFamily(k, f.src); family != "" {
				*f.face = render.KitFace{Family: family, File: f.src}
				continue
			}
		}
		// No brand font, or one marque cannot read: the images use the
		// face marque embeds.
		*f.face = render.KitFace{Family: embeddedFamily(f.role)}
	}
}

// embeddedFamilies keeps the name of each embedded face, by role: getting
// it copies and parses the face's file, half a megabyte, which each of
// serve's rebuilds did (0.6 ms of the 15 of a rebuild of the example kit).
var embeddedFamilies sync.Map // socialimage.Role → string

// embeddedFamily returns the full name of the face marque embeds for role
// ("Noto Serif Bold"), or its file's name when it has none.
func embeddedFamily(role socialimage.Role) string {
	if family, ok := embeddedFamilies.Load(role); ok {
		return family.(string)
	}
	name, data := socialimage.EmbeddedFont(role)
	family := cmp.Or(fullName(data), strings.TrimSuffix(name, path.Ext(name)))
	embeddedFamilies.Store(role, family)
	return family
}

// fullName returns the full name of a font file ("Noto Serif Bold"), or ""
// when it has none.
func fullName(data []byte) string {
	f, err := sfnt.Parse(data)
	if err != nil {
		return ""
	}
	name, err := f.Name(nil, sfnt.NameIDFull)
	if err != nil {
		return ""
	}
	return name
}

// downloadName is the name a kit image is saved under: its network before
// its file name, so that the avatars of two networks do not collide.
func downloadName(net, p string) string {
	if net == network.Site.Name {
		return path.Base(p)
	}
	return net + "-" + path.Base(p)
}

func slotIndex(slots []network.Slot, name string) int {
	if i := slices.IndexFunc(slots, func(s network.Slot) bool { return s.Name == name }); i >= 0 {
		return i
	}
	return len(slots)
}

func fieldIndex(fields []network.Field, name string) int {
	if i := slices.IndexFunc(fields, func(f network.Field) bool { return f.Name == name }); i >= 0 {
		return i
	}
	return len(fields)
}

// previewRank orders the formats of one kit file for its preview.
func previewRank(name string) int {
	switch path.Ext(name) {
	case ".svg", ".html", ".pdf", ".vcf":
		return 0
	case ".png":
		return 1
	}
	return 2
}
