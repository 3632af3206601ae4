package voice

import (
	"github.com/marque-kit/marque/internal/diag"
)

// Report collects what the rules find in one doc.
type Report struct {
	doc    *Doc
	res    *Result
	groups int // fix groups given out
}

// Add reports a finding of rule at the text offset at of segment s.
func (r *Report) Add(s *Segment, at int, rule, format string, args ...any) *diag.Finding {
	return r.AddAt(s.offset(at), rule, format, args...)
}

// AddAt reports a finding of rule at the byte offset off of the doc's file.
func (r *Report) AddAt(off int, rule, format string, args ...any) *diag.Finding {
	return r.res.Findings.Add(r.doc.File.Pos(off), rule, format, args...)
}

// Fix proposes to replace the text [a, b) of segment s with repl, as the
// fix of finding f, described by desc. It does nothing when that text was
// not typed as it reads (an escape, an entity, markup in between): a fix
// only ever rewrites prose characters, never code, URLs or markup.
func (r *Report) Fix(s *Segment, f *diag.Finding, a, b int, repl, desc string) {
	r.FixAll(s, f, []edit{{a, b, repl}}, desc)
}

// edit replaces the text [a, b) of a segment with repl.
type edit struct {
	a, b int
	repl string
}

// FixAll proposes edits that make one fix of finding f: all of them are
// made, or none (the two marks of a quotation).
func (r *Report) FixAll(s *Segment, f *diag.Finding, edits []edit, desc string) {
	fixes := len(r.res.Fixes) // the fixes from here are this one's
	src := r.doc.File.Src
	group := 0
	if len(edits) > 1 {
		r.groups++
		group = r.groups
	}
	for _, e := range edits {
		start, end, ok := s.literal(e.a, e.b)
		if !ok {
			r.res.Fixes = r.res.Fixes[:fixes] // all of them, or none
			return
		}
		r.res.Fixes = append(r.res.Fixes, Fix{
			File:  r.doc.File.Name,
			Start: start,
			End:   end,
			Old:   string(src[start:end]),
			New:   e.repl,
			Rule:  f.Rule,
			Pos:   f.Pos,
			Desc:  desc,
			Group: group,
		})
	}
}
