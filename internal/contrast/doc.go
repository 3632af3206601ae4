// Package contrast holds the WCAG 2 colour maths every stage that puts text
// on a colour shares: relative luminance, contrast ratios, the choice of a
// readable colour among candidates, and sRGB mixing. The brand checks, the
// theme's style sheet and the generated images all use it, so that a pair
// the check accepts is a pair the pages and the images may use. It is a
// leaf: it imports nothing of marque's but the brand's colour type.
package contrast
