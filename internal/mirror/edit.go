package mirror

import (
	"bytes"
	"maps"
	"slices"
	"strings"

	"briefing/internal/model"
)

// edit makes the snapshot that follows old after an Update, copying old's
// files on the first change, and its names only when files come or go, so
// that old stays as it was.
type edit struct {
	old     *snapshot
	files   map[string][]byte // nil until the first change
	added   []string          // files that came
	removed map[string]bool   // and went

	refused        map[string]model.Diagnostic // nil until the first change
	refusedChanged bool
}

// replace makes found the files at or below p, and refused what is
// refused there. No two calls of one edit may have one p at or below the
// other.
func (e *edit) replace(p string, found map[string][]byte, refused map[string]model.Diagnostic) {
	e.replaceRefused(p, refused)
	for _, name := range e.old.below(p) {
		if _, ok := found[name]; !ok {
			e.write()
			delete(e.files, name)
			if e.removed == nil {
				e.removed = map[string]bool{}
			}
			e.removed[name] = true
		}
	}
	for name, data := range found {
		old, ok := e.old.files[name]
		if ok && bytes.Equal(old, data) {
			continue // saved unchanged: keep the snapshot, and the builds' caches, as they are
		}
		e.write()
		e.files[name] = data
		if !ok {
			e.added = append(e.added, name)
		}
	}
}

// replaceRefused makes refused what is refused at or below p.
func (e *edit) replaceRefused(p string, refused map[string]model.Diagnostic) {
	for name := range e.old.refused {
		if _, ok := refused[name]; !ok && (p == "." || name == p || strings.HasPrefix(name, p+"/")) {
			e.writeRefused()
			delete(e.refused, name)
		}
	}
	for name, d := range refused {
		if old, ok := e.old.refused[name]; ok && old == d {
			continue
		}
		e.writeRefused()
		e.refused[name] = d
	}
}

func (e *edit) writeRefused() {
	if !e.refusedChanged {
		e.refused = maps.Clone(e.old.refused)
		if e.refused == nil {
			e.refused = map[string]model.Diagnostic{}
		}
		e.refusedChanged = true
	}
}

func (e *edit) write() {
	if e.files == nil {
		e.files = maps.Clone(e.old.files)
		if e.files == nil {
			e.files = map[string][]byte{}
		}
	}
}

// done returns the new snapshot, or old when nothing changed.
func (e *edit) done() *snapshot {
	if e.files == nil && !e.refusedChanged {
		return e.old
	}
	refused := e.old.refused
	if e.refusedChanged {
		refused = e.refused
		if len(refused) == 0 {
			refused = nil
		}
	}
	if e.files == nil {
		return &snapshot{files: e.old.files, names: e.old.names, refused: refused}
	}
	names := e.old.names
	if len(e.added) > 0 || len(e.removed) > 0 {
		// Merge rather than sort them all again: a new file costs O(n).
		slices.Sort(e.added)
		names = make([]string, 0, len(e.old.names)-len(e.removed)+len(e.added))
		old, add := e.old.names, e.added
		for len(old) > 0 || len(add) > 0 {
			switch {
			case len(old) > 0 && e.removed[old[0]]:
				old = old[1:]
			case len(add) == 0 || len(old) > 0 && old[0] < add[0]:
				names, old = append(names, old[0]), old[1:]
			default:
				names, add = append(names, add[0]), add[1:]
			}
		}
	}
	return &snapshot{files: e.files, names: names, refused: refused}
}
