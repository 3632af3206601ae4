package voice

import (
	"bytes"
	"strconv"
	"unicode/utf8"

	"github.com/marque-kit/marque/internal/diag"
	"github.com/marque-kit/marque/internal/markdown"
)

// tomlString decodes the TOML string whose opening quote is at src[off]
// (basic, literal, or their multi-line forms) into a segment text with its
// map to src: characters typed as they read are literal; escapes stand for
// what they decode to. ok is false when no string starts there or it is not
// closed.
func tomlString(src []byte, off int) (text string, b spanBuilder, ok bool) {
	b.src = src
	if off < 0 || off >= len(src) {
		return "", b, false
	}
	rest := src[off:]
	var delim string
	switch {
	case bytes.HasPrefix(rest, []byte(`"""`)):
		delim = `"""`
	case bytes.HasPrefix(rest, []byte(`'''`)):
		delim = `'''`
	case rest[0] == '"':
		delim = `"`
	case rest[0] == '\'':
		delim = `'`
	default:
		return "", b, false
	}
	basic, multi := delim[0] == '"', len(delim) == 3
	i := off + len(delim)
	if multi {
		// A newline right after the opening delimiter is not part of the string.
		if bytes.HasPrefix(src[i:], []byte("\r\n")) {
			i += 2
		} else if i < len(src) && src[i] == '\n' {
			i++
		}
	}
	from := i
	for i < len(src) {
		c := src[i]
		switch {
		case c == delim[0] && bytes.HasPrefix(src[i:], []byte(delim)):
			// A multi-line string may end with one or two quotes of its
			// own before the closing three.
			extra := 0
			if multi {
				for extra < 2 && i+3+extra < len(src) && src[i+3+extra] == delim[0] {
					extra++
				}
			}
			b.literal(from, i+extra)
			return string(b.text), b, true
		case (c == '\n' || c == '\r') && !multi:
			return "", b, false
		case c == '\\' && basic:
			b.literal(from, i)
			n, s := tomlEscape(src[i:], multi)
			if n == 0 {
				return "", b, false
			}
			b.stand(s, i, n)
			i += n
			from = i
			continue
		}
		i++
	}
	return "", b, false
}

// tomlEscape decodes the escape at the start of s and returns its length
// and what it stands for; 0 when it is not one. In a multi-line string, a
// backslash at the end of a line removes the line break and the white space
// after it.
func tomlEscape(s []byte, multi bool) (int, string) {
	if len(s) < 2 {
		return 0, ""
	}
	switch s[1] {
	case 'b':
		return 2, "\b"
	case 't':
		return 2, "\t"
	case 'n':
		return 2, "\n"
	case 'f':
		return 2, "\f"
	case 'r':
		return 2, "\r"
	case 'e':
		return 2, "\x1b"
	case '"':
		return 2, `"`
	case '\\':
		return 2, `\`
	case 'x', 'u', 'U':
		n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[s[1]]
		if len(s) < 2+n {
			return 0, ""
		}
		v, err := strconv.ParseUint(string(s[2:2+n]), 16, 32)
		if err != nil || !utf8.ValidRune(rune(v)) {
			return 0, ""
		}
		return 2 + n, string(rune(v))
	}
	if multi {
		j := 1
		for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
			j++
		}
		if j < len(s) && (s[j] == '\n' || s[j] == '\r') {
			for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r') {
				j++
			}
			return j, "" // the line break and the white space after it are gone
		}
	}
	return 0, ""
}

// valueSegment returns the segment of the string value whose opening quote
// is at p in f, which must decode to want. When it does not (the position
// is not that of a string), the segment still holds want, with every
// position at p and no fix possible.
func valueSegment(f *diag.File, p diag.Pos, want string, role Role) *Segment {
	off := offsetOf(f.Src, p)
	if text, b, ok := tomlString(f.Src, off); ok && text == want {
		return &Segment{Role: role, Text: want, Spans: b.spans}
	}
	return &Segment{Role: role, Text: want, Spans: []markdown.Span{{At: 0, Len: len(want), Source: off}}}
}

// offsetOf returns the byte offset in src of the 1-based line and column
// (in code points) of p, the inverse of diag.File.Pos.
func offsetOf(src []byte, p diag.Pos) int {
	off, line := 0, 1
	for line < p.Line {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			return len(src)
		}
		off += i + 1
		line++
	}
	if p.Line == 1 && bytes.HasPrefix(src, []byte("\uFEFF")) {
		off += 3
	}
	for col := 1; col < p.Column && off < len(src); col++ {
		_, size := utf8.DecodeRune(src[off:])
		off += size
	}
	return off
}
