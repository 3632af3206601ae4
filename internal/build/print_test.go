package build

import (
	"bytes"
	"context"
	"encoding/json"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/marque-kit/marque/internal/manifest"
	"github.com/marque-kit/marque/internal/qrscan"
)

// buildExample builds the example kit into a temporary folder and returns
// that folder.
func buildExample(t *testing.T) string {
	t.Helper()
	dir := exampleKit(t)
	return buildClean(t, Options{Source: dir, Out: filepath.Join(dir, "public"), Today: today})
}

func read(t *testing.T, dir, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestIdentityAndPrintKit checks the files of the example kit that leave
// the screen, reading them as their readers do.
func TestIdentityAndPrintKit(t *testing.T) {
	out := buildExample(t)
	vcf := read(t, out, "kit/contact.vcf")
	for _, want := range []string{"BEGIN:VCARD\r\nVERSION:4.0\r\n", "\r\nFN:Solène Garnier\r\n", "\r\nTEL;VALUE=uri;TYPE=voice:tel:+33-6-39-98-42-17\r\n",
		"\r\nPHOTO;MEDIATYPE=image/jpeg:https://solene-garnier.example/images/portrait-2\r\n 40.jpg\r\n", "\r\nbluesky.URL:https://bsky.app/profile/solene-garnier.example\r\n"} {
		if !bytes.Contains(vcf, []byte(want)) {
			t.Errorf("contact.vcf lacks %q", want)
		}
	}

	// Every QR code scans, PNG and SVG, to what it stands for: the site,
	// and the contact card without its photo, note and profiles.
	essentialCard := []byte(strings.ReplaceAll(`BEGIN:VCARD
VERSION:4.0
PRODID:-//marque//marque//EN
KIND:individual
FN:Solène Garnier
N:Garnier;Solène;;;
TITLE:Designer graphique indépendante
EMAIL;TYPE=work:bonjour@solene-garnier.example
TEL;VALUE=uri;TYPE=voice:tel:+33-6-39-98-42-17
URL;PREF=1:https://solene-garnier.example/
END:VCARD
`, "\n", "\r\n"))
	for _, c := range []struct {
		base string
		want []byte
	}{{"kit/qr-site", []byte("https://solene-garnier.example/")}, {"kit/qr-contact", essentialCard}} {
		fromPNG, err := qrscan.PNG(read(t, out, c.base+".png"))
		if err != nil {
			t.Fatalf("%s.png: %v", c.base, err)
		}
		fromSVG, err := qrscan.SVG(read(t, out, c.base+".svg"))
		if err != nil {
			t.Fatalf("%s.svg: %v", c.base, err)
		}
		if !bytes.Equal(fromPNG.Data, c.want) || !bytes.Equal(fromSVG.Data, c.want) {
			t.Errorf("%s scans to %q and %q, want %q", c.base, fromPNG.Data, fromSVG.Data, c.want)
		}
	}

	card := read(t, out, "kit/business-card.pdf")
	if !bytes.HasPrefix(card, []byte("%PDF-1.7\n")) || bytes.Count(card, []byte("/Type /Page ")) != 2 ||
		!bytes.Contains(card, []byte("/TrimBox")) || !bytes.Contains(card, []byte("/FontFile2")) {
		t.Errorf("business-card.pdf is not a two-page PDF with trim boxes and embedded TrueType fonts")
	}
	if qpdf, err := exec.LookPath("qpdf"); err == nil {
		if out, err := exec.Command(qpdf, "--check", filepath.Join(out, "kit", "business-card.pdf")).CombinedOutput(); err != nil {
			t.Errorf("qpdf --check: %v\n%s", err, out)
		}
	}

	sig := string(read(t, out, "kit/email-signature.html"))
	if !strings.Contains(sig, `src="https://solene-garnier.example/images/portrait-240.jpg"`) {
		t.Errorf("the signature's avatar is not the site's portrait at its absolute URL")
	}
	if txt := string(read(t, out, "kit/email-signature.txt")); !strings.HasPrefix(txt, "Solène Garnier\nDesigner graphique indépendante\n") {
		t.Errorf("email-signature.txt = %q", txt)
	}

	if did := read(t, out, ".well-known/atproto-did"); string(did) != "did:plc:q4x7nbk2c5vmr3hd6tzwafla" {
		t.Errorf("atproto-did = %q", did)
	}
	var wf struct{ Subject string }
	if err := json.Unmarshal(read(t, out, ".well-known/webfinger"), &wf); err != nil || wf.Subject != "acct:solenegarnier@piaille.fr" {
		t.Errorf("webfinger subject = %q, %v", wf.Subject, err)
	}
	if page := string(read(t, out, "links/instagram/index.html")); !strings.Contains(page, "utm_source=instagram") {
		t.Error("links/instagram/ does not tag the site's links")
	}

	var m manifest.Manifest
	if err := json.Unmarshal(read(t, out, manifest.Path), &m); err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, f := range m.Files {
		kinds[f.Kind]++
		if f.Bytes != len(read(t, out, f.Path)) || len(f.SHA256) != 64 {
			t.Errorf("manifest entry %+v does not describe its file", f)
		}
	}
	for kind, n := range map[string]int{"contact": 1, "qr-site": 2, "qr-contact": 2, "business-card": 1, "business-card-preview": 2, "email-signature": 2, "well-known": 2, "links": 7} {
		if kinds[kind] != n {
			t.Errorf("manifest lists %d files of kind %s, want %d", kinds[kind], kind, n)
		}
	}
}

// TestIdentityFindings builds a kit whose identity and print values are
// wrong in every way the build reports, and checks each finding is at its
// line of brand.toml.
func TestIdentityFindings(t *testing.T) {
	dir := t.TempDir()
	long := strings.Repeat("Marie-Adélaïde-Gwendoline ", 8)
	profile := `[person]
name = "` + strings.TrimSpace(long) + `"
role = "Photographe"
site_url = "https://zoe.example"
email = "zoe@exa_mple.com"
phone = "+33 6"
logo = "logo.png"

[networks.instagram]
handle = "zoe.photo"
url = "https://www.instagram.com/zoe.photos"
goal = "Montrer"
print = true

[networks.bluesky]
handle = "zoe.example"
url = "https://bsky.app/profile/zoe.example"
goal = "Relayer"
`
	if err := os.WriteFile(filepath.Join(dir, "brand.toml"), []byte(profile), 0o644); err != nil {
		t.Fatal(err)
	}
	logo := image.NewNRGBA(image.Rect(0, 0, 60, 30))
	for i := range logo.Pix {
		logo.Pix[i] = 0x80
	}
	logo.Set(0, 0, color.NRGBA{A: 255})
	var b bytes.Buffer
	png.Encode(&b, logo)
	if err := os.WriteFile(filepath.Join(dir, "logo.png"), b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Check(context.Background(), Options{Source: dir, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Findings.Items() {
		got = append(got, f.String())
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{
		"brand.toml:2:8: warning print.fit: person.name: the name does not fit the business card even at 6 pt on two lines",
		`brand.toml:5:9: error profile.invalid: person.email: "zoe@exa_mple.com": the domain "exa_mple.com" is not a host name`,
		`brand.toml:6:9: error profile.invalid: person.phone: "+33 6" has 3 digits after the +`,
		"brand.toml:7:8: warning identity.image-size: person.logo: the logo is 60×30 px",
		"brand.toml:10:10: warning identity.handle: instagram handle does not appear in its URL",
		"brand.toml:16:10: warning identity.verify: the Bluesky handle is the site's domain, but [networks.bluesky] has no did",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("no finding %s\nin\n%s", want, all)
		}
	}
}
