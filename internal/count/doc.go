// Package count measures text the way each platform does, in the units of
// the network table: graphemes (UAX #29 after NFC), twitter-text v3's
// weighted length, Mastodon's count, and the strict count used where a
// platform does not say, plus UTF-8 byte caps. It belongs to the check
// stage: bios and share texts are fitted to their fields with it.
//
// Links are found by a scanner written from twitter-text's rules (a known
// top-level domain, with or without a scheme), and emoji by twitter-text
// v3's table, which stops at Emoji 11. Both tables are data under data/.
package count
