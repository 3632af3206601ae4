package bio

import (
	"fmt"
	"strings"
	"testing"

	"github.com/marque-kit/marque/internal/network"
)

// benchPosts returns n posts of varied lengths, as a kit of n posts has.
func benchPosts(n int) []Post {
	words := strings.Fields("une identité claire se reconnaît partout de la vitrine à la photo de profil chaque projet commence par une conversation sur votre métier et vos clients")
	posts := make([]Post, n)
	for i := range posts {
		var title, summary []string
		for j := 0; j < 4+i%9; j++ {
			title = append(title, words[(i+j)%len(words)])
		}
		for j := 0; j < 20+i%60; j++ {
			summary = append(summary, words[(i*7+j)%len(words)])
		}
		posts[i] = Post{
			Title:   strings.Join(title, " "),
			Summary: strings.Join(summary, " ") + ".",
			URL:     fmt.Sprintf("https://consultant.fr/posts/article-%d/", i),
			Tags:    []string{"identité", "méthode visuelle", fmt.Sprintf("sujet %d", i%40)},
		}
	}
	return posts
}

// BenchmarkShareTexts writes the share texts of 1,000 posts shared on all
// 13 networks (the 7 that take a share text write one each).
func BenchmarkShareTexts(b *testing.B) {
	posts := benchPosts(1000)
	var nets []network.Network
	for _, n := range network.All {
		if n.Share != nil {
			nets = append(nets, n)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range posts {
			ShareTexts("fr", p, nets)
		}
	}
}
