package site

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sync"
)

// Dir is a site being written: a temporary directory beside the target,
// marked as briefing's own from the start, that Commit swaps in for the
// target and Close removes unless it was committed. A build can so write
// each file as it is rendered, never holding the whole site, and still
// leave the previous output untouched when it fails half-way.
type Dir struct {
	out, tmp string
	done     bool // committed, or removed

	mu   sync.Mutex
	dirs map[string]bool // the folders under tmp known to exist
}

// Create checks that out may be replaced by a site built from the briefing
// folder src (see CheckTarget), makes out's parent when it is missing,
// removes what killed builds left beside out, and returns a new, empty
// Dir to write out's next contents into. The caller must Close it.
func Create(out, src string) (*Dir, error) {
	out = filepath.Clean(out)
	if err := CheckTarget(out, src); err != nil {
		return nil, err
	}
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("create %s: %w", parent, err)
	}
	removeLeftovers(out)
	tmp, err := os.MkdirTemp(parent, tempPrefix(out))
	if err != nil {
		return nil, fmt.Errorf("create temporary output: %w", err)
	}
	d := &Dir{out: out, tmp: tmp}
	// The marker goes in first, so that a build killed from here on leaves
	// a directory the next one knows as its own.
	if err := os.WriteFile(filepath.Join(tmp, Marker), []byte(markerText), 0o644); err != nil {
		d.Close()
		return nil, err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		d.Close()
		return nil, err
	}
	return d, nil
}

// WriteFile writes data as the file name (a slash-separated path relative
// to the site root), making the folders it needs. It is safe to call from
// many goroutines at once, for different names.
func (d *Dir) WriteFile(name string, data []byte) error {
	if err := checkName(name); err != nil {
		return err
	}
	if err := d.mkdir(path.Dir(name)); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(d.tmp, filepath.FromSlash(name)), data, 0o644)
}

// mkdir makes the folder dir (slash-separated, relative to the site root)
// and those above it, each once: a large site has a folder per page, and
// MkdirAll's checks of every folder above it cost more than writing the
// page.
func (d *Dir) mkdir(dir string) error {
	if dir == "." {
		return nil
	}
	d.mu.Lock()
	made := d.dirs[dir]
	d.mu.Unlock()
	if made {
		return nil
	}
	if err := d.mkdir(path.Dir(dir)); err != nil {
		return err
	}
	// Safe to race: a folder another goroutine made meanwhile is no error.
	if err := os.Mkdir(filepath.Join(d.tmp, filepath.FromSlash(dir)), 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	d.mu.Lock()
	if d.dirs == nil {
		d.dirs = map[string]bool{}
	}
	d.dirs[dir] = true
	d.mu.Unlock()
	return nil
}

// checkName refuses a file name that would land outside the output
// directory.
func checkName(name string) error {
	if !filepath.IsLocal(filepath.FromSlash(name)) {
		return fmt.Errorf("refusing to write %q outside the output directory", name)
	}
	return nil
}

// Commit replaces the target with what was written, after every
// WriteFile has returned: it moves the old output aside, moves the new one
// in, then deletes the old. If the second move fails, the old output is
// put back.
func (d *Dir) Commit() error {
	old := ""
	if _, err := os.Stat(d.out); err == nil {
		old = d.tmp + ".old"
		if err := os.Rename(d.out, old); err != nil {
			return fmt.Errorf("replace %s: %w", d.out, err)
		}
	}
	if err := os.Rename(d.tmp, d.out); err != nil {
		if old != "" {
			os.Rename(old, d.out)
		}
		return fmt.Errorf("replace %s: %w", d.out, err)
	}
	d.done = true
	if old != "" {
		if err := os.RemoveAll(old); err != nil {
			return fmt.Errorf("remove previous output: %w", err)
		}
	}
	return nil
}

// Close removes the temporary directory unless Commit moved it in, so the
// target stays as it was. Calls after the first do nothing.
func (d *Dir) Close() error {
	if d.done {
		return nil
	}
	d.done = true
	return os.RemoveAll(d.tmp)
}
