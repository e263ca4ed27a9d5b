package content

import (
	"bytes"

	"briefing/internal/model"
	"briefing/internal/parallel"
)

// memo keeps the parses of one kind of content file, by file path, from
// one Load to the next.
type memo[T any] struct {
	last map[string]*parsed[T] // the parses of the last Load
	next map[string]*parsed[T] // those of the Load under way
}

// parsed is one file's parse and the bytes it was made from. Nothing
// changes it once made: loads share val while the bytes stay the same.
type parsed[T any] struct {
	data, side []byte // side is an article's sidecar, nil when it has none
	val        T
	diags      model.Diagnostics
}

// input is one file to parse: its path, its bytes and, for an article,
// its sidecar's (nil when it has none), and how to parse them.
type input[T any] struct {
	file       string
	data, side []byte
	load       func(*model.Diagnostics) T
}

// parseAll returns the parses of files, in their order: for each, the last
// Load's when the bytes are the same, else a new one made by calling its
// load, on all cores (load must touch nothing but its own parse). It adds
// the parses' diagnostics to diags in the order of files, whatever the
// order the parses were made in, and keeps them for the next Load.
//
// The bytes are compared whole, not hashed, so that two contents can never
// share a parse; it costs about as much as reading them.
func (m *memo[T]) parseAll(files []input[T], diags *model.Diagnostics) []T {
	ps := make([]*parsed[T], len(files))
	parallel.Each(len(files), func(i int) error { // last is only read here
		f := files[i]
		p, ok := m.last[f.file]
		if !ok || !bytes.Equal(p.data, f.data) || (p.side == nil) != (f.side == nil) || !bytes.Equal(p.side, f.side) {
			p = &parsed[T]{data: f.data, side: f.side}
			p.val = f.load(&p.diags)
		}
		ps[i] = p
		return nil
	})
	if m.next == nil {
		m.next = make(map[string]*parsed[T], max(len(m.last), len(files)))
	}
	vals := make([]T, len(files))
	for i, p := range ps {
		m.next[files[i].file] = p
		*diags = append(*diags, p.diags...)
		vals[i] = p.val
	}
	return vals
}

// flip ends a Load: the parses it used are kept, the others dropped.
func (m *memo[T]) flip() { m.last, m.next = m.next, nil }
