package render

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/marque-kit/marque/internal/output"
	"github.com/marque-kit/marque/internal/post"
)

const isoDate = "2006-01-02"

// index builds the views of the posts and the tags they use.
func (r *renderer) index() {
	bySlug := map[string]*tagView{}
	for _, p := range r.in.Posts {
		v := r.view(p)
		r.tag(v, bySlug)
		r.posts = append(r.posts, v)
	}
	slices.SortFunc(r.tags, func(a, b *tagView) int { return strings.Compare(a.Slug, b.Slug) })
	for _, t := range r.tags {
		t.Count = r.site.T.PostCount(len(t.posts))
	}
	r.site.hasTags = len(r.tags) > 0
	if len(r.posts) > 0 {
		r.site.FeedURL = r.site.URL("feed.xml")
	}
}

// view returns the post as the pages show it, tags aside.
func (r *renderer) view(p *Post) *postView {
	s := r.site
	v := &postView{
		URL:         s.URL("posts/" + url.PathEscape(p.Slug) + "/"),
		Title:       s.typo(p.Title),
		Summary:     s.typo(p.Summary),
		DateISO:     p.Date.Format(isoDate),
		DateText:    s.T.Date(p.Date),
		ReadingTime: s.T.ReadingTime(p.Words),
		HTML:        p.HTML,
		src:         p,
		dir:         "posts/" + p.Slug + "/",
	}
	if p.Updated.After(p.Date) {
		v.UpdatedISO = p.Updated.Format(isoDate)
		v.UpdatedText = s.T.Date(p.Updated)
	}
	if p.Cover != nil {
		img := *p.Cover
		if img.Alt == "" {
			img.Alt = p.CoverAlt
		}
		img.Alt = s.typo(img.Alt)
		v.Cover = &img
	}
	if r.in.Drafts {
		switch {
		case p.Draft:
			v.Badge = s.T.Draft
		case p.Scheduled:
			v.Badge = s.T.Scheduled
		}
	}
	return v
}

// tag files the post v under each of its tags, creating the tags met for
// the first time, and lists them on v.
func (r *renderer) tag(v *postView, bySlug map[string]*tagView) {
	s := r.site
	seen := map[string]bool{}
	for _, name := range v.src.Tags {
		slug := post.Slugify(name)
		if slug == "" || output.CheckName("tags/"+slug+"/index.html") != nil {
			v.Tags = append(v.Tags, tagLink{Name: s.typo(name)}) // shown, with no page to link to
			continue
		}
		if seen[slug] {
			continue
		}
		seen[slug] = true
		t := bySlug[slug]
		if t == nil {
			// Tags that differ only in case or accents share a page,
			// named as the newest post that uses it writes it.
			t = &tagView{Name: s.typo(name), Slug: slug, URL: s.URL("tags/" + url.PathEscape(slug) + "/")}
			bySlug[slug] = t
			r.tags = append(r.tags, t)
		}
		t.posts = append(t.posts, v)
		v.Tags = append(v.Tags, tagLink{Name: t.Name, URL: t.URL, slug: slug})
	}
}

func (r *renderer) noIndex(posts []*postView) bool {
	return slices.ContainsFunc(posts, func(p *postView) bool { return p.Badge != "" })
}

func (r *renderer) home() error {
	s := r.site
	title := s.Name
	if s.Role != "" {
		// The home page is the person's: their name first.
		title += " · " + s.Role
	}
	p := &page{
		Title:       title,
		Heading:     s.Name,
		Description: firstOf(s.Tagline, s.Message, s.Role),
		OG:          openGraph{Type: "profile"},
		lastMod:     newest(r.posts),
	}
	p.JSONLD = r.personJSON()
	if len(r.posts) > 0 {
		latest := r.posts[:min(latestOnHome, len(r.posts))]
		p.List = &postList{Posts: latest, Level: 3}
		p.NoIndex = r.noIndex(latest)
	}
	return r.write("home", "", p)
}

func (r *renderer) about() error {
	s := r.site
	p := &page{
		Heading:     s.T.About,
		Description: firstOf(s.Tagline, s.Message, s.Role),
		OG:          openGraph{Type: "profile"},
	}
	if a := r.in.About; a != nil {
		if a.Title != "" {
			p.Heading = s.typo(a.Title)
		}
		if a.Summary != "" {
			p.Description = s.typo(a.Summary)
		}
		p.About = a.HTML
	}
	p.Title = s.title(p.Heading)
	p.JSONLD = r.personJSON()
	return r.write("about", "about/", p)
}

func (r *renderer) postsList() error {
	s := r.site
	pages := max(1, (len(r.posts)+PostsPerPage-1)/PostsPerPage)
	dir := func(n int) string {
		if n == 1 {
			return "posts/"
		}
		return fmt.Sprintf("posts/page/%d/", n)
	}
	for n := 1; n <= pages; n++ {
		chunk := r.posts[min((n-1)*PostsPerPage, len(r.posts)):min(n*PostsPerPage, len(r.posts))]
		p := &page{
			Heading:     s.T.Posts,
			Title:       s.title(s.T.Posts),
			Description: firstOf(s.Tagline, s.Role),
			lastMod:     newest(chunk),
			NoIndex:     r.noIndex(chunk),
		}
		if len(chunk) > 0 {
			p.List = &postList{Posts: chunk, Level: 2}
		}
		if pages > 1 {
			pg := &pager{
				Label: s.T.Pagination, Where: s.T.Page(n, pages),
				NewerLabel: s.T.Newer, OlderLabel: s.T.Older,
			}
			if n > 1 {
				pg.Newer = s.URL(dir(n - 1))
				p.Title = s.title(s.T.Posts + " – " + pg.Where)
			}
			if n < pages {
				pg.Older = s.URL(dir(n + 1))
			}
			p.Pager = pg
		}
		if err := r.write("posts", dir(n), p); err != nil {
			return err
		}
	}
	return nil
}

func (r *renderer) postPages() error {
	s := r.site
	for i, v := range r.posts {
		p := &page{
			Title:       s.title(v.Title),
			Heading:     v.Title,
			Description: v.Summary,
			Post:        v,
			NoIndex:     v.Badge != "",
			lastMod:     v.src.modified(),
			OG: openGraph{
				Type:      "article",
				Published: v.src.Date.Format(time.RFC3339),
				Modified:  v.src.modified().Format(time.RFC3339),
			},
		}
		for _, t := range v.Tags {
			p.OG.Tags = append(p.OG.Tags, t.Name)
		}
		if i+1 < len(r.posts) {
			p.Prev = r.posts[i+1]
		}
		if i > 0 {
			p.Next = r.posts[i-1]
		}
		if c := v.src.Card; c != nil {
			p.OG.Image = &ogImage{URL: s.absolute(c.URL), Width: c.Width, Height: c.Height, Alt: v.Title}
		}
		p.JSONLD = r.postingJSON(v)
		if err := r.write("post", v.dir, p); err != nil {
			return err
		}
	}
	return nil
}

func (r *renderer) tagPages() error {
	if len(r.tags) == 0 {
		return nil
	}
	s := r.site
	index := &page{
		Heading:     s.T.Tags,
		Title:       s.title(s.T.Tags),
		Description: firstOf(s.Tagline, s.Role),
		Tags:        r.tags,
		lastMod:     newest(r.posts),
	}
	if err := r.write("tags", "tags/", index); err != nil {
		return err
	}
	for _, t := range r.tags {
		heading := s.T.Tagged(t.Name)
		p := &page{
			Heading:     heading,
			Title:       s.title(heading),
			Description: firstOf(s.Tagline, s.Role),
			Tag:         t,
			List:        &postList{Posts: t.posts, Level: 2},
			NoIndex:     r.noIndex(t.posts),
			lastMod:     newest(t.posts),
		}
		if err := r.write("tag", "tags/"+t.Slug+"/", p); err != nil {
			return err
		}
	}
	return nil
}

func (r *renderer) notFound() error {
	s := r.site
	return r.write("404", "", &page{
		Heading:     s.T.NotFound,
		Title:       s.title(s.T.NotFound),
		Description: s.T.NotFoundText,
		NoIndex:     true,
	})
}

func firstOf(texts ...string) string {
	for _, t := range texts {
		if t != "" {
			return t
		}
	}
	return ""
}
