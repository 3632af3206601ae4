// Package voice is the voice linter: it checks the prose of a kit (posts,
// their titles, summaries and alternative texts, the About page, the
// profile's tagline, bios and brief) against the brand's [voice] and the
// typography of its language, and proposes the fixes that are safe to make
// without asking.
//
// It belongs to the check stage. A [Doc] is one file's prose: its segments,
// each a stretch of text with a map back to the file. [Checker.Check]
// tokenises each segment once (words, sentences, quotations) and feeds the
// tokens to every rule; the rules are listed in rules.go, one per file.
// Word lists are data files under words/, embedded in the binary.
//
// Findings point into the file that holds the text: a bio's finding is at
// brand.toml:LINE:COL. Inline comments <!-- marque:disable RULE --> …
// <!-- marque:enable RULE --> silence rules over a stretch of a post; the
// build applies them to every finding in that stretch (see [Suppress]).
package voice
