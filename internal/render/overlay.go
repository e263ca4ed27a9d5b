package render

import (
	"errors"
	"io/fs"
	"sort"
)

// Overlay returns a file system that serves each file from upper when upper
// has it and from lower otherwise; directory listings are merged. It is how a
// briefing's own templates/ and static/ override the embedded theme file by
// file.
func Overlay(upper, lower fs.FS) fs.FS { return overlay{upper, lower} }

type overlay struct{ upper, lower fs.FS }

func (o overlay) Open(name string) (fs.File, error) {
	if o.upper != nil {
		if info, err := fs.Stat(o.upper, name); err == nil && !info.IsDir() {
			return o.upper.Open(name)
		}
	}
	f, err := o.lower.Open(name)
	if err != nil && o.upper != nil {
		return o.upper.Open(name)
	}
	return f, err
}

func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	seen := map[string]fs.DirEntry{}
	var firstErr error
	for _, fsys := range []fs.FS{o.lower, o.upper} {
		if fsys == nil {
			continue
		}
		entries, err := fs.ReadDir(fsys, name)
		if err != nil {
			if !errors.Is(err, fs.ErrNotExist) && firstErr == nil {
				firstErr = err
			}
			continue
		}
		for _, e := range entries {
			seen[e.Name()] = e
		}
	}
	if len(seen) == 0 {
		if firstErr == nil {
			firstErr = &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
		}
		return nil, firstErr
	}
	out := make([]fs.DirEntry, 0, len(seen))
	for _, e := range seen {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}
