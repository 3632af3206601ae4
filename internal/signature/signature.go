package signature

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"
	"unicode"

	"github.com/marque-kit/marque/internal/brand"
	"github.com/marque-kit/marque/internal/contrast"
)

// Signature is what the signature shows.
type Signature struct {
	Lang      string // "fr" or "en"
	Name      string
	Role      string
	Email     string
	Phone     string // as written
	PhoneURI  string // its tel: URI, or "" for a number without a country code
	Site      string // the site's absolute URL
	SiteLabel string // the site as shown: its host and path
	Avatar    string // the absolute URL of a square portrait, or ""
	Links     []Link
	Colors    brand.Palette
	// HeadingFamily and BodyFamily are the family names of the brand's
	// fonts, put first in the font stacks for readers who have them
	// installed; "" for none.
	HeadingFamily, BodyFamily string
}

// Link is a network profile.
type Link struct {
	Label string
	URL   string
}

// AvatarSize is the side of the avatar as shown, in CSS pixels. The image
// behind it should be at least twice that for sharp screens.
const AvatarSize = 72

// Font stacks of fonts every mail reader's system has.
const (
	serifStack = "Georgia,'Times New Roman',serif"
	sansStack  = "Arial,Helvetica,sans-serif"
)

// mailBackground is the ground the signature is read on: mail readers
// show messages on white.
var mailBackground = contrast.White

var page = template.Must(template.New("signature").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<title>{{.Title}}</title>
</head>
<body style="margin:24px;background:#ffffff">
<table cellpadding="0" cellspacing="0" border="0" role="presentation" style="border-collapse:collapse;mso-table-lspace:0;mso-table-rspace:0">
<tr>
{{- if .Avatar}}
<td width="{{.AvatarSize}}" style="padding:2px 16px 0 0;vertical-align:top"><img src="{{.Avatar}}" width="{{.AvatarSize}}" height="{{.AvatarSize}}" alt="{{.Name}}" style="display:block;width:{{.AvatarSize}}px;height:{{.AvatarSize}}px;border:0;border-radius:50%"></td>
{{- end}}
<td style="padding:0 0 0 14px;vertical-align:top;border-left:2px solid {{.Rule}}">
<table cellpadding="0" cellspacing="0" border="0" role="presentation" style="border-collapse:collapse">
<tr><td style="padding:0;font-family:{{.HeadingStack}};font-size:17px;line-height:22px;font-weight:bold;color:{{.NameColor}}">{{.Name}}</td></tr>
{{- if .Role}}
<tr><td style="padding:0 0 8px;font-family:{{.BodyStack}};font-size:13px;line-height:18px;color:{{.Muted}}">{{.Role}}</td></tr>
{{- end}}
{{- if or .Email .Phone}}
<tr><td style="padding:0;font-family:{{.BodyStack}};font-size:13px;line-height:20px;color:{{.Text}}">
{{- with .Email}}<a href="mailto:{{.}}" style="color:{{$.LinkColor}};text-decoration:none">{{.}}</a>{{end}}
{{- if and .Email .Phone}}<span style="color:{{.Muted}}">&nbsp;&nbsp;·&nbsp;&nbsp;</span>{{end}}
{{- if .Phone}}{{if .PhoneURI}}<a href="{{.PhoneURI}}" style="color:{{.Text}};text-decoration:none">{{.Phone}}</a>{{else}}{{.Phone}}{{end}}{{end -}}
</td></tr>
{{- end}}
{{- if .Site}}
<tr><td style="padding:0;font-family:{{.BodyStack}};font-size:13px;line-height:20px"><a href="{{.Site}}" style="color:{{.LinkColor}};text-decoration:none;font-weight:bold">{{.SiteLabel}}</a></td></tr>
{{- end}}
{{- if .Links}}
<tr><td style="padding:8px 0 0;font-family:{{.BodyStack}};font-size:12px;line-height:18px;color:{{.Muted}}">
{{- range $i, $l := .Links}}{{if $i}}<span style="color:{{$.Muted}}">&nbsp;·&nbsp;</span>{{end}}<a href="{{$l.URL}}" style="color:{{$.LinkColor}};text-decoration:underline">{{$l.Label}}</a>{{end -}}
</td></tr>
{{- end}}
</table>
</td>
</tr>
</table>
</body>
</html>
`))

// view is the template's data.
type view struct {
	*Signature
	Title, Help             string
	AvatarSize              int
	PhoneURI                template.URL
	HeadingStack, BodyStack template.CSS
	NameColor, LinkColor    string
	Text, Muted, Rule       string
}

// HTML returns the signature as an HTML document whose body is the
// signature alone, to open in a browser and copy, or to give to a mail
// client that reads a signature file.
func HTML(s *Signature) ([]byte, error) {
	c := s.Colors
	bg := mailBackground
	v := view{
		Signature:    s,
		Title:        strings.TrimSpace(texts(s.Lang).title + " — " + s.Name),
		AvatarSize:   AvatarSize,
		HeadingStack: template.CSS(stack(s.HeadingFamily, serifStack)),
		BodyStack:    template.CSS(stack(s.BodyFamily, sansStack)),
		NameColor:    contrast.First(bg, 4.5, c.Primary, c.Text, contrast.Black).Hex(),
		LinkColor:    contrast.First(bg, 4.5, c.Primary, c.Accent, c.Text, contrast.Black).Hex(),
		Text:         contrast.First(bg, 4.5, c.Text, contrast.Black).Hex(),
		Muted:        contrast.First(bg, 4.5, c.Muted, c.Text, contrast.Black).Hex(),
		Rule:         c.Accent.Hex(),
	}
	if strings.HasPrefix(s.PhoneURI, "tel:") {
		// html/template allows only http, https and mailto in links: this
		// one is ours, made from a parsed number.
		v.PhoneURI = template.URL(s.PhoneURI)
	}
	var b bytes.Buffer
	if err := page.Execute(&b, v); err != nil {
		return nil, fmt.Errorf("signature: %w", err)
	}
	return b.Bytes(), nil
}

// stack returns a CSS font stack with family first when it is a name
// safe to quote. The name comes from the font file's name table, which
// may hold anything: a quote or a line break would end the CSS string.
func stack(family, fallback string) string {
	if family == "" || strings.ContainsAny(family, `'"\;{}<>`) || strings.ContainsFunc(family, unicode.IsControl) {
		return fallback
	}
	return "'" + family + "'," + fallback
}

// Text returns the signature as plain text, for mail written without
// HTML. It leaves out the "-- " separator line, which mail clients add.
func Text(s *Signature) []byte {
	var b strings.Builder
	line := func(parts ...string) {
		var kept []string
		for _, p := range parts {
			if p != "" {
				kept = append(kept, p)
			}
		}
		if len(kept) > 0 {
			b.WriteString(strings.Join(kept, " · ") + "\n")
		}
	}
	line(s.Name)
	line(s.Role)
	line(s.Email, s.Phone)
	line(s.Site)
	if len(s.Links) > 0 {
		b.WriteString("\n")
		for _, l := range s.Links {
			b.WriteString(l.Label + texts(s.Lang).colon + l.URL + "\n")
		}
	}
	return []byte(b.String())
}

// words are the signature's few words in one language.
type words struct{ title, colon string }

func texts(lang string) words {
	if lang == "fr" {
		return words{"Signature de courriel", "\u00A0: "}
	}
	return words{"E-mail signature", ": "}
}
