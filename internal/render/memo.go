package render

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/maphash"
	"math"
	"reflect"
	"slices"
	"strings"
	"sync"
	"unsafe"

	"github.com/marque-kit/marque/internal/diag"
	"github.com/marque-kit/marque/theme"
)

// Memo keeps the pages a render made, each under a hash of all the data
// its template can read, so that the next render of the kit runs the
// templates of the pages whose data changed only: serve renders the whole
// site on every save, and running a thousand post pages' templates is
// most of that render.
//
// Invariants:
//   - A page's key is a hash of its kind, its file and every value
//     reachable from its data (page): fields exported or not, through
//     pointers, slices, maps and interfaces; a diag.File is hashed by
//     its name and bytes alone, from which all the rest of it is made. (The kit page's is a hash of
//     what its data is made from: its input and its style sheet's URL.)
//     A template reads nothing else: only its data, the methods of that
//     data (which read their receivers) and the theme, whose templates
//     the memo is tied to. So page data must hold no closure: a func is
//     hashed by its code alone, which only names a top-level function
//     (i18n.Strings has one). Data holding a channel or an unsafe
//     pointer is not memoized.
//   - Pages in a Memo are shared by the renders that hit them, and never
//     changed.
//   - A Memo holds the pages of the latest render only, and the latest
//     kit page, all of one theme: a render with another theme (a parsed
//     theme, by pointer; theme.Load gives the same one for the same files)
//     starts it empty.
//
// A Memo is safe for concurrent use; two renders sharing one at once stay
// correct but may evict each other's pages.
type Memo struct {
	mu    sync.Mutex
	theme *theme.Theme // the theme of the pages; kept, so never reused
	pages map[key][]byte
	// kitKey and kitPage are the latest kit page (Kit), rendered after
	// the pages and kept apart from them: on a thousand posts, running
	// its template is a sixth of a rebuild, and a save seldom changes it.
	kitKey  key
	kitPage []byte
}

// NewMemo returns an empty memo.
func NewMemo() *Memo { return &Memo{} }

// memoRender is one render's use of a memo.
type memoRender struct {
	memo  *Memo
	theme *theme.Theme
	pages map[key][]byte // of the memo, for theme
	dig   digester
	mu    sync.Mutex
	used  map[key][]byte
}

// useTheme ties m to th, dropping what it kept of another theme's
// templates. The caller holds m.mu.
func (m *Memo) useTheme(th *theme.Theme) {
	if m.theme != th {
		m.theme, m.pages, m.kitPage = th, nil, nil
	}
}

// begin returns the render's use of m with the theme th; nil when m is.
func (m *Memo) begin(th *theme.Theme) *memoRender {
	if m == nil {
		return nil
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.useTheme(th)
	return &memoRender{memo: m, theme: th, pages: m.pages, used: map[key][]byte{}}
}

// kit returns the bytes of the kit page made from in, whose style sheet
// is at style, from the memo or from run, which makes the page's data and
// executes the kit template of th; it keeps them for the next render.
// The page is keyed by its input rather than by its data, as the pages
// are: its data is made from in, style and the theme alone, and on a
// thousand posts, making it takes as long as hashing it.
func (m *Memo) kit(th *theme.Theme, in *KitInput, style string, run func() ([]byte, error)) ([]byte, error) {
	if m == nil {
		return run()
	}
	var h hasher
	h.init()
	h.string(KitPath)
	h.string(style)
	c := *in
	c.Memo = nil // not the page's data
	var dig digester
	if err := dig.write(&h, reflect.ValueOf(&c), 0); err != nil {
		return run() // data no key can name: rendered each time
	}
	k := h.sum()
	m.mu.Lock()
	m.useTheme(th)
	if m.kitPage != nil && m.kitKey == k {
		out := m.kitPage
		m.mu.Unlock()
		return out, nil
	}
	m.mu.Unlock()
	out, err := run()
	if err != nil {
		return nil, err
	}
	m.mu.Lock()
	if m.theme == th {
		m.kitKey, m.kitPage = k, out
	}
	m.mu.Unlock()
	return out, nil
}

// page returns the bytes of job, from the memo or from run, which
// executes its template. It runs in parallel with the other pages'.
func (mr *memoRender) page(job pageJob, run func() ([]byte, error)) ([]byte, error) {
	if mr == nil {
		return run()
	}
	var h hasher
	h.init()
	h.string(job.kind)
	h.string(job.file)
	if err := mr.dig.write(&h, reflect.ValueOf(job.p), 0); err != nil {
		return run() // data no key can name: rendered each time
	}
	k := h.sum()
	if out, ok := mr.pages[k]; ok {
		mr.keep(k, out)
		return out, nil
	}
	out, err := run()
	if err == nil {
		mr.keep(k, out)
	}
	return out, err
}

func (mr *memoRender) keep(k key, out []byte) {
	mr.mu.Lock()
	mr.used[k] = out
	mr.mu.Unlock()
}

// end replaces the memo's pages with those the render used.
func (mr *memoRender) end() {
	if mr == nil {
		return
	}
	mr.memo.mu.Lock()
	if mr.memo.theme == mr.theme {
		mr.memo.pages = mr.used
	}
	mr.memo.mu.Unlock()
}

// fileType is diag.File, which the digester hashes by its name and bytes
// alone: the line table a File builds on its first Pos is made from them,
// and is built while pages are hashed (the voice linter runs beside the
// render), so reading it would race, and give the same page another key
// once a finding in its file was placed.
var (
	fileType          = reflect.TypeFor[diag.File]()
	fileName, fileSrc = fieldIndex(fileType, "Name"), fieldIndex(fileType, "Src")
)

func fieldIndex(t reflect.Type, name string) int {
	f, ok := t.FieldByName(name)
	if !ok {
		panic("render: no field " + name + " in " + t.String())
	}
	return f.Index[0]
}

// maxDepth bounds how deep data is followed: deeper is taken for a cycle,
// which page data does not have, and is not memoized.
const maxDepth = 64

// errNoKey is data that cannot be hashed: a channel, an unsafe pointer, a
// cycle.
var errNoKey = errors.New("render: page data cannot be hashed")

// digester hashes values for the memo's keys. Data pages share (the site,
// a post's view, which its page, its neighbours', lists and tags show) is
// hashed once, by pointer: a render's data does not change while its
// pages run.
type digester struct {
	mu   sync.Mutex
	ptrs map[ptrKey]key
}

type ptrKey struct {
	addr uintptr
	typ  reflect.Type
}

// write writes v into h: its kind, then its value, with lengths and nil
// marks so that different values never write the same bytes.
func (d *digester) write(h *hasher, v reflect.Value, depth int) error {
	if depth > maxDepth {
		return errNoKey
	}
	depth++
	if !v.IsValid() {
		h.byte(0)
		return nil
	}
	h.byte(byte(v.Kind()))
	switch v.Kind() {
	case reflect.Bool:
		if v.Bool() {
			h.byte(1)
		} else {
			h.byte(0)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		h.num(uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		h.num(v.Uint())
	case reflect.Float32, reflect.Float64:
		h.num(math.Float64bits(v.Float()))
	case reflect.Complex64, reflect.Complex128:
		c := v.Complex()
		h.num(math.Float64bits(real(c)))
		h.num(math.Float64bits(imag(c)))
	case reflect.String:
		h.string(v.String())
	case reflect.Slice:
		if v.IsNil() {
			h.num(math.MaxUint64)
			return nil
		}
		switch elem := v.Type().Elem(); elem.Kind() {
		case reflect.Uint8:
			h.bytes(v.Bytes())
			return nil
		case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
			// Numbers are their memory: hashed whole, not one reflected
			// element at a time.
			h.bytes(unsafe.Slice((*byte)(v.UnsafePointer()), v.Len()*int(elem.Size())))
			return nil
		}
		fallthrough
	case reflect.Array:
		h.num(uint64(v.Len()))
		for i := range v.Len() {
			if err := d.write(h, v.Index(i), depth); err != nil {
				return err
			}
		}
	case reflect.Struct:
		if v.Type() == fileType {
			h.string(v.Field(fileName).String())
			h.bytes(v.Field(fileSrc).Bytes())
			return nil
		}
		for i := range v.NumField() {
			if err := d.write(h, v.Field(i), depth); err != nil {
				return err
			}
		}
	case reflect.Pointer:
		if v.IsNil() {
			h.byte(0)
			return nil
		}
		sum, err := d.pointer(v, depth)
		if err != nil {
			return err
		}
		h.byte(1)
		h.key(sum)
	case reflect.Interface:
		if v.IsNil() {
			h.byte(0)
			return nil
		}
		h.string(v.Elem().Type().String())
		return d.write(h, v.Elem(), depth)
	case reflect.Map:
		if v.IsNil() {
			h.num(math.MaxUint64)
			return nil
		}
		if v.Type().Key().Kind() == reflect.String {
			// The common case, without a hash per entry: in the order of
			// the keys.
			keys := v.MapKeys()
			slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
			h.num(uint64(len(keys)))
			for _, k := range keys {
				h.string(k.String())
				if err := d.write(h, v.MapIndex(k), depth); err != nil {
					return err
				}
			}
			return nil
		}
		// In the order of the keys' hashes: a map has no order of its own.
		type entry struct{ k, v key }
		entries := make([]entry, 0, v.Len())
		it := v.MapRange()
		for it.Next() {
			var e entry
			var err error
			if e.k, err = d.sum(it.Key(), depth); err != nil {
				return err
			}
			if e.v, err = d.sum(it.Value(), depth); err != nil {
				return err
			}
			entries = append(entries, e)
		}
		slices.SortFunc(entries, func(a, b entry) int { return bytes.Compare(a.k[:], b.k[:]) })
		h.num(uint64(len(entries)))
		for _, e := range entries {
			h.key(e.k)
			h.key(e.v)
		}
	case reflect.Func:
		// The code of a top-level function names it (see Memo).
		h.num(uint64(v.Pointer()))
	default: // Chan, UnsafePointer
		return errNoKey
	}
	return nil
}

// sum returns the hash of v alone.
func (d *digester) sum(v reflect.Value, depth int) (key, error) {
	var h hasher
	h.init()
	if err := d.write(&h, v, depth); err != nil {
		return key{}, err
	}
	return h.sum(), nil
}

// pointer returns the hash of what the non-nil pointer v points to,
// computed once per pointer and type.
func (d *digester) pointer(v reflect.Value, depth int) (key, error) {
	pk := ptrKey{v.Pointer(), v.Type()}
	d.mu.Lock()
	sum, ok := d.ptrs[pk]
	d.mu.Unlock()
	if ok {
		return sum, nil
	}
	sum, err := d.sum(v.Elem(), depth)
	if err != nil {
		return sum, err
	}
	d.mu.Lock()
	if d.ptrs == nil {
		d.ptrs = map[ptrKey]key{}
	}
	d.ptrs[pk] = sum
	d.mu.Unlock()
	return sum, nil
}

// key is a 128-bit hash: two 64-bit maphash sums with independent seeds.
// The seeds are random per process and the memo lives in memory only, so
// a collision, which would serve a stale page, is as unlikely as guessing
// a random 128-bit number; maphash, unlike sha256, hashes the megabytes of
// a large site's data in a few milliseconds.
type key [16]byte

var seeds = [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}

// hasher computes a key.
type hasher struct {
	h [2]maphash.Hash
}

func (h *hasher) init() {
	h.h[0].SetSeed(seeds[0])
	h.h[1].SetSeed(seeds[1])
}

func (h *hasher) byte(b byte) {
	h.h[0].WriteByte(b)
	h.h[1].WriteByte(b)
}

func (h *hasher) num(x uint64) {
	var n [8]byte
	binary.LittleEndian.PutUint64(n[:], x)
	h.h[0].Write(n[:])
	h.h[1].Write(n[:])
}

func (h *hasher) string(s string) {
	h.num(uint64(len(s)))
	h.h[0].WriteString(s)
	h.h[1].WriteString(s)
}

func (h *hasher) bytes(b []byte) {
	h.num(uint64(len(b)))
	h.h[0].Write(b)
	h.h[1].Write(b)
}

func (h *hasher) key(k key) {
	h.h[0].Write(k[:])
	h.h[1].Write(k[:])
}

func (h *hasher) sum() key {
	var k key
	binary.LittleEndian.PutUint64(k[:8], h.h[0].Sum64())
	binary.LittleEndian.PutUint64(k[8:], h.h[1].Sum64())
	return k
}
