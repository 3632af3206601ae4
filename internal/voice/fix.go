package voice

import (
	"cmp"
	"slices"

	"github.com/marque-kit/marque/internal/diag"
)

// Fix is a safe fix of a finding: replace the bytes [Start, End) of File,
// which hold Old, with New. An insertion has Start == End.
type Fix struct {
	File       string // kit-relative, as findings print it
	Start, End int
	Old, New   string
	Rule       string
	Pos        diag.Pos // of the finding it fixes
	Desc       string   // what it does, for the user: `"..." → "…"`
	// Group, when not zero, ties the fixes of one finding that must all be
	// made or none: the two marks of a quotation.
	Group int
}

func (f Fix) String() string { return f.Pos.String() + ": fixed " + f.Rule + ": " + f.Desc }

// Apply returns src with the fixes applied, and the fixes that were. A fix
// whose Old text is not at its place (the file changed since it was read)
// or that overlaps one before it is left out, with the rest of its group:
// the next check finds it again.
func Apply(src []byte, fixes []Fix) ([]byte, []Fix) {
	sorted := slices.Clone(fixes)
	slices.SortStableFunc(sorted, func(a, b Fix) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
	})
	dropped := map[int]bool{} // groups left out
	for {
		chosen, broken := choose(src, sorted, dropped)
		if broken == 0 {
			if len(chosen) == 0 {
				return src, nil
			}
			var out []byte
			at := 0
			for _, f := range chosen {
				out = append(out, src[at:f.Start]...)
				out = append(out, f.New...)
				at = f.End
			}
			return append(out, src[at:]...), chosen
		}
		dropped[broken] = true
	}
}

// choose picks, from left to right, the fixes that can be made, skipping
// the groups in dropped. It returns the first group that it could make
// only in part, or 0.
func choose(src []byte, sorted []Fix, dropped map[int]bool) ([]Fix, int) {
	var chosen []Fix
	at, lastInsert := 0, -1
	made, missed := map[int]bool{}, map[int]bool{}
	for _, f := range sorted {
		if f.Group != 0 && dropped[f.Group] {
			continue
		}
		ok := f.Start >= at && f.End <= len(src) && string(src[f.Start:f.End]) == f.Old &&
			!(f.Start == f.End && f.Start == lastInsert) // two insertions at one place: their order would be a guess
		if !ok {
			missed[f.Group] = true
			continue
		}
		made[f.Group] = true
		chosen = append(chosen, f)
		at = f.End
		if f.Start == f.End {
			lastInsert = f.Start
		}
	}
	broken := 0 // the smallest, so that the outcome does not depend on map order
	for g := range missed {
		if g != 0 && made[g] && (broken == 0 || g < broken) {
			broken = g
		}
	}
	if broken != 0 {
		return nil, broken
	}
	return chosen, 0
}

// KeepFixes returns the fixes whose finding survives: not in a
// marque:disable stretch, and of a rule that [rules] does not turn off.
func KeepFixes(fixes []Fix, sups []Suppression, overrides map[string]diag.Severity) []Fix {
	var kept []Fix
	for _, f := range fixes {
		if s, ok := overrides[f.Rule]; ok && s == diag.Off {
			continue
		}
		if suppressed(sups, f.Pos, f.Rule) {
			continue
		}
		kept = append(kept, f)
	}
	return kept
}
