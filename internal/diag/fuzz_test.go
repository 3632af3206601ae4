package diag

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzPos checks positions in any file: lines and columns start at 1,
// never pass the file's end, and grow with the offset.
func FuzzPos(f *testing.F) {
	f.Add([]byte("\uFEFFname = \"Zoé\"\r\nrôle = 3\n\nfin"), 17)
	f.Add([]byte("\xef\xbb"), 2)
	f.Add([]byte("\n\n\xff\xfe"), -3)
	f.Fuzz(func(t *testing.T, src []byte, off int) {
		if 0 <= off && off < len(src) && !utf8.RuneStart(src[off]) {
			return // findings are made at characters, never inside one
		}
		file := NewFile("p.md", src)
		p := file.Pos(off)
		lines := bytes.Count(src, []byte("\n")) + 1
		if p.File != "p.md" || p.Line < 1 || p.Line > lines || p.Column < 1 || p.Column > utf8.RuneCount(src)+1 {
			t.Fatalf("Pos(%d) = %v in %q", off, p, src)
		}
		next := off + 1
		for 0 < next && next < len(src) && !utf8.RuneStart(src[next]) {
			next++
		}
		if next := file.Pos(next); next.Line < p.Line || next.Line == p.Line && next.Column < p.Column {
			t.Fatalf("the next character, at %v, comes before Pos(%d) = %v", next, off, p)
		}
	})
}

// FuzzPrint checks that findings carrying user text (a message quoting a
// post, a file name) print as one workflow command each and as JSON that
// reads back the same.
func FuzzPrint(f *testing.F) {
	f.Add("content/posts/a.md", "« synergie » is banned", "write %0A instead")
	f.Add("a,b:c.md", "line\r\nbreak::error file=x::", "")
	f.Add("\x1b[31m", "\xff", "%25")
	f.Fuzz(func(t *testing.T, file, msg, sugg string) {
		var l List
		l.Add(Pos{file, 2, 3}, "voice.banned", "%s", msg).Suggestion = sugg
		l.Add(Pos{file, 4, 1}, "content.link", "%s", msg)

		var gh bytes.Buffer
		if err := Print(&gh, &l, GitHub, false); err != nil {
			t.Fatal(err)
		}
		cmds := strings.Split(strings.TrimSuffix(gh.String(), "\n"), "\n")
		if len(cmds) != 2 {
			t.Fatalf("%d workflow command lines for 2 findings:\n%s", len(cmds), gh.String())
		}
		for _, c := range cmds {
			// The properties end at the first "::"; a user's "::" must
			// not end them early.
			props, _, ok := strings.Cut(strings.TrimPrefix(c, "::"), "::")
			if !ok || strings.Count(props, ",") != 3 || strings.ContainsAny(props, "\r") {
				t.Fatalf("workflow command %q", c)
			}
		}

		var js bytes.Buffer
		if err := Print(&js, &l, JSON, false); err != nil {
			t.Fatal(err)
		}
		var back []jsonFinding
		if err := json.Unmarshal(js.Bytes(), &back); err != nil {
			t.Fatalf("JSON does not read back: %v\n%s", err, js.Bytes())
		}
		if len(back) != 2 || back[0].Line != 2 || back[1].Column != 1 {
			t.Fatalf("JSON reads back as %+v", back)
		}
		if utf8.ValidString(file) && utf8.ValidString(msg) && (back[0].File != file || back[1].Message != msg) {
			t.Fatalf("JSON reads back as %+v", back)
		}
	})
}
