package signature

import (
	"regexp"
	"strings"
	"testing"
)

var styleAttr = regexp.MustCompile(`style="([^"]*)"`)

// FuzzHTML puts any profile text into the signature: no text adds or
// breaks markup (the document has the tags of a plain signature with the
// same fields), and a font family ends up quoted in its style attribute
// or left out.
func FuzzHTML(f *testing.F) {
	f.Add("Solène <b>Garnier</b>", "Designer & co", "Inter", "LinkedIn")
	f.Add(`"><script>x</script>`, "</td></tr>", "a'b", `javascript:x`)
	f.Add("{{.}}", "\x00", "Noto Serif", "&amp;")
	f.Fuzz(func(t *testing.T, name, role, family, label string) {
		sig := example()
		sig.Name, sig.Role, sig.HeadingFamily = name, role, family
		sig.Links = []Link{{Label: label, URL: "https://www.linkedin.com/in/x"}}
		got, err := HTML(sig)
		if err != nil {
			t.Fatal(err)
		}
		plain := example()
		plain.Name, plain.Role = placeholder(name), placeholder(role)
		plain.Links = []Link{{Label: placeholder(label), URL: "https://www.linkedin.com/in/x"}}
		want, err := HTML(plain)
		if err != nil {
			t.Fatal(err)
		}
		if g, w := strings.Count(string(got), "<"), strings.Count(string(want), "<"); g != w {
			t.Fatalf("%d tags, a plain signature has %d:\n%s", g, w, got)
		}
		for _, m := range styleAttr.FindAllStringSubmatch(string(got), -1) {
			if strings.ContainsAny(m[1], "\n\r\f") || strings.Count(m[1], "&#39;")%2 != 0 {
				t.Fatalf("style %q", m[1])
			}
		}
	})
}

// placeholder stands for s in a signature with the same fields.
func placeholder(s string) string {
	if s == "" {
		return ""
	}
	return "x"
}
