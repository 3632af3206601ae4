package voice

import (
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// FuzzTOMLString checks the voice pass's reading of a brand.toml string
// against the TOML decoder's: when the value decodes to a string,
// tomlString finds that same text, and its literal spans are the source
// as typed, so that a finding or a fix lands on the right characters.
func FuzzTOMLString(f *testing.F) {
	for _, s := range []string{
		`"a \"b\" \\ \u00e9\t"`, `'lit\eral'`, "\"\"\"\nl1\r\nl2\"\"\"\"\"", "\"\"\"a \\\n  \t\n b\"\"\"",
		"'''\n'''''", `"\U0001F600 \x41 \e"`, `"\ud800"`, "\"x\" # comment",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, value string) {
		src := []byte("key = " + value)
		off := 6 // where the value starts: tomlString is given the quote
		for off < len(src) && (src[off] == ' ' || src[off] == '\t') {
			off++
		}
		got, b, ok := tomlString(src, off)
		if ok {
			for _, sp := range b.spans {
				if sp.Literal && got[sp.At:sp.At+sp.Len] != string(src[sp.Source:sp.Source+sp.SourceLen]) {
					t.Fatalf("tomlString(%q): span %+v does not match the source", value, sp)
				}
			}
		}
		var m map[string]any
		if _, err := toml.Decode(string(src), &m); err != nil {
			return
		}
		if strings.Contains(value, `""""""`) {
			// TOML forbids six quotes in a row; BurntSushi/toml accepts
			// them after an escaped backslash (`"""\\""""""` reads as
			// three quotes), a quirk no kit relies on.
			return
		}
		want, isString := m["key"].(string)
		if isString && (!ok || got != want) {
			t.Fatalf("tomlString(%q) = %q, %v; the decoder reads %q", value, got, ok, want)
		}
	})
}
