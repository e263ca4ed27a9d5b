package content

import (
	"bytes"

	"briefing/internal/model"
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

// parse returns the parse of file, whose bytes are data and, for an
// article, side: the last Load's when the bytes are the same, else a new
// one made by calling load. Either way it adds the parse's diagnostics to
// diags, and keeps the parse for the next Load.
//
// The bytes are compared whole, not hashed, so that two contents can never
// share a parse; it costs about as much as reading them.
func (m *memo[T]) parse(file string, data, side []byte, diags *model.Diagnostics, load func(*model.Diagnostics) T) T {
	p, ok := m.last[file]
	if !ok || !bytes.Equal(p.data, data) || (p.side == nil) != (side == nil) || !bytes.Equal(p.side, side) {
		p = &parsed[T]{data: data, side: side}
		p.val = load(&p.diags)
	}
	if m.next == nil {
		m.next = make(map[string]*parsed[T], len(m.last))
	}
	m.next[file] = p
	*diags = append(*diags, p.diags...)
	return p.val
}

// flip ends a Load: the parses it used are kept, the others dropped.
func (m *memo[T]) flip() { m.last, m.next = m.next, nil }
