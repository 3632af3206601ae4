package vcard

import (
	"net/url"
	"strings"
	"testing"
)

// FuzzEncode checks that a card made of any profile text is well formed:
// every line at most 75 octets and ended by CRLF, and no text, whatever
// its line breaks or separators, adds or splits a property.
func FuzzEncode(f *testing.F) {
	f.Add("Solène de La Fontaine", "Designer; UX, print", "Une ligne\r\nune autre\\", "06 39 98 42 17", "https://a.example/é")
	f.Add("\xff\xfe", strings.Repeat("\xb3", 120), "", "+33 6", "https://a.example/"+strings.Repeat("\x9c", 90))
	f.Fuzz(func(t *testing.T, name, title, note, phone, site string) {
		if u, err := url.Parse(site); err != nil || !u.IsAbs() {
			site = "" // the profile's site is a checked absolute URL
		}
		p, err := ParsePhone(phone)
		if err != nil {
			p = Phone{}
		}
		c := &Card{
			Name: name, Title: title, Note: note, Email: "a@b.example", Phone: p, URL: site, Locale: "fr",
			Profiles: []Profile{{Group: "mastodon", Label: title, URL: site}},
		}
		out := string(c.Encode())
		if !strings.HasSuffix(out, "\r\n") {
			t.Fatalf("no CRLF at the end: %q", out)
		}
		var props []string
		for _, l := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
			if len(l) > 75 {
				t.Fatalf("a line of %d octets: %q", len(l), l)
			}
			if strings.ContainsAny(l, "\r\n") {
				t.Fatalf("a bare line break in %q", l)
			}
			if strings.HasPrefix(l, " ") {
				props[len(props)-1] += l[1:]
				continue
			}
			props = append(props, l)
		}
		want := 10 // BEGIN VERSION PRODID KIND FN N TITLE? EMAIL LANG END, counted below
		if title == "" {
			want--
		}
		if p.Global != "" || p.Text != "" {
			want++
		}
		if site != "" {
			want++
		}
		if note != "" {
			want++
		}
		want += 2 // the profile's URL and label
		if len(props) != want || props[0] != "BEGIN:VCARD" || props[len(props)-1] != "END:VCARD" {
			t.Fatalf("%d properties, want %d:\n%s", len(props), want, out)
		}
	})
}

func FuzzCheckEmail(f *testing.F) {
	for _, s := range []string{"bonjour@solene.example", "a@b", "<a@b.fr>", "Zoé <a@b.fr>", "a@-b.fr", "a@b.123", "\"a b\"@c.fr", "a@é.fr", "@", "a@b..fr"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if CheckEmail(s) != nil {
			return
		}
		// An accepted address goes into a mailto: link and a vCard as is.
		at := strings.LastIndex(s, "@")
		if at < 1 || !strings.Contains(s[at:], ".") || strings.ContainsAny(s, "\r\n<>") {
			t.Fatalf("CheckEmail accepted %q", s)
		}
	})
}
