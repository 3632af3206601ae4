package markdown

import (
	"bufio"
	"bytes"
	"testing"

	"github.com/yuin/goldmark/util"
)

// FuzzWriteEscaped checks that prose is escaped as goldmark escapes text.
func FuzzWriteEscaped(f *testing.F) {
	for _, s := range []string{"", "a < b & c > \"d\"", "\x00", "<<&&>>", "été"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var buf bytes.Buffer
		w := bufio.NewWriter(&buf)
		writeEscaped(w, s)
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		if want := util.EscapeHTML([]byte(s)); !bytes.Equal(buf.Bytes(), want) {
			t.Fatalf("writeEscaped(%q) = %q, want %q", s, buf.Bytes(), want)
		}
	})
}
