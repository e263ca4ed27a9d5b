package mirror

import (
	"bytes"
	"maps"
	"slices"
)

// edit makes the snapshot that follows old after an Update, copying old's
// files on the first change, and its names only when files come or go, so
// that old stays as it was.
type edit struct {
	old     *snapshot
	files   map[string][]byte // nil until the first change
	added   []string          // files that came
	removed map[string]bool   // and went
}

// replace makes found the files at or below p. No two calls of one edit
// may have one p at or below the other.
func (e *edit) replace(p string, found map[string][]byte) {
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
	if e.files == nil {
		return e.old
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
	return &snapshot{files: e.files, names: names}
}
