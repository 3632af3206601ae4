package tomldoc

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/marque-kit/marque/internal/diag"
)

var testRules = Rules{Syntax: "profile.syntax", UnknownKey: "profile.unknown-key", Invalid: "profile.invalid"}

type testPerson struct {
	Name    string    `toml:"name"`
	Tagline string    `toml:"tagline"`
	Age     int       `toml:"age"`
	Small   int8      `toml:"small"`
	Count   uint      `toml:"count"`
	Focus   []float64 `toml:"focus"`
}

type testVoice struct {
	Claims bool              `toml:"claims"`
	Prefer map[string]string `toml:"prefer"`
	Score  float64           `toml:"score"`
}

type testDoc struct {
	Person testPerson `toml:"person"`
	Voice  testVoice  `toml:"voice"`
	Bio    struct {
		Candidates []string `toml:"candidates"`
	} `toml:"bio"`
	Networks map[string]struct {
		Goal string `toml:"goal"`
	} `toml:"networks"`
	When    time.Time `toml:"when"`
	Raw     any       `toml:"raw"`
	Ptr     *int      `toml:"ptr"`
	skipped string
	NoTag   string
}

func findings(l diag.List) []string {
	var out []string
	for _, f := range l.Items() {
		out = append(out, f.String())
	}
	return out
}

func TestDecode(t *testing.T) {
	seven := 7
	tests := []struct {
		name  string
		src   string
		want  func(*testDoc) // edits the default document into the expected one
		finds []string
	}{
		{
			name: "valid",
			src: "when = 2026-11-02\nraw = [1, \"a\"]\nptr = 7\n" +
				"[person]\nname = \"Camille\"\nage = 41\nfocus = [0.5, 1]\n" +
				"[voice]\nclaims = false\nscore = 3\nprefer = { \"e-mail\" = \"courriel\" }\n" +
				"[bio]\ncandidates = [\"a\", \"b\"]\n" +
				"[networks.linkedin]\ngoal = \"clients\"\n",
			want: func(d *testDoc) {
				d.When = time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)
				d.Raw = []any{int64(1), "a"}
				d.Ptr = &seven
				d.Person.Name, d.Person.Age, d.Person.Focus = "Camille", 41, []float64{0.5, 1}
				d.Voice.Claims, d.Voice.Score = false, 3
				d.Voice.Prefer = map[string]string{"e-mail": "courriel"}
				d.Bio.Candidates = []string{"a", "b"}
				d.Networks = map[string]struct {
					Goal string `toml:"goal"`
				}{"linkedin": {Goal: "clients"}}
			},
		},
		{
			name: "every problem reported, the rest decoded",
			src: "[person]\nname = 42\ntagine = \"x\"\nage = \"41\"\nsmall = 300\ncount = -1\nfocus = [0.5, \"top\"]\n" +
				"[voice]\nclaims = \"yes\"\nclams = true\nscore = 2026-01-01\nprefer = { a = 1, b = \"ok\" }\n" +
				"[bio]\ncandidates = \"one\"\n" +
				"[networks]\nx = { goal = 1, gaol = \"g\" }\n" +
				"[extra]\nwhen = \"now\"\nNoTag = \"x\"\nskipped = \"x\"\n",
			want: func(d *testDoc) {
				d.Person.Focus = []float64{0.5, 0}
				d.Voice.Prefer = map[string]string{"a": "", "b": "ok"}
				d.Networks = map[string]struct {
					Goal string `toml:"goal"`
				}{"x": {}}
			},
			finds: []string{
				"x.toml:2:8: error profile.invalid: person.name: expected a string, found an integer",
				`x.toml:3:1: error profile.unknown-key: unknown key "tagine" in [person] (did you mean "tagline"?)`,
				"x.toml:4:7: error profile.invalid: person.age: expected an integer, found a string",
				"x.toml:5:9: error profile.invalid: person.small: 300 is too large",
				"x.toml:6:9: error profile.invalid: person.count: -1 is negative",
				"x.toml:7:15: error profile.invalid: person.focus[1]: expected a number, found a string",
				"x.toml:9:10: error profile.invalid: voice.claims: expected true or false, found a string",
				`x.toml:10:1: error profile.unknown-key: unknown key "clams" in [voice] (did you mean "claims"?)`,
				"x.toml:11:9: error profile.invalid: voice.score: expected a number, found a local date",
				"x.toml:12:16: error profile.invalid: voice.prefer.a: expected a string, found an integer",
				"x.toml:14:14: error profile.invalid: bio.candidates: expected an array, found a string",
				"x.toml:16:14: error profile.invalid: networks.x.goal: expected a string, found an integer",
				`x.toml:16:17: error profile.unknown-key: unknown key "gaol" in [networks.x] (did you mean "goal"?)`,
				`x.toml:17:2: error profile.unknown-key: unknown key "extra"`,
			},
		},
		{
			name: "a table where a string is expected and the reverse",
			src:  "person = \"Camille\"\n[when]\nx = 1\n",
			finds: []string{
				"x.toml:1:10: error profile.invalid: person: expected a table, found a string",
				"x.toml:2:1: error profile.invalid: when: expected a date, found a table",
			},
		},
		{
			name: "BOM and CRLF",
			src:  "\uFEFF[person]\r\nname = \"Camille\"\r\nnme = 1\r\n",
			want: func(d *testDoc) { d.Person.Name = "Camille" },
			finds: []string{
				`x.toml:3:1: error profile.unknown-key: unknown key "nme" in [person] (did you mean "name"?)`,
			},
		},
		{
			name:  "syntax error",
			src:   "[person]\nname = \"Camille\"\nrole = \n",
			finds: []string{"x.toml:3:8: error profile.syntax: invalid TOML: expected value but found '\\n' instead"},
		},
		{
			name:  "syntax error after BOM and CRLF",
			src:   "\uFEFFa = 1\r\nb = x\r\n",
			finds: []string{`x.toml:2:5: error profile.syntax: invalid TOML: expected value but found "x" instead`},
		},
		{
			name:  "duplicate key",
			src:   "[person]\nname = \"a\"\nname = \"b\"\n",
			finds: []string{"x.toml:3:1: error profile.syntax: invalid TOML: Key 'person.name' has already been defined."},
		},
		{
			name:  "not UTF-8",
			src:   "name = \"\xff\"\n",
			finds: []string{"x.toml:1:8: error profile.syntax: invalid TOML: invalid UTF-8 byte: 0xff"},
		},
		{
			name: "empty",
			src:  "",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := testDoc{Voice: testVoice{Claims: true}}
			want := got
			if tt.want != nil {
				tt.want(&want)
			}
			file := diag.NewFile("x.toml", []byte(tt.src))
			doc, list := Decode(file, 0, len(file.Src), &got, testRules)
			if g := strings.Join(findings(list), "\n"); g != strings.Join(tt.finds, "\n") {
				t.Errorf("findings:\n%s\nwant:\n%s", g, strings.Join(tt.finds, "\n"))
			}
			syntax := len(tt.finds) == 1 && strings.Contains(tt.finds[0], ".syntax")
			if (doc == nil) != syntax {
				t.Fatalf("doc = %v, want nil only on a syntax error", doc)
			}
			if syntax {
				return
			}
			if !got.When.IsZero() {
				// BurntSushi/toml gives local dates a zone of its own.
				y, m, d := got.When.Date()
				got.When = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("decoded:\n%+v\nwant:\n%+v", got, want)
			}
		})
	}
}

// TestDecodeInsideFile decodes a document that starts in the middle of a
// file, as front matter does: positions count from the top of the file.
func TestDecodeInsideFile(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{
			name: "unknown key",
			src:  "+++\ntitle = \"x\"\ntitel = \"y\"\n+++\nbody\n",
			want: []string{`p.md:3:1: error profile.unknown-key: unknown key "titel" (did you mean "title"?)`},
		},
		{
			name: "syntax error",
			src:  "+++\r\ntitle = \"x\"\r\ndate = 2026-13-01\r\n+++\r\nbody\r\n",
			want: []string{`p.md:3:8: error profile.syntax: invalid TOML: invalid datetime: "2026-13-01"`},
		},
		{
			name: "syntax error at the end of the document",
			src:  "+++\ntitle = \"x\n+++\nbody\n",
			want: []string{`p.md:2:11: error profile.syntax: invalid TOML: strings cannot contain newlines`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := diag.NewFile("p.md", []byte(tt.src))
			start := strings.Index(tt.src, "\n") + 1
			end := strings.LastIndex(tt.src, "+++")
			var v struct {
				Title string `toml:"title"`
				Date  any    `toml:"date"`
			}
			doc, list := Decode(file, start, end, &v, testRules)
			if g := strings.Join(findings(list), "\n"); g != strings.Join(tt.want, "\n") {
				t.Errorf("findings:\n%s\nwant:\n%s", g, strings.Join(tt.want, "\n"))
			}
			if doc != nil {
				if p := doc.ValuePos("title"); p.Line != 2 || p.Column != 9 {
					t.Errorf("ValuePos(title) = %v, want p.md:2:9", p)
				}
				if p := doc.Pos("missing"); p.Line != 2 || p.Column != 1 {
					t.Errorf("Pos(missing) = %v, want the document's start p.md:2:1", p)
				}
			}
		})
	}
}

func TestDescribe(t *testing.T) {
	tests := []struct {
		src  string
		want string
	}{
		{`v = "s"`, "a string"},
		{`v = 1`, "an integer"},
		{`v = 1.5`, "a float"},
		{`v = true`, "a boolean"},
		{`v = 2026-01-02`, "a local date"},
		{`v = 2026-01-02T10:00:00`, "a local date-time"},
		{`v = 10:00:00`, "a local time"},
		{`v = 2026-01-02T10:00:00Z`, "a date-time"},
		{`v = [1]`, "an array"},
		{`v = {}`, "a table"},
		{"[[v]]\n", "an array of tables"},
	}
	for _, tt := range tests {
		var v struct {
			V any `toml:"v"`
		}
		file := diag.NewFile("x.toml", []byte(tt.src))
		if _, list := Decode(file, 0, len(file.Src), &v, testRules); list.Len() > 0 {
			t.Fatalf("%s: %v", tt.src, findings(list))
		}
		if got := Describe(v.V); got != tt.want {
			t.Errorf("Describe(%s) = %q, want %q", tt.src, got, tt.want)
		}
	}
}

// FuzzDecode checks that strict decoding never panics, whatever the input
// and wherever the document starts in the file, and that every finding has
// a position in the file.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		"[person]\nname = 1\nage = \"x\"\nfocus = [1, \"a\"]\n",
		"[voice.prefer]\n\"e-mail\" = 2\n[networks.a]\ngoal = []\n",
		"+++\nwhen = 2026-01-01\nraw = {a = [1, {b = 2}]}\n+++\n",
		"bio = { candidates = [[1]] }\nptr = 99999999999999999999\n",
		"[[person]]\n", "\uFEFF", "a = \"\\u00e9\"",
	} {
		f.Add([]byte(s), 0, len(s))
	}
	f.Fuzz(func(t *testing.T, src []byte, start, end int) {
		file := diag.NewFile("x.toml", src)
		var v testDoc
		doc, list := Decode(file, start, end, &v, testRules)
		if doc != nil {
			for path, l := range doc.Locs() {
				if l.Key < 0 || l.Key > len(src) || l.Value < 0 || l.Value > len(src) {
					t.Fatalf("%s located at %+v, outside the file of %d bytes", path, l, len(src))
				}
			}
		}
		for _, fd := range list.Items() {
			if fd.Line < 1 || fd.Column < 1 || fd.Message == "" {
				t.Fatalf("finding without a position or message: %v", fd)
			}
		}
	})
}
