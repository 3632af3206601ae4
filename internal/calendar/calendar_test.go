package calendar

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/marque-kit/marque/internal/diag"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata")

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func entries(dates ...string) []Entry {
	var out []Entry
	for i, d := range dates {
		out = append(out, Entry{Slug: fmt.Sprintf("post-%d", i), Title: "Post " + d, Date: day(d)})
	}
	return out
}

func TestPlan(t *testing.T) {
	tests := []struct {
		name    string
		cadence string
		dates   []string
		today   string
		gaps    string // "from→to+missed" each, to "" when open
		due     string
		rows    int
	}{
		{
			name: "biweekly kept, as in the example kit", cadence: Biweekly, today: "2026-11-22",
			dates: []string{"2026-08-24", "2026-09-07", "2026-09-21", "2026-10-05", "2026-10-19", "2026-11-02", "2026-11-16", "2026-11-30"},
			due:   "2026-12-20", rows: 15,
		},
		{
			name: "biweekly with a hole", cadence: Biweekly, today: "2026-11-22",
			dates: []string{"2026-08-24", "2026-10-05", "2026-10-12"},
			gaps:  "2026-08-24→2026-10-05+4 2026-10-12→+3 ", due: "2026-11-01", rows: 13,
		},
		{
			name: "weekly, posts late in one week and early in the next keep it", cadence: Weekly, today: "2026-02-20",
			dates: []string{"2026-02-01", "2026-02-02", "2026-02-15"},
			due:   "2026-02-22", rows: 4,
		},
		{
			name: "weekly, overdue", cadence: Weekly, today: "2026-03-20",
			dates: []string{"2026-02-02", "2026-02-09"},
			gaps:  "2026-02-09→+4 ", due: "2026-02-22", rows: 7,
		},
		{
			name: "monthly across a year", cadence: Monthly, today: "2026-02-10",
			dates: []string{"2025-11-30", "2026-01-31", "2026-02-01"},
			gaps:  "2025-11-30→2026-01-31+1 ", due: "2026-03-31", rows: 4,
		},
		{
			name: "daily", cadence: Daily, today: "2026-01-07",
			dates: []string{"2026-01-05", "2026-01-06", "2026-01-09"},
			gaps:  "2026-01-06→2026-01-09+2 ", due: "2026-01-10", rows: 1,
		},
		{
			name: "off counts posts per month only", cadence: Off, today: "2026-05-01",
			dates: []string{"2026-01-05", "2026-04-06"},
			rows:  5,
		},
		{name: "no post", cadence: Weekly, today: "2026-05-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Plan(tt.cadence, entries(tt.dates...), day(tt.today))
			var gaps strings.Builder
			for _, g := range r.Gaps {
				to := ""
				if !g.To.IsZero() {
					to = g.To.Format(time.DateOnly)
				}
				fmt.Fprintf(&gaps, "%s→%s+%d ", g.From.Format(time.DateOnly), to, g.Missed)
			}
			if gaps.String() != tt.gaps {
				t.Errorf("gaps %q, want %q", gaps.String(), tt.gaps)
			}
			due := ""
			if !r.Due.IsZero() {
				due = r.Due.Format(time.DateOnly)
			}
			if due != tt.due {
				t.Errorf("due %q, want %q", due, tt.due)
			}
			if len(r.Periods) != tt.rows {
				t.Errorf("%d periods, want %d", len(r.Periods), tt.rows)
			}
			published, scheduled := 0, 0
			for _, p := range r.Periods {
				published += p.Published
				scheduled += p.Scheduled
				if p.End.Before(p.Start) {
					t.Errorf("period %s ends before it starts", p.Label)
				}
			}
			if published+scheduled != len(tt.dates) {
				t.Errorf("%d published and %d scheduled, want %d posts in all", published, scheduled, len(tt.dates))
			}
		})
	}
}

func TestCheck(t *testing.T) {
	pos := diag.Pos{File: "brand.toml", Line: 3, Column: 11}
	// The first gap ended more than six months ago: nothing can fix it.
	dates := []string{"2025-01-06", "2025-03-03", "2026-05-04", "2026-06-29", "2026-07-06"}
	var l diag.List
	Plan(Weekly, entries(dates...), day("2026-07-25")).Check(pos, &l)
	var got strings.Builder
	for _, f := range l.Items() {
		got.WriteString(f.String() + "\n")
	}
	want := "brand.toml:3:11: warning calendar.cadence: no post from 2025-03-03 to 2026-05-04: 60 weeks late for the weekly cadence\n" +
		"brand.toml:3:11: warning calendar.cadence: no post from 2026-05-04 to 2026-06-29: 7 weeks late for the weekly cadence\n" +
		"brand.toml:3:11: warning calendar.cadence: no post since 2026-07-06: the weekly cadence wanted one by 2026-07-19 (publish or schedule a post)\n"
	if got.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", got.String(), want)
	}

	var none diag.List
	Plan(Monthly, nil, day("2026-04-01")).Check(pos, &none)
	if none.Len() != 1 || !strings.Contains(none.Items()[0].Message, "no post published or scheduled") {
		t.Errorf("a cadence without posts: %v", none.Items())
	}
	var off diag.List
	Plan(Off, entries("2020-01-01"), day("2026-04-01")).Check(pos, &off)
	if off.Len() != 0 {
		t.Errorf("cadence off: %v", off.Items())
	}
}

func TestWriteText(t *testing.T) {
	var b bytes.Buffer
	r := Plan(Biweekly, entries("2026-09-07", "2026-10-19", "2026-11-02", "2026-11-30"), day("2026-11-22"))
	if err := r.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	golden(t, "testdata/report.golden", b.Bytes())
}

func TestICS(t *testing.T) {
	es := []Entry{
		{Slug: "lettres", Title: "Lettres, enseignes; et \\ le reste", Summary: "Une enseigne se lit de loin.\nDeuxième ligne, très longue, avec des accents qui tombent au pli : éèàùç ÉÈÀÙÇ œ « guillemets ».",
			URL: "https://solene-garnier.example/posts/lettres/", Date: day("2026-11-30"), Updated: day("2026-12-01")},
		{Slug: "association", Title: "Travailler avec une association", URL: "https://solene-garnier.example/posts/association/", Date: day("2026-12-14")},
	}
	data := ICS("Solène Garnier — publications", "solene-garnier.example", es)
	golden(t, "testdata/calendar.ics", data)

	if !bytes.HasSuffix(data, []byte("END:VCALENDAR\r\n")) {
		t.Error("the file does not end with END:VCALENDAR and CRLF")
	}
	for i, l := range bytes.Split(bytes.TrimSuffix(data, []byte("\r\n")), []byte("\r\n")) {
		if len(l) > 75 {
			t.Errorf("line %d has %d octets", i+1, len(l))
		}
		if bytes.ContainsAny(l, "\r\n") {
			t.Errorf("line %d holds a bare CR or LF", i+1)
		}
	}
	unfolded := strings.ReplaceAll(string(data), "\r\n ", "")
	for _, want := range []string{
		"UID:lettres@solene-garnier.example\r\n",
		`SUMMARY:Lettres\, enseignes\; et \\ le reste` + "\r\n",
		"DTSTART;VALUE=DATE:20261130\r\nDTEND;VALUE=DATE:20261201\r\n",
		"DTSTAMP:20261201T000000Z\r\n",
		"DESCRIPTION:Une enseigne se lit de loin.\\nDeuxième ligne\\, très longue",
	} {
		if !strings.Contains(unfolded, want) {
			t.Errorf("the calendar lacks %q", want)
		}
	}
	if ICS("x", "h", nil) != nil {
		t.Error("a calendar without events")
	}
}

func TestScheduled(t *testing.T) {
	got := Scheduled(entries("2026-12-01", "2026-01-01", "2026-11-23", "2026-11-22"), day("2026-11-22"))
	if len(got) != 2 || got[0].Date != day("2026-11-23") || got[1].Date != day("2026-12-01") {
		t.Errorf("Scheduled = %v", got)
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	if *update {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(name, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (run with -update to rewrite):\n%s", name, got)
	}
}
