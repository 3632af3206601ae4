// Package bio fits the person's texts to every network: each profile field
// (bio, name, headline, location) gets the longest text of the profile
// that fits its limit, and each post gets a share text per network, cut to
// the network's limit without ever cutting a link, a hashtag or a
// character. It belongs to the check stage for the fields, which report
// bio.length findings, and to the render stage for the share texts.
package bio
