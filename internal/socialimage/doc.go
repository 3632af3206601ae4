// Package socialimage makes the brand kit's images: every avatar, banner,
// story, pin and share card a configured network wants, and the site's own
// link cards and icons. It is part of the render stage, in two steps:
//
//   - New plans every image (network, slot, path, size, crop rectangles,
//     text lines and their positions, colours) without touching a pixel,
//     so that pages and the manifest know every image at once, and so that
//     the layout can be tested as data. Planning measures text with the
//     fonts, which is how it finds the characters a font cannot draw.
//   - Compose draws one planned image and Encode writes it: PNG for flat
//     graphics (palette-quantised where that stays lossless to the eye),
//     JPEG with its quality searched to fit the slot's byte cap. The build
//     runs them in parallel and caches their output by Key.
//
// Text is set with the brand's fonts or the embedded ones (fonts/, each
// with its licence), with kerning, and a fallback face for characters the
// brand's font lacks; a character no font draws is left out, with an
// identity.glyph finding, never drawn as a box.
package socialimage
