// Package pdf writes small PDF files for print: pages with trim and bleed
// boxes, filled shapes and lines, text in embedded fonts, and images.
//
// It is a render-stage package with no dependency on the rest of marque;
// the business card is its one user. Text is set in composite fonts
// (Type0, Identity-H) so that any character a font draws can be written,
// with a ToUnicode map so that the text can be searched and copied.
// TrueType fonts are subset: the glyphs a document does not use are
// emptied, keeping glyph ids, so the font program stays valid and small.
// OpenType fonts with CFF outlines keep every glyph (subsetting CFF means
// rewriting its subroutines) but lose their layout tables, which a PDF
// does not use. Output is deterministic: no dates, an /ID derived from
// the content.
package pdf
