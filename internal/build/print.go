package build

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image/png"
	"io"
	"strings"

	"golang.org/x/image/font/sfnt"

	"github.com/marque-kit/marque/internal/account"
	"github.com/marque-kit/marque/internal/brand"
	"github.com/marque-kit/marque/internal/diag"
	"github.com/marque-kit/marque/internal/manifest"
	"github.com/marque-kit/marque/internal/network"
	"github.com/marque-kit/marque/internal/output"
	"github.com/marque-kit/marque/internal/pdf"
	"github.com/marque-kit/marque/internal/picture"
	"github.com/marque-kit/marque/internal/printcard"
	"github.com/marque-kit/marque/internal/qr"
	"github.com/marque-kit/marque/internal/render"
	"github.com/marque-kit/marque/internal/signature"
	"github.com/marque-kit/marque/internal/socialimage"
	"github.com/marque-kit/marque/internal/typo"
	"github.com/marque-kit/marque/internal/vcard"
)

// Paths of the identity and print files of the kit (SPEC section 6).
const (
	ContactPath   = "kit/contact.vcf"
	QRSitePath    = "kit/qr-site"    // .png and .svg
	QRContactPath = "kit/qr-contact" // .png and .svg
	CardPath      = "kit/business-card.pdf"
	// CardPreviewPath-front.png and -back.png show the card, trimmed.
	CardPreviewPath = "kit/business-card"
	SignaturePath   = "kit/email-signature" // .html and .txt
)

// cardPreviewDPI sets the previews of the business card 803 pixels wide:
// twice the width the kit page shows them at.
const cardPreviewDPI = 240

// qrImageSide is about the side, in pixels, of the QR codes' PNGs: large
// enough to print a few centimetres wide, each module whole pixels.
const qrImageSide = 1024

// addAccounts adds what proves the person's accounts and leads to them:
// the files of /.well-known/ and, in the manifest, the links pages that
// render wrote into site. It checks the accounts' handles.
func addAccounts(k *kit, site *output.Tree, m *manifest.Manifest, l *diag.List) error {
	p := k.profile
	account.Check(p, l)
	for _, f := range account.WellKnown(p) {
		if err := addFile(site, m, manifest.File{Kind: "well-known", Path: f.Name, URL: k.publicURL(f.Name), Type: f.Type}, f.Data); err != nil {
			return err
		}
	}
	listLinksPages(k, site, m)
	return nil
}

// addPrint adds what carries the person beyond the site's pages, and
// checks it: the contact card and the QR codes, the business card, the
// e-mail signature, each listed in the manifest's files for the kit page
// to show and offer for download.
func addPrint(ctx context.Context, k *kit, site *output.Tree, m *manifest.Manifest, l *diag.List) error {
	p := k.profile
	phone, email := checkContact(k, l)
	card := k.contactCard(phone, email)
	vcf := card.Encode()
	if err := addFile(site, m, manifest.File{Kind: "contact", Path: ContactPath, URL: k.publicURL(ContactPath), Type: "text/vcard"}, vcf); err != nil {
		return err
	}

	dark, light := qr.Inks(p.Identity.Colors.Background, p.Identity.Colors.Primary, p.Identity.Colors.Text)
	siteQR, err := k.addQR(site, m, "qr-site", QRSitePath, []byte(k.publicURL("")), dark, light, k.publicURL(""))
	if err != nil {
		return fmt.Errorf("qr code of the site: %w", err) // a URL is far below any limit
	}
	// The code carries the essential card: its modules stay large enough
	// to scan from a page; the site it names leads to the rest.
	essential := card.Essential().Encode()
	_, err = k.addQR(site, m, "qr-contact", QRContactPath, essential, dark, light, p.Person.Name)
	switch {
	case errors.Is(err, qr.ErrTooLong):
		l.Add(p.ValuePos("person.name"), "print.fit", "the contact card is %d bytes even without its profiles: too long for a QR code; kit/qr-contact is left out", len(essential))
	case err != nil:
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := addCard(k, site, m, siteQR, phone, l); err != nil {
		return err
	}
	return addSignature(k, site, m, phone)
}

// drawing reports whether the build draws the kit's images (EncodeImages),
// and adding whether it adds those the cache holds (CachedImages too). The
// print files follow the images: a check has none, serve shows those a
// drawing made while the next drawing makes the others.
func (k *kit) drawing() bool { return k.images.mode == EncodeImages }
func (k *kit) adding() bool  { return k.images.mode != PlanImages }

// publicURL returns the absolute address of the site-relative path name
// on the site's public URL.
func (k *kit) publicURL(name string) string {
	u := *k.public
	u.RawQuery, u.Fragment, u.RawFragment = "", "", ""
	return strings.TrimSuffix(u.String(), "/") + "/" + name
}

// siteLabel returns the site as printed: host and path, no scheme.
func (k *kit) siteLabel() string {
	return strings.TrimSuffix(k.public.Host+k.public.EscapedPath(), "/")
}

// addFile adds data to the site at f.Path and its entry to the manifest.
func addFile(site *output.Tree, m *manifest.Manifest, f manifest.File, data []byte) error {
	if err := site.Add(f.Path, data); err != nil {
		return err
	}
	sum := sha256.Sum256(data)
	f.Bytes, f.SHA256 = len(data), hex.EncodeToString(sum[:])
	m.Files = append(m.Files, f)
	return nil
}

// listLinksPages lists the links pages render wrote: links/, and a copy
// per network to put in its website field when [links] utm is set.
func listLinksPages(k *kit, site *output.Tree, m *manifest.Manifest) {
	for _, name := range site.Names() {
		dir, ok := strings.CutSuffix(name, "index.html")
		if !ok || !strings.HasPrefix(dir, render.LinksDir) {
			continue
		}
		data, _ := site.Get(name)
		sum := sha256.Sum256(data)
		m.Files = append(m.Files, manifest.File{
			Kind: "links", Network: strings.Trim(strings.TrimPrefix(dir, render.LinksDir), "/"),
			Path: name, URL: k.publicURL(dir), Type: "text/html",
			Bytes: len(data), SHA256: hex.EncodeToString(sum[:]),
		})
	}
}

// checkContact reads the phone number and e-mail address that the
// profile's own check let through, as the card and the signature need
// them: a value they cannot use is a profile.invalid finding, and is left
// out.
func checkContact(k *kit, l *diag.List) (vcard.Phone, string) {
	pr := k.profile.Person
	var phone vcard.Phone
	if pr.Phone != "" {
		var err error
		if phone, err = vcard.ParsePhone(pr.Phone); err != nil {
			l.Add(k.profile.ValuePos("person.phone"), "profile.invalid", "person.phone: %v", err)
		}
	}
	email := pr.Email
	if email != "" {
		if err := vcard.CheckEmail(email); err != nil {
			l.Add(k.profile.ValuePos("person.email"), "profile.invalid", "person.email: %v", err)
			email = ""
		}
	}
	return phone, email
}

// contactCard returns the person's vCard.
func (k *kit) contactCard(phone vcard.Phone, email string) *vcard.Card {
	pr := k.profile.Person
	c := &vcard.Card{
		Name: pr.Name, Title: pr.Role, Note: pr.Tagline, Email: email, Phone: phone,
		URL: k.publicURL(""), Photo: k.portrait, Locale: pr.Language,
	}
	for _, n := range k.profile.Networks {
		if n.URL == "" {
			continue
		}
		c.Profiles = append(c.Profiles, vcard.Profile{Group: n.Name, Label: networkLabel(n.Name), URL: n.URL})
	}
	return c
}

func networkLabel(name string) string {
	if n, ok := network.Lookup(name); ok {
		return n.Label
	}
	return name
}

// addQR adds the QR code of payload as SVG and as PNG (see drawing), and
// returns it. An earlier build's code of the same payload, in the same
// inks and with the same title, is used again: the encoding and its masks
// take a millisecond a code, the PNG ten.
func (k *kit) addQR(site *output.Tree, m *manifest.Manifest, kind, base string, payload []byte, dark, light brand.Color, title string) (*qrEntry, error) {
	h := sha256.New()
	fmt.Fprintf(h, "qr\x00%s\x00%d\x00%d\x00%s\x00%s\x00%q\x00", marqueVersion(), qr.M, qrImageSide, dark.Hex(), light.Hex(), title)
	h.Write(payload)
	var key [sha256.Size]byte
	h.Sum(key[:0])
	e := k.cache.qr(key)
	if e == nil || e.png == nil && k.drawing() {
		var err error
		if e, err = k.makeQR(key, e, base, payload, dark, light, title); err != nil {
			return nil, err
		}
		k.cache.keepQR(key, e)
	}
	if e.png != nil && k.adding() {
		if err := e.png.addListed(site, m, manifest.File{Kind: kind, Path: base + ".png", Type: "image/png", Width: e.Side, Height: e.Side}); err != nil {
			return nil, err
		}
	}
	if err := e.svg.addListed(site, m, manifest.File{Kind: kind, Path: base + ".svg", Type: "image/svg+xml"}); err != nil {
		return nil, err
	}
	return e, nil
}

// qrFacts is what the image cache keeps of a QR code beside its files.
type qrFacts struct {
	Scale int // pixels per module of the PNG, and units of the SVG
	Side  int // the PNG's width and height
}

// makeQR returns a new entry for the QR code under key: from the image
// cache, or made from was (an entry without its PNG) or from nothing.
func (k *kit) makeQR(key [sha256.Size]byte, was *qrEntry, base string, payload []byte, dark, light brand.Color, title string) (*qrEntry, error) {
	var facts qrFacts
	if files, ok := k.images.loadDerived(key, &facts); ok && len(files) == 2 {
		return &qrEntry{payload: payload, qrFacts: facts, svg: files[0], png: &files[1]}, nil
	}
	n := &qrEntry{payload: payload} // a new entry: the one kept is shared
	if was != nil {
		n.code, n.qrFacts, n.svg = was.code, was.qrFacts, was.svg
	} else {
		code, err := qr.Encode(payload, qr.M)
		if err != nil {
			return nil, err
		}
		n.code, n.Scale = code, max(8, qrImageSide/code.Side())
		n.Side = code.Side() * n.Scale
		n.svg = newDerivedFile(base+".svg", code.SVG(n.Scale, dark, light, title))
	}
	if !k.drawing() {
		return n, nil
	}
	code, err := n.qrCode()
	if err != nil {
		return nil, err
	}
	png, err := code.PNG(n.Scale, dark, light)
	if err != nil {
		return nil, err
	}
	files := k.images.storeDerived(key, []derivedFile{n.svg, newDerivedFile(base+".png", png)}, n.qrFacts)
	n.svg, n.png = files[0], &files[1]
	return n, nil
}

// addCard lays out and writes the business card (see drawing), and
// reports what it could not show at the keys of brand.toml the values
// come from. siteQR is the QR code of the site, which the card prints.
func addCard(k *kit, site *output.Tree, m *manifest.Manifest, siteQR *qrEntry, phone vcard.Phone, l *diag.List) error {
	p := k.profile
	pr := p.Person
	lang := pr.Language
	c := &printcard.Card{
		Lang: lang, Name: typo.Apply(lang, pr.Name), Role: typo.Apply(lang, pr.Role),
		Email: pr.Email, Phone: phone.Text, Site: k.siteLabel(), Colors: p.Identity.Colors,
	}
	for _, n := range p.Networks {
		if !n.Print {
			continue
		}
		text := account.Display(n)
		if text == "" {
			text = strings.TrimPrefix(strings.TrimPrefix(n.URL, "https://"), "www.")
		}
		c.Handles = append(c.Handles, printcard.Handle{Key: "networks." + n.Name + ".handle", Label: networkLabel(n.Name), Text: text})
	}
	var logo []byte
	var logoSum [sha256.Size]byte
	if pr.Logo != "" {
		// Unreadable: the site reports it, and the card has no logo.
		logo, logoSum, _ = k.assets.read(pr.Logo)
	}
	// Everything the card is made from, the QR code by its payload and
	// the faces marque embeds by their roles (the fallback face is the
	// same on every card).
	h := sha256.New()
	fmt.Fprintf(h, "card\x00%s\x00%d\x00%q\x00%q\x00%q\x00%q\x00%q\x00%q\x00%v\x00%q\x00",
		marqueVersion(), cardPreviewDPI, c.Lang, c.Name, c.Role, c.Email, c.Phone, c.Site, c.Colors, k.publicURL(""))
	for _, hd := range c.Handles {
		fmt.Fprintf(h, "%q %q %q\x00", hd.Key, hd.Label, hd.Text)
	}
	// The files by their sums, which the build computed as it read them.
	fmt.Fprintf(h, "%d %x\x00", len(logo), logoSum)
	var err error
	if c.Heading, err = cardFont(k, h, p.Identity.Fonts.Heading, socialimage.Heading); err != nil {
		return err
	}
	if c.Body, err = cardFont(k, h, p.Identity.Fonts.Body, socialimage.Body); err != nil {
		return err
	}
	var key [sha256.Size]byte
	h.Sum(key[:0])

	e := k.cache.card(key)
	if e == nil || e.pdf == nil && k.drawing() {
		if e, err = k.cardEntry(key, c, siteQR, logo); err != nil {
			return err
		}
		k.cache.keepCard(key, e)
	}
	for _, pb := range e.problems {
		l.Add(p.ValuePos(pb.Key), pb.Rule, "%s: %s", pb.Key, pb.Message)
	}
	if e.pdf == nil || !k.adding() {
		return nil
	}
	if err := e.pdf.addListed(site, m, manifest.File{Kind: "business-card", Path: CardPath, URL: k.publicURL(CardPath), Type: "application/pdf"}); err != nil {
		return err
	}
	for _, pv := range e.previews {
		f := manifest.File{Kind: "business-card-preview", Path: CardPreviewPath + "-" + pv.Side + ".png", Type: "image/png", Width: pv.Width, Height: pv.Height}
		if err := pv.file.addListed(site, m, f); err != nil {
			return err
		}
	}
	return nil
}

// cardFacts is what the image cache keeps of a business card beside its
// PDF and previews.
type cardFacts struct {
	Problems []printcard.Problem
	Previews []previewFacts
}

type previewFacts struct {
	Side          string
	Width, Height int
}

// cardEntry returns the business card c laid out, from the image cache
// when a build that drew it kept it there, else by layCard.
func (k *kit) cardEntry(key [sha256.Size]byte, c *printcard.Card, siteQR *qrEntry, logo []byte) (*cardEntry, error) {
	var facts cardFacts
	if files, ok := k.images.loadDerived(key, &facts); ok && len(files) == 1+len(facts.Previews) {
		e := &cardEntry{problems: facts.Problems, pdf: &files[0]}
		for i, pv := range facts.Previews {
			e.previews = append(e.previews, cardPreview{previewFacts: pv, file: files[1+i]})
		}
		return e, nil
	}
	var err error
	if c.QR, err = siteQR.qrCode(); err != nil {
		return nil, err
	}
	e, err := layCard(k, c, logo)
	if err != nil || e.pdf == nil {
		return e, err
	}
	files := []derivedFile{*e.pdf}
	facts.Problems = e.problems
	for _, pv := range e.previews {
		files = append(files, pv.file)
		facts.Previews = append(facts.Previews, pv.previewFacts)
	}
	files = k.images.storeDerived(key, files, facts)
	e.pdf = &files[0]
	for i := range e.previews {
		e.previews[i].file = files[1+i]
	}
	return e, nil
}

// layCard lays out the card c, with the logo file's bytes, and writes it
// as PDF, with previews for the kit page, when the build draws. Its faces
// that are not the brand's are marque's own, set here.
func layCard(k *kit, c *printcard.Card, logo []byte) (*cardEntry, error) {
	if c.Heading == nil {
		_, c.Heading = socialimage.EmbeddedFont(socialimage.Heading)
	}
	if c.Body == nil {
		_, c.Body = socialimage.EmbeddedFont(socialimage.Body)
	}
	_, c.Fallback = socialimage.EmbeddedFont("")
	if logo != nil {
		// A logo that does not decode is already a finding of the site's.
		if img, err := picture.DecodeBytes(logo); err == nil {
			c.Logo = img
		}
	}
	// A check wants the findings of the layout; only a build writes the
	// PDF, as only a build encodes the kit's images.
	card := printcard.Lay
	if k.drawing() {
		card = printcard.Make
	}
	res, err := card(c)
	if errors.Is(err, pdf.ErrUnsupportedFont) {
		// A brand font the PDF cannot embed (the profile reports a file
		// that is not a font): the card uses the embedded faces.
		_, c.Heading = socialimage.EmbeddedFont(socialimage.Heading)
		_, c.Body = socialimage.EmbeddedFont(socialimage.Body)
		res, err = card(c)
	}
	if err != nil {
		return nil, err
	}
	e := &cardEntry{problems: res.Problems}
	if res.PDF == nil {
		return e, nil
	}
	pdfFile := newDerivedFile(CardPath, res.PDF)
	e.pdf = &pdfFile
	// Previews for the kit page: not every browser shows a PDF inline.
	for _, side := range []*printcard.Side{res.Front, res.Back} {
		img, err := printcard.Preview(c, side, cardPreviewDPI)
		if err != nil {
			return nil, err
		}
		// The default compression: the best one takes five times as long
		// on every build, for a preview.
		var data bytes.Buffer
		if err := png.Encode(&data, img); err != nil {
			return nil, fmt.Errorf("encode the business card's preview: %w", err)
		}
		b := img.Bounds()
		name := CardPreviewPath + "-" + side.Name + ".png"
		e.previews = append(e.previews, cardPreview{previewFacts: previewFacts{side.Name, b.Dx(), b.Dy()}, file: newDerivedFile(name, data.Bytes())})
	}
	return e, nil
}

// cardFont returns the brand's font file at src, or nil when the brand
// has none and the card uses the embedded face of role (the fallback face
// for role ""), and writes into key what tells the face from another: the
// file's sum, or the role, which names one embedded face in a marque.
func cardFont(k *kit, key io.Writer, src string, role socialimage.Role) ([]byte, error) {
	if src == "" {
		fmt.Fprintf(key, "embedded %q\x00", role)
		return nil, nil
	}
	data, sum, err := k.assets.read(src)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", src, err)
	}
	fmt.Fprintf(key, "file %d %x\x00", len(data), sum)
	return data, nil
}

// addSignature writes the e-mail signature, HTML and plain text.
func addSignature(k *kit, site *output.Tree, m *manifest.Manifest, phone vcard.Phone) error {
	p := k.profile
	pr := p.Person
	lang := pr.Language
	s := &signature.Signature{
		Lang: lang, Name: typo.Apply(lang, pr.Name), Role: typo.Apply(lang, pr.Role),
		Email: pr.Email, Phone: phone.Text, PhoneURI: phone.URI(),
		Site: k.publicURL(""), SiteLabel: k.siteLabel(), Avatar: k.portrait,
		Colors:        p.Identity.Colors,
		HeadingFamily: fontFamily(k, p.Identity.Fonts.Heading),
		BodyFamily:    fontFamily(k, p.Identity.Fonts.Body),
	}
	for _, n := range p.Networks {
		if n.URL != "" {
			s.Links = append(s.Links, signature.Link{Label: networkLabel(n.Name), URL: n.URL})
		}
	}
	h, err := signature.HTML(s)
	if err != nil {
		return err
	}
	if err := addFile(site, m, manifest.File{Kind: "email-signature", Path: SignaturePath + ".html", Type: "text/html"}, h); err != nil {
		return err
	}
	return addFile(site, m, manifest.File{Kind: "email-signature", Path: SignaturePath + ".txt", Type: "text/plain"}, signature.Text(s))
}

// fontFamily returns the family name of the brand's font file at src, or
// "" when there is none or it cannot be read.
func fontFamily(k *kit, src string) string {
	if src == "" {
		return ""
	}
	data, err := k.readFile(src)
	if err != nil {
		return ""
	}
	f, err := sfnt.Parse(data)
	if err != nil {
		return ""
	}
	name, err := f.Name(nil, sfnt.NameIDFamily)
	if err != nil {
		return ""
	}
	return name
}
