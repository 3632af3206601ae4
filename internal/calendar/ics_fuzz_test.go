package calendar

import (
	"strings"
	"testing"
	"time"
)

// FuzzICS checks that the calendar file stays well formed whatever the
// site's name and a post's title and summary hold: folded lines, and
// exactly the properties of each event, none added by a line break or a
// separator in the text.
func FuzzICS(f *testing.F) {
	f.Add("Solène", "Un titre, long; très\\ long", "Résumé\r\nsur deux lignes")
	f.Add("\x00\x7f", strings.Repeat("\xb3", 100), strings.Repeat("é", 50))
	f.Fuzz(func(t *testing.T, name, title, summary string) {
		d := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
		out := string(ICS(name, "a.example", []Entry{
			{Slug: "un", Title: title, Summary: summary, URL: "https://a.example/posts/un/", Date: d},
			{Slug: "deux", Title: summary, URL: "https://a.example/posts/deux/", Date: d.AddDate(0, 0, 7)},
		}))
		var props []string
		for _, l := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
			if len(l) > 75 || strings.ContainsAny(l, "\r\n") {
				t.Fatalf("line %q", l)
			}
			if strings.HasPrefix(l, " ") {
				props[len(props)-1] += l[1:]
				continue
			}
			props = append(props, l)
		}
		// The calendar's 5 lines and END, and 10 per event.
		if len(props) != 6+2*10 || props[len(props)-1] != "END:VCALENDAR" {
			t.Fatalf("%d properties:\n%s", len(props), out)
		}
		for _, p := range props {
			if name, _, ok := strings.Cut(p, ":"); !ok || strings.ContainsAny(name, " ,\\") {
				t.Fatalf("property %q", p)
			}
		}
	})
}
