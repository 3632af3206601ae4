package diag

import (
	"cmp"
	"fmt"
	"slices"
)

// Severity says how much a finding matters. The zero value is Off.
type Severity int

// Severities, from least to most severe.
const (
	Off Severity = iota
	Info
	Warning
	Error
)

var severityNames = [...]string{"off", "info", "warning", "error"}

func (s Severity) String() string {
	if s < Off || s > Error {
		return fmt.Sprintf("severity(%d)", int(s))
	}
	return severityNames[s]
}

// ParseSeverity parses "error", "warning", "info" or "off".
func ParseSeverity(s string) (Severity, bool) {
	for i, n := range severityNames {
		if n == s {
			return Severity(i), true
		}
	}
	return Off, false
}

// Pos is a printed position: a kit-relative file name with a 1-based line and
// column (in code points). A zero Line means the finding concerns the whole
// file; an empty File, the whole kit.
type Pos struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
}

func (p Pos) String() string {
	switch {
	case p.File == "":
		return "marque"
	case p.Line == 0:
		return p.File
	case p.Column == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Column)
}

// Finding is one problem in the kit.
type Finding struct {
	Pos
	Severity   Severity
	Rule       string // stable id, such as "voice.banned"
	Message    string
	Suggestion string // a fix, when one is known
}

func (f Finding) String() string {
	s := fmt.Sprintf("%s: %s %s: %s", f.Pos, f.Severity, f.Rule, f.Message)
	if f.Suggestion != "" {
		s += " (" + f.Suggestion + ")"
	}
	return s
}

// List collects findings. Its zero value is ready to use. It is not safe for
// concurrent use: stages that work in parallel collect into their own lists
// and merge them with Append, in an order that does not depend on scheduling.
type List struct {
	items []Finding
}

// Add appends a finding with the rule's default severity and returns it, so
// that the caller may add a suggestion. The pointer is valid until the next
// change to the list.
func (l *List) Add(p Pos, rule, format string, args ...any) *Finding {
	msg := fmt.Sprintf(format, args...)
	l.items = append(l.items, Finding{Pos: p, Severity: DefaultSeverity(rule), Rule: rule, Message: msg})
	return &l.items[len(l.items)-1]
}

// Append adds every finding of other.
func (l *List) Append(other List) { l.items = append(l.items, other.items...) }

// Items returns the findings in the order they were added.
func (l *List) Items() []Finding { return l.items }

// Len returns the number of findings.
func (l *List) Len() int { return len(l.items) }

// Sort orders the findings by file, line, column, rule and message, and drops
// exact duplicates, so that output does not depend on the order of discovery.
func (l *List) Sort() {
	slices.SortStableFunc(l.items, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Column, b.Column),
			cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.Message, b.Message),
		)
	})
	l.items = slices.Compact(l.items)
}

// Apply sets each finding's severity from overrides (rule id to severity),
// turns warnings into errors when strict is set, and drops findings whose
// severity is Off. Syntax errors cannot be lowered: a file that does not
// parse stays unusable whatever the kit says.
func (l *List) Apply(overrides map[string]Severity, strict bool) {
	out := l.items[:0]
	for _, f := range l.items {
		if s, ok := overrides[f.Rule]; ok && !IsSyntax(f.Rule) {
			f.Severity = s
		}
		if strict && f.Severity == Warning {
			f.Severity = Error
		}
		if f.Severity != Off {
			out = append(out, f)
		}
	}
	l.items = out
}

// Count returns how many findings have severity s.
func (l *List) Count(s Severity) int {
	n := 0
	for _, f := range l.items {
		if f.Severity == s {
			n++
		}
	}
	return n
}

// HasErrors reports whether any finding is an error.
func (l *List) HasErrors() bool { return l.Count(Error) > 0 }

// Unusable reports whether some input could not be read at all (a file that
// does not parse, a missing file): the kit cannot be built, exit status 2.
func (l *List) Unusable() bool {
	for _, f := range l.items {
		if f.Severity == Error && IsSyntax(f.Rule) {
			return true
		}
	}
	return false
}

// Keep drops every finding that is not in one of files (kit-relative paths).
func (l *List) Keep(files []string) {
	l.items = slices.DeleteFunc(l.items, func(f Finding) bool { return !slices.Contains(files, f.File) })
}
