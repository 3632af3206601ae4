// Package tomldoc reads TOML documents strictly, for the load stage: it
// decodes a document into a typed Go struct and reports every unknown key and
// every value of the wrong type as a finding at its position, continuing past
// each one, so that one run shows the user all the problems of a file.
//
// BurntSushi/toml parses the document but keeps key positions private, so
// this package carries its own small key locator ([Locate]) that scans the
// document's bytes for the offset of every key and value. Positions are byte
// offsets in the whole file ([diag.File]), which lets a document start in the
// middle of a file, as a post's front matter does.
//
// The package knows nothing of brand.toml or posts: callers pass the rule ids
// that findings carry and validate the decoded values themselves.
package tomldoc
