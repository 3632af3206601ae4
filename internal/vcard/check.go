package vcard

import (
	"fmt"
	"net/mail"
	"strings"
)

// Phone is a phone number as the card writes it.
type Phone struct {
	// Text is the number as the person writes it, for print.
	Text string
	// Global is the number in E.164 form ("+33639984217") when it is
	// written with its country code; "" for a national number.
	Global string
	// groups are the digit groups of a global number as written, country
	// code first, for a tel: URI that keeps them readable.
	groups []string
}

// URI returns the tel: URI of a global number (RFC 3966), its groups
// joined by hyphens, or "" for a national one.
func (p Phone) URI() string {
	if p.Global == "" {
		return ""
	}
	return "tel:+" + strings.Join(p.groups, "-")
}

// ParsePhone reads a phone number written with digits, spaces, dots,
// hyphens and parentheses, in E.164 form (+ and the country code) or in
// national form. "+33 (0)6 …", the national trunk prefix in brackets, is
// read as +33 6 …. It returns an error that says what is wrong for a
// number no phone can dial.
func ParsePhone(s string) (Phone, error) {
	text := strings.TrimSpace(s)
	rest := text
	global := strings.HasPrefix(rest, "+")
	if global {
		rest = rest[1:]
		// The bracketed trunk prefix of international numbers written
		// for readers of both forms.
		if i := strings.Index(rest, "(0)"); i >= 0 && strings.Trim(rest[:i], " .-") != "" {
			rest = rest[:i] + " " + rest[i+3:]
		}
	}
	var groups []string
	var cur strings.Builder
	depth := 0
	digits := 0
	flush := func() {
		if cur.Len() > 0 {
			groups = append(groups, cur.String())
			cur.Reset()
		}
	}
	for _, r := range rest {
		switch {
		case r >= '0' && r <= '9':
			cur.WriteRune(r)
			digits++
		case r == ' ' || r == '.' || r == '-' || r == '\u00A0' || r == '\u202F':
			flush()
		case r == '(':
			depth++
			flush()
		case r == ')':
			if depth--; depth < 0 {
				return Phone{}, fmt.Errorf("%q has a closing parenthesis without an opening one", s)
			}
			flush()
		case r == '+':
			return Phone{}, fmt.Errorf("%q has a + that is not at the start", s)
		default:
			return Phone{}, fmt.Errorf("%q has %q: write digits, spaces, dots, hyphens or parentheses", s, r)
		}
	}
	flush()
	if depth != 0 {
		return Phone{}, fmt.Errorf("%q has an unclosed parenthesis", s)
	}
	// E.164 numbers have at most 15 digits, country code included; the
	// shortest national numbers in use have 4, and no country's full
	// numbers (country code and subscriber) have fewer than 7.
	switch {
	case digits > 15:
		return Phone{}, fmt.Errorf("%q has %d digits: a phone number has at most 15", s, digits)
	case global && digits < 7:
		return Phone{}, fmt.Errorf("%q has %d digits after the +: too few for a country code and a number", s, digits)
	case global && strings.HasPrefix(strings.Join(groups, ""), "0"):
		return Phone{}, fmt.Errorf("%q: no country code starts with 0; after the +, write the country code and the number without its leading 0", s)
	case digits < 4:
		return Phone{}, fmt.Errorf("%q has %d digits: too few for a phone number", s, digits)
	}
	p := Phone{Text: text}
	if global {
		p.Global = "+" + strings.Join(groups, "")
		p.groups = groups
	}
	return p, nil
}

// CheckEmail returns an error that says what is wrong with an e-mail
// address a mail client cannot send to: not one addr-spec (RFC 5322), or a
// domain that is not a host name with a dot.
func CheckEmail(s string) error {
	a, err := mail.ParseAddress(s)
	if err != nil || a.Name != "" || a.Address != s {
		return fmt.Errorf("%q is not an e-mail address such as name@example.com", s)
	}
	_, domain, _ := strings.Cut(a.Address[strings.LastIndex(a.Address, "@"):], "@")
	labels := strings.Split(domain, ".")
	if len(labels) < 2 {
		return fmt.Errorf("%q: the domain %q has no dot", s, domain)
	}
	for _, l := range labels {
		if l == "" || len(l) > 63 || strings.HasPrefix(l, "-") || strings.HasSuffix(l, "-") {
			return fmt.Errorf("%q: the domain %q is not a host name", s, domain)
		}
		for _, r := range l {
			if !(r == '-' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r >= 0x80) {
				return fmt.Errorf("%q: the domain %q is not a host name", s, domain)
			}
		}
	}
	tld := labels[len(labels)-1]
	if strings.Trim(tld, "0123456789") == "" {
		return fmt.Errorf("%q: the domain %q ends in a number", s, domain)
	}
	return nil
}
