package signature

import (
	"bytes"
	"flag"
	"html"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/marque-kit/marque/internal/brand"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

func hex(s string) brand.Color { c, _ := brand.ParseColor(s); return c }

func example() *Signature {
	return &Signature{
		Lang: "fr", Name: "Solène Garnier", Role: "Designer graphique indépendante",
		Email: "bonjour@solene-garnier.example", Phone: "+33 6 39 98 42 17", PhoneURI: "tel:+33-6-39-98-42-17",
		Site: "https://solene-garnier.example/", SiteLabel: "solene-garnier.example",
		Avatar: "https://solene-garnier.example/images/portrait-240.jpg",
		Links: []Link{
			{"LinkedIn", "https://www.linkedin.com/in/solene-garnier-design"},
			{"Instagram", "https://www.instagram.com/solene.garnier.design"},
			{"Mastodon", "https://piaille.fr/@solenegarnier"},
		},
		Colors: brand.Palette{Primary: hex("#1E4D5C"), Accent: hex("#B4462A"), Background: hex("#FBF7F1"), Text: hex("#1D2427"), Muted: hex("#5C686D")},
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := "testdata/" + name
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs:\n%s", name, got)
	}
}

func TestGolden(t *testing.T) {
	h, err := HTML(example())
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "signature.html.golden", h)
	golden(t, "signature.txt.golden", Text(example()))
}

// TestMailSafe checks what mail clients need, whatever the golden file
// says: no style sheet, no class, no script, no web font, no relative URL,
// sizes on every image.
func TestMailSafe(t *testing.T) {
	h, err := HTML(example())
	if err != nil {
		t.Fatal(err)
	}
	s := html.UnescapeString(string(h))
	for _, bad := range []string{"<style", "<link", "class=", "<script", "@font-face", "url(", "<div"} {
		if strings.Contains(s, bad) {
			t.Errorf("signature has %q", bad)
		}
	}
	for _, m := range regexp.MustCompile(`(?:href|src)="([^"]*)"`).FindAllStringSubmatch(s, -1) {
		if u := m[1]; !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "mailto:") && !strings.HasPrefix(u, "tel:") {
			t.Errorf("link %q is not absolute", u)
		}
	}
	for _, img := range regexp.MustCompile(`<img [^>]*>`).FindAllString(s, -1) {
		if !strings.Contains(img, `width="72"`) || !strings.Contains(img, `height="72"`) || !strings.Contains(img, `alt="Solène Garnier"`) {
			t.Errorf("image without size or alt: %s", img)
		}
	}
	for _, want := range []string{`href="tel:+33-6-39-98-42-17"`, `href="mailto:bonjour@solene-garnier.example"`, "Georgia"} {
		if !strings.Contains(s, want) {
			t.Errorf("signature lacks %s", want)
		}
	}
}

func TestEscapesAndFallbacks(t *testing.T) {
	s := example()
	s.Name = `Zoë <script>"&`
	s.Avatar = ""
	s.PhoneURI = ""
	s.Links = append(s.Links, Link{"Evil", "javascript:alert(1)"})
	s.HeadingFamily = "Brand'); x"
	s.BodyFamily = "Inter"
	s.Colors.Primary = hex("#FFEE88") // too pale for links on white
	h, err := HTML(s)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(h), "<script") {
		t.Errorf("name not escaped:\n%s", h)
	}
	out := html.UnescapeString(string(h))
	for _, bad := range []string{"javascript:", "<img", "Brand'", "#FFEE88", `href="+33`} {
		if strings.Contains(out, bad) {
			t.Errorf("signature has %q:\n%s", bad, out)
		}
	}
	if !strings.Contains(out, "'Inter',Arial") {
		t.Error("body font family not first in the stack")
	}
	if !strings.Contains(out, "+33 6 39 98 42 17") {
		t.Error("national number not shown")
	}
}

func TestTextEnglish(t *testing.T) {
	s := example()
	s.Lang = "en"
	s.Phone = ""
	got := string(Text(s))
	want := "Solène Garnier\nDesigner graphique indépendante\nbonjour@solene-garnier.example\nhttps://solene-garnier.example/\n\nLinkedIn: https://www.linkedin.com/in/solene-garnier-design\nInstagram: https://www.instagram.com/solene.garnier.design\nMastodon: https://piaille.fr/@solenegarnier\n"
	if got != want {
		t.Errorf("Text =\n%s\nwant\n%s", got, want)
	}
}
