package source

import (
	"bytes"
	"sort"
	"unicode/utf8"

	"briefing/internal/model"
)

// File is the line table of one source file: the byte offset at which
// each line starts.
type File struct {
	name   string
	data   []byte
	starts []int // starts[i] is the offset of line i+1
}

// NewFile returns the line table of data, the contents of the file named
// name.
func NewFile(name string, data []byte) *File {
	f := &File{name: name, data: data, starts: make([]int, 1, 1+bytes.Count(data, []byte{'\n'}))}
	for off := 0; ; {
		i := bytes.IndexByte(data[off:], '\n')
		if i < 0 {
			break
		}
		off += i + 1
		f.starts = append(f.starts, off)
	}
	return f
}

// Pos returns the position of the byte at off; an offset past the end is
// the end of the file. Columns count characters, as model.Pos says; a
// byte order mark does not count.
func (f *File) Pos(off int) model.Pos {
	off = max(0, min(off, len(f.data)))
	i := sort.Search(len(f.starts), func(i int) bool { return f.starts[i] > off }) - 1
	start := f.starts[i]
	if i == 0 && bytes.HasPrefix(f.data[:off], []byte(bom)) {
		start = len(bom) // a byte order mark is no character an editor sees
	}
	return model.Pos{File: f.name, Line: i + 1, Col: utf8.RuneCount(f.data[start:off]) + 1}
}

// bom is the UTF-8 byte order mark, which some editors write at the start
// of a file.
const bom = "\xef\xbb\xbf"

// LineCount returns the number of lines; text after the last newline, or
// none, is a line.
func (f *File) LineCount() int { return len(f.starts) }

// LineStart returns the offset at which line n, counted from 1, starts.
func (f *File) LineStart(n int) int { return f.starts[n-1] }
