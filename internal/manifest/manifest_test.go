package manifest

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestJSONSortedAndNeverNull(t *testing.T) {
	var empty Manifest
	b, err := empty.JSON()
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != "{\n  \"images\": [],\n  \"bios\": [],\n  \"shares\": [],\n  \"files\": []\n}\n" {
		t.Errorf("empty manifest = %s", b)
	}
	m := Manifest{
		Images: []Image{{Network: "x", Slot: "banner"}, {Network: "linkedin", Slot: "banner"}, {Network: "linkedin", Slot: "avatar"}},
		Shares: []Share{{Post: "b", Network: "x", Text: "<b> & é"}, {Post: "a", Network: "x"}},
	}
	b, _ = m.JSON()
	var got Manifest
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if got.Images[0].Slot != "avatar" || got.Images[2].Network != "x" || got.Shares[0].Post != "a" || got.Shares[1].Text != "<b> & é" {
		t.Errorf("manifest = %s", b)
	}
	if m.Images[0].Network != "x" {
		t.Error("JSON sorted the caller's slices in place")
	}
}

// reference is the manifest as encoding/json writes it, which JSON must
// write byte for byte.
func reference(t testing.TB, m *Manifest) []byte {
	t.Helper()
	out := Manifest{
		Images: sortedCopy(m.Images, func(a, b Image) int {
			return cmp.Or(cmp.Compare(a.Network, b.Network), cmp.Compare(a.Slot, b.Slot))
		}),
		Bios: sortedCopy(m.Bios, func(a, b Bio) int {
			return cmp.Or(cmp.Compare(a.Network, b.Network), cmp.Compare(a.Field, b.Field))
		}),
		Shares: sortedCopy(m.Shares, func(a, b Share) int {
			return cmp.Or(cmp.Compare(a.Post, b.Post), cmp.Compare(a.Network, b.Network))
		}),
		Files: sortedCopy(m.Files, func(a, b File) int { return cmp.Compare(a.Path, b.Path) }),
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func sortedCopy[T any](s []T, cmp func(a, b T) int) []T {
	out := append(make([]T, 0, len(s)), s...)
	slices.SortStableFunc(out, cmp)
	return out
}

// manifestWith returns a manifest with one entry of each kind, s in every
// string field and n in every number, and entries without their optional
// fields.
func manifestWith(s string, n int) *Manifest {
	return &Manifest{
		Images: []Image{{Network: s, Slot: s, Path: s, Width: n, Height: -n, Bytes: n, SHA256: s}, {Network: "x"}},
		Bios:   []Bio{{Network: s, Field: s, Text: s, Count: n, Limit: n, Unit: s}},
		Shares: []Share{
			{Post: s, Network: s, Text: s, Image: s, Width: n, Height: n, Bytes: n, SHA256: s, Count: n, Limit: n, Unit: s},
			{Post: s, Network: "y", Text: s, Count: n},
		},
		Files: []File{
			{Kind: s, Network: s, Path: s, URL: s, Type: s, Width: n, Height: n, Bytes: n, SHA256: s},
			{Kind: "links", Path: "z"},
		},
	}
}

// TestJSONAsEncodingJSON checks JSON against encoding/json on the strings
// JSON escapes, and on a manifest as large as a thousand posts make.
func TestJSONAsEncodingJSON(t *testing.T) {
	for _, s := range []string{
		"", "plain", `"quoted" \ back\slash /`, "<b> & é", "\b\f\n\r\t\x00\x01\x1f\x7f",
		"\u2028 \u2029 \u2027 \u202a", "bad \xff \xc3 \xe2\x80 utf-8 \xed\xa0\x80", "emoji 👩‍🎨 \U0010ffff",
		"narrow\u202fno-break\u00a0space « guillemets »",
	} {
		for _, n := range []int{0, 1, -7, 1 << 40} {
			m := manifestWith(s, n)
			got, err := m.JSON()
			if err != nil {
				t.Fatal(err)
			}
			if want := reference(t, m); !bytes.Equal(got, want) {
				t.Errorf("JSON with %q, %d:\n%s\nencoding/json:\n%s", s, n, got, want)
			}
		}
	}
	m := large()
	got, _ := m.JSON()
	if want := reference(t, m); !bytes.Equal(got, want) {
		t.Errorf("JSON of a large manifest differs from encoding/json's")
	}
}

// FuzzJSON checks JSON against encoding/json on any string and number.
func FuzzJSON(f *testing.F) {
	f.Add("<b> & \"é\"\n", 3)
	f.Add("\xff\u2028\x00", -1)
	f.Fuzz(func(t *testing.T, s string, n int) {
		m := manifestWith(s, n)
		got, err := m.JSON()
		if err != nil {
			t.Fatal(err)
		}
		if want := reference(t, m); !bytes.Equal(got, want) {
			t.Errorf("JSON with %q, %d:\n%s\nencoding/json:\n%s", s, n, got, want)
		}
	})
}

// large returns a manifest of the size a thousand posts make on six
// networks.
func large() *Manifest {
	m := &Manifest{}
	nets := []string{"bluesky", "github", "instagram", "linkedin", "mastodon", "x"}
	for _, n := range nets {
		m.Images = append(m.Images, Image{Network: n, Slot: "banner", Path: "kit/" + n + "/banner.png", Width: 1500, Height: 500, Bytes: 35000, SHA256: strings.Repeat("ab", 32)})
		m.Bios = append(m.Bios, Bio{Network: n, Field: "bio", Text: "Consultante en accessibilité numérique à Nantes.", Count: 48, Limit: 160, Unit: "strict"})
	}
	for i := range 1000 {
		post := fmt.Sprintf("post-%04d", i)
		for _, n := range nets {
			m.Shares = append(m.Shares, Share{
				Post: post, Network: n, Text: "Pourquoi les formulaires accessibles sont plus simples pour tout le monde\u202f? https://bench.example/posts/" + post + "/",
				Image: "kit/posts/" + post + "/" + n + ".png", Width: 1200, Height: 675, Bytes: 98765, SHA256: strings.Repeat("cd", 32),
				Count: 201, Limit: 280, Unit: "weighted",
			})
		}
	}
	return m
}

func BenchmarkJSON(b *testing.B) {
	m := large()
	for b.Loop() {
		if _, err := m.JSON(); err != nil {
			b.Fatal(err)
		}
	}
}
