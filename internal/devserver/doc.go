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
// newer save has been built: a rebuild never waits for an encoder.
//
//	fsnotify ─► debounce ─► build.Check (with a Cache) ─► state ─► HTTP + SSE
//	                          └─ quiet ─► build.Check drawing images ─┘
package devserver
