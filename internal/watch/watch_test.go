package watch

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

var testOptions = Options{Trees: []string{"content", "templates", "static"}, Files: []string{"config.toml"}}

// start makes a briefing folder with the given files and watches it.
func start(t *testing.T, files ...string) (string, *Watcher) {
	t.Helper()
	root := t.TempDir()
	for _, f := range files {
		write(t, root, f, "x")
	}
	w, err := New(root, testOptions)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return root, w
}

func write(t *testing.T, root, name, data string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// next waits for a batch.
func next(t *testing.T, w *Watcher) Batch {
	t.Helper()
	select {
	case b, ok := <-w.Batches():
		if !ok {
			t.Fatal("batches closed")
		}
		for _, err := range b.Errs {
			t.Errorf("watch error: %v", err)
		}
		return b
	case <-time.After(5 * time.Second):
		t.Fatal("no batch within 5s")
	}
	return Batch{}
}

// none checks that no batch comes within a while.
func none(t *testing.T, w *Watcher) {
	t.Helper()
	select {
	case b := <-w.Batches():
		t.Fatalf("unexpected batch %v", b.Paths)
	case <-time.After(150 * time.Millisecond):
	}
}

// until collects batches until every path in want was reported.
func until(t *testing.T, w *Watcher, want ...string) (batches int) {
	t.Helper()
	got := map[string]bool{}
	for !allIn(got, want) {
		for _, p := range next(t, w).Paths {
			got[p] = true
		}
		batches++
	}
	return batches
}

func allIn(got map[string]bool, want []string) bool {
	for _, p := range want {
		if !got[p] {
			return false
		}
	}
	return true
}

func TestPlainWrite(t *testing.T) {
	root, w := start(t, "content/articles/a.txt")
	write(t, root, "content/articles/a.txt", "new text")
	if b := next(t, w); !slices.Equal(b.Paths, []string{"content/articles/a.txt"}) {
		t.Errorf("paths = %v", b.Paths)
	}
}

// TestAtomicRename saves the way vim does (backupcopy=no): a probe file,
// a backup by rename, a new file written, the backup removed.
func TestAtomicRename(t *testing.T) {
	root, w := start(t, "content/claims/c.md", "config.toml")
	dir := filepath.Join(root, "content", "claims")
	write(t, root, "content/claims/4913", "")
	os.Remove(filepath.Join(dir, "4913"))
	if err := os.Rename(filepath.Join(dir, "c.md"), filepath.Join(dir, "c.md~")); err != nil {
		t.Fatal(err)
	}
	write(t, root, "content/claims/.c.md.swp", "swap")
	write(t, root, "content/claims/c.md", "saved")
	os.Remove(filepath.Join(dir, "c.md~"))
	if b := next(t, w); !slices.Equal(b.Paths, []string{"content/claims/c.md"}) {
		t.Errorf("paths = %v, want only the saved file", b.Paths)
	}

	// Write a temporary file and rename it over the original, as
	// Sublime, JetBrains and Helix do; also for config.toml in the root.
	write(t, root, "content/claims/c.md.tmp", "saved again")
	os.Rename(filepath.Join(dir, "c.md.tmp"), filepath.Join(dir, "c.md"))
	write(t, root, "config.toml___jb_tmp___", "title = 'x'")
	os.Rename(filepath.Join(root, "config.toml___jb_tmp___"), filepath.Join(root, "config.toml"))
	until(t, w, "content/claims/c.md", "config.toml")
}

func TestIgnored(t *testing.T) {
	root, w := start(t, "content/a.md")
	for _, name := range []string{".a.md.swp", "a.md~", "4913", "#a.md#", ".#a.md", "a.md.tmp", "a.md___jb_old___"} {
		write(t, root, "content/"+name, "x")
	}
	write(t, root, "site/index.html", "output, not a source")
	write(t, root, "notes.txt", "not watched")
	os.Chmod(filepath.Join(root, "content", "a.md"), 0o600)
	none(t, w)
}

func TestNewDirectory(t *testing.T) {
	root, w := start(t, "content/_index.md")
	// Files created at once in a new folder, before the watcher has seen
	// the folder, are reported too.
	write(t, root, "content/actors/deep/er/x.md", "x")
	until(t, w, "content/actors/deep/er/x.md")
	// And the new folder is watched.
	write(t, root, "content/actors/deep/er/x.md", "changed")
	until(t, w, "content/actors/deep/er/x.md")

	// A folder renamed into the tree.
	outside := filepath.Join(t.TempDir(), "moved")
	write(t, outside, "y.md", "y")
	if err := os.Rename(outside, filepath.Join(root, "content", "pages")); err != nil {
		t.Fatal(err)
	}
	until(t, w, "content/pages", "content/pages/y.md")
	write(t, root, "content/pages/y.md", "changed")
	until(t, w, "content/pages/y.md")

	// A tree that did not exist when watching started.
	write(t, root, "templates/base.html", "<html>")
	until(t, w, "templates/base.html")
	write(t, root, "templates/base.html", "<html><head>")
	until(t, w, "templates/base.html")
}

func TestRenamedAwayDirectory(t *testing.T) {
	root, w := start(t, "static/img/a.png")
	os.Rename(filepath.Join(root, "static", "img"), filepath.Join(root, "img-away"))
	until(t, w, "static/img")
	write(t, root, "img-away/a.png", "no longer a source")
	none(t, w)
}

func TestBurst(t *testing.T) {
	const n = 1000
	root, w := start(t, "content/_index.md")
	var want []string
	for i := range n {
		name := fmt.Sprintf("content/articles/a%04d.txt", i)
		write(t, root, name, "text")
		want = append(want, name)
	}
	if batches := until(t, w, want...); batches > 5 {
		t.Errorf("%d files written in a burst came in %d batches, want a few", n, batches)
	}
}

func TestBusyReceiver(t *testing.T) {
	root, w := start(t, "content/a.md", "content/b.md")
	write(t, root, "content/a.md", "1")
	// Nobody receives while b changes: both wait in one batch.
	time.Sleep(100 * time.Millisecond)
	write(t, root, "content/b.md", "1")
	time.Sleep(100 * time.Millisecond)
	if b := next(t, w); !slices.Equal(b.Paths, []string{"content/a.md", "content/b.md"}) {
		t.Errorf("paths = %v", b.Paths)
	}
}

func TestClose(t *testing.T) {
	root, w := start(t, "content/a.md")
	write(t, root, "content/a.md", "1")
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	for range w.Batches() {
	}
	w.Close() // twice is fine
}

// TestStreamPastMaxDelay keeps changes coming past MaxDelay, when no timer
// is left to wake the watcher: the last changes must still be sent.
func TestStreamPastMaxDelay(t *testing.T) {
	root := t.TempDir()
	w, err := New(root, Options{Trees: []string{"content"}, Quiet: time.Hour, MaxDelay: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	var want []string
	for i := range 300 {
		name := fmt.Sprintf("content/a%03d.md", i)
		write(t, root, name, "text")
		want = append(want, name)
	}
	until(t, w, want...)
}

// TestFolderMovedIntoNewFolder moves a folder into a folder made just
// before: the watcher may find it at its new path, walking the new folder,
// before it reads the move. Changes in it are still reported, by their new
// paths.
func TestFolderMovedIntoNewFolder(t *testing.T) {
	root, w := start(t, "content/a/b/f.md")
	if err := os.MkdirAll(filepath.Join(root, "static", "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(root, "content", "a"), filepath.Join(root, "static", "x", "a")); err != nil {
		t.Fatal(err)
	}
	until(t, w, "content/a", "static/x/a/b/f.md")
	write(t, root, "static/x/a/b/f.md", "changed")
	until(t, w, "static/x/a/b/f.md")
	write(t, root, "static/x/a/b/g.md", "new")
	until(t, w, "static/x/a/b/g.md")
}
