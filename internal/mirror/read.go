package mirror

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"briefing/internal/content"
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

// read adds to found what is at rel now: the file, or every file below the
// folder, and returns the errors of the files it could not read. rel is a
// tree, a single file or a path in a tree; nothing at rel is no error.
func (m *Mirror) read(rel string, found map[string][]byte) []error {
	name := filepath.Join(m.root, filepath.FromSlash(rel))
	isTree, inTree := slices.Contains(m.trees, rel), !slices.Contains(m.files, rel)
	var info fs.FileInfo
	var err error
	if isTree || !inTree {
		info, err = os.Stat(name)
	} else {
		info, err = os.Lstat(name)
		if err == nil && info.Mode()&fs.ModeSymlink != 0 {
			info, err = os.Stat(name)
			if err == nil && info.IsDir() {
				return nil // a link to a folder, which the watcher does not watch
			}
		}
	}
	var errs []error
	switch {
	case err != nil:
		errs = addErr(errs, err)
	case info.Mode().IsRegular() && !isTree: // a tree is a folder, or nothing
		errs = readFile(rel, name, found, errs)
	case info.IsDir() && inTree:
		errs = readDir(rel, name, found, errs)
	}
	return errs
}

// readDir adds every file below the folder rel, at name, to found.
func readDir(rel, name string, found map[string][]byte, errs []error) []error {
	entries, err := os.ReadDir(name)
	if err != nil {
		return addErr(errs, err)
	}
	for _, e := range entries {
		if content.Ignored(e.Name()) {
			continue
		}
		r, n := rel+"/"+e.Name(), filepath.Join(name, e.Name())
		switch t := e.Type(); {
		case t.IsDir():
			errs = readDir(r, n, found, errs)
		case t.IsRegular():
			errs = readFile(r, n, found, errs)
		case t&fs.ModeSymlink != 0:
			if info, err := os.Stat(n); err != nil {
				errs = addErr(errs, err)
			} else if info.Mode().IsRegular() {
				errs = readFile(r, n, found, errs)
			}
		}
	}
	return errs
}

// readFile adds the file rel, at name, to found.
func readFile(rel, name string, found map[string][]byte, errs []error) []error {
	data, err := os.ReadFile(name)
	if err != nil {
		return addErr(errs, err)
	}
	found[rel] = data
	return errs
}

// addErr appends err to errs unless it only says that the file went away
// meanwhile, or a folder on its path became a file.
func addErr(errs []error, err error) []error {
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
		return errs
	}
	return append(errs, fmt.Errorf("mirror: %w", err))
}
