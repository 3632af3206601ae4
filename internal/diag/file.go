package diag

import (
	"sort"
	"sync"
	"unicode/utf8"
)

// File is a source file whose byte offsets can be turned into 1-based
// line:column positions, columns counted in Unicode code points. Findings keep
// byte offsets while they are made; the line table is built once per file, on
// first use, so files without findings never pay for it.
type File struct {
	Name string // kit-relative, slash-separated path, as printed
	Src  []byte

	// lines is the byte offset of the start of each line, built on the
	// first Pos: checks run in parallel ask for positions in one file.
	once  sync.Once
	lines []int
}

// NewFile returns a File for src, printed as name.
func NewFile(name string, src []byte) *File {
	return &File{Name: name, Src: src}
}

// Pos returns the position of the byte offset off in f. Offsets past the end
// are clamped to the end of the file.
func (f *File) Pos(off int) Pos {
	if f == nil {
		return Pos{}
	}
	f.once.Do(func() {
		f.lines = append(f.lines, 0)
		for i, b := range f.Src {
			if b == '\n' {
				f.lines = append(f.lines, i+1)
			}
		}
	})
	if off < 0 {
		off = 0
	}
	if off > len(f.Src) {
		off = len(f.Src)
	}
	i := sort.Search(len(f.lines), func(i int) bool { return f.lines[i] > off }) - 1
	start := f.lines[i]
	col := utf8.RuneCount(f.Src[start:off]) + 1
	if i == 0 && hasBOM(f.Src) && off >= 3 {
		col-- // the byte order mark is not a character the user sees
	}
	return Pos{File: f.Name, Line: i + 1, Column: col}
}

// LineCol returns the position of the 1-based line and column in f, with the
// file's name filled in.
func (f *File) LineCol(line, col int) Pos {
	return Pos{File: f.Name, Line: line, Column: col}
}

func hasBOM(b []byte) bool {
	return len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF
}
