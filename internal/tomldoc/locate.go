package tomldoc

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Entry is where one key of a document sits: the byte offset of the key and
// of the first character of its value (for a string, its opening quote).
//
// Paths are dotted ([JoinPath]): "person.name", "identity.colors.primary" for
// a key of an inline table, "voice.prefer.e-mail" for the quoted key
// "e-mail", "bio.candidates.0" for the first element of an array, and
// "posts.0.title" inside the first table of an array of tables. A table
// opened by a header ([person]) has its key at the header's name and its
// value at the header's opening bracket; a table that only exists as the
// prefix of a dotted key has both at that prefix.
type Entry struct {
	Path       string
	Key, Value int
}

// maxDepth bounds the nesting of arrays and inline tables the locator follows,
// so that hostile input cannot exhaust the stack. Real documents nest two or
// three levels.
const maxDepth = 100

// Locate returns the position of every key of the TOML document src, in the
// order the document defines them; a path is listed once, where it first
// appears. Offsets count from the start of src, a leading byte order mark
// included. Locate reads invalid documents as far as it can and never panics;
// its results are only exact for documents that parse.
func Locate(src []byte) []Entry {
	s := &locator{src: src, seen: make(map[string]bool), arrays: make(map[string]int)}
	if bytes.HasPrefix(src, bom) {
		s.i = len(bom)
	}
	for s.i < len(s.src) {
		switch c := s.src[s.i]; c {
		case ' ', '\t', '\r', '\n':
			s.i++
		case '#':
			s.skipLine()
		case '[':
			s.header()
		default:
			s.keyValue(s.table, 0)
			s.skipLine()
		}
	}
	return s.entries
}

var bom = []byte{0xEF, 0xBB, 0xBF}

type locator struct {
	src     []byte
	i       int
	table   []string // path of the table the current header opened
	entries []Entry
	seen    map[string]bool
	arrays  map[string]int // path of an array of tables -> tables so far
}

// segment is one part of a dotted key, with the offset of its first byte.
type segment struct {
	name string
	off  int
}

func (s *locator) record(path []string, key, value int) {
	p := JoinPath(path...)
	if s.seen[p] {
		return
	}
	s.seen[p] = true
	s.entries = append(s.entries, Entry{Path: p, Key: key, Value: value})
}

// header reads a [table] or [[array of tables]] header and makes it the
// current table.
func (s *locator) header() {
	start := s.i
	double := bytes.HasPrefix(s.src[s.i:], []byte("[["))
	s.i++
	if double {
		s.i++
	}
	segs := s.key()
	var path []string
	for j, seg := range segs {
		path = append(path, seg.name)
		last := j == len(segs)-1
		value := seg.off
		if last {
			value = start
		}
		s.record(path, seg.off, value)
		p := JoinPath(path...)
		switch n, isArray := s.arrays[p]; {
		case last && double:
			s.arrays[p] = n + 1
			path = append(path, strconv.Itoa(n))
			s.record(path, start, start)
		case isArray && n > 0:
			// A header below an array of tables extends its last table.
			path = append(path, strconv.Itoa(n-1))
		}
	}
	s.table = path
	s.skipLine()
}

// keyValue reads one key = value pair of the table at path.
func (s *locator) keyValue(table []string, depth int) {
	segs := s.key()
	if len(segs) == 0 {
		return
	}
	s.skipSpace()
	if s.i >= len(s.src) || s.src[s.i] != '=' {
		return
	}
	s.i++
	s.skipSpace()
	path := append([]string(nil), table...)
	for j, seg := range segs {
		path = append(path, seg.name)
		value := seg.off
		if j == len(segs)-1 {
			value = s.i
		}
		s.record(path, seg.off, value)
	}
	s.value(path, depth)
}

// key reads a dotted key: bare, "basic" or 'literal' parts joined by dots.
func (s *locator) key() []segment {
	var segs []segment
	for {
		s.skipSpace()
		off := s.i
		name, ok := s.keyPart()
		if !ok {
			return segs
		}
		segs = append(segs, segment{name, off})
		s.skipSpace()
		if s.i >= len(s.src) || s.src[s.i] != '.' {
			return segs
		}
		s.i++
	}
}

func (s *locator) keyPart() (string, bool) {
	if s.i >= len(s.src) {
		return "", false
	}
	switch s.src[s.i] {
	case '"':
		start := s.i + 1
		s.basicString()
		end := max(start, s.i-1)
		return unescape(string(s.src[start:end])), true
	case '\'':
		start := s.i + 1
		s.literalString()
		end := max(start, s.i-1)
		return string(s.src[start:end]), true
	}
	start := s.i
	for s.i < len(s.src) && isBare(s.src[s.i]) {
		s.i++
	}
	return string(s.src[start:s.i]), s.i > start
}

func isBare(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-'
}

// value skips over the value that starts at the current offset, recording
// the elements of arrays and the keys of inline tables under path.
func (s *locator) value(path []string, depth int) {
	if s.i >= len(s.src) || depth > maxDepth {
		return
	}
	rest := s.src[s.i:]
	switch {
	case bytes.HasPrefix(rest, []byte(`"""`)):
		s.multiline('"')
	case rest[0] == '"':
		s.basicString()
	case bytes.HasPrefix(rest, []byte(`'''`)):
		s.multiline('\'')
	case rest[0] == '\'':
		s.literalString()
	case rest[0] == '[':
		s.array(path, depth)
	case rest[0] == '{':
		s.inlineTable(path, depth)
	default:
		// Numbers, booleans and dates; a local date-time may hold a space.
		for s.i < len(s.src) && !strings.ContainsRune(",]}#\r\n", rune(s.src[s.i])) {
			s.i++
		}
	}
}

func (s *locator) array(path []string, depth int) {
	s.i++ // [
	n := 0
	for {
		s.skipBlank()
		if s.i >= len(s.src) {
			return
		}
		switch s.src[s.i] {
		case ']':
			s.i++
			return
		case ',':
			s.i++
			continue
		}
		elem := append(append([]string(nil), path...), strconv.Itoa(n))
		s.record(elem, s.i, s.i)
		n++
		before := s.i
		s.value(elem, depth+1)
		if s.i == before {
			s.i++ // not a value: step over it rather than loop
		}
	}
}

func (s *locator) inlineTable(path []string, depth int) {
	s.i++ // {
	for {
		s.skipBlank()
		if s.i >= len(s.src) {
			return
		}
		switch s.src[s.i] {
		case '}':
			s.i++
			return
		case ',':
			s.i++
			continue
		}
		before := s.i
		s.keyValue(path, depth+1)
		if s.i == before {
			s.i++
		}
	}
}

// basicString skips a "basic string", which ends at the line's end when it
// is not closed.
func (s *locator) basicString() {
	s.i++ // "
	for s.i < len(s.src) {
		switch s.src[s.i] {
		case '\\':
			s.i += 2
		case '"':
			s.i++
			return
		case '\n':
			return
		default:
			s.i++
		}
	}
	s.i = len(s.src)
}

func (s *locator) literalString() {
	s.i++ // '
	for s.i < len(s.src) {
		switch s.src[s.i] {
		case '\'':
			s.i++
			return
		case '\n':
			return
		}
		s.i++
	}
}

// multiline skips a multi-line string delimited by three q quotes. Up to two
// more quotes right before the closing delimiter belong to the string.
func (s *locator) multiline(q byte) {
	s.i += 3
	delim := []byte{q, q, q}
	for s.i < len(s.src) {
		if q == '"' && s.src[s.i] == '\\' {
			s.i += 2
			continue
		}
		if bytes.HasPrefix(s.src[s.i:], delim) {
			s.i += 3
			for extra := 0; extra < 2 && s.i < len(s.src) && s.src[s.i] == q; extra++ {
				s.i++
			}
			return
		}
		s.i++
	}
	s.i = len(s.src)
}

func (s *locator) skipSpace() {
	for s.i < len(s.src) && (s.src[s.i] == ' ' || s.src[s.i] == '\t') {
		s.i++
	}
}

// skipBlank skips spaces, line ends and comments, as arrays and inline
// tables allow between their items.
func (s *locator) skipBlank() {
	for s.i < len(s.src) {
		switch s.src[s.i] {
		case ' ', '\t', '\r', '\n':
			s.i++
		case '#':
			s.skipLine()
		default:
			return
		}
	}
}

// skipLine moves past the end of the current line.
func (s *locator) skipLine() {
	if j := bytes.IndexByte(s.src[min(s.i, len(s.src)):], '\n'); j >= 0 {
		s.i += j + 1
		return
	}
	s.i = len(s.src)
}

// unescape decodes the escapes of a basic string. An escape it does not
// know is kept as written: the document does not parse then anyway.
func unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 >= len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		if r, ok := simpleEscapes[s[i]]; ok {
			b.WriteByte(r)
			continue
		}
		digits := map[byte]int{'x': 2, 'u': 4, 'U': 8}[s[i]]
		if digits == 0 || i+digits >= len(s) {
			b.WriteByte('\\')
			b.WriteByte(s[i])
			continue
		}
		n, err := strconv.ParseUint(s[i+1:i+1+digits], 16, 32)
		if err != nil || !utf8.ValidRune(rune(n)) {
			b.WriteByte('\\')
			b.WriteByte(s[i])
			continue
		}
		b.WriteRune(rune(n))
		i += digits
	}
	return b.String()
}

var simpleEscapes = map[byte]byte{
	'b': '\b', 't': '\t', 'n': '\n', 'f': '\f', 'r': '\r', 'e': 0x1B, '"': '"', '\\': '\\',
}

// JoinPath joins the parts of a key into a dotted path. A part that is empty
// or holds a dot or a double quote is written quoted, so that the path stays
// unambiguous: JoinPath("voice", "prefer", "e.g.") is `voice.prefer."e.g."`.
// Array elements are parts written as their index, "0", "1", ...
func JoinPath(parts ...string) string {
	var b strings.Builder
	for i, p := range parts {
		if i > 0 {
			b.WriteByte('.')
		}
		if p == "" || strings.ContainsAny(p, `."`) {
			b.WriteString(strconv.Quote(p))
			continue
		}
		b.WriteString(p)
	}
	return b.String()
}
