package vcard

import (
	"bytes"
	"flag"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite testdata/*.vcf")

func example(t *testing.T) *Card {
	t.Helper()
	phone, err := ParsePhone("+33 6 39 98 42 17")
	if err != nil {
		t.Fatal(err)
	}
	return &Card{
		Name:   "Solène Garnier",
		Title:  "Designer graphique indépendante",
		Note:   "Des identités visuelles qui se reconnaissent partout, de la vitrine à la photo de profil; même en vitrine",
		Email:  "bonjour@solene-garnier.example",
		Phone:  phone,
		URL:    "https://solene-garnier.example/",
		Photo:  "https://solene-garnier.example/images/portrait-240.jpg",
		Locale: "fr",
		Profiles: []Profile{
			{Group: "linkedin", Label: "LinkedIn", URL: "https://www.linkedin.com/in/solene-garnier-design"},
			{Group: "mastodon", Label: "Mastodon", URL: "https://piaille.fr/@solenegarnier"},
		},
	}
}

func TestEncodeGolden(t *testing.T) {
	got := example(t).Encode()
	const golden = "testdata/contact.vcf"
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("Encode() =\n%s\nwant\n%s", got, want)
	}
}

// TestEncodeIsValid checks the rules of RFC 6350 on every line of a card
// full of awkward values, whatever the golden file says.
func TestEncodeIsValid(t *testing.T) {
	c := example(t)
	c.Name = "Zoë d’Artagnan-Lévêque, \\ ; test\nnouvelle ligne " + strings.Repeat("é", 60)
	c.Title = strings.Repeat("日本語", 40)
	got := string(c.Encode())
	if !strings.HasSuffix(got, "\r\n") {
		t.Error("no final CRLF")
	}
	lines := strings.Split(strings.TrimSuffix(got, "\r\n"), "\r\n")
	if lines[0] != "BEGIN:VCARD" || lines[1] != "VERSION:4.0" || lines[len(lines)-1] != "END:VCARD" {
		t.Errorf("card does not open with BEGIN, VERSION and close with END:\n%s", got)
	}
	for _, l := range lines {
		if len(l) > 75 {
			t.Errorf("line of %d octets: %q", len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("fold split a character: %q", l)
		}
		if strings.ContainsAny(l, "\r\n") {
			t.Errorf("bare line break in %q", l)
		}
	}
	unfolded := strings.ReplaceAll(got, "\r\n ", "")
	for _, want := range []string{
		`FN:Zoë d’Artagnan-Lévêque\, \\ \; test\nnouvelle ligne ` + strings.Repeat("é", 60),
		"TITLE:" + strings.Repeat("日本語", 40),
		"TEL;VALUE=uri;TYPE=voice:tel:+33-6-39-98-42-17",
		"linkedin.URL:https://www.linkedin.com/in/solene-garnier-design",
		"linkedin.X-ABLABEL:LinkedIn",
	} {
		if !strings.Contains(unfolded, "\r\n"+want+"\r\n") {
			t.Errorf("no line %q in\n%s", want, unfolded)
		}
	}
}

func TestSplitName(t *testing.T) {
	tests := []struct{ name, given, family string }{
		{"Solène Garnier", "Solène", "Garnier"},
		{"Jean-Baptiste Poquelin", "Jean-Baptiste", "Poquelin"},
		{"Jean de La Fontaine", "Jean", "de La Fontaine"},
		{"Ludwig van Beethoven", "Ludwig", "van Beethoven"},
		{"Cher", "Cher", ""},
		{"Marie Anne Dupont", "Marie Anne", "Dupont"},
	}
	for _, tt := range tests {
		g, f := splitName(tt.name)
		if g != tt.given || f != tt.family {
			t.Errorf("splitName(%q) = %q, %q; want %q, %q", tt.name, g, f, tt.given, tt.family)
		}
	}
}

func TestNationalPhoneIsText(t *testing.T) {
	p, err := ParsePhone("06 39 98 42 17")
	if err != nil {
		t.Fatal(err)
	}
	got := string((&Card{Name: "A B", Phone: p}).Encode())
	if !strings.Contains(got, "\r\nTEL;VALUE=text;TYPE=voice:06 39 98 42 17\r\n") {
		t.Errorf("national number not written as text:\n%s", got)
	}
}

func TestParsePhone(t *testing.T) {
	tests := []struct {
		in, global, uri string
		bad             string // a word of the error, "" when it parses
	}{
		{"+33 6 39 98 42 17", "+33639984217", "tel:+33-6-39-98-42-17", ""},
		{"+33 (0)6 39 98 42 17", "+33639984217", "tel:+33-6-39-98-42-17", ""},
		{"+1 (555) 010-0199", "+15550100199", "tel:+1-555-010-0199", ""},
		{"+44.20.7946.0018", "+442079460018", "tel:+44-20-7946-0018", ""},
		{"06 39 98 42 17", "", "", ""},
		{"3615", "", "", ""},
		{"+33 6", "", "", "too few"},
		{"12", "", "", "too few"},
		{"+33 6 39 98 42 17 12 34 56", "", "", "at most 15"},
		{"+0 6 39 98 42 17", "", "", "country code"},
		{"06 39 98 42 17 ext 2", "", "", "write digits"},
		{"06 39 (98 42 17", "", "", "unclosed"},
		{"06 39) 98 42 17", "", "", "closing"},
		{"06 39 +98 42 17", "", "", "not at the start"},
	}
	for _, tt := range tests {
		p, err := ParsePhone(tt.in)
		if tt.bad != "" {
			if err == nil || !strings.Contains(err.Error(), tt.bad) {
				t.Errorf("ParsePhone(%q) err = %v, want one saying %q", tt.in, err, tt.bad)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParsePhone(%q): %v", tt.in, err)
			continue
		}
		if p.Global != tt.global || p.URI() != tt.uri || p.Text != tt.in {
			t.Errorf("ParsePhone(%q) = %q %q %q, want %q %q", tt.in, p.Text, p.Global, p.URI(), tt.global, tt.uri)
		}
	}
}

func TestCheckEmail(t *testing.T) {
	good := []string{"bonjour@solene-garnier.example", "a.b+c@sub.example.fr", "x@xn--bcher-kva.example", "élise@café.fr"}
	bad := []string{"", "bonjour", "bonjour@", "@example.com", "a@b", "a@-b.com", "a@b-.com", "a@b..com", "a@1.2.3.4", "Jo <jo@example.com>", "a b@example.com", "a@exa_mple.com"}
	for _, s := range good {
		if err := CheckEmail(s); err != nil {
			t.Errorf("CheckEmail(%q): %v", s, err)
		}
	}
	for _, s := range bad {
		if err := CheckEmail(s); err == nil {
			t.Errorf("CheckEmail(%q) = nil, want an error", s)
		}
	}
}

func FuzzParsePhone(f *testing.F) {
	for _, s := range []string{"+33 6 39 98 42 17", "+33 (0)6 39", "06.39.98", "(((", "+", "+(0)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePhone(s)
		if err != nil {
			return
		}
		if p.Global != "" {
			if p.URI() == "" || strings.Trim(p.Global[1:], "0123456789") != "" || len(p.Global) > 16 {
				t.Fatalf("ParsePhone(%q) = %+v", s, p)
			}
		}
	})
}

func TestEssential(t *testing.T) {
	c := example(t)
	e := string(c.Essential().Encode())
	for _, gone := range []string{"PHOTO", "NOTE", "LANG", ".URL", "X-ABLABEL"} {
		if strings.Contains(e, gone) {
			t.Errorf("essential card keeps %s:\n%s", gone, e)
		}
	}
	for _, kept := range []string{"FN:Solène Garnier", "TITLE:", "EMAIL", "TEL", "URL;PREF=1:https://solene-garnier.example/"} {
		if !strings.Contains(e, kept) {
			t.Errorf("essential card lacks %s", kept)
		}
	}
	if len(c.Profiles) == 0 || c.Photo == "" {
		t.Error("Essential changed the card it was called on")
	}
}
