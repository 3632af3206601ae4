// Package vcard writes the person's contact card as a vCard 4.0 (RFC 6350)
// and checks the values a card needs to be dialled or mailed: the phone
// number and the e-mail address.
//
// It is a render-stage package: build gives it the profile's values and
// adds the card to the kit as kit/contact.vcf, and in a QR code. Lines end
// in CRLF and are folded at 75 octets, never inside a UTF-8 sequence; text
// values escape backslash, comma, semicolon and newline.
package vcard
