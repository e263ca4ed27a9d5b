package watch

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/fsnotify/fsnotify"

	"briefing/internal/content"
)

// handle records ev in p and reports whether it is a change worth a batch.
func (w *Watcher) handle(ev fsnotify.Event, p *pending) bool {
	rel, ok := w.relevant(ev.Name)
	if !ok {
		return false
	}
	if ev.Op == fsnotify.Chmod {
		return false // touch, or vim setting the mode after a write
	}
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		w.forget(ev.Name)
	}
	p.add(rel)
	if ev.Has(fsnotify.Create) && w.inTree(rel) {
		// A new or renamed-in folder: watch it, and report what is already
		// in it, since those files were created before the watch.
		if info, err := os.Lstat(ev.Name); err == nil && info.IsDir() {
			files, err := w.addTree(ev.Name)
			if err != nil {
				p.errs = append(p.errs, err)
			}
			for _, f := range files {
				p.add(f)
			}
		}
	}
	return true
}

// relevant returns the slash-separated path of name relative to the root,
// and whether it is one of the watched files or lies in a watched tree.
func (w *Watcher) relevant(name string) (string, bool) {
	rel, err := filepath.Rel(w.root, name)
	if err != nil || !filepath.IsLocal(rel) {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	for _, elem := range strings.Split(rel, "/") {
		if content.Ignored(elem) {
			return "", false
		}
	}
	return rel, slices.Contains(w.opt.Files, rel) || w.inTree(rel)
}

// inTree reports whether rel is a watched tree or lies in one.
func (w *Watcher) inTree(rel string) bool {
	for _, t := range w.opt.Trees {
		if rel == t || strings.HasPrefix(rel, t+"/") {
			return true
		}
	}
	return false
}

// addTree watches dir and every folder below it, skipping ignored ones, and
// returns the files found, relative to the root. A dir that does not exist
// is not an error: it is watched when it appears.
func (w *Watcher) addTree(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if notExist(err) {
				return nil
			}
			return err
		}
		if p != dir && content.Ignored(d.Name()) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() {
			if rel, ok := w.relevant(p); ok {
				files = append(files, rel)
			}
			return nil
		}
		if err := w.watchDir(p); err != nil && !notExist(err) {
			return err
		}
		return nil
	})
	return files, err
}

// watchDir adds one folder to the watch list.
//
// The system watches a folder, not a path, and fsnotify names a folder's
// changes by the path it was first watched under. A folder renamed within
// the trees can be met at its new path (walking a new parent) before the
// rename's own event is read: its old path is dropped first, or its
// changes would go on being named by the old path, and forgetting the old
// path on the rename's event would end the watch of the new.
func (w *Watcher) watchDir(dir string) error {
	if _, ok := w.dirs[dir]; ok {
		return nil
	}
	info, err := os.Stat(dir)
	if err != nil {
		return err
	}
	for old, was := range w.dirs {
		if os.SameFile(info, was) {
			w.fsw.Remove(old)
			delete(w.dirs, old)
		}
	}
	if err := w.fsw.Add(dir); err != nil {
		return err
	}
	w.dirs[dir] = info
	return nil
}

// forget stops watching a folder that was removed or renamed away, and every
// folder below it; for a file it does nothing.
func (w *Watcher) forget(name string) {
	for dir := range w.dirs {
		if dir == name || strings.HasPrefix(dir, name+string(filepath.Separator)) {
			w.fsw.Remove(dir) // the kernel may have dropped it already
			delete(w.dirs, dir)
		}
	}
}
