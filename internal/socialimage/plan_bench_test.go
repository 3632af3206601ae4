package socialimage

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/marque-kit/marque/internal/diag"
)

// benchPosts returns n posts whose titles mix French and English the way
// a blog's do: a few templates over a few topics, so that the same words
// come back at the same sizes, as they do across a real kit's cards.
func benchPosts(n int) []Post {
	fr := []string{
		"Ce que l’audit m’a appris sur %s", "Trois questions à poser sur %s", "Ma méthode pour %s",
		"Revoir %s sans tout reprendre", "Pourquoi je commence par %s", "Une liste de contrôle pour %s",
	}
	frTopics := []string{"les formulaires", "les contrastes de couleur", "les sous-titres des vidéos",
		"les messages d’erreur", "les tunnels de paiement", "les fenêtres modales", "les tableaux de données"}
	en := []string{
		"What an audit taught me about %s", "Fixing %s without starting over", "Why I start with %s",
		"A short checklist for %s", "Plain advice on %s",
	}
	enTopics := []string{"page titles", "cookie banners", "search pages", "checkout flows", "modal dialogs", "data tables"}
	ends := []string{"", "", " dans une mairie", " pour une PME", " avec une petite équipe", " sur un site de réservation", " en 2025"}
	enEnds := []string{"", "", " in a town hall", " for a small business", " on a booking site", " with a small team", " in 2025"}
	posts := make([]Post, n)
	day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range posts {
		var title string
		if i%3 == 2 {
			title = fmt.Sprintf(en[i%len(en)], enTopics[i/3%len(enTopics)]) + enEnds[i/7%len(enEnds)]
		} else {
			title = fmt.Sprintf(fr[i%len(fr)], frTopics[i/2%len(frTopics)]) + ends[i/5%len(ends)]
		}
		if i%17 == 0 {
			// Now and then a title too long for any card, which the fit
			// shrinks to its smallest scale and then cuts.
			title += " : une méthode en cinq étapes pour les équipes qui n’ont ni le temps ni le budget d’un audit complet"
		}
		slug := fmt.Sprintf("post-%04d", i)
		posts[i] = Post{
			Slug: slug, Title: title, Date: day.AddDate(0, 0, 7*i),
			TitlePos: diag.Pos{File: "content/posts/" + slug + ".md", Line: 2, Column: 9},
		}
		if i%4 == 0 {
			posts[i].Cover = "assets/post.jpg"
			posts[i].Networks = []string{"linkedin", "x"}
		}
	}
	return posts
}

// benchInput returns the test kit in card style solid with n posts.
func benchInput(b testing.TB, n int) *Input {
	var l diag.List
	in := testInput(b, kitFS(b, "solid"), &l)
	in.Posts = benchPosts(n)
	return in
}

// BenchmarkPlan plans a kit of 100 posts without a memo: every card of
// every post on every network, each title wrapped and fitted. It is what
// a build spends on the plan, as the images' cache holds pixels, not
// plans.
func BenchmarkPlan(b *testing.B) {
	in := benchInput(b, 100)
	b.ReportAllocs()
	for b.Loop() {
		var l diag.List
		plan := New(in, &l)
		if len(plan.Images) < 100 {
			b.Fatalf("%d images planned", len(plan.Images))
		}
	}
}

// BenchmarkKey computes the cache key of every image of a 100-post plan,
// as a warm build does before it reads each image from the cache.
func BenchmarkKey(b *testing.B) {
	in := benchInput(b, 100)
	var l diag.List
	plan := New(in, &l)
	sums := map[string]string{}
	for src := range in.Sizes {
		sums[src] = strings.Repeat("ab", 32)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, img := range plan.Images {
			if _, err := Key(img, in.Fonts, sums, "v1"); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(len(plan.Images)), "images/op")
}
