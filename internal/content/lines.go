package content

import (
	"bytes"
	"sort"

	"briefing/internal/model"
)

// lines is the line table of one source file, as go/token.File keeps:
// the byte offset at which each line starts. Every front-matter format
// turns the offsets it finds into positions through it, so that no
// position is worked out twice, or read back out of an error message.
type lines struct {
	file   string
	size   int
	starts []int // starts[i] is the offset of line i+1
}

func newLines(file string, data []byte) *lines {
	l := &lines{file: file, size: len(data), starts: make([]int, 1, 1+bytes.Count(data, []byte{'\n'}))}
	for off := 0; ; {
		i := bytes.IndexByte(data[off:], '\n')
		if i < 0 {
			break
		}
		off += i + 1
		l.starts = append(l.starts, off)
	}
	return l
}

// pos returns the position of the byte at off; an offset past the end is
// the end of the file. Columns count bytes, as model.Pos says.
func (l *lines) pos(off int) model.Pos {
	off = max(0, min(off, l.size))
	i := sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > off }) - 1
	return model.Pos{File: l.file, Line: i + 1, Col: off - l.starts[i] + 1}
}
