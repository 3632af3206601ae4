package diag

import (
	"slices"
	"strings"
)

// Rule describes one rule id that findings may carry.
type Rule struct {
	ID      string
	Default Severity
	Summary string
}

// Rules lists every rule id marque reports, with its default severity. Users
// change severities in brand.toml's [rules]; ids are stable, never renamed.
var Rules = []Rule{
	{"profile.syntax", Error, "brand.toml is not valid TOML"},
	{"profile.unknown-key", Error, "a key brand.toml does not know"},
	{"profile.invalid", Error, "a value of the wrong type, out of range or pointing at nothing"},
	{"content.syntax", Error, "a post that cannot be read: front matter, encoding"},
	{"content.invalid", Error, "a post whose front matter is wrong"},
	{"content.link", Warning, "an internal link to a page that does not exist"},
	{"content.suppression", Warning, "a marque:disable comment that names an unknown rule or is never closed"},
	{"voice.banned", Error, "a word the brand never uses"},
	{"voice.prefer", Warning, "a word the brand replaces with another"},
	{"voice.confidential", Error, "a name that is never published"},
	{"voice.claims", Warning, "an unverifiable superlative or guarantee"},
	{"voice.sentence-length", Warning, "a sentence longer than the brand allows"},
	{"voice.exclamation", Warning, "more exclamation marks than the brand allows"},
	{"voice.person", Warning, "the wrong grammatical person for the brand"},
	{"voice.address", Warning, "tutoiement in a brand that says vous, or the reverse"},
	{"voice.emoji", Warning, "an emoji where the brand allows none"},
	{"voice.readability", Warning, "a post harder to read than the brand allows"},
	{"voice.register", Warning, "a familiar word in a convivial voice"},
	{"typo.fr-space", Warning, "a missing or wrong space in French typography"},
	{"typo.fr-quotes", Warning, "English quotation marks in French text"},
	{"typo.ellipsis", Warning, "three dots instead of an ellipsis"},
	{"identity.contrast", Error, "a colour pair below the brand's minimum contrast"},
	{"identity.glyph", Warning, "text a brand font cannot draw"},
	{"identity.image-size", Warning, "a source image smaller than the image made from it"},
	{"identity.alt", Warning, "an image without alternative text"},
	{"identity.handle", Warning, "a network handle and profile URL that name different accounts"},
	{"identity.verify", Warning, "an account the site cannot prove is the person's: a Bluesky domain handle that is not the site's, a missing did"},
	{"print.fit", Warning, "text the business card cannot hold at the smallest legible size"},
	{"bio.length", Error, "a bio that fits no field"},
	{"strategy.goal", Warning, "a network without a goal"},
	{"strategy.brief", Warning, "a brief lacking audience, message or objectives"},
	{"strategy.networks", Info, "a network the brief's market calls for and the kit lacks"},
	{"calendar.cadence", Warning, "a gap in publishing longer than the cadence"},
}

// LookupRule returns the rule with id.
func LookupRule(id string) (Rule, bool) {
	i := slices.IndexFunc(Rules, func(r Rule) bool { return r.ID == id })
	if i < 0 {
		return Rule{}, false
	}
	return Rules[i], true
}

// DefaultSeverity returns the default severity of rule id: Error for ids not
// in Rules, so that a misspelt id in the code cannot hide a problem.
func DefaultSeverity(id string) Severity {
	if r, ok := LookupRule(id); ok {
		return r.Default
	}
	return Error
}

// IsSyntax reports whether id names a syntax rule ("profile.syntax",
// "content.syntax"), whose findings make the input unusable.
func IsSyntax(id string) bool { return strings.HasSuffix(id, ".syntax") }

// RuleIDs returns every rule id, for "did you mean" hints.
func RuleIDs() []string {
	ids := make([]string, len(Rules))
	for i, r := range Rules {
		ids[i] = r.ID
	}
	return ids
}
