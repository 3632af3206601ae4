package build

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/marque-kit/marque/internal/manifest"
)

// TestExampleBios requires every profile field of every network of the
// repository's example kit to have a text that fits.
func TestExampleBios(t *testing.T) {
	res, err := Bios(context.Background(), Options{Source: "../.."})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings.Items() {
		t.Errorf("%s", f)
	}
	networks := map[string]bool{}
	for _, b := range res.Bios {
		networks[b.Network] = true
		if !b.Fits || b.Text == "" {
			t.Errorf("%s %s does not fit: %d/%d %s", b.Network, b.Field, b.Count, b.Limit, b.Unit)
		}
	}
	if len(networks) != 6 {
		t.Errorf("bios for %d networks, want the example's 6", len(networks))
	}
}

// TestExampleCalendar checks the example kit keeps its biweekly cadence and
// schedules one post.
func TestExampleCalendar(t *testing.T) {
	res, err := Calendar(context.Background(), Options{Source: "../..", Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if res.Findings.Len() > 0 || len(res.Gaps) > 0 {
		t.Errorf("findings %v, gaps %v", res.Findings.Items(), res.Gaps)
	}
	if n := strings.Count(string(res.ICS), "BEGIN:VEVENT"); n != 1 {
		t.Errorf("%d events in the calendar, want 1", n)
	}
}

// TestShareFiles checks what the bios kit of testdata writes: a share text
// per post and network, with the post's absolute URL, listed in the
// manifest with its count.
func TestShareFiles(t *testing.T) {
	ar, err := txtar.ParseFile("testdata/kits/bios.txtar")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range ar.Files {
		if strings.HasPrefix(f.Name, "want/") {
			continue
		}
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := Check(context.Background(), Options{Source: dir, Today: today})
	if err != nil || res.Site == nil {
		t.Fatalf("check: %v, %v", err, res.Findings.Items())
	}
	x, ok := res.Site.Get("kit/posts/atelier/x.txt")
	if !ok || !strings.Contains(string(x), "\n\nhttps://zoe-laurent.fr/posts/atelier/\n\n#portrait #LumièreNaturelle\n") {
		t.Errorf("kit/posts/atelier/x.txt:\n%s", x)
	}
	ig, _ := res.Site.Get("kit/posts/atelier/instagram.txt")
	if strings.Contains(string(ig), "https://") || !strings.Contains(string(ig), "lien dans la bio") {
		t.Errorf("kit/posts/atelier/instagram.txt:\n%s", ig)
	}
	data, _ := res.Site.Get(manifest.Path)
	var m manifest.Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	if len(m.Bios) != 7 || len(m.Shares) != 6 {
		t.Errorf("%d bios and %d shares in the manifest, want 7 and 6", len(m.Bios), len(m.Shares))
	}
	for _, s := range m.Shares {
		if s.Count == 0 || s.Count > s.Limit || s.Unit == "" {
			t.Errorf("share %s/%s: count %d, limit %d %s", s.Post, s.Network, s.Count, s.Limit, s.Unit)
		}
		if got, _ := res.Site.Get("kit/posts/" + s.Post + "/" + s.Network + ".txt"); string(got) != s.Text+"\n" {
			t.Errorf("share %s/%s: the file and the manifest differ", s.Post, s.Network)
		}
	}
	if !res.Site.Has(ICSPath) {
		t.Errorf("no %s", ICSPath)
	}
}
