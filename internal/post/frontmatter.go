package post

import "bytes"

// parts locates the pieces of a post file: the TOML between the +++ lines,
// and the Markdown body after the closing line. Offsets are in the file.
type parts struct {
	tomlStart, tomlEnd int
	body               int
}

var fence = []byte("+++")

// splitFrontMatter finds the front matter of src: its first line is +++
// (after an optional byte order mark), and the next line that is +++ closes
// it. Spaces after a fence and CRLF line ends are accepted. When src has no
// front matter, or never closes it, splitFrontMatter returns a problem to
// report on the first line.
func splitFrontMatter(src []byte) (parts, string) {
	start := 0
	if bytes.HasPrefix(src, []byte("\uFEFF")) {
		start = 3
	}
	first, next := line(src, start)
	if !bytes.Equal(first, fence) {
		return parts{}, "a post starts with a +++ line that opens its TOML front matter"
	}
	for at := next; at < len(src); {
		l, after := line(src, at)
		if bytes.Equal(l, fence) {
			return parts{tomlStart: next, tomlEnd: at, body: after}, ""
		}
		at = after
	}
	return parts{}, "the front matter opened by +++ on line 1 is never closed by a +++ line"
}

// line returns the line of src that starts at offset at, without its line
// end or trailing spaces, and the offset of the next line.
func line(src []byte, at int) ([]byte, int) {
	end := len(src)
	next := end
	if i := bytes.IndexByte(src[at:], '\n'); i >= 0 {
		end = at + i
		next = end + 1
	}
	return bytes.TrimRight(src[at:end], " \t\r"), next
}
