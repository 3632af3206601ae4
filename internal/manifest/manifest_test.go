package manifest

import (
	"encoding/json"
	"fmt"
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
