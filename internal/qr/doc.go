// Package qr encodes QR codes (ISO/IEC 18004) for the kit: the site's URL
// and the contact card, as SVG and PNG a phone camera reads.
//
// It is a render-stage package with no dependency on the rest of marque. It
// writes byte mode only (URLs and vCards are bytes), picks the smallest
// version from 1 to 40 that holds the data at the error correction level
// asked for, raises the level when the same version allows, and chooses the
// mask with the lowest penalty score. Every image keeps the four-module
// quiet zone the standard requires.
package qr
