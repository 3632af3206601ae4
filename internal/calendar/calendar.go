package calendar

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/marque-kit/marque/internal/diag"
)

// Cadences, as brand.toml spells them.
const (
	Daily    = "daily"
	Weekly   = "weekly"
	Biweekly = "biweekly"
	Monthly  = "monthly"
	Off      = "off"
)

// Entry is one post on the calendar: published or scheduled, never a
// draft.
type Entry struct {
	Slug    string
	Title   string
	Summary string
	URL     string    // absolute
	Date    time.Time // a calendar date, at midnight UTC
	Updated time.Time // zero when never updated
}

// Period is one row of the calendar: a week or a month.
type Period struct {
	Start     time.Time // first day
	End       time.Time // last day
	Label     string    // "2026-W35" or "2026-09"
	Published int
	Scheduled int
}

// Gap is a stretch longer than the cadence allows without a post: between
// two posts, or, when To is zero, from the last post to today.
type Gap struct {
	From, To time.Time
	// Missed is how late the post after From came (or, for an open gap,
	// is as of today), in whole periods: days for a daily cadence, weeks
	// for weekly and biweekly, months for monthly.
	Missed int
}

// Report is the calendar of a kit against its cadence.
type Report struct {
	Cadence string
	Today   time.Time
	Periods []Period // from the first post's period to today's or the last post's
	Gaps    []Gap    // oldest first
	Last    time.Time
	// Due is the last day by which the next post keeps the cadence; zero
	// when the cadence is off or there is no post.
	Due time.Time
}

// step says how the cadence counts: the index of a date's period, and how
// many periods may pass from one post to the next.
type step struct {
	index func(time.Time) int
	start func(int) time.Time // first day of the period at index
	allow int
	unit  string // "day", "week", "month"
}

// epochMonday is a Monday: weeks are counted from it, ISO-style.
var epochMonday = time.Date(1970, 1, 5, 0, 0, 0, 0, time.UTC)

func dayIndex(t time.Time) int { return floorDiv(t.Unix()-epochMonday.Unix(), 86400) }

func weekIndex(t time.Time) int { return floorDiv(int64(dayIndex(t)), 7) }

func floorDiv(a, b int64) int {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return int(q)
}

func monthIndex(t time.Time) int { return t.Year()*12 + int(t.Month()) - 1 }

var (
	days   = step{dayIndex, func(i int) time.Time { return epochMonday.AddDate(0, 0, i) }, 1, "day"}
	weeks  = step{weekIndex, func(i int) time.Time { return epochMonday.AddDate(0, 0, 7*i) }, 1, "week"}
	months = step{monthIndex, func(i int) time.Time { return time.Date(i/12, time.Month(i%12+1), 1, 0, 0, 0, 0, time.UTC) }, 1, "month"}
)

// gapStep is how gaps are measured for a cadence; rows are always weeks,
// or months for a monthly cadence.
func gapStep(cadence string) (step, bool) {
	switch cadence {
	case Daily:
		return days, true
	case Weekly:
		return weeks, true
	case Biweekly:
		s := weeks
		s.allow = 2
		return s, true
	case Monthly:
		return months, true
	}
	return step{}, false
}

func rowStep(cadence string) step {
	if cadence == Monthly || cadence == Off {
		return months
	}
	return weeks
}

// Plan lays the entries out against the cadence as of today. An entry is
// published when its date is today or earlier, scheduled after.
func Plan(cadence string, entries []Entry, today time.Time) *Report {
	r := &Report{Cadence: cadence, Today: today}
	if len(entries) == 0 {
		return r
	}
	sorted := slices.Clone(entries)
	sortByDate(sorted)
	first, last := sorted[0].Date, sorted[len(sorted)-1].Date
	r.Last = last

	rows := rowStep(cadence)
	end := max(rows.index(last), rows.index(today))
	for i := rows.index(first); i <= end; i++ {
		start := rows.start(i)
		p := Period{Start: start, End: rows.start(i+1).AddDate(0, 0, -1)}
		if rows.unit == "month" {
			p.Label = start.Format("2006-01")
		} else {
			y, w := start.ISOWeek()
			p.Label = fmt.Sprintf("%d-W%02d", y, w)
		}
		r.Periods = append(r.Periods, p)
	}
	base := rows.index(first)
	for _, e := range sorted {
		p := &r.Periods[rows.index(e.Date)-base]
		if e.Date.After(today) {
			p.Scheduled++
		} else {
			p.Published++
		}
	}

	gaps, ok := gapStep(cadence)
	if !ok {
		return r
	}
	for i := 1; i < len(sorted); i++ {
		a, b := sorted[i-1].Date, sorted[i].Date
		if d := gaps.index(b) - gaps.index(a); d > gaps.allow {
			r.Gaps = append(r.Gaps, Gap{From: a, To: b, Missed: d - gaps.allow})
		}
	}
	// The next post keeps the cadence up to the last day of the period
	// the cadence allows after the last one.
	r.Due = gaps.start(gaps.index(last)+gaps.allow+1).AddDate(0, 0, -1)
	if today.After(r.Due) {
		r.Gaps = append(r.Gaps, Gap{From: last, Missed: gaps.index(today) - gaps.index(last) - gaps.allow})
	}
	return r
}

// sortByDate sorts entries by date, then slug.
func sortByDate(entries []Entry) {
	slices.SortStableFunc(entries, func(a, b Entry) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.Slug, b.Slug))
	})
}

// Unit is the period gaps are counted in: "day", "week" or "month".
func (r *Report) Unit() string {
	s, _ := gapStep(r.Cadence)
	return s.unit
}

// Describe says in words what a cadence promises.
func Describe(cadence string) string {
	switch cadence {
	case Daily:
		return "a post every day"
	case Weekly:
		return "a post every week"
	case Biweekly:
		return "a post every two weeks"
	case Monthly:
		return "a post every month"
	}
	return "no cadence"
}

// String describes a gap in periods of unit: "2026-09-07 → 2026-10-19:
// the next post came 4 weeks late".
func (g Gap) String(unit string) string {
	if g.To.IsZero() {
		return fmt.Sprintf("%s → today: no post since, %s late", g.From.Format(time.DateOnly), plural(g.Missed, unit))
	}
	return fmt.Sprintf("%s → %s: the next post came %s late", g.From.Format(time.DateOnly), g.To.Format(time.DateOnly), plural(g.Missed, unit))
}

func plural(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return fmt.Sprintf("%d %ss", n, unit)
}

// WriteText prints the report as `marque calendar` shows it: the cadence,
// one row per period with its published and scheduled posts, the gaps and
// the next due date.
func (r *Report) WriteText(w io.Writer) error {
	ew := &errWriter{w: w}
	ew.printf("Cadence: %s (%s)\n", r.Cadence, Describe(r.Cadence))
	if len(r.Periods) == 0 {
		ew.printf("No post published or scheduled yet.\n")
		return ew.err
	}
	ew.printf("\n%-10s %-10s %9s %9s\n", "period", "from", "published", "scheduled")
	for _, p := range r.Periods {
		ew.printf("%-10s %-10s %9d %9d\n", p.Label, p.Start.Format(time.DateOnly), p.Published, p.Scheduled)
	}
	if _, ok := gapStep(r.Cadence); ok {
		if len(r.Gaps) == 0 {
			ew.printf("\nNo gap: the posts keep the cadence.\n")
		} else {
			ew.printf("\nGaps:\n")
			for _, g := range r.Gaps {
				ew.printf("  %s\n", g.String(r.Unit()))
			}
		}
		state := "published"
		if r.Last.After(r.Today) {
			state = "scheduled"
		}
		ew.printf("Last post: %s (%s). Next post due by %s.\n", r.Last.Format(time.DateOnly), state, r.Due.Format(time.DateOnly))
	}
	return ew.err
}

type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}

// Window is how far back gaps are findings: an older gap cannot be
// fixed, so it is shown by `marque calendar` but not reported each build.
const Window = 6 // months

// Check adds to l a calendar.cadence warning, at pos, for each gap that
// ends within Window months of today, and for a kit that promises a
// cadence without a single post.
func (r *Report) Check(pos diag.Pos, l *diag.List) {
	if _, ok := gapStep(r.Cadence); !ok {
		return
	}
	if r.Last.IsZero() {
		l.Add(pos, "calendar.cadence", "no post published or scheduled: the cadence promises %s", Describe(r.Cadence))
		return
	}
	since := r.Today.AddDate(0, -Window, 0)
	for _, g := range r.Gaps {
		switch {
		case g.To.IsZero():
			f := l.Add(pos, "calendar.cadence", "no post since %s: the %s cadence wanted one by %s",
				g.From.Format(time.DateOnly), r.Cadence, r.Due.Format(time.DateOnly))
			f.Suggestion = "publish or schedule a post"
		case !g.To.Before(since):
			l.Add(pos, "calendar.cadence", "no post from %s to %s: %s late for the %s cadence",
				g.From.Format(time.DateOnly), g.To.Format(time.DateOnly), plural(g.Missed, r.Unit()), r.Cadence)
		}
	}
}
