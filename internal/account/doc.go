// Package account holds what marque knows of the person's accounts on the
// networks: whether a handle and its profile URL name the same account,
// how a handle is written, and the files by which the site proves the
// accounts are the person's (/.well-known/atproto-did for a Bluesky handle
// that is the site's own domain, /.well-known/webfinger for Mastodon).
//
// It is a check- and render-stage package: build calls Check with the
// profile's findings and adds the files WellKnown returns to the site.
package account
