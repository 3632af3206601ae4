package network

import (
	"image"
	"slices"
	"strings"
	"testing"
)

// TestTable checks the table's own consistency: sorted unique names, known
// units, safe areas inside their images, every entry sourced and dated.
func TestTable(t *testing.T) {
	if !slices.IsSortedFunc(All, func(a, b Network) int { return strings.Compare(a.Name, b.Name) }) {
		t.Error("All is not sorted by name")
	}
	for _, n := range append(slices.Clone(All), Site) {
		if n.Label == "" || n.Source == "" || len(n.Checked) != 7 {
			t.Errorf("%s: label, source or check date missing", n.Name)
		}
		fields := map[string]bool{}
		for _, f := range n.Fields {
			if fields[f.Name] || f.Max <= 0 || f.Min > f.Max || !validUnit(f.Unit) || f.From == "" {
				t.Errorf("%s.%s: duplicate or bad field %+v", n.Name, f.Name, f)
			}
			fields[f.Name] = true
		}
		if n.Share != nil && (n.Share.Max <= 0 || !validUnit(n.Share.Unit)) {
			t.Errorf("%s: bad share limit %+v", n.Name, n.Share)
		}
		slots := map[string]bool{}
		for _, s := range n.Slots {
			full := image.Rect(0, 0, s.Width, s.Height)
			if slots[s.Name] || s.Width <= 0 || s.Height <= 0 || !s.Safe.In(full) {
				t.Errorf("%s.%s: duplicate slot, bad size or safe area outside the image", n.Name, s.Name)
			}
			slots[s.Name] = true
		}
	}
}

// TestReferenceSizes pins a few values of the reference table, so that an
// edit that breaks them is seen.
func TestReferenceSizes(t *testing.T) {
	tests := []struct {
		network, slot string
		w, h          int
		maxBytes      int64
	}{
		{"linkedin", "banner", 1584, 396, 8 * MB},
		{"x", "banner", 1500, 500, 5 * MB},
		{"bluesky", "banner", 3000, 1000, 1_000_000},
		{"youtube", "banner", 2560, 1440, 6 * MB},
		{"instagram", "story", 1080, 1920, 0},
		{"malt", "avatar", 600, 600, 0},
	}
	for _, tt := range tests {
		n, _ := Lookup(tt.network)
		s, ok := n.Slot(tt.slot)
		if !ok || s.Width != tt.w || s.Height != tt.h || s.MaxBytes != tt.maxBytes {
			t.Errorf("%s.%s = %+v", tt.network, tt.slot, s)
		}
	}
	yt, _ := Lookup("youtube")
	if b, _ := yt.Slot("banner"); b.Safe.Dx() != 1546 || b.Safe.Dy() != 423 {
		t.Errorf("youtube banner safe area = %v, want the centred 1546×423", b.Safe)
	}
	x, _ := Lookup("x")
	if x.Share.Unit != Weighted || x.Fields[1].Unit != Strict {
		t.Error("X counts posts weighted and its bio strictly")
	}
}

func validUnit(u Unit) bool { return u == Graphemes || u == Weighted || u == Mastodon || u == Strict }

func TestResized(t *testing.T) {
	b, _ := Lookup("bluesky")
	s, _ := b.Slot("banner")
	r := s.Resized(1500, 500)
	if r.Width != 1500 || r.Height != 500 || r.Safe != image.Rect(410, 50, 1450, 450) {
		t.Errorf("Resized(1500, 500) = %+v", r)
	}
	if got := s.Resized(s.Width, s.Height); got != s {
		t.Errorf("Resized to the same size changed the slot: %+v", got)
	}
}
