// Package diag holds findings: problems in the user's kit, each with a file
// position, a rule id, a severity and a message. Every stage reports into a
// [List]; the command prints the list at the end and derives its exit status
// from it. Findings are data about the kit, never Go errors: a Go error means
// the machine failed (I/O, cancellation) and ends the run.
package diag
