package tomldoc

import (
	"fmt"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/marque-kit/marque/internal/diag"
)

// located prints each entry as "path key=LINE:COL value=LINE:COL".
func located(src string) []string {
	f := diag.NewFile("x.toml", []byte(src))
	var out []string
	for _, e := range Locate(f.Src) {
		k, v := f.Pos(e.Key), f.Pos(e.Value)
		out = append(out, fmt.Sprintf("%s key=%d:%d value=%d:%d", e.Path, k.Line, k.Column, v.Line, v.Column))
	}
	return out
}

func TestLocate(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{
			name: "tables and keys",
			src: "# comment\n" +
				"[person]\n" +
				"name = \"Camille\" # trailing\n" +
				"  role='UX'\n" +
				"\n" +
				"[ networks . linkedin ]\n" +
				"goal = \"clients\"\n",
			want: []string{
				"person key=2:2 value=2:1",
				"person.name key=3:1 value=3:8",
				"person.role key=4:3 value=4:8",
				"networks key=6:3 value=6:3",
				"networks.linkedin key=6:14 value=6:1",
				"networks.linkedin.goal key=7:1 value=7:8",
			},
		},
		{
			name: "dotted and quoted keys",
			src: "[voice]\n" +
				"prefer.\"e-mail\" = \"courriel\"\n" +
				"prefer.'impacter' = \"influencer\"\n" +
				"\"a.b\".c = 1\n" +
				"\"\\u00e9t\\u00e9\" = 2\n",
			want: []string{
				"voice key=1:2 value=1:1",
				"voice.prefer key=2:1 value=2:1",
				"voice.prefer.e-mail key=2:8 value=2:19",
				"voice.prefer.impacter key=3:8 value=3:21",
				`voice."a.b" key=4:1 value=4:1`,
				`voice."a.b".c key=4:7 value=4:11`,
				"voice.été key=5:1 value=5:19",
			},
		},
		{
			name: "inline table",
			src:  "[identity]\ncolors = { primary = \"#1F3A5F\", accent=\"#E4572E\", nested = { x = 1 } }\n",
			want: []string{
				"identity key=1:2 value=1:1",
				"identity.colors key=2:1 value=2:10",
				"identity.colors.primary key=2:12 value=2:22",
				"identity.colors.accent key=2:33 value=2:40",
				"identity.colors.nested key=2:51 value=2:60",
				"identity.colors.nested.x key=2:62 value=2:66",
			},
		},
		{
			name: "array over lines with comments and a trailing comma",
			src: "[bio]\n" +
				"candidates = [\n" +
				"  \"long, with a comma ] and bracket\", # first\n" +
				"  'literal',\n" +
				"  \"\"\"multi\n" +
				"line \"\" \"\"\"\",\n" +
				"  '''raw\n" +
				"''',\n" +
				"]\n" +
				"after = 1\n",
			want: []string{
				"bio key=1:2 value=1:1",
				"bio.candidates key=2:1 value=2:14",
				"bio.candidates.0 key=3:3 value=3:3",
				"bio.candidates.1 key=4:3 value=4:3",
				"bio.candidates.2 key=5:3 value=5:3",
				"bio.candidates.3 key=7:3 value=7:3",
				"bio.after key=10:1 value=10:9",
			},
		},
		{
			name: "nested arrays and arrays of inline tables",
			src:  "focus = [[0.5, 0.3], [1, 2]]\nlist = [{a = 1}, {a = 2}]\n",
			want: []string{
				"focus key=1:1 value=1:9",
				"focus.0 key=1:10 value=1:10",
				"focus.0.0 key=1:11 value=1:11",
				"focus.0.1 key=1:16 value=1:16",
				"focus.1 key=1:22 value=1:22",
				"focus.1.0 key=1:23 value=1:23",
				"focus.1.1 key=1:26 value=1:26",
				"list key=2:1 value=2:8",
				"list.0 key=2:9 value=2:9",
				"list.0.a key=2:10 value=2:14",
				"list.1 key=2:18 value=2:18",
				"list.1.a key=2:19 value=2:23",
			},
		},
		{
			name: "arrays of tables",
			src:  "[[post]]\ntitle = \"a\"\n[post.meta]\nx = 1\n[[post]]\ntitle = \"b\"\n",
			want: []string{
				"post key=1:3 value=1:1",
				"post.0 key=1:1 value=1:1",
				"post.0.title key=2:1 value=2:9",
				"post.0.meta key=3:7 value=3:1",
				"post.0.meta.x key=4:1 value=4:5",
				"post.1 key=5:1 value=5:1",
				"post.1.title key=6:1 value=6:9",
			},
		},
		{
			name: "BOM and CRLF",
			src:  "\uFEFF[person]\r\nname = \"Camille\"\r\nwhen = 1979-05-27 07:32:00\r\nnext = true\r\n",
			want: []string{
				"person key=1:2 value=1:1",
				"person.name key=2:1 value=2:8",
				"person.when key=3:1 value=3:8",
				"person.next key=4:1 value=4:8",
			},
		},
		{
			name: "multi-line basic string with escapes and a key-like line",
			src:  "a = \"\"\"\\\"\"\"\nb = 1\n\\\"\"\"\"\nc = 2\n",
			want: []string{
				"a key=1:1 value=1:5",
				"c key=4:1 value=4:5",
			},
		},
		{
			name: "first definition wins",
			src:  "[a.b]\nx = 1\n[a]\ny = 2\n",
			want: []string{
				"a key=1:2 value=1:2",
				"a.b key=1:4 value=1:1",
				"a.b.x key=2:1 value=2:5",
				"a.y key=4:1 value=4:5",
			},
		},
		{
			name: "empty",
			src:  "",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Every case is valid TOML: the locator is only exact there.
			var m map[string]any
			if _, err := toml.Decode(tt.src, &m); err != nil {
				t.Fatalf("test document does not parse: %v", err)
			}
			got := located(tt.src)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("Locate:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestJoinPath(t *testing.T) {
	tests := []struct {
		parts []string
		want  string
	}{
		{[]string{"person", "name"}, "person.name"},
		{[]string{"voice", "prefer", "e-mail"}, "voice.prefer.e-mail"},
		{[]string{"voice", "prefer", "e.g."}, `voice.prefer."e.g."`},
		{[]string{"a", ""}, `a.""`},
		{[]string{"bio", "candidates", "0"}, "bio.candidates.0"},
	}
	for _, tt := range tests {
		if got := JoinPath(tt.parts...); got != tt.want {
			t.Errorf("JoinPath(%q) = %q, want %q", tt.parts, got, tt.want)
		}
	}
}

// FuzzLocate checks that the locator never panics and that its offsets stay
// inside the input; for documents that parse, that every key BurntSushi/toml
// reads is located.
func FuzzLocate(f *testing.F) {
	for _, s := range []string{
		"[person]\nname = \"x\"\n",
		"a.b.'c' = { d = [1, \"2\", '''3'''], e = {} }\n",
		"[[x]]\ny = 1\n[[x]]\n[x.z]\n",
		"s = \"\"\"\na\\\n  b\"\"\"\"\"\n",
		"\uFEFFk = 1979-05-27 07:32:00Z\r\n",
		"[\n", "\"", "'''", "a = [[[[", "a = {{{", "a = \"\\",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		entries := Locate(src)
		for _, e := range entries {
			if e.Key < 0 || e.Key > len(src) || e.Value < 0 || e.Value > len(src) {
				t.Fatalf("entry %+v outside input of %d bytes", e, len(src))
			}
		}
		var m map[string]any
		if _, err := toml.Decode(string(src), &m); err != nil {
			return
		}
		seen := make(map[string]bool, len(entries))
		for _, e := range entries {
			seen[e.Path] = true
		}
		for _, p := range treePaths(nil, m) {
			if !seen[p] {
				t.Fatalf("key %s not located in %q; got %v", p, src, entries)
			}
		}
	})
}

// treePaths lists the path of every value in a decoded TOML tree.
func treePaths(parts []string, v any) []string {
	var out []string
	if len(parts) > 0 {
		out = append(out, JoinPath(parts...))
	}
	sub := func(k string) []string { return append(append([]string(nil), parts...), k) }
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			out = append(out, treePaths(sub(k), e)...)
		}
	case []any:
		for i, e := range v {
			out = append(out, treePaths(sub(fmt.Sprint(i)), e)...)
		}
	case []map[string]any:
		for i, e := range v {
			out = append(out, treePaths(sub(fmt.Sprint(i)), e)...)
		}
	}
	return out
}
