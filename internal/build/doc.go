// Package build is the pipeline: it alone sees every stage. Check loads the
// kit (profile, posts, Markdown) and runs the checks; Build does the same,
// renders the site into memory and, when no error was found, writes it.
//
//	load (brand, post, markdown) → check → render (render, theme, picture) → write (output)
package build
