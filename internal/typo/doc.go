// Package typo applies a language's typography to plain text: curly
// apostrophes and quotation marks, the ellipsis character, and for French
// the no-break spaces before high punctuation and inside guillemets.
//
// It belongs to the render stage: templates call [Apply] on titles, bios
// and theme strings, and the markdown package calls [ApplySegments] on the
// text of a paragraph that inline markup splits into several pieces. The
// input is plain text, never HTML: escaping is the caller's job, after.
//
// Every function is idempotent: applying it to its own output changes
// nothing, so text that is already typeset (or typed with the right
// characters) passes through unchanged.
package typo
