package manifest

import (
	"encoding/json"
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
