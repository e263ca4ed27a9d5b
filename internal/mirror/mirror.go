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
//   - symbolic links are followed to files, and for the trees and single
//     files themselves, but not to folders inside a tree, as the watcher
//     does not watch those.
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
// read are left out and reported in the error, which joins one error per
// file, and the Mirror is returned anyway; New returns no Mirror only when
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
	m := &Mirror{root: root, trees: trees, files: files, cur: newSnapshot(nil)}
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
// not modify (content.Loader uses it). Nothing changes a snapshot later,
// and it is safe for concurrent use. Calling FS again with no change in
// between returns the same snapshot.
func (m *Mirror) FS() fs.FS { return m.cur }

// Reload re-reads every file, for when changes may have been missed (the
// watcher's event queue overflowed). Errors are as for New.
func (m *Mirror) Reload() error {
	found := map[string][]byte{}
	var errs []error
	for _, t := range append(append([]string(nil), m.trees...), m.files...) {
		errs = append(errs, m.read(t, found)...)
	}
	m.cur = newSnapshot(found)
	return errors.Join(errs...)
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
	ed := edit{old: m.cur}
	var errs []error
	for _, p := range m.targets(paths) {
		found := map[string][]byte{}
		errs = append(errs, m.read(p, found)...)
		ed.replace(p, found)
	}
	m.cur = ed.done()
	return errors.Join(errs...)
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
