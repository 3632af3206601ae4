package voice

import "strings"

// alt is identity.alt: an image of a body without alternative text, which
// those who cannot see it, and search engines, read in its place.
type alt struct{}

func (alt) ID() string { return "identity.alt" }

func (alt) Check(*Segment, *Report) {}

func (a alt) Done(r *Report) {
	for _, img := range r.doc.Images {
		if strings.TrimSpace(img.Alt) == "" {
			f := r.AddAt(img.Offset, a.ID(), "image %q has no alternative text", img.Dest)
			f.Suggestion = "describe it between the brackets: ![what it shows](" + img.Dest + ")"
		}
	}
}
