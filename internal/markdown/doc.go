// Package markdown turns the Markdown body of a post or of the about page
// into HTML, and reads from it what later stages need: the visible prose as
// plain text, the links and images with their byte offsets, the headings.
//
// It belongs to the render stage. It is a front door over goldmark:
// CommonMark with GFM tables, strikethrough, autolinks and task lists, and
// footnotes. Between parsing and rendering it makes one pass over the
// tree (typeset.go) that applies the language's typography (package typo)
// to the text of each paragraph as a whole, so that a rule sees across
// emphasis and links, while code, URLs and link destinations stay as
// written. Raw HTML is never passed through: not even a comment of it
// reaches the page.
package markdown
