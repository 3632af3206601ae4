package voice

import (
	"slices"
	"strconv"

	"github.com/marque-kit/marque/internal/brand"
	"github.com/marque-kit/marque/internal/diag"
	"github.com/marque-kit/marque/internal/markdown"
	"github.com/marque-kit/marque/internal/post"
)

// PostDoc returns the prose of post p, whose body rendered to md: its
// title, summary and cover text from the front matter, then its body.
func PostDoc(p *post.Post, md *markdown.Doc) *Doc {
	d := &Doc{File: p.File, Whole: true}
	for _, v := range []struct {
		key, value string
		role       Role
	}{
		{"title", p.Title, Title},
		{"summary", p.Summary, Summary},
		{"cover_alt", p.CoverAlt, Alt},
	} {
		if v.value != "" {
			d.Segments = append(d.Segments, valueSegment(p.File, p.ValuePos(v.key), v.value, v.role))
		}
	}
	if p.Cover != "" {
		d.Addresses = append(d.Addresses, Address{Offset: offsetOf(p.File.Src, p.ValuePos("cover")), Text: p.Cover})
	}
	d.addBody(md, p.BodyOffset)
	return d
}

// PageDoc returns the prose of a page such as About: the body of file,
// which starts at bodyOffset and rendered to md.
func PageDoc(file *diag.File, bodyOffset int, md *markdown.Doc) *Doc {
	d := &Doc{File: file, Whole: true}
	d.addBody(md, bodyOffset)
	return d
}

func (d *Doc) addBody(md *markdown.Doc, bodyOffset int) {
	// The body's segments and their spans in one allocation each, rather
	// than two for each block: a post has a hundred blocks or so.
	n := 0
	for _, p := range md.Prose {
		n += len(p.Spans)
	}
	segs := make([]Segment, len(md.Prose))
	spans := make([]markdown.Span, 0, n)
	d.Segments = slices.Grow(d.Segments, len(segs))
	for i, p := range md.Prose {
		spans = segmentFromProse(&segs[i], p, bodyOffset, spans)
		d.Segments = append(d.Segments, &segs[i])
	}
	for _, img := range md.Images {
		d.Images = append(d.Images, Image{Offset: bodyOffset + img.Offset, Dest: img.Dest, Alt: img.Text})
		d.Addresses = append(d.Addresses, Address{Offset: bodyOffset + img.Offset, Text: img.Dest})
	}
	for _, l := range md.Links {
		d.Addresses = append(d.Addresses, Address{Offset: bodyOffset + l.Offset, Text: l.Dest})
	}
	for _, r := range md.RawHTML {
		d.RawHTML = append(d.RawHTML, markdown.Range{Start: bodyOffset + r.Start, End: bodyOffset + r.End})
	}
}

// ProfileDoc returns the prose fields of profile p, each a segment at its
// place in brand.toml: the role and tagline, the brief, the bios, and each
// network's goal and bio.
func ProfileDoc(p *brand.Profile) *Doc {
	d := &Doc{File: p.File}
	add := func(path, value string, role Role) {
		if value != "" {
			d.Segments = append(d.Segments, valueSegment(p.File, p.ValuePos(path), value, role))
		}
	}
	add("person.role", p.Person.Role, Field)
	add("person.tagline", p.Person.Tagline, Field)
	add("strategy.audience", p.Strategy.Audience, Field)
	add("strategy.message", p.Strategy.Message, Field)
	for i, o := range p.Strategy.Objectives {
		add("strategy.objectives."+strconv.Itoa(i), o, Field)
	}
	for i, b := range p.Bio.Candidates {
		add("bio.candidates."+strconv.Itoa(i), b, Bio)
	}
	for _, n := range p.Networks {
		add("networks."+n.Name+".goal", n.Goal, Field)
		add("networks."+n.Name+".bio", n.Bio, Bio)
	}
	return d
}
