package build

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"slices"
	"strings"

	"github.com/marque-kit/marque/internal/bio"
	"github.com/marque-kit/marque/internal/brand"
	"github.com/marque-kit/marque/internal/calendar"
	"github.com/marque-kit/marque/internal/diag"
	"github.com/marque-kit/marque/internal/manifest"
	"github.com/marque-kit/marque/internal/network"
	"github.com/marque-kit/marque/internal/output"
	"github.com/marque-kit/marque/internal/parallel"
	"github.com/marque-kit/marque/internal/post"
	"github.com/marque-kit/marque/internal/strategy"
)

// ICSPath is where the build writes the calendar of scheduled posts.
const ICSPath = "calendar.ics"

// addBios adds the person's texts to the kit: the text of every profile
// field of every configured network (the manifest's bios), and each post's
// share text for each network it is shared on (kit/posts/SLUG/NETWORK.txt
// and the manifest's shares, whose images are attached after). It also
// checks the brief and the networks' goals, compares the posts with the
// cadence, and writes calendar.ics.
func addBios(ctx context.Context, k *kit, site *output.Tree, m *manifest.Manifest, l *diag.List) error {
	for _, c := range bio.Fit(k.profile, l) {
		if c.Fits() {
			m.Bios = append(m.Bios, manifestBio(c))
		}
	}

	shares, err := shareTexts(ctx, k)
	if err != nil {
		return err
	}
	for i, p := range k.posts {
		for _, s := range shares[i] {
			if !s.Fits() {
				// Only a link longer than the network's whole limit gets here.
				l.Add(p.Pos("title"), "bio.length", "no share text of this post fits %s's limit of %d (%s): its link alone is too long",
					s.Network.Label, s.Limit.Max, s.Limit.Unit)
				continue
			}
			name := "kit/posts/" + p.Slug + "/" + s.Network.Name + ".txt"
			if err := site.Add(name, []byte(s.Text+"\n")); err != nil {
				return err
			}
			m.Shares = append(m.Shares, manifest.Share{
				Post: p.Slug, Network: s.Network.Name, Text: s.Text,
				Count: s.Count, Limit: s.Limit.Max, Unit: string(s.Limit.Unit),
			})
		}
	}

	strategy.Check(k.profile, strategy.Kit{PublishesImages: publishesImages(k)}, l)

	entries := calendarEntries(k.profile, k.base, k.every)
	calendar.Plan(k.profile.Calendar.Cadence, entries, k.today).Check(k.profile.ValuePos("calendar.cadence"), l)
	if ics := calendar.ICS(calendarName(k.profile), calendarHost(k.profile, k.base), calendar.Scheduled(entries, k.today)); ics != nil {
		return site.Add(ICSPath, ics)
	}
	return nil
}

func manifestBio(c bio.Choice) manifest.Bio {
	return manifest.Bio{
		Network: c.Network.Name, Field: c.Field.Name, Text: c.Text,
		Count: c.Count, Limit: c.Limit.Max, Unit: string(c.Limit.Unit),
	}
}

// shareTexts writes the share texts of every post, in parallel, each
// post's in the order of sharedOn: shares[i] are the texts of k.posts[i].
func shareTexts(ctx context.Context, k *kit) ([][]bio.Share, error) {
	shares := make([][]bio.Share, len(k.posts))
	lang := k.profile.Person.Language
	configured := k.profile.Networks
	err := parallel.For(ctx, len(k.posts), func(_ context.Context, i int) error {
		p := k.posts[i]
		bp := bio.Post{Title: p.Title, Summary: p.summary, URL: postURL(k.base, p.Slug), Tags: p.Tags}
		shares[i] = k.cache.shareTexts(lang, bp, sharedOn(p.Post, configured))
		return nil
	})
	return shares, err
}

// sharedOn returns the networks a post is shared on that take a share
// text: those its front matter lists, or every configured one.
func sharedOn(p *post.Post, configured []brand.Network) []network.Network {
	names := p.Networks
	if names == nil {
		for _, c := range configured {
			names = append(names, c.Name)
		}
	}
	var out []network.Network
	for _, name := range names {
		if n, ok := network.Lookup(name); ok && n.Share != nil && !slices.ContainsFunc(out, func(o network.Network) bool { return o.Name == name }) {
			out = append(out, n)
		}
	}
	return out
}

// postURL is the absolute URL of a post's page.
func postURL(base *url.URL, slug string) string {
	return strings.TrimSuffix(base.String(), "/") + "/posts/" + url.PathEscape(slug) + "/"
}

// publishesImages reports whether some post shows an image: a cover or
// one in its body.
func publishesImages(k *kit) bool {
	return slices.ContainsFunc(k.posts, func(p *postDoc) bool {
		return p.Cover != "" || p.doc != nil && len(p.doc.Images) > 0
	})
}

// calendarEntries returns the posts that are on the calendar: every post
// but the drafts.
func calendarEntries(p *brand.Profile, base *url.URL, posts []*post.Post) []calendar.Entry {
	var out []calendar.Entry
	for _, ps := range posts {
		if ps.Draft {
			continue
		}
		out = append(out, calendar.Entry{
			Slug: ps.Slug, Title: ps.Title, Summary: ps.Summary, URL: postURL(base, ps.Slug),
			Date: ps.Date, Updated: ps.Updated,
		})
	}
	return out
}

// calendarName names the calendar in the person's language.
func calendarName(p *brand.Profile) string {
	if p.Person.Language == "fr" {
		return p.Person.Name + " — publications"
	}
	return p.Person.Name + " — posts"
}

// calendarHost is the host of the events' UIDs: the site's own, even in a
// preview or with --base-url, so that an event keeps its UID.
func calendarHost(p *brand.Profile, base *url.URL) string {
	if p.Person.SiteURL != nil {
		return p.Person.SiteURL.Host
	}
	return base.Host
}

// FieldBio is the text of one profile field, as `marque bios` shows it:
// the manifest's entry, with what tells whether it fits.
type FieldBio struct {
	manifest.Bio
	Label string `json:"-"` // the network as it writes its name
	Min   int    `json:"-"` // the least the field takes, 0 for no minimum
	Bytes int    `json:"-"` // the text's UTF-8 length
	Cap   int    `json:"-"` // the field's byte cap, 0 for none
	Fits  bool   `json:"-"`
}

// BioReport is what Bios found: the text of every profile field, and the
// findings of the profile.
type BioReport struct {
	Findings diag.List
	Bios     []FieldBio
	Networks []string // the networks brand.toml configures, in its order
}

// Bios loads the kit's profile and chooses the text of every profile field
// of every configured network, without rendering anything. Its findings
// are the profile's and the fields' (bio.length), with [rules] applied.
func Bios(ctx context.Context, opts Options) (*BioReport, error) {
	root, err := os.OpenRoot(opts.Source)
	if err != nil {
		return nil, fmt.Errorf("open kit: %w", err)
	}
	defer root.Close()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	p, l := brand.Load(root.FS())
	r := &BioReport{Findings: l}
	if p == nil {
		return r, nil
	}
	for _, n := range p.Networks {
		r.Networks = append(r.Networks, n.Name)
	}
	for _, c := range bio.Fit(p, &r.Findings) {
		r.Bios = append(r.Bios, FieldBio{
			Bio: manifestBio(c), Label: c.Network.Label, Min: c.Limit.Min,
			Bytes: c.Result.Bytes, Cap: c.Limit.Bytes, Fits: c.Fits(),
		})
	}
	r.Findings.Apply(p.Rules, opts.Strict)
	r.Findings.Sort()
	return r, nil
}

// CalendarReport is what Calendar found: the posts per period against the
// cadence, the calendar file of the scheduled posts, and the findings.
type CalendarReport struct {
	*calendar.Report
	Findings diag.List
	ICS      []byte // nil without a scheduled post
}

// Calendar loads the kit's profile and posts' front matter, without
// rendering anything, and compares the posts with the cadence as of
// opts.Today.
func Calendar(ctx context.Context, opts Options) (*CalendarReport, error) {
	root, err := os.OpenRoot(opts.Source)
	if err != nil {
		return nil, fmt.Errorf("open kit: %w", err)
	}
	defer root.Close()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	p, l := brand.Load(root.FS())
	posts, cl := post.Load(root.FS())
	l.Append(cl)
	r := &CalendarReport{Findings: l, Report: &calendar.Report{Cadence: calendar.Off, Today: opts.Today}}
	if p == nil || p.Person.SiteURL == nil {
		r.Findings.Sort()
		return r, nil
	}
	base := p.Person.SiteURL
	if opts.BaseURL != "" {
		if u, err := url.Parse(opts.BaseURL); err == nil {
			base = u
		}
	}
	entries := calendarEntries(p, base, posts)
	r.Report = calendar.Plan(p.Calendar.Cadence, entries, opts.Today)
	r.Report.Check(p.ValuePos("calendar.cadence"), &r.Findings)
	r.ICS = calendar.ICS(calendarName(p), calendarHost(p, base), calendar.Scheduled(entries, opts.Today))
	r.Findings.Apply(p.Rules, opts.Strict)
	r.Findings.Sort()
	return r, nil
}
