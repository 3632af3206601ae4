// Package devserver is marque serve, the preview stage: it builds the kit
// into memory with package build (never writing the output folder), serves
// that in-memory site over HTTP, watches the kit's files and rebuilds when
// one changes, and tells every open page to reload over Server-Sent Events.
//
// Pages served get a small script and, when their own files have findings,
// an overlay listing them, added before </body> here and nowhere else: a
// build's output never carries them. /_marque/ lists every finding of the
// kit. A kit that does not build answers every page with an error page that
// lists why, and the server keeps running until the kit builds again.
//
// A save is built with the images the caches hold (build.CachedImages) and
// shown at once; once the kit has been quiet for a moment, a drawing of the
// images the save changed (build.EncodeImages, through the image cache in
// the kit's .cache/marque/) runs beside, and is shown in turn, unless a
// newer save has been built: a rebuild never waits for an encoder. The
// rebuild of a save starts with its first event, while the server waits
// for the kit to stay quiet (the debounce), and is dropped if another
// change comes meanwhile.
//
// A reloaded page fetches itself alone: the site's other files carry a
// tag (ETag) that changes with their bytes, and the style sheet, at the
// URL with its version that pages use, is kept by the browser.
//
//	fsnotify ─► build.Check (with a Cache) ─► debounce ─► state ─► HTTP + SSE
//	                          └─ quiet ─► build.Check drawing images ─┘
package devserver
