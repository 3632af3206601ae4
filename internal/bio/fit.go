package bio

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/marque-kit/marque/internal/brand"
	"github.com/marque-kit/marque/internal/count"
	"github.com/marque-kit/marque/internal/diag"
	"github.com/marque-kit/marque/internal/network"
)

// HeadlineSeparator joins the role and the tagline in a headline.
const HeadlineSeparator = " · "

// Choice is the text chosen for one profile field of one network.
type Choice struct {
	Network network.Network
	Field   network.Field
	Text    string // in NFC, as counted
	count.Result
	// Source is the dotted brand.toml path the text comes from, such as
	// "bio.candidates.2", "networks.x.bio" or "person.role"; for a
	// headline that joins role and tagline, "person.role".
	Source string
}

// candidate is a text that may fill a field, with where it comes from.
type candidate struct {
	text   string
	source string
}

// Fit chooses a text for every profile field of every network configured
// in p, in the order brand.toml lists the networks and the network lists
// its fields, and adds to l a bio.length finding for every field that no
// text fits. A chosen text that does not fit (a network's bio override that
// is too long) is still returned, so that it can be shown with its count.
func Fit(p *brand.Profile, l *diag.List) []Choice {
	var out []Choice
	for _, conf := range p.Networks {
		n, ok := network.Lookup(conf.Name)
		if !ok {
			continue // already reported by the profile's loader
		}
		for _, f := range n.Fields {
			if c, ok := fitField(p, conf, n, f, l); ok {
				out = append(out, c)
			}
		}
	}
	return out
}

func fitField(p *brand.Profile, conf brand.Network, n network.Network, f network.Field, l *diag.List) (Choice, bool) {
	base := "networks." + conf.Name
	var cands []candidate
	switch f.From {
	case "bio":
		if conf.Bio != "" {
			return fixed(p, n, f, candidate{conf.Bio, base + ".bio"}, l), true
		}
		for i, c := range p.Bio.Candidates {
			if hasWords(c) {
				cands = append(cands, candidate{c, "bio.candidates." + strconv.Itoa(i)})
			}
		}
		if len(cands) == 0 {
			f := l.Add(p.Pos(base), "bio.length", "%s's %s has no text: write [bio] candidates, or %s.bio", n.Label, f.Name, base)
			f.Severity = diag.Warning
			return Choice{}, false
		}
	case "name":
		if p.Person.Name == "" {
			return Choice{}, false
		}
		return fixed(p, n, f, candidate{p.Person.Name, "person.name"}, l), true
	case "location":
		if p.Person.Location == "" {
			return Choice{}, false
		}
		return fixed(p, n, f, candidate{p.Person.Location, "person.location"}, l), true
	case "headline":
		if p.Person.Role == "" {
			return Choice{}, false
		}
		if p.Person.Tagline != "" {
			cands = append(cands, candidate{p.Person.Role + HeadlineSeparator + p.Person.Tagline, "person.role"})
		}
		cands = append(cands, candidate{p.Person.Role, "person.role"})
	default:
		return Choice{}, false
	}

	measured := make([]Choice, len(cands))
	best := -1
	for i, c := range cands {
		measured[i] = choice(n, f, c)
		if measured[i].Fits() && (best < 0 || measured[i].Count > measured[best].Count) {
			best = i
		}
	}
	if best >= 0 {
		editorWarning(p, measured[best], l)
		return measured[best], true
	}
	reportNoFit(p, n, f, measured, l)
	return Choice{}, false
}

// fixed measures the one text a field can have.
func fixed(p *brand.Profile, n network.Network, f network.Field, c candidate, l *diag.List) Choice {
	ch := choice(n, f, c)
	if !ch.Fits() {
		l.Add(p.ValuePos(c.source), "bio.length", "%s: %s, but %s", c.source, ch.measure(), ch.limitText())
	} else {
		editorWarning(p, ch, l)
	}
	return ch
}

func choice(n network.Network, f network.Field, c candidate) Choice {
	text := norm.NFC.String(strings.TrimSpace(c.text))
	return Choice{Network: n, Field: f, Text: text, Result: count.Measure(text, f.Limit, count.Profile), Source: c.source}
}

// reportNoFit says why none of the candidates fits a field: all too long
// (naming the shortest), all too short (naming the longest), or some of
// each.
func reportNoFit(p *brand.Profile, n network.Network, f network.Field, cands []Choice, l *diag.List) {
	shortest, longest := cands[0], cands[0]
	for _, c := range cands[1:] {
		if c.Count < shortest.Count || c.Count == shortest.Count && c.Bytes < shortest.Bytes {
			shortest = c
		}
		if c.Count > longest.Count {
			longest = c
		}
	}
	field := n.Label + "'s " + f.Name
	switch {
	case shortest.Count >= f.Min && (shortest.Count > f.Max || shortest.OverBytes()):
		fd := l.Add(p.ValuePos(shortest.Source), "bio.length", "no text fits %s: the shortest, %s, is %s", limitPhrase(field, f.Limit), sourceName(shortest.Source), shortest.measure())
		fd.Suggestion = suggestion(f, "shorter")
	case longest.Count < f.Min:
		fd := l.Add(p.ValuePos(longest.Source), "bio.length", "no text fits %s: the longest, %s, is %s", limitPhrase(field, f.Limit), sourceName(longest.Source), longest.measure())
		fd.Suggestion = suggestion(f, "longer")
	default:
		fd := l.Add(p.ValuePos("bio.candidates"), "bio.length", "no text fits %s: the bio candidates are either shorter or longer", limitPhrase(field, f.Limit))
		fd.Suggestion = suggestion(f, "")
	}
}

func suggestion(f network.Field, which string) string {
	switch {
	case f.From == "headline":
		return "shorten person.role"
	case f.From != "bio":
		return ""
	case which == "":
		return "add a candidate of the right length, or set the network's bio"
	}
	return "add a " + which + " candidate, or set the network's bio"
}

// editorWarning warns when Mastodon's server takes a text that its web
// profile editor, which counts UTF-16 code units, does not let a person
// type.
func editorWarning(p *brand.Profile, c Choice, l *diag.List) {
	if !c.EditorRefuses() {
		return
	}
	f := l.Add(p.ValuePos(c.Source), "bio.length", "%s: %s's server counts %d, but its web profile editor stops at %d UTF-16 code units and this text has %d",
		sourceName(c.Source), c.Network.Label, c.Count, c.Limit.Max, c.UTF16)
	f.Severity = diag.Warning
	f.Suggestion = "paste it from a Mastodon app, or use fewer emoji"
}

// Fits reports whether the chosen text fits its field.
func (c Choice) Fits() bool { return c.Result.Fits() }

// measure says how long the text is, in the terms of its limit.
func (c Choice) measure() string {
	if c.OverBytes() {
		return fmt.Sprintf("%d bytes", c.Bytes)
	}
	return fmt.Sprintf("%d characters (%s)", c.Count, c.Limit.Unit)
}

// limitText says what the field takes, for a text that does not fit.
func (c Choice) limitText() string {
	field := c.Network.Label + "'s " + c.Field.Name
	switch {
	case c.OverBytes():
		return fmt.Sprintf("%s takes at most %d bytes", field, c.Limit.Bytes)
	case c.Count < c.Limit.Min:
		return fmt.Sprintf("%s takes at least %d", field, c.Limit.Min)
	}
	return fmt.Sprintf("%s takes at most %d", field, c.Limit.Max)
}

// limitPhrase names a field with its limit: "X's bio (at most 160
// characters, strict)".
func limitPhrase(field string, lim network.Limit) string {
	var parts []string
	if lim.Min > 0 {
		parts = append(parts, fmt.Sprintf("at least %d", lim.Min))
	}
	parts = append(parts, fmt.Sprintf("at most %d characters, %s", lim.Max, lim.Unit))
	if lim.Bytes > 0 {
		parts = append(parts, fmt.Sprintf("%d bytes", lim.Bytes))
	}
	return field + " (" + strings.Join(parts, ", ") + ")"
}

// sourceName writes a dotted path the way findings name array elements:
// "bio.candidates[2]".
func sourceName(path string) string {
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		if _, err := strconv.Atoi(path[i+1:]); err == nil {
			return path[:i] + "[" + path[i+1:] + "]"
		}
	}
	return path
}

// hasWords reports whether a text has a letter or a digit: a candidate of
// blanks or emoji alone is already reported by the profile's loader.
func hasWords(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
}
