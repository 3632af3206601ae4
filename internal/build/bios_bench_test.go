package build

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/marque-kit/marque/internal/diag"
	"github.com/marque-kit/marque/internal/network"
)

// BenchmarkShareTexts times the share texts of a kit of 1,000 posts, each
// shared on every network (the 7 of the 12 that take a share text write
// one), loaded as a build loads them.
func BenchmarkShareTexts(b *testing.B) {
	dir := b.TempDir()
	var nets []string
	for _, n := range network.All {
		nets = append(nets, fmt.Sprintf("%q", n.Name))
	}
	files := map[string]string{
		"brand.toml": "[person]\nname = \"Camille Martin\"\nrole = \"Consultante\"\nlanguage = \"fr\"\nsite_url = \"https://camille-martin.fr\"\n",
	}
	words := strings.Fields("une identité claire se reconnaît partout de la vitrine à la photo de profil chaque projet commence par une conversation sur votre métier et vos clients")
	for i := range 1000 {
		var title, summary []string
		for j := range 4 + i%9 {
			title = append(title, words[(i+j)%len(words)])
		}
		for j := range 20 + i%60 {
			summary = append(summary, words[(i*7+j)%len(words)])
		}
		files[fmt.Sprintf("content/posts/p%04d.md", i)] = fmt.Sprintf("+++\ntitle = %q\ndate = 2026-01-%02d\nsummary = %q\ntags = [\"identité\", \"sujet %d\"]\nnetworks = [%s]\n+++\nTexte.\n",
			strings.Join(title, " "), 1+i%28, strings.Join(summary, " ")+".", i%40, strings.Join(nets, ", "))
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	var l diag.List
	k, err := load(context.Background(), os.DirFS(dir), Options{Source: dir, Today: today}, &l)
	if err != nil || k == nil {
		b.Fatalf("load: %v %v", err, l.Items())
	}
	b.ResetTimer()
	for b.Loop() {
		shares, err := shareTexts(context.Background(), k)
		if err != nil {
			b.Fatal(err)
		}
		if n := len(shares) * len(shares[0]); n != 7000 {
			b.Fatalf("%d share texts, want 7000", n)
		}
	}
}
