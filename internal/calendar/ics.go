package calendar

import (
	"bytes"
	"time"

	"github.com/marque-kit/marque/internal/contentline"
)

// ICS returns an iCalendar file (RFC 5545) with one all-day event per
// entry, or nil for no entry, since a calendar must hold at least one
// component. Each event's UID is the post's slug at host, so that a
// calendar app that subscribes to the file updates an event when its post
// moves rather than adding a new one. Lines end in CRLF and are folded at
// 75 octets; text values are escaped.
//
// DTSTAMP, which RFC 5545 requires, is the post's last update, or its
// date: the file never depends on the clock of the machine that built it.
func ICS(name, host string, entries []Entry) []byte {
	if len(entries) == 0 {
		return nil
	}
	var b bytes.Buffer
	line := func(s string) { b.WriteString(contentline.Fold(s)) }
	line("BEGIN:VCALENDAR")
	line("VERSION:2.0")
	line("PRODID:-//marque//calendar//EN")
	line("CALSCALE:GREGORIAN")
	line("X-WR-CALNAME:" + contentline.Escape(name))
	for _, e := range entries {
		stamp := e.Date
		if e.Updated.After(stamp) {
			stamp = e.Updated
		}
		line("BEGIN:VEVENT")
		line("UID:" + contentline.Escape(e.Slug+"@"+host))
		line("DTSTAMP:" + stamp.UTC().Format("20060102T150405Z"))
		line("DTSTART;VALUE=DATE:" + e.Date.Format("20060102"))
		line("DTEND;VALUE=DATE:" + e.Date.AddDate(0, 0, 1).Format("20060102"))
		line("SUMMARY:" + contentline.Escape(e.Title))
		desc := e.URL
		if e.Summary != "" {
			desc = e.Summary + "\n\n" + e.URL
		}
		line("DESCRIPTION:" + contentline.Escape(desc))
		if e.URL != "" {
			line("URL;VALUE=URI:" + e.URL)
		}
		line("TRANSP:TRANSPARENT")
		line("END:VEVENT")
	}
	line("END:VCALENDAR")
	return b.Bytes()
}

// Scheduled returns the entries dated after today, in date order.
func Scheduled(entries []Entry, today time.Time) []Entry {
	var out []Entry
	for _, e := range entries {
		if e.Date.After(today) {
			out = append(out, e)
		}
	}
	sortByDate(out)
	return out
}
