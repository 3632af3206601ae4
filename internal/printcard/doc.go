// Package printcard lays out the person's business card and writes it as
// a PDF a printer takes: 85×55 mm, front and back, 3 mm of bleed, crop
// marks, the brand's fonts embedded, the logo, and the site's QR code
// drawn as vector shapes.
//
// It is a render-stage package. Build gives it the profile's texts,
// colours, font files, logo and QR code; it returns the PDF, the layout of
// both sides (for previews and tests), and the problems that keep a value
// off the card: text that does not fit at 6 pt, the smallest size it
// ever sets, and a logo with too few pixels for 300 dpi.
//
// The layout is a list of drawing operations in millimetres from the top
// left corner of the trimmed card; the PDF writer only translates it.
package printcard
