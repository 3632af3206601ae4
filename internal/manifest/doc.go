// Package manifest is kit/manifest.json, the machine-readable index of the
// brand kit: every image with its size and hash, every bio chosen for a
// profile field, every share text of every post. The render stage fills it;
// the write stage writes it with the rest of the site.
package manifest
