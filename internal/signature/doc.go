// Package signature writes the person's e-mail signature: an HTML table
// with inline styles, which mail clients keep when it is pasted into their
// signature settings, and its plain-text version.
//
// It is a render-stage package: build gives it the profile's texts and
// colours and the absolute URL of the avatar on the site, and adds the two
// files to the kit. Mail clients strip style sheets, web fonts and most
// CSS, and Outlook lays out with Word's engine: so the signature is tables,
// inline styles, fonts every system has, images sized by attributes and
// loaded from the site, and nothing else.
package signature
