// Package render is the render stage for pages: from the loaded profile and
// posts (their Markdown already turned into HTML by the caller) it writes
// the site's pages, Atom feed, sitemap, robots.txt, style sheet and the
// theme's static files into an in-memory output tree. It reads no file and
// no clock: everything it writes comes from its input, so two renders of
// the same input are byte-identical.
//
// Pages are the theme's page templates executed on a *page value; the
// fields and methods of page, site, postView, tagView, pager and postList
// are the data a kit's own templates can use. The brand kit page (see Kit)
// is the kit template executed on a *kitPage.
package render
