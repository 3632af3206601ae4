package calendar

import (
	"bytes"
	"strings"
	"time"
	"unicode/utf8"
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
	line := func(s string) { fold(&b, s) }
	line("BEGIN:VCALENDAR")
	line("VERSION:2.0")
	line("PRODID:-//marque//calendar//EN")
	line("CALSCALE:GREGORIAN")
	line("X-WR-CALNAME:" + escape(name))
	for _, e := range entries {
		stamp := e.Date
		if e.Updated.After(stamp) {
			stamp = e.Updated
		}
		line("BEGIN:VEVENT")
		line("UID:" + escape(e.Slug+"@"+host))
		line("DTSTAMP:" + stamp.UTC().Format("20060102T150405Z"))
		line("DTSTART;VALUE=DATE:" + e.Date.Format("20060102"))
		line("DTEND;VALUE=DATE:" + e.Date.AddDate(0, 0, 1).Format("20060102"))
		line("SUMMARY:" + escape(e.Title))
		desc := e.URL
		if e.Summary != "" {
			desc = e.Summary + "\n\n" + e.URL
		}
		line("DESCRIPTION:" + escape(desc))
		if e.URL != "" {
			line("URL;VALUE=URI:" + e.URL)
		}
		line("TRANSP:TRANSPARENT")
		line("END:VEVENT")
	}
	line("END:VCALENDAR")
	return b.Bytes()
}

// escape escapes a TEXT value: backslash, semicolon and comma get a
// backslash, a line break becomes \n; other control characters, which
// TEXT does not allow, are dropped.
func escape(s string) string {
	var b strings.Builder
	s = strings.ReplaceAll(s, "\r\n", "\n")
	for _, r := range s {
		switch {
		case r == '\\' || r == ';' || r == ',':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n' || r == '\r':
			b.WriteString(`\n`)
		case r < 0x20 && r != '\t' || r == 0x7f:
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// fold writes one content line, folded so that no line is longer than 75
// octets without its CRLF: each continuation starts with a space, and a
// fold never splits a UTF-8 sequence.
func fold(b *bytes.Buffer, s string) {
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		if cut == 0 {
			// Not UTF-8: no sequence to keep whole, and cutting
			// nothing would never end.
			cut = limit
		}
		b.WriteString(s[:cut])
		b.WriteString("\r\n ")
		s = s[cut:]
		limit = 74 // the leading space counts
	}
	b.WriteString(s)
	b.WriteString("\r\n")
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
