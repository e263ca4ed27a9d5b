package mirror

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"maps"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"briefing/internal/model"
)

// snapshot is the read-only file system FS returns. Its files and names
// never change once it is made; only its cache of folder listings grows,
// under mu.
type snapshot struct {
	files map[string][]byte // by slash-separated path
	names []string          // the keys of files, sorted

	// What was not read, and why, by slash-separated path; nil when
	// nothing was refused.
	refused map[string]model.Diagnostic

	mu   sync.Mutex
	dirs map[string][]fs.DirEntry // the listings made so far, by folder
}

var (
	_ fs.ReadFileFS = (*snapshot)(nil)
	_ fs.ReadDirFS  = (*snapshot)(nil)
	_ fs.StatFS     = (*snapshot)(nil)
)

func newSnapshot(files map[string][]byte, refused map[string]model.Diagnostic) *snapshot {
	if len(refused) == 0 {
		refused = nil
	}
	return &snapshot{files: files, names: slices.Sorted(maps.Keys(files)), refused: refused}
}

// Refused returns an error for each file or link of the mirrored trees and
// single files that was not read, and why, sorted by path.
func (s *snapshot) Refused() model.Diagnostics {
	var out model.Diagnostics
	for _, p := range slices.Sorted(maps.Keys(s.refused)) {
		out = append(out, s.refused[p])
	}
	return out
}

var (
	errIsDir  = errors.New("is a directory")
	errNotDir = errors.New("not a directory")
)

// Open opens the named file or folder.
func (s *snapshot) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if data, ok := s.files[name]; ok {
		return &openFile{info: fileEntry(name, data), Reader: bytes.NewReader(data)}, nil
	}
	if !s.isDir(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return &openDir{info: dirEntry(name), path: name, entries: s.listing(name)}, nil
}

// ReadFile returns a copy of the named file's bytes, which the caller may
// change.
func (s *snapshot) ReadFile(name string) ([]byte, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "read", Path: name, Err: fs.ErrInvalid}
	}
	if data, ok := s.files[name]; ok {
		return bytes.Clone(data), nil
	}
	if s.isDir(name) {
		return nil, &fs.PathError{Op: "read", Path: name, Err: errIsDir}
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// ReadFileShared is ReadFile without the copy: it returns the snapshot's
// own bytes, which the caller must not modify. It saves a content.Loader
// copying and comparing the files that did not change (which it then
// compares with themselves).
func (s *snapshot) ReadFileShared(name string) ([]byte, error) {
	if data, ok := s.files[name]; ok {
		return data, nil
	}
	return s.ReadFile(name) // for the error
}

// ReadDir lists the named folder, sorted by name.
func (s *snapshot) ReadDir(name string) ([]fs.DirEntry, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrInvalid}
	}
	if _, ok := s.files[name]; ok {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: errNotDir}
	}
	if !s.isDir(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return slices.Clone(s.listing(name)), nil // the caller may sort or change it
}

// Stat describes the named file or folder.
func (s *snapshot) Stat(name string) (fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrInvalid}
	}
	if data, ok := s.files[name]; ok {
		return fileEntry(name, data), nil
	}
	if !s.isDir(name) {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrNotExist}
	}
	return dirEntry(name), nil
}

// below returns the sorted paths of the files at or below p.
func (s *snapshot) below(p string) []string {
	if p == "." {
		return s.names
	}
	var out []string
	if _, ok := s.files[p]; ok {
		out = append(out, p)
	}
	return append(out, s.under(p+"/")...)
}

// under returns the sorted paths that start with prefix: they are
// adjacent in s.names.
func (s *snapshot) under(prefix string) []string {
	i := sort.SearchStrings(s.names, prefix)
	j := i
	for j < len(s.names) && strings.HasPrefix(s.names[j], prefix) {
		j++
	}
	return s.names[i:j]
}

// isDir reports whether name is a folder: the root, or one with files below.
func (s *snapshot) isDir(name string) bool {
	if name == "." {
		return true
	}
	i := sort.SearchStrings(s.names, name+"/")
	return i < len(s.names) && strings.HasPrefix(s.names[i], name+"/")
}

// listing returns the entries of the folder dir, sorted by name, making
// them on the first call. The slice is shared: callers must not change it.
func (s *snapshot) listing(dir string) []fs.DirEntry {
	s.mu.Lock()
	defer s.mu.Unlock()
	if l, ok := s.dirs[dir]; ok {
		return l
	}
	prefix := dir + "/"
	if dir == "." {
		prefix = ""
	}
	under := s.under(prefix)
	var l []fs.DirEntry
	ents := make([]entry, 0, len(under)) // one allocation, not one per entry
	var last string                      // the last subfolder listed: its files are adjacent
	for _, p := range under {
		rest := p[len(prefix):]
		if i := strings.IndexByte(rest, '/'); i >= 0 {
			if sub := rest[:i]; sub != last {
				ents = append(ents, entry{name: sub, dir: true})
				l = append(l, &ents[len(ents)-1])
				last = sub
			}
			continue
		}
		ents = append(ents, entry{name: rest, size: int64(len(s.files[p]))})
		l = append(l, &ents[len(ents)-1])
	}
	// "a/x" sorts after "a-b" and "a.txt", but a comes before them.
	slices.SortFunc(l, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	if s.dirs == nil {
		s.dirs = map[string][]fs.DirEntry{}
	}
	s.dirs[dir] = l
	return l
}

// entry describes a file or folder, as both fs.DirEntry and fs.FileInfo.
// Files are read-only and have no modification time: a snapshot does not
// keep them.
type entry struct {
	name string
	size int64
	dir  bool
}

func fileEntry(p string, data []byte) *entry {
	return &entry{name: path.Base(p), size: int64(len(data))}
}
func dirEntry(p string) *entry { return &entry{name: path.Base(p), dir: true} }

func (e *entry) Name() string               { return e.name }
func (e *entry) IsDir() bool                { return e.dir }
func (e *entry) Type() fs.FileMode          { return e.Mode().Type() }
func (e *entry) Info() (fs.FileInfo, error) { return e, nil }
func (e *entry) Size() int64                { return e.size }
func (e *entry) ModTime() time.Time         { return time.Time{} }
func (e *entry) Sys() any                   { return nil }
func (e *entry) String() string             { return fs.FormatDirEntry(e) }

func (e *entry) Mode() fs.FileMode {
	if e.dir {
		return fs.ModeDir | 0o555
	}
	return 0o444
}

// openFile is an open file: a reader of the snapshot's bytes, which it
// never writes.
type openFile struct {
	info *entry
	*bytes.Reader
}

func (f *openFile) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *openFile) Close() error               { return nil }

// openDir is an open folder.
type openDir struct {
	info    *entry
	path    string
	entries []fs.DirEntry // shared with the snapshot: never changed
	off     int
}

func (d *openDir) Stat() (fs.FileInfo, error) { return d.info, nil }
func (d *openDir) Close() error               { return nil }

func (d *openDir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.path, Err: errIsDir}
}

// ReadDir returns the next n entries, or all the rest when n <= 0, as
// fs.ReadDirFile says.
func (d *openDir) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.entries[d.off:]
	if n > 0 {
		if len(rest) == 0 {
			return nil, io.EOF
		}
		rest = rest[:min(n, len(rest))]
	}
	d.off += len(rest)
	return slices.Clone(rest), nil
}
