// Package mirror keeps a briefing folder's sources in memory, so that the
// live preview's rebuild after a save reads memory rather than the disk.
//
// A Mirror holds every regular file below a few directory trees of a root
// folder (a briefing's content/, templates/ and static/) and a few single
// files (config.toml), as the watch package watches them:
//
//   - a tree or file that does not exist is empty, not an error, and so is
//     a tree that is not a folder or a single file that is not a file;
//   - names that content.Ignored rejects (editors' swap, backup and
//     temporary files, hidden files and folders) are left out, as the
//     watcher never reports their changes;
//   - nothing outside the folder is read: the folder is read through an
//     os.Root, so a symbolic link is followed only while it, and every
//     link it leads to, stays inside the folder at every step (so an
//     absolute link is never followed), and only to a regular
//     file, or to a folder for the trees themselves (content/ may be a
//     link to a folder beside it). A link that leads outside, to nothing,
//     round a loop, or to a folder inside a tree is refused, and so is
//     anything that is neither a regular file nor a folder (a device, a
//     named pipe, a socket), which is never opened;
//   - what is refused, or cannot be read, is left out and described by a
//     positioned error in the snapshot (see FS), so that a build reports
//     it with the briefing's other errors.
//
// A folder that a link in a tree points at is not read through the link
// because the watcher does not watch it (it follows no link either), and
// because a link to a folder above it would make the tree endless.
//
// Update re-reads the paths a watch.Batch reports, and Reload everything.
// FS returns a snapshot: a read-only fs.FS of the files as they were when
// it was taken, which later updates leave alone, so that a build may read
// one snapshot while the next save is mirrored.
package mirror

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"

	"briefing/internal/model"
)

// Mirror is an in-memory copy of some files of a folder; see the package
// documentation. Its methods are for one goroutine (the preview's serve
// loop); the snapshots it returns may be read from any number.
type Mirror struct {
	root  string   // in the OS's form
	trees []string // slash-separated, relative to root
	files []string
	cur   *snapshot // never modified once made: FS hands it out
}

// New reads every regular file below the trees and the single files of
// root, all slash-separated and relative to root. Files that cannot be
// read are left out and refused (see FS), and reported in the error too,
// which joins one error per file; the files refused by the rules of the
// package documentation are not errors here. The Mirror is returned anyway; New returns no Mirror only when
// root is not a folder or a tree or file is not a local path.
func New(root string, trees, files []string) (*Mirror, error) {
	for _, p := range append(append([]string(nil), trees...), files...) {
		if !fs.ValidPath(p) || p == "." {
			return nil, fmt.Errorf("mirror: %q is not a slash-separated path inside the folder", p)
		}
	}
	info, err := os.Stat(root)
	if err != nil {
		return nil, fmt.Errorf("mirror: %w", err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("mirror: %s is not a folder", root)
	}
	m := &Mirror{root: root, trees: trees, files: files, cur: newSnapshot(nil, nil)}
	return m, m.Reload()
}

// FS returns a snapshot of the mirrored files as they are now. It
// implements fs.ReadFileFS, fs.ReadDirFS and fs.StatFS; folders exist
// when files are below them, and "." always. Its files are read-only and
// have no modification time. It also has a method
//
//	ReadFileShared(name string) ([]byte, error)
//
// that returns a file's bytes without copying them, which the caller must
// not modify and which never change: a new version of a file is new bytes
// (content.Loader uses it, and keeps the texts it loads as views of them),
// and a method
//
//	Refused() model.Diagnostics
//
// that returns an error for each file that was not read, at its path, and
// why (the build package reports them). Nothing changes a snapshot later,
// and it is safe for concurrent use. Calling FS again with no change in
// between returns the same snapshot.
func (m *Mirror) FS() fs.FS { return m.cur }

// Reload re-reads every file, for when changes may have been missed (the
// watcher's event queue overflowed). Errors are as for New.
func (m *Mirror) Reload() error {
	r, err := m.reading()
	if err != nil {
		return err
	}
	defer r.dir.Close()
	for _, t := range append(append([]string(nil), m.trees...), m.files...) {
		r.read(t)
	}
	m.cur = newSnapshot(r.found, r.refused)
	return errors.Join(r.errs...)
}

// reading starts reading the folder.
func (m *Mirror) reading() (*reading, error) {
	dir, err := os.OpenRoot(m.root)
	if err != nil {
		return nil, fmt.Errorf("mirror: %w", err)
	}
	return &reading{m: m, dir: dir, found: map[string][]byte{}, refused: map[string]model.Diagnostic{}}, nil
}

// Update re-reads the given paths, slash-separated and relative to the
// root, as watch.Batch.Paths lists them: files or folders, changed,
// created, removed or renamed. A path that is now a file is read, one
// that is now a folder is read with everything below it, and what was
// mirrored at or below a path and is no longer there is dropped. Paths
// outside the trees and single files are skipped, except that a folder
// holding a tree or file re-reads that tree or file.
//
// A file that cannot be read is dropped as if it were gone, and its error
// is reported; Update reads the other paths regardless, and the error
// joins one error per file.
func (m *Mirror) Update(paths []string) error {
	r, err := m.reading()
	if err != nil {
		return err
	}
	defer r.dir.Close()
	ed := edit{old: m.cur}
	for _, p := range m.targets(paths) {
		r.found, r.refused = map[string][]byte{}, map[string]model.Diagnostic{}
		r.read(p)
		ed.replace(p, r.found, r.refused)
	}
	m.cur = ed.done()
	return errors.Join(r.errs...)
}

// targets returns the mirrored paths that paths cover, each once, leaving
// out any path below another: re-reading the folder re-reads it. So no
// target is below another, and they can be re-read one by one.
func (m *Mirror) targets(paths []string) []string {
	set := map[string]bool{}
	for _, p := range paths {
		p = path.Clean(p)
		if !fs.ValidPath(p) {
			continue
		}
		for _, t := range append(append([]string(nil), m.trees...), m.files...) {
			switch {
			case p == t || p == "." || strings.HasPrefix(t, p+"/"):
				set[t] = true // the tree or file itself, or a folder it is in
			case strings.HasPrefix(p, t+"/") && slices.Contains(m.trees, t) && !ignored(p[len(t)+1:]):
				set[p] = true
			}
		}
	}
	var out []string
	for p := range set {
		if !hasAncestor(set, p) {
			out = append(out, p)
		}
	}
	slices.Sort(out) // so that errors come in path order
	return out
}

// hasAncestor reports whether a folder holding p is in set.
func hasAncestor(set map[string]bool, p string) bool {
	for d := path.Dir(p); d != "."; d = path.Dir(d) {
		if set[d] {
			return true
		}
	}
	return false
}
