package render

import (
	"fmt"
	"html"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/marque-kit/marque/internal/brand"
	"github.com/marque-kit/marque/internal/output"
	"github.com/marque-kit/marque/theme"
)

// kitFixture returns the kit page's input for the fixture site in lang:
// two networks, one of them with a brand font for headings, a post shared
// on both, and each kind of identity and print file.
func kitFixture(lang string) *KitInput {
	p := profile(lang)
	p.Strategy.Objectives = []string{"Deux nouveaux clients B2B par trimestre", "Un article toutes les deux semaines"}
	p.Strategy.Market = "b2b"
	p.Identity.MinContrast = 4.5
	p.Identity.Fonts.Heading = "assets/fonts/Titres.ttf"
	p.Networks[0].Goal = "Trouver des clients B2B"
	in := &KitInput{
		Profile: p,
		BaseURL: mustURL("https://camille.example"),
		Fonts:   Fonts{Heading: "/fonts/Titres.ttf"},
		Logo:    &KitImage{Slot: "logo", URL: "/kit/logo.png", File: "logo.png", Width: 1024, Height: 512, Bytes: 52_900},
		Icon:    "/favicon.ico",
		Networks: []KitNetwork{
			{
				Name: "linkedin", Label: "LinkedIn", Handle: "camille-martin", URL: "https://www.linkedin.com/in/camille-martin",
				Goal: "Trouver des clients B2B", Links: "https://camille.example/links/linkedin/",
				Images: []KitImage{
					{Slot: "avatar", URL: "/kit/linkedin/avatar.png", File: "linkedin-avatar.png", Width: 400, Height: 400, Bytes: 10_941, MaxBytes: 8_000_000},
					{Slot: "banner", URL: "/kit/linkedin/banner.png", File: "linkedin-banner.png", Width: 1584, Height: 396, Bytes: 30_808, MaxBytes: 8_000_000},
				},
				Texts: []KitText{
					{Field: "headline", Text: "Designer UX indépendante · Des interfaces simples", Count: 49, Limit: 220, Unit: "strict"},
					{Field: "about", Text: "Designer UX indépendante à Lyon.\n\nJ’aide les PME industrielles.", Count: 63, Limit: 2600, Unit: "strict"},
				},
			},
			{
				Name: "mastodon", Label: "Mastodon", Handle: "camille", URL: "https://mastodon.social/@camille",
				Images: []KitImage{{Slot: "story", URL: "/kit/mastodon/story.jpg", File: "mastodon-story.jpg", Width: 1080, Height: 1920, Bytes: 1_249_999}},
				Texts:  []KitText{{Field: "bio", Text: "Designer UX · Lyon", Count: 18, Limit: 500, Unit: "mastodon"}},
			},
		},
		Site: []KitImage{
			{Slot: "card", URL: "/card.png", File: "card.png", Width: 1200, Height: 630, Bytes: 41_198, MaxBytes: 5_000_000},
			{Slot: "favicon", URL: "/favicon.ico", File: "favicon.ico", Width: 48, Height: 48, Bytes: 5944},
		},
		Posts: []KitPost{
			{Slug: "premier-article", Title: "Pourquoi vos utilisateurs ne lisent pas vos écrans", Date: day(2026, time.November, 2),
				Shares: []KitShare{
					{Network: "linkedin", Label: "LinkedIn",
						Text:  &KitText{Text: "Pourquoi vos utilisateurs ne lisent pas\n\nhttps://camille.example/posts/premier-article/", Count: 64, Limit: 3000, Unit: "strict", URL: "/kit/posts/premier-article/linkedin.txt"},
						Image: &KitImage{Slot: "post", URL: "/kit/posts/premier-article/linkedin.png", File: "premier-article-linkedin.png", Width: 1200, Height: 627, Bytes: 15_500}},
					{Network: "mastodon", Label: "Mastodon",
						Text: &KitText{Text: "Pourquoi vos utilisateurs ne lisent pas #ux", Count: 44, Limit: 500, Unit: "mastodon"}},
				}},
			{Slug: "ancien", Title: "Un article plus ancien", Date: day(2026, time.October, 12), Draft: true,
				Shares: []KitShare{{Network: "linkedin", Label: "LinkedIn",
					Text:  &KitText{Text: "Un article plus ancien", Count: 22, Limit: 3000, Unit: "strict", URL: "/kit/posts/ancien/linkedin.txt"},
					Image: &KitImage{Slot: "post", URL: "/kit/posts/ancien/linkedin.png", File: "ancien-linkedin.png", Width: 1200, Height: 627, Bytes: 15_000}}}},
		},
		Files: []KitFile{
			{Kind: "qr-site", Files: []KitDownload{{URL: "/kit/qr-site.svg", File: "qr-site.svg", Bytes: 3200}, {URL: "/kit/qr-site.png", File: "qr-site.png", Bytes: 1000}}},
			{Kind: "business-card", Files: []KitDownload{{URL: "/kit/business-card.pdf", File: "business-card.pdf", Bytes: 178_000}},
				Previews: []KitImage{{Slot: "front", URL: "/kit/business-card-front.png", File: "business-card-front.png", Width: 803, Height: 520, Bytes: 20_000}}},
			{Kind: "contact", Files: []KitDownload{
				{Kind: "contact", URL: "/kit/contact.vcf", File: "contact.vcf", Bytes: 977, Text: "BEGIN:VCARD\r\nFN:Camille Martin\r\nEND:VCARD"},
				{Kind: "qr-contact", URL: "/kit/qr-contact.svg", File: "qr-contact.svg", Bytes: 21_700},
			}},
			{Kind: "email-signature", Files: []KitDownload{
				{URL: "/kit/email-signature.html", File: "email-signature.html", Bytes: 2800},
				{URL: "/kit/email-signature.txt", File: "email-signature.txt", Bytes: 470, Text: "Camille Martin\nDesigner UX indépendante"},
			}},
		},
		Manifest: "/kit/manifest.json",
	}
	in.Faces.Heading = KitFace{Family: "Titres", File: "assets/fonts/Titres.ttf"}
	in.Faces.Body = KitFace{Family: "Inter Regular"}
	if lang == "en" {
		in.ImagesPending = true // as in a check: no images
		for i := range in.Networks {
			in.Networks[i].Images = nil
		}
		in.Site, in.Logo, in.Files = nil, nil, nil
	}
	return in
}

// renderKit renders the site of in's profile, then its kit page, with th
// (the default theme when nil) and in's memo, and returns the tree.
func renderKit(t *testing.T, in *KitInput, th *theme.Theme) *output.Tree {
	t.Helper()
	if th == nil {
		var err error
		if th, err = theme.Load(nil); err != nil {
			t.Fatal(err)
		}
	}
	tree := output.NewTree()
	if err := Render(&Input{Profile: in.Profile, BaseURL: in.BaseURL, Memo: in.Memo}, th, tree); err != nil {
		t.Fatal(err)
	}
	if err := Kit(in, th, tree); err != nil {
		t.Fatal(err)
	}
	return tree
}

func TestKitGolden(t *testing.T) {
	// The French page shows its older post as a line.
	defer func(n int) { fullPosts = n }(fullPosts)
	fullPosts = 1
	for _, lang := range []string{"fr", "en"} {
		t.Run(lang, func(t *testing.T) {
			tree := renderKit(t, kitFixture(lang), nil)
			golden(t, lang+"/kit/index.html", get(t, tree, KitPath))
			for _, name := range []string{"kit/kit.css", "kit/kit.js"} {
				if !tree.Has(name) {
					t.Errorf("no %s beside the kit page", name)
				}
			}
		})
	}
}

// TestKitPageIsPrivate checks that the kit page asks not to be indexed or
// followed, and that no file of the site links to it or lists it.
func TestKitPageIsPrivate(t *testing.T) {
	tree := renderKit(t, kitFixture("fr"), nil)
	page := get(t, tree, KitPath)
	if !strings.Contains(page, `<meta name="robots" content="noindex, nofollow">`) {
		t.Errorf("the kit page does not ask robots to stay away")
	}
	if strings.Contains(page, `rel="canonical"`) || strings.Contains(page, `property="og:`) {
		t.Errorf("the kit page has a canonical URL or Open Graph tags")
	}
	for _, name := range tree.Names() {
		if name == KitPath || strings.HasPrefix(name, "kit/") {
			continue
		}
		if body := get(t, tree, name); strings.Contains(body, "/kit/") {
			t.Errorf("%s mentions /kit/", name)
		}
	}
}

// copyTextRE finds the texts to copy: what the browser takes from the
// <pre> (its first newline is not part of its text).
var copyTextRE = regexp.MustCompile(`(?s)<pre class="copy-text" id="([^"]+)"[^>]*>\n(.*?)</pre>`)

// copyTexts returns the texts to copy of a kit page, by id, as a browser
// reads them.
func copyTexts(page string) map[string]string {
	out := map[string]string{}
	for _, m := range copyTextRE.FindAllStringSubmatch(page, -1) {
		out[m[1]] = html.UnescapeString(m[2])
	}
	return out
}

// TestKitHostile puts markup made to break out of every context into
// every user text of the kit page: none of it comes through as markup,
// and each text to copy is, once the browser has read it, exactly the
// text given.
func TestKitHostile(t *testing.T) {
	in := kitFixture("fr")
	in.Profile.Person.Name = "Camille " + hostile
	in.Profile.Person.Role = hostile
	in.Profile.Strategy.Audience = hostile
	in.Profile.Strategy.Message = hostile
	in.Profile.Strategy.Objectives = []string{hostile}
	n := &in.Networks[0]
	n.Goal, n.Handle, n.Links = hostile, hostile, "javascript:alert(1)"
	n.URL = `https://x.example/"><script>alert(1)</script>`
	n.Texts[0].Text = "</pre>" + hostile + "\n{{.}}"
	p := &in.Posts[0]
	p.Title = hostile
	p.Slug = `a"b<c>`
	p.Shares[0].Text.Text = hostile + "\n\nhttps://camille.example/?a=1&b=2"
	in.Files[2].Files[0].Text = "BEGIN:VCARD\r\nNOTE:</pre>" + hostile + "\r\nEND:VCARD"
	in.Files[3].Files[1].Text = hostile

	page := get(t, renderKit(t, in, nil), KitPath)
	if strings.Contains(page, "<script>alert") || strings.Contains(page, "<b>") || strings.Contains(page, `"quoted"`) {
		t.Errorf("hostile markup came through unescaped")
	}
	if strings.Contains(page, `href="javascript:`) {
		t.Errorf("a javascript: URL became a link")
	}
	if n, own := strings.Count(page, "<script"), strings.Count(page, `<script src="/kit/kit.js?v=`); n != 1 || own != 1 {
		t.Errorf("%d script elements, %d of them the kit's own, want one", n, own)
	}
	texts := copyTexts(page)
	wants := map[string]string{
		"text-linkedin-headline":                n.Texts[0].Text,
		"text-linkedin-about":                   n.Texts[1].Text,
		"text-mastodon-bio":                     "Designer UX · Lyon",
		"post-a_22b_3cc_3e-share-linkedin-text": p.Shares[0].Text.Text,
		"post-a_22b_3cc_3e-share-mastodon-text": p.Shares[1].Text.Text,
		"post-ancien-share-linkedin-text":       "Un article plus ancien",
		"file-email-signature-text":             hostile,
	}
	for id, want := range wants {
		if got, ok := texts[id]; !ok {
			t.Errorf("no text to copy %s among %d", id, len(texts))
		} else if got != want {
			t.Errorf("text %s reads %q in the browser, want %q", id, got, want)
		}
	}
	if len(texts) != len(wants) {
		t.Errorf("%d texts to copy, want %d", len(texts), len(wants))
	}
}

// TestKitContrast checks the pass or fail of each pair against the
// brand's minimum, the ratio truncated as written, never rounded up.
func TestKitContrast(t *testing.T) {
	c := func(hex string) brand.Color {
		var r, g, b uint8
		for i, v := range []*uint8{&r, &g, &b} {
			var x uint8
			for _, d := range hex[1+2*i : 3+2*i] {
				x = x*16 + uint8(strings.IndexRune("0123456789ABCDEF", d))
			}
			*v = x
		}
		return brand.Color{R: r, G: g, B: b}
	}
	// The site sets secondary text in the text colour where the muted one
	// is below 4.5:1, whatever the brand's minimum: the page says so.
	instead := "Le site emploie la couleur «\u202fTexte\u202f» à la place."
	tests := []struct {
		text, muted string
		min         float64
		wantText    bool
		wantMuted   bool
		mutedRatio  string
		instead     string
	}{
		{"#000000", "#767676", 4.5, true, true, "4,54:1", ""},
		{"#000000", "#777777", 4.5, true, false, "4,47:1", instead},
		{"#000000", "#777777", 3, true, true, "4,47:1", instead},
		{"#949494", "#000000", 3, true, true, "21:1", ""},
		{"#949494", "#000000", 7, false, true, "21:1", ""},
	}
	for _, tt := range tests {
		in := kitFixture("fr")
		id := &in.Profile.Identity
		id.Colors.Background, id.Colors.Text, id.Colors.Muted = c("#FFFFFF"), c(tt.text), c(tt.muted)
		id.MinContrast = tt.min
		p := newKitPage(in, newSite(&Input{Profile: in.Profile, BaseURL: in.BaseURL}))
		text, muted := p.Pairs[0], p.Pairs[1]
		if text.Pass != tt.wantText || muted.Pass != tt.wantMuted || muted.Ratio != tt.mutedRatio || muted.Instead != tt.instead || text.Instead != "" {
			t.Errorf("text %s, muted %s, min %g: text pass %v, muted pass %v at %s (%q); want %v, %v at %s (%q)",
				tt.text, tt.muted, tt.min, text.Pass, muted.Pass, muted.Ratio, muted.Instead, tt.wantText, tt.wantMuted, tt.mutedRatio, tt.instead)
		}
	}

	// The result is written in words, not only in colour.
	in := kitFixture("en")
	in.Profile.Identity.Colors.Muted = in.Profile.Identity.Colors.Background
	page := get(t, renderKit(t, in, nil), KitPath)
	if !strings.Contains(page, "✗ </span>Fail</span>") || !strings.Contains(page, "✓ </span>Pass</span>") {
		t.Errorf("the contrast table does not say Pass and Fail in words")
	}
}

// TestKitThemeOverride checks that a kit's own kit.html and kit.css
// replace the default ones.
func TestKitThemeOverride(t *testing.T) {
	th, err := theme.Load(fstest.MapFS{
		"theme/templates/kit.html": {Data: []byte(`<title>{{.Title}}</title><link href="{{.CSS}}">{{range .Networks}}[{{.Label}}]{{end}}`)},
		"theme/static/kit/kit.css": {Data: []byte("/* mine */")},
	})
	if err != nil {
		t.Fatal(err)
	}
	tree := renderKit(t, kitFixture("en"), th)
	if got := get(t, tree, KitPath); !strings.HasPrefix(got, "<title>Brand kit · Camille Martin</title><link href=\"/kit/kit.css?v=") || !strings.HasSuffix(got, "[LinkedIn][Mastodon]") {
		t.Errorf("kit page = %q", got)
	}
	if got := get(t, tree, "kit/kit.css"); got != "/* mine */" {
		t.Errorf("kit.css = %q", got)
	}
}

func TestAnchor(t *testing.T) {
	tests := []struct{ kind, name, want string }{
		{"post", "premier-article", "post-premier-article"},
		{"post", "été 2026", "post-_e9t_e9_202026"},
		{"text-x", "Bio", "text-x-bio"},
		{"post", `a"b<c>`, "post-a_22b_3cc_3e"},
	}
	for _, tt := range tests {
		if got := anchor(tt.kind, tt.name); got != tt.want {
			t.Errorf("anchor(%q, %q) = %q, want %q", tt.kind, tt.name, got, tt.want)
		}
	}
	// Distinct names give distinct ids.
	if anchor("post", "a-1") == anchor("post", "a_2d1") {
		t.Errorf("two slugs share an id")
	}
}

// BenchmarkKit renders the kit page of a site of a thousand posts, each
// shared on two networks: serve makes it again after every save.
func BenchmarkKit(b *testing.B) {
	in := kitFixture("fr")
	post := in.Posts[0]
	in.Posts = nil
	for i := range 1000 {
		p := post
		p.Slug = fmt.Sprintf("article-%d", i)
		in.Posts = append(in.Posts, p)
	}
	th, err := theme.Load(nil)
	if err != nil {
		b.Fatal(err)
	}
	site := output.NewTree()
	if err := Render(&Input{Profile: in.Profile, BaseURL: in.BaseURL}, th, site); err != nil {
		b.Fatal(err)
	}
	style, _ := site.Get("style.css")
	b.ReportAllocs()
	for b.Loop() {
		tree := output.NewTree()
		tree.Add("style.css", style)
		if err := Kit(in, th, tree); err != nil {
			b.Fatal(err)
		}
	}
}

// TestKitFilePreview checks what each identity or print file shows in
// place: an image, the sides of the card, or a link where a browser may
// not show the file.
func TestKitFilePreview(t *testing.T) {
	in := kitFixture("fr")
	p := newKitPage(in, newSite(&Input{Profile: in.Profile, BaseURL: in.BaseURL}))
	tests := []struct {
		file          KitFile
		preview, alt  string
		previews      int
		downloadLabel string
	}{
		{KitFile{Kind: "business-card", Files: []KitDownload{{URL: "/kit/business-card.pdf", File: "business-card.pdf", Bytes: 1500}}},
			"pdf", "", 0, "PDF · 1,5\u00a0ko"},
		{in.Files[1], "", "", 1, "PDF · 178\u00a0ko"},
		{in.Files[2], "image", "QR code · Fiche contact (vCard)", 0, "VCF · 977\u00a0octets"},
		{in.Files[3], "html", "", 0, "HTML · 2,8\u00a0ko"},
	}
	for _, tt := range tests {
		p.Files = nil
		p.file(tt.file)
		v := p.Files[0]
		if v.Preview != tt.preview || v.Alt != tt.alt || len(v.Previews) != tt.previews || v.Downloads[0].Label != tt.downloadLabel {
			t.Errorf("%s: preview %q (alt %q), %d previews, first download %q; want %q (%q), %d, %q",
				tt.file.Kind, v.Preview, v.Alt, len(v.Previews), v.Downloads[0].Label, tt.preview, tt.alt, tt.previews, tt.downloadLabel)
		}
	}
	if v := p.Files[0]; v.Text == nil || v.Text.Text != "Camille Martin\nDesigner UX indépendante" {
		t.Errorf("the signature's text is not there to copy")
	}
	p.Files = nil
	p.file(in.Files[2])
	if got := p.Files[0].Downloads[1].Label; got != "QR code · SVG · 21,7\u00a0ko" {
		t.Errorf("the contact card's QR code is offered as %q", got)
	}
}
