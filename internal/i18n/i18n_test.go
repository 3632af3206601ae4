package i18n

import (
	"strings"
	"testing"
	"time"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestDate(t *testing.T) {
	tests := []struct {
		lang string
		t    time.Time
		want string
	}{
		{"fr", date(2026, time.November, 2), "2\u00a0novembre 2026"},
		{"fr", date(2026, time.November, 1), "1er\u00a0novembre 2026"},
		{"fr", date(2027, time.February, 28), "28\u00a0février 2027"},
		{"fr", date(2026, time.August, 11), "11\u00a0août 2026"},
		{"en", date(2026, time.November, 2), "November\u00a02, 2026"},
		{"en", date(2026, time.November, 1), "November\u00a01, 2026"},
		{"de", date(2026, time.January, 31), "January\u00a031, 2026"}, // unknown language: English
		// A date given in another zone is read as the calendar date in UTC,
		// where the post package puts every date.
		{"fr", time.Date(2026, time.March, 1, 23, 30, 0, 0, time.FixedZone("", -2*3600)), "2\u00a0mars 2026"},
	}
	for _, tt := range tests {
		if got := For(tt.lang).Date(tt.t); got != tt.want {
			t.Errorf("For(%q).Date(%v) = %q, want %q", tt.lang, tt.t, got, tt.want)
		}
	}
}

func TestReadingMinutes(t *testing.T) {
	tests := []struct{ words, want int }{
		{0, 1}, {1, 1}, {229, 1}, {230, 1}, {231, 2}, {460, 2}, {461, 3}, {2300, 10},
	}
	for _, tt := range tests {
		if got := ReadingMinutes(tt.words); got != tt.want {
			t.Errorf("ReadingMinutes(%d) = %d, want %d", tt.words, got, tt.want)
		}
	}
}

func TestFormats(t *testing.T) {
	fr, en := For("fr"), For("en")
	tests := []struct{ got, want string }{
		{fr.ReadingTime(700), "4\u00a0min de lecture"},
		{en.ReadingTime(100), "1\u00a0min read"},
		{fr.Page(2, 3), "Page 2 sur 3"},
		{en.Page(2, 3), "Page 2 of 3"},
		{fr.PostCount(1), "1\u00a0article"},
		{fr.PostCount(0), "0\u00a0articles"},
		{en.PostCount(1), "1 post"},
		{en.PostCount(12), "12 posts"},
		{fr.Tagged("ux"), "Étiquette\u00a0:\u00a0«\u202fux\u202f»"},
		{en.Tagged("ux"), "Tagged “ux”"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%d: got %q, want %q", i, tt.got, tt.want)
		}
	}
}

// TestFrenchTypography checks the French strings against the rules the
// typo package applies to user text: no plain space or none at all before
// "; ! ? :", no straight apostrophe, no guillemet without its no-break space.
func TestFrenchTypography(t *testing.T) {
	fr := For("fr")
	all := []string{fr.SkipLink, fr.MainNav, fr.Home, fr.About, fr.Posts, fr.Tags, fr.LatestPosts,
		fr.AllPosts, fr.NoPosts, fr.Contact, fr.Elsewhere, fr.Feed, fr.Role, fr.Location, fr.Clients,
		fr.Email, fr.Published, fr.Updated, fr.ReadingFmt, fr.TaggedFmt, fr.Draft, fr.Scheduled,
		fr.Previous, fr.Next, fr.Newer, fr.Older, fr.Pagination, fr.PageFmt, fr.Cover, fr.WrittenBy,
		fr.NotFound, fr.NotFoundText, fr.BackHome}
	for _, s := range append(all, kitTexts(&fr.Kit)...) {
		if s == "" {
			t.Errorf("a French string is empty")
		}
		if strings.Contains(s, "'") {
			t.Errorf("%q: straight apostrophe", s)
		}
		for i, r := range s {
			before := s[:i]
			switch r {
			case ';', '!', '?':
				if !strings.HasSuffix(before, "\u202f") {
					t.Errorf("%q: %q without a narrow no-break space before it", s, r)
				}
			case ':':
				if !strings.HasSuffix(before, "\u00a0") {
					t.Errorf("%q: %q without a no-break space before it", s, r)
				}
			case '»':
				if !strings.HasSuffix(before, "\u202f") {
					t.Errorf("%q: » without a narrow no-break space before it", s)
				}
			case '«':
				if !strings.HasPrefix(s[i+len("«"):], "\u202f") {
					t.Errorf("%q: « without a narrow no-break space after it", s)
				}
			}
		}
	}
}

func TestForReturnsCopies(t *testing.T) {
	a := For("fr")
	a.Home = "changed"
	if b := For("fr"); b.Home != "Accueil" {
		t.Errorf("For(\"fr\").Home = %q after a caller changed its copy", b.Home)
	}
}
