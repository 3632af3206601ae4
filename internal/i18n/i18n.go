package i18n

import (
	"fmt"
	"time"
)

// No-break spaces, written as escapes so that a reader of this file can see
// them: French typography wants them between a number and its unit, before
// the colon, and narrow ones before "; ! ?" and inside « » guillemets (as
// the typo package does for user text).
const (
	nbsp   = "\u00a0"
	narrow = "\u202f"
)

// Strings is the text of the theme in one language. Its fields are plain
// text, with their typography already applied; the templates read them by
// name (for example {{.T.SkipLink}}).
type Strings struct {
	Lang   string // the BCP 47 tag for <html lang>: "fr" or "en"
	Locale string // Open Graph's og:locale: "fr_FR" or "en_US"

	SkipLink    string // the first link of every page, to the main content
	MainNav     string // the accessible name of the main navigation
	Home        string
	About       string
	Posts       string
	Tags        string
	LatestPosts string // the heading of the home page's posts
	AllPosts    string // the link from the home page to the posts list
	NoPosts     string
	Contact     string
	Elsewhere   string // the accessible name of the list of network links
	Feed        string // the link to the Atom feed
	Role        string // the labels of the About page built from the profile
	Location    string
	Clients     string
	Email       string

	Published  string // before the date of a post ("Publié le")
	Updated    string // before its update date
	ReadingFmt string // reading time, with %d the minutes
	TaggedFmt  string // the heading of a tag page, with %s the tag
	CountFmt   []string
	Draft      string // the badge of a draft, in a build that shows them
	Scheduled  string // the badge of a post dated in the future
	Previous   string // the older post, at the end of a post
	Next       string // the newer post
	Newer      string // pagination towards newer posts
	Older      string // pagination towards older posts
	Pagination string // the accessible name of the pagination
	PageFmt    string // "Page %d of %d"
	Cover      string
	WrittenBy  string // above the author box at the end of a post

	NotFound     string // the title of the 404 page
	NotFoundText string
	BackHome     string

	Links string // the title of the links page that bios point to

	Kit KitStrings // the brand kit page's

	months   [12]string
	dateFunc func(s *Strings, t time.Time) string
}

// For returns the strings of lang, English for a language that has none.
func For(lang string) *Strings {
	s := english
	if lang == "fr" {
		s = french
	}
	return &s // a copy, so that no caller can change another's strings
}

// Date writes the calendar date of t (taken in UTC, where the post package
// puts dates) in full: "2 novembre 2026", "1er novembre 2026",
// "November 2, 2026". The day and the month are held together by a no-break
// space so that a line never starts with the month.
func (s *Strings) Date(t time.Time) string { return s.dateFunc(s, t.UTC()) }

// ReadingTime returns the reading time of a text of words words, for
// example "4 min de lecture".
func (s *Strings) ReadingTime(words int) string {
	return fmt.Sprintf(s.ReadingFmt, ReadingMinutes(words))
}

// Tagged returns the heading of the page of a tag.
func (s *Strings) Tagged(tag string) string { return fmt.Sprintf(s.TaggedFmt, tag) }

// Page returns "Page n of total" in the language.
func (s *Strings) Page(n, total int) string { return fmt.Sprintf(s.PageFmt, n, total) }

// PostCount returns the number of posts in words: "1 article", "3 articles".
func (s *Strings) PostCount(n int) string {
	if n == 1 {
		return fmt.Sprintf(s.CountFmt[0], n)
	}
	return fmt.Sprintf(s.CountFmt[1], n)
}

// WordsPerMinute is the silent reading speed used for reading times, a
// common figure for both French and English prose.
const WordsPerMinute = 230

// ReadingMinutes returns the minutes needed to read words words, rounded up,
// and at least one.
func ReadingMinutes(words int) int {
	m := (words + WordsPerMinute - 1) / WordsPerMinute
	return max(m, 1)
}
