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
//
// Only regular files are opened in upper: a symbolic link (when upper can
// tell, as os.DirFS can), a device, a named pipe or a socket there is an
// error, and never opened, so that a theme cannot read from outside its
// folder or block on a pipe. (The command line reads a briefing through a
// mirror, which has refused those already.)
func Overlay(upper, lower fs.FS) fs.FS { return overlay{upper, lower} }

type overlay struct{ upper, lower fs.FS }

func (o overlay) Open(name string) (fs.File, error) {
	if o.upper != nil {
		if info, err := lstat(o.upper, name); err == nil && !info.IsDir() {
			if !info.Mode().IsRegular() {
				return nil, &fs.PathError{Op: "open", Path: name, Err: errNotRegular}
			}
			return o.upper.Open(name)
		}
	}
	f, err := o.lower.Open(name)
	if err != nil && o.upper != nil {
		return o.upper.Open(name)
	}
	return f, err
}

var errNotRegular = errors.New("not a regular file: only regular files are read")

// lstat describes name in fsys without following a symbolic link when
// fsys can tell links.
func lstat(fsys fs.FS, name string) (fs.FileInfo, error) {
	if _, ok := fsys.(fs.ReadLinkFS); ok {
		return fs.Lstat(fsys, name)
	}
	return fs.Stat(fsys, name)
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
