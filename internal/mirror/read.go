package mirror

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"briefing/internal/content"
	"briefing/internal/model"
	"briefing/internal/parallel"
)

// ignored reports whether any element of the slash-separated rel is a name
// that content.Ignored rejects.
func ignored(rel string) bool {
	for elem := range strings.SplitSeq(rel, "/") {
		if content.Ignored(elem) {
			return true
		}
	}
	return false
}

// reading is one Reload or Update's reading of the folder, through an
// os.Root, which follows no symbolic link out of the folder.
type reading struct {
	m       *Mirror
	dir     *os.Root
	errs    []error
	found   map[string][]byte
	refused map[string]model.Diagnostic
}

// read adds to found what is at rel now: the file, or every file below the
// folder, and to refused what it will not read (see the package
// documentation). rel is a tree, a single file or a path in a tree;
// nothing at rel is no error.
func (r *reading) read(rel string) {
	isTree := slices.Contains(r.m.trees, rel)
	inTree := !slices.Contains(r.m.files, rel) // a tree, or a path in one
	if inTree && !isTree && r.belowLink(rel) {
		return // the link's own refusal says why
	}
	info, err := r.dir.Lstat(rel)
	if err != nil {
		r.addErr(rel, err)
		return
	}
	r.entry(rel, info.Mode().Type(), isTree, inTree)
}

// entry reads the file or folder rel of type typ (as fs.FileMode.Type
// says), following a symbolic link within the folder. A tree is read if it
// is a folder, a single file if it is a file.
func (r *reading) entry(rel string, typ fs.FileMode, isTree, inTree bool) {
	if typ&fs.ModeSymlink != 0 {
		info, err := r.dir.Stat(rel) // follows the links, but never out of the folder
		if err != nil {
			r.refuseLink(rel, err)
			return
		}
		if info.IsDir() && inTree && !isTree {
			target, _ := r.dir.Readlink(rel)
			r.refuse(rel, fmt.Sprintf("symbolic link to the folder %q: links to folders are not followed", target),
				"move or copy the folder here instead of linking to it")
			return
		}
		typ = info.Mode().Type()
	}
	switch {
	case typ.IsDir():
		if inTree {
			r.readDir(rel)
		}
	case typ.IsRegular():
		if !isTree {
			r.readFile(rel)
		}
	default:
		r.refuseType(rel, typ)
	}
}

// belowLink reports whether a folder between the tree holding rel and rel
// is a symbolic link, whose files the mirror does not read: os.Root would
// follow it to reach rel.
func (r *reading) belowLink(rel string) bool {
	for d := path.Dir(rel); d != "." && !slices.Contains(r.m.trees, d); d = path.Dir(d) {
		if info, err := r.dir.Lstat(d); err == nil && info.Mode()&fs.ModeSymlink != 0 {
			return true
		}
	}
	return false
}

// readDir adds every file below the folder rel to found.
func (r *reading) readDir(rel string) {
	f, err := r.dir.Open(rel)
	if err != nil {
		r.addErr(rel, err)
		return
	}
	entries, err := f.ReadDir(-1)
	f.Close()
	if err != nil {
		r.addErr(rel, err)
		return
	}
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	// The regular files are read on all cores first (a briefing may hold
	// thousands), then everything is taken in name order, as if read one
	// by one.
	got := make([]*fetched, len(entries))
	parallel.Each(len(entries), func(i int) error {
		if e := entries[i]; e.Type().IsRegular() && !content.Ignored(e.Name()) {
			f := fetch(r.dir, rel+"/"+e.Name())
			got[i] = &f
		}
		return nil
	})
	for i, e := range entries {
		switch {
		case got[i] != nil:
			r.keep(rel+"/"+e.Name(), *got[i])
		case !content.Ignored(e.Name()):
			r.entry(rel+"/"+e.Name(), e.Type(), false, true)
		}
	}
}

// readFile adds the regular file rel to found.
func (r *reading) readFile(rel string) { r.keep(rel, fetch(r.dir, rel)) }

// fetched is what reading one file gave: its bytes, or the type it turned
// out to have once open when that is not a regular file, or the error.
type fetched struct {
	data []byte
	typ  fs.FileMode
	err  error
}

// fetch reads the file rel of dir, which was a regular file when its
// folder was listed. It opens the file without blocking and reads it only
// if it is still a regular file once open, so that a named pipe or a
// device put in its place meanwhile cannot hang the read or fill the
// memory. It only reads, so that it may run on many goroutines.
func fetch(dir *os.Root, rel string) fetched {
	f, err := dir.OpenFile(rel, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return fetched{err: err}
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return fetched{err: err}
	}
	if !info.Mode().IsRegular() {
		return fetched{typ: info.Mode().Type()}
	}
	// Sized as the file was when opened, plus one byte for the read that
	// finds its end; grown if the file grows meanwhile.
	data := make([]byte, 0, info.Size()+1)
	for {
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return fetched{data: data}
		}
		if err != nil {
			return fetched{err: err}
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
	}
}

// keep adds what fetching rel gave to the reading: the file to found, or
// its refusal or error.
func (r *reading) keep(rel string, f fetched) {
	switch {
	case f.err != nil:
		r.addErr(rel, f.err)
	case f.typ != 0:
		r.refuseType(rel, f.typ)
	default:
		r.found[rel] = f.data
	}
}

// refuseLink refuses the symbolic link rel, which os.Root could not
// follow to a file or folder inside the folder.
func (r *reading) refuseLink(rel string, err error) {
	target, _ := r.dir.Readlink(rel)
	switch {
	case errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR):
		r.refuse(rel, fmt.Sprintf("symbolic link to %q, which does not exist", target),
			"remove the link, or point it at a file inside the briefing folder")
	case errors.Is(err, syscall.ELOOP):
		r.refuse(rel, fmt.Sprintf("symbolic link to %q never reaches a file: the links form a loop", target),
			"remove the link, or point it at a file inside the briefing folder")
	case errors.Is(err, fs.ErrPermission):
		r.refuse(rel, fmt.Sprintf("symbolic link to %q cannot be followed: %v", target, errors.Unwrap(err)),
			"check the permissions of the folders it goes through")
	case filepath.IsAbs(target) && r.m.holds(target):
		r.refuse(rel, fmt.Sprintf("symbolic link to the absolute path %q: only relative links that stay inside the briefing folder are followed", target),
			"a site is built only from files inside its briefing folder: copy the file here, or link to it by a relative path if it is inside the folder")
	default: // os.Root's "path escapes from parent"
		r.refuse(rel, fmt.Sprintf("symbolic link to %q leads outside the briefing folder: it is not read", target),
			"a site is built only from files inside its briefing folder: copy the file here instead of linking to it")
	}
}

// refuseType refuses rel, which is neither a regular file nor a folder.
func (r *reading) refuseType(rel string, typ fs.FileMode) {
	what := "not a regular file"
	switch {
	case typ&fs.ModeNamedPipe != 0:
		what = "a named pipe (FIFO)"
	case typ&fs.ModeSocket != 0:
		what = "a socket"
	case typ&fs.ModeDevice != 0:
		what = "a device"
	}
	r.refuse(rel, what+", not a regular file: it is not read", "remove it: only regular files and folders are read")
}

func (r *reading) refuse(rel, msg, hint string) {
	r.refused[rel] = model.Diagnostic{Pos: model.Pos{File: rel}, Severity: model.Error, Message: msg, Hint: hint}
}

// addErr notes that rel could not be read, unless it only went away
// meanwhile, or a folder on its path became a file: it is then refused,
// and err is returned too.
func (r *reading) addErr(rel string, err error) {
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
		return
	}
	msg := err.Error()
	var pe *fs.PathError
	if errors.As(err, &pe) {
		msg = pe.Err.Error()
	}
	r.refuse(rel, "cannot be read: "+msg, "check the file's permissions")
	r.errs = append(r.errs, fmt.Errorf("mirror: %s: %w", rel, err))
}

// holds reports whether the absolute path name lies inside the folder,
// spelled as it was given or with its links resolved.
func (m *Mirror) holds(name string) bool {
	for _, f := range []func(string) (string, error){filepath.Abs, filepath.EvalSymlinks} {
		if root, err := f(m.root); err == nil {
			if rel, err := filepath.Rel(root, name); err == nil && filepath.IsLocal(rel) {
				return true
			}
		}
	}
	return false
}
