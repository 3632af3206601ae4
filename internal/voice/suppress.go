package voice

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/marque-kit/marque/internal/diag"
)

// Suppression is a stretch of a file where a rule (or every rule, when
// Rule is "") is silenced by a comment: from the end of
// <!-- marque:disable RULE --> to the start of <!-- marque:enable RULE -->,
// or to the end of the file.
type Suppression struct {
	File     string
	From, To diag.Pos
	Rule     string
}

// suppressionRule is the rule of findings about the comments themselves.
const suppressionRule = "content.suppression"

var commentPattern = regexp.MustCompile(`(?s)<!--\s*marque:([A-Za-z-]*)(.*?)-->`)

// suppressions reads the marque: comments in d's raw HTML, reporting those
// it cannot follow: an unknown directive or rule id (with a "did you
// mean"), an enable with nothing to enable, a disable never closed.
func suppressions(d *Doc, l *diag.List) []Suppression {
	type open struct {
		at  diag.Pos // where the silence starts
		pos diag.Pos // the comment's position, for findings
	}
	opened := map[string]open{} // by rule; "" is every rule
	var order []string          // rules in the order they were disabled
	var out []Suppression
	ids := diag.RuleIDs()
	file := d.File
	for _, r := range d.RawHTML {
		raw := file.Src[r.Start:min(r.End, len(file.Src))]
		for _, m := range commentPattern.FindAllSubmatchIndex(raw, -1) {
			start, end := r.Start+m[0], r.Start+m[1]
			pos := file.Pos(start)
			directive := string(raw[m[2]:m[3]])
			if directive != "disable" && directive != "enable" {
				f := l.Add(pos, suppressionRule, "unknown comment marque:%s: marque reads marque:disable and marque:enable", directive)
				if near := diag.DidYouMean(directive, []string{"disable", "enable"}); near != "" {
					f.Suggestion = fmt.Sprintf("did you mean %q?", "marque:"+near)
				}
				continue
			}
			rules := strings.FieldsFunc(string(raw[m[4]:m[5]]), func(c rune) bool { return c == ',' || c == ' ' || c == '\t' || c == '\n' || c == '\r' })
			if len(rules) == 0 {
				rules = []string{""}
			}
			for _, rule := range rules {
				if rule != "" && !slices.Contains(ids, rule) {
					f := l.Add(pos, suppressionRule, "unknown rule %q in marque:%s", rule, directive)
					if near := diag.DidYouMean(rule, ids); near != "" {
						f.Suggestion = fmt.Sprintf("did you mean %q?", near)
					}
					continue
				}
				if directive == "disable" {
					if _, ok := opened[rule]; !ok {
						opened[rule] = open{at: file.Pos(end), pos: pos}
						order = append(order, rule)
					}
					continue
				}
				closing := []string{rule}
				if rule == "" {
					closing = slices.Clone(order) // enable with no rule ends every silence
				}
				if _, ok := opened[rule]; !ok && rule != "" {
					l.Add(pos, suppressionRule, "marque:enable %s has no marque:disable %s before it", rule, rule)
					continue
				}
				for _, c := range closing {
					out = append(out, Suppression{File: file.Name, From: opened[c].at, To: pos, Rule: c})
					delete(opened, c)
					order = slices.DeleteFunc(order, func(o string) bool { return o == c })
				}
			}
		}
	}
	eof := file.Pos(len(file.Src))
	eof.Column++ // past the last character, so that a finding there is inside
	for _, rule := range order {
		o := opened[rule]
		name := rule
		if name == "" {
			name = "every rule"
		}
		l.Add(o.pos, suppressionRule, "marque:disable is never closed: %s stays off to the end of the file", name).
			Suggestion = "close it with <!-- " + strings.TrimSpace("marque:enable "+rule) + " -->"
		out = append(out, Suppression{File: file.Name, From: o.at, To: eof, Rule: rule})
	}
	return out
}

// suppressed reports whether a finding of rule at p is in one of sups.
// Syntax findings are never silenced.
func suppressed(sups []Suppression, p diag.Pos, rule string) bool {
	if diag.IsSyntax(rule) || rule == suppressionRule {
		return false
	}
	for _, s := range sups {
		if s.File == p.File && (s.Rule == "" || s.Rule == rule) && !before(p, s.From) && before(p, s.To) {
			return true
		}
	}
	return false
}

func before(a, b diag.Pos) bool {
	return a.Line < b.Line || (a.Line == b.Line && a.Column < b.Column)
}

// Suppress drops from l every finding inside one of sups: the comments
// silence any rule, not only the voice linter's.
func Suppress(l *diag.List, sups []Suppression) {
	if len(sups) == 0 {
		return
	}
	var kept diag.List
	for _, f := range l.Items() {
		if !suppressed(sups, f.Pos, f.Rule) {
			*kept.Add(f.Pos, f.Rule, "%s", f.Message) = f
		}
	}
	*l = kept
}
