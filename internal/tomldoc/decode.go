package tomldoc

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/marque-kit/marque/internal/diag"
)

// Rules names the rule ids that a document's findings carry, so that the
// profile and the posts each report under their own ids.
type Rules struct {
	Syntax     string // the document does not parse
	UnknownKey string // a key the target struct does not have
	Invalid    string // a value of the wrong type
}

// Loc is where a key sits in a file: byte offsets in the whole file of the
// key and of the first character of its value.
type Loc struct{ Key, Value int }

// Doc is a TOML document that parsed, with the position of each of its keys.
type Doc struct {
	File  *diag.File
	start int // offset of the document in File.Src
	locs  map[string]Loc
	bad   map[string]bool // paths whose value had a finding
}

// Decode parses the TOML document File.Src[start:end] and decodes it
// strictly into v, a pointer to a struct whose fields carry toml tags. Fields
// the document leaves out keep the values v already holds, so callers set
// defaults before decoding. Every key the struct does not have and every
// value of the wrong type is a finding, and decoding goes on past each: the
// field keeps its prior value.
//
// A document that does not parse gives one finding at the position of the
// syntax error and a nil Doc. A leading byte order mark is skipped and CRLF
// line ends are accepted.
//
// Supported field types: string, bool, integers, floats, time.Time, slices,
// maps with string keys, structs, pointers to these, and any (which receives
// the value as BurntSushi/toml decodes it: string, int64, float64, bool,
// time.Time, []any, map[string]any). Decode panics on other field types,
// which are a mistake in the calling code, not in the document.
func Decode(file *diag.File, start, end int, v any, rules Rules) (*Doc, diag.List) {
	var list diag.List
	end = min(max(end, 0), len(file.Src))
	start = min(max(start, 0), end)
	if bytes.HasPrefix(file.Src[start:end], bom) {
		start += len(bom)
	}
	src := file.Src[start:end]

	var tree map[string]any
	if _, err := toml.Decode(string(src), &tree); err != nil {
		list.Add(syntaxPos(file, start, end, err), rules.Syntax, "invalid TOML: %s", syntaxMessage(err))
		return nil, list
	}

	doc := &Doc{File: file, start: start, locs: make(map[string]Loc), bad: make(map[string]bool)}
	for _, e := range Locate(src) {
		doc.locs[e.Path] = Loc{Key: start + e.Key, Value: start + e.Value}
	}
	d := &decoder{doc: doc, rules: rules, list: &list}
	d.table(nil, tree, reflect.ValueOf(v).Elem())
	return doc, list
}

// syntaxPos maps the position of a parse error to the file. BurntSushi/toml
// gives a byte offset in the document, which is exact for nearly every error;
// when it disagrees with the line it also gives, the line wins.
func syntaxPos(file *diag.File, start, end int, err error) diag.Pos {
	var pe toml.ParseError
	if !errors.As(err, &pe) || pe.Position.Line < 1 {
		return file.Pos(start)
	}
	firstLine := file.Pos(start).Line
	if off := start + pe.Position.Start; off >= start && off <= end {
		if p := file.Pos(off); p.Line == firstLine+pe.Position.Line-1 {
			return p
		}
	}
	// Walk to the start of the error's line.
	off := start
	for line := 1; line < pe.Position.Line && off < end; off++ {
		if file.Src[off] == '\n' {
			line++
			if line == pe.Position.Line {
				off++
				break
			}
		}
	}
	return file.Pos(min(off, end))
}

func syntaxMessage(err error) string {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return pe.Message
	}
	return strings.TrimPrefix(err.Error(), "toml: ")
}

// Loc returns where the key at the dotted path sits, if the document has it.
func (d *Doc) Loc(path string) (Loc, bool) {
	l, ok := d.locs[path]
	return l, ok
}

// Locs returns the location of every key of the document, by dotted path.
// The map is the document's own: callers must not change it.
func (d *Doc) Locs() map[string]Loc { return d.locs }

// Has reports whether the document sets the key at the dotted path.
func (d *Doc) Has(path string) bool {
	_, ok := d.locs[path]
	return ok
}

// Decoded reports whether the document sets the key at the dotted path and
// its value decoded without a finding: validation checks only such values,
// so that a value of the wrong type is not reported twice.
func (d *Doc) Decoded(path string) bool {
	return d.Has(path) && !d.bad[path]
}

// Pos returns the position of the key at the dotted path, or of the start of
// the document when it has no such key.
func (d *Doc) Pos(path string) diag.Pos {
	if l, ok := d.locs[path]; ok {
		return d.File.Pos(l.Key)
	}
	return d.File.Pos(d.start)
}

// ValuePos returns the position of the first character of the value at the
// dotted path, or of the start of the document when it has no such key.
func (d *Doc) ValuePos(path string) diag.Pos {
	if l, ok := d.locs[path]; ok {
		return d.File.Pos(l.Value)
	}
	return d.File.Pos(d.start)
}

// decoder walks the tree that BurntSushi/toml parsed alongside the target
// value. It decodes leaf by leaf itself, rather than with toml.Unmarshal,
// because Unmarshal stops at the first wrong type and words its messages for
// Go programmers.
type decoder struct {
	doc   *Doc
	rules Rules
	list  *diag.List
}

// keyPath is the path of the value being decoded: parts for lookups, and
// which parts are array indexes, for messages.
type keyPath struct {
	parts []string
	index []bool
}

func (p keyPath) with(part string, index bool) keyPath {
	return keyPath{
		parts: append(slices.Clip(p.parts), part),
		index: append(slices.Clip(p.index), index),
	}
}

func (p keyPath) String() string { return JoinPath(p.parts...) }

// display writes the path as a user reads it: person.name, bio.candidates[1].
func (p keyPath) display() string {
	var b strings.Builder
	for i, part := range p.parts {
		switch {
		case p.index[i]:
			b.WriteString("[" + part + "]")
		case i > 0:
			b.WriteString("." + JoinPath(part))
		default:
			b.WriteString(JoinPath(part))
		}
	}
	return b.String()
}

var (
	timeType = reflect.TypeFor[time.Time]()
	anyType  = reflect.TypeFor[any]()
)

func (d *decoder) value(path keyPath, val any, rv reflect.Value) {
	t := rv.Type()
	switch {
	case t == anyType:
		rv.Set(reflect.ValueOf(val))
		return
	case t == timeType:
		if tm, ok := val.(time.Time); ok {
			rv.Set(reflect.ValueOf(tm))
		} else {
			d.mismatch(path, "a date", val)
		}
		return
	}
	switch t.Kind() {
	case reflect.Pointer:
		if rv.IsNil() {
			rv.Set(reflect.New(t.Elem()))
		}
		d.value(path, val, rv.Elem())
	case reflect.Struct:
		m, ok := val.(map[string]any)
		if !ok {
			d.mismatch(path, "a table", val)
			return
		}
		d.table(path.parts, m, rv)
	case reflect.Map:
		d.mapping(path, val, rv)
	case reflect.Slice:
		d.slice(path, val, rv)
	case reflect.String:
		if s, ok := val.(string); ok {
			rv.SetString(s)
		} else {
			d.mismatch(path, "a string", val)
		}
	case reflect.Bool:
		if b, ok := val.(bool); ok {
			rv.SetBool(b)
		} else {
			d.mismatch(path, "true or false", val)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, ok := val.(int64)
		switch {
		case !ok:
			d.mismatch(path, "an integer", val)
		case rv.OverflowInt(n):
			d.invalid(path, "%d is too large", n)
		default:
			rv.SetInt(n)
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n, ok := val.(int64)
		switch {
		case !ok:
			d.mismatch(path, "an integer", val)
		case n < 0:
			d.invalid(path, "%d is negative", n)
		case rv.OverflowUint(uint64(n)):
			d.invalid(path, "%d is too large", n)
		default:
			rv.SetUint(uint64(n))
		}
	case reflect.Float32, reflect.Float64:
		var f float64
		switch n := val.(type) {
		case float64:
			f = n
		case int64:
			f = float64(n)
		default:
			d.mismatch(path, "a number", val)
			return
		}
		if rv.OverflowFloat(f) {
			d.invalid(path, "%g is too large", f)
			return
		}
		rv.SetFloat(f)
	default:
		panic(fmt.Sprintf("tomldoc: cannot decode into %s", t))
	}
}

// table decodes the TOML table m into the struct rv, key by key in the
// order of the document.
func (d *decoder) table(parts []string, m map[string]any, rv reflect.Value) {
	path := keyPath{parts: parts, index: make([]bool, len(parts))}
	fields := structFields(rv.Type())
	for _, k := range d.sortedKeys(parts, m) {
		sub := path.with(k, false)
		i, ok := fields.byName[k]
		if !ok {
			f := d.list.Add(d.doc.Pos(sub.String()), d.rules.UnknownKey, "unknown key %q%s", k, in(path))
			if near := diag.DidYouMean(k, fields.names); near != "" {
				f.Suggestion = fmt.Sprintf("did you mean %q?", near)
			}
			continue
		}
		d.value(sub, m[k], rv.Field(i))
	}
}

// in names the table a key belongs to, for messages.
func in(path keyPath) string {
	if len(path.parts) == 0 {
		return ""
	}
	return " in [" + path.display() + "]"
}

func (d *decoder) mapping(path keyPath, val any, rv reflect.Value) {
	m, ok := val.(map[string]any)
	if !ok {
		d.mismatch(path, "a table", val)
		return
	}
	t := rv.Type()
	if t.Key().Kind() != reflect.String {
		panic(fmt.Sprintf("tomldoc: cannot decode into %s", t))
	}
	if rv.IsNil() {
		rv.Set(reflect.MakeMapWithSize(t, len(m)))
	}
	for _, k := range d.sortedKeys(path.parts, m) {
		elem := reflect.New(t.Elem()).Elem()
		if old := rv.MapIndex(reflect.ValueOf(k).Convert(t.Key())); old.IsValid() {
			elem.Set(old)
		}
		d.value(path.with(k, false), m[k], elem)
		rv.SetMapIndex(reflect.ValueOf(k).Convert(t.Key()), elem)
	}
}

// slice decodes a TOML array. An element of the wrong type is reported and
// left at its zero value, so that element i of the slice is still element i
// of the document.
func (d *decoder) slice(path keyPath, val any, rv reflect.Value) {
	var elems []any
	switch a := val.(type) {
	case []any:
		elems = a
	case []map[string]any:
		for _, m := range a {
			elems = append(elems, m)
		}
	default:
		d.mismatch(path, "an array", val)
		return
	}
	out := reflect.MakeSlice(rv.Type(), len(elems), len(elems))
	for i, e := range elems {
		d.value(path.with(strconv.Itoa(i), true), e, out.Index(i))
	}
	rv.Set(out)
}

// sortedKeys returns the keys of the table at parts in the order the
// document writes them, so that findings come out in a stable order.
func (d *decoder) sortedKeys(parts []string, m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	off := func(k string) int {
		if l, ok := d.doc.locs[JoinPath(append(slices.Clip(parts), k)...)]; ok {
			return l.Key
		}
		return -1
	}
	slices.SortFunc(keys, func(a, b string) int {
		return cmp.Or(cmp.Compare(off(a), off(b)), cmp.Compare(a, b))
	})
	return keys
}

func (d *decoder) mismatch(path keyPath, want string, found any) {
	d.invalid(path, "expected %s, found %s", want, Describe(found))
}

func (d *decoder) invalid(path keyPath, format string, args ...any) {
	d.doc.bad[path.String()] = true
	d.list.Add(d.doc.ValuePos(path.String()), d.rules.Invalid, path.display()+": "+format, args...)
}

// Describe names the TOML type of a value as BurntSushi/toml decodes it,
// with its article, for messages: "a string", "an integer", "a local date".
func Describe(v any) string {
	switch v := v.(type) {
	case string:
		return "a string"
	case int64:
		return "an integer"
	case float64:
		return "a float"
	case bool:
		return "a boolean"
	case time.Time:
		switch v.Location().String() {
		case "date-local":
			return "a local date"
		case "time-local":
			return "a local time"
		case "datetime-local":
			return "a local date-time"
		}
		return "a date-time"
	case []any:
		return "an array"
	case []map[string]any:
		return "an array of tables"
	case map[string]any:
		return "a table"
	}
	return fmt.Sprintf("a %T", v)
}

// fields is what the decoder needs of a struct type: the field index of each
// toml tag name, and the names for "did you mean" hints.
type fields struct {
	byName map[string]int
	names  []string
}

var fieldCache sync.Map // reflect.Type -> *fields

func structFields(t reflect.Type) *fields {
	if f, ok := fieldCache.Load(t); ok {
		return f.(*fields)
	}
	f := &fields{byName: make(map[string]int)}
	for i := range t.NumField() {
		sf := t.Field(i)
		name, _, _ := strings.Cut(sf.Tag.Get("toml"), ",")
		if !sf.IsExported() || name == "" || name == "-" {
			continue
		}
		f.byName[name] = i
		f.names = append(f.names, name)
	}
	fieldCache.Store(t, f)
	return f
}
