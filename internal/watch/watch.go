// Package watch reports changes to a briefing folder's sources in batches.
//
// A Watcher watches, below one root folder, a few directory trees (a
// briefing's content/, templates/ and static/) and a few single files
// (config.toml):
//
//   - every directory of a tree is watched, including directories created or
//     renamed into it later, and a tree that does not exist yet is picked up
//     when it appears;
//   - a single file is watched through its parent folder, so an editor's
//     save that writes a temporary file and renames it over the original is
//     seen as a change of the original;
//   - names that content.Ignored rejects (editors' swap, backup and
//     temporary files, hidden files and folders) are never reported, and
//     attribute-only changes are not changes.
//
// Changes are batched. A batch is ready once no change has arrived for
// Options.Quiet, or Options.MaxDelay after its first change while changes
// keep coming; changes that arrive while the receiver is busy join the
// batch it receives next. So one save is one batch, and a git checkout that
// touches a thousand files is one or a few.
package watch

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Options say what to watch and how to batch.
type Options struct {
	// Trees are directories watched with everything below them, and
	// Files single files; both slash-separated and relative to the root.
	Trees []string
	Files []string
	// Quiet is how long no change must arrive before a batch is ready
	// (default 5ms: the events of one save come within microseconds of each
	// other, and the delay adds to every reload); MaxDelay bounds how long
	// a batch waits for a stream of changes to stop (default 500ms).
	Quiet    time.Duration
	MaxDelay time.Duration
}

// Batch is the set of changes since the previous batch.
type Batch struct {
	// Paths are the changed files and folders, slash-separated, relative to
	// the root, each once, in the order they first changed. A folder
	// created or renamed into a tree is listed with every file in it.
	Paths []string
	// Overflow reports that the system dropped events: anything may have
	// changed.
	Overflow bool
	// Errs are watching problems met since the previous batch, such as a
	// folder that could not be watched.
	Errs []error
}

// Watcher watches a briefing folder; see the package documentation. Its
// goroutine runs until Close.
type Watcher struct {
	root string
	opt  Options
	fsw  *fsnotify.Watcher
	out  chan Batch
	done chan struct{}
	wg   sync.WaitGroup
	once sync.Once
	dirs map[string]os.FileInfo // watched directories, as they were when watched; owned by the run goroutine after New

	// Errors are received on a goroutine of their own (readErrors) and
	// queued here for run: fsnotify may send one while holding the lock
	// that its Add and Remove take, and run calls those.
	errMu   sync.Mutex
	errs    []error
	errSent chan struct{} // has a value when errs may be non-empty
}

// New starts watching root. The trees and files need not exist yet.
func New(root string, opt Options) (*Watcher, error) {
	if opt.Quiet <= 0 {
		opt.Quiet = 5 * time.Millisecond
	}
	if opt.MaxDelay <= 0 {
		opt.MaxDelay = 500 * time.Millisecond
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	}
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	}
	w := &Watcher{root: abs, opt: opt, fsw: fsw, out: make(chan Batch), done: make(chan struct{}), dirs: map[string]os.FileInfo{},
		errSent: make(chan struct{}, 1)}
	// The root itself, for the single files and for trees that appear later.
	if err := w.watchDir(abs); err != nil {
		fsw.Close()
		return nil, fmt.Errorf("watch %s: %w", root, err)
	}
	for _, t := range opt.Trees {
		if _, err := w.addTree(filepath.Join(abs, filepath.FromSlash(t))); err != nil {
			fsw.Close()
			return nil, fmt.Errorf("watch %s: %w", t, err)
		}
	}
	w.wg.Add(2)
	go w.readErrors()
	go w.run()
	return w, nil
}

// Batches returns the channel of batches. It is closed by Close.
func (w *Watcher) Batches() <-chan Batch { return w.out }

// Close stops watching and closes the Batches channel. Changes not yet
// received are dropped.
func (w *Watcher) Close() error {
	var err error
	w.once.Do(func() {
		close(w.done)
		err = w.fsw.Close()
		w.wg.Wait()
	})
	return err
}

// run batches events until Close; see the package documentation.
func (w *Watcher) run() {
	defer w.wg.Done()
	defer close(w.out)
	p := newPending()
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	ready := false
	var first time.Time // of the pending batch
	changed := func() {
		now := time.Now()
		if first.IsZero() {
			first = now
		}
		// Wait for quiet, but never past MaxDelay after the first change.
		wait := min(w.opt.Quiet, first.Add(w.opt.MaxDelay).Sub(now))
		if wait > 0 {
			ready = false
			timer.Reset(wait)
		} else {
			ready = true
		}
	}
	for {
		var send chan<- Batch
		var next Batch
		if ready {
			if !w.drain(p, changed) {
				// More changes came. Past MaxDelay nothing else will
				// wake this loop, so look again at once.
				continue
			}
			send, next = w.out, p.batch()
		}
		select {
		case <-w.done:
			return
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			if w.handle(ev, p) {
				changed()
			}
		case <-w.errSent:
			w.takeErrs(p)
			changed()
		case <-timer.C:
			ready = true
		case send <- next:
			p = newPending()
			ready, first = false, time.Time{}
			timer.Stop()
		}
	}
}

// drain handles the events and errors already queued, calling changed for
// each change, and reports whether there were none: a batch is sent only
// then, so that one save's events stay together even when this goroutine
// was held up and the timer fired before it could read them.
func (w *Watcher) drain(p *pending, changed func()) bool {
	quiet := true
	for {
		select {
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return quiet
			}
			if w.handle(ev, p) {
				changed()
				quiet = false
			}
		case <-w.errSent:
			w.takeErrs(p)
			changed()
			quiet = false
		default:
			return quiet
		}
	}
}

// readErrors queues fsnotify's errors for run until the fsnotify watcher
// is closed.
func (w *Watcher) readErrors() {
	defer w.wg.Done()
	for err := range w.fsw.Errors {
		w.errMu.Lock()
		w.errs = append(w.errs, err)
		w.errMu.Unlock()
		select {
		case w.errSent <- struct{}{}:
		default: // run has yet to take the earlier ones; it takes all
		}
	}
}

// takeErrs moves the queued errors into p.
func (w *Watcher) takeErrs(p *pending) {
	w.errMu.Lock()
	errs := w.errs
	w.errs = nil
	w.errMu.Unlock()
	for _, err := range errs {
		w.handleErr(err, p)
	}
}

// handleErr records a watching error in p.
func (w *Watcher) handleErr(err error, p *pending) {
	if errors.Is(err, fsnotify.ErrEventOverflow) {
		p.overflow = true
	} else {
		p.errs = append(p.errs, err)
	}
}

// pending collects the changes of the next batch.
type pending struct {
	seen     map[string]bool
	paths    []string
	overflow bool
	errs     []error
}

func newPending() *pending { return &pending{seen: map[string]bool{}} }

func (p *pending) add(rel string) bool {
	if p.seen[rel] {
		return false
	}
	p.seen[rel] = true
	p.paths = append(p.paths, rel)
	return true
}

func (p *pending) batch() Batch {
	return Batch{Paths: append([]string(nil), p.paths...), Overflow: p.overflow, Errs: append([]error(nil), p.errs...)}
}

// notExist reports errors that only mean the path went away meanwhile.
func notExist(err error) bool {
	return errors.Is(err, os.ErrNotExist) || errors.Is(err, fsnotify.ErrNonExistentWatch)
}
