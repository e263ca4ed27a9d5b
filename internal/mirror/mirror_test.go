package mirror

import (
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

var (
	trees = []string{"content", "templates", "static"}
	files = []string{"config.toml"}
)

// write writes the slash-separated files, a path and its text in turn,
// below root, creating folders as needed.
func write(t testing.TB, root string, pathText ...string) {
	t.Helper()
	for i := 0; i+1 < len(pathText); i += 2 {
		name := filepath.Join(root, filepath.FromSlash(pathText[i]))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(pathText[i+1]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// contents returns every file of fsys and its text, walking from the root.
func contents(t testing.TB, fsys fs.FS) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		out[p] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// onDisk returns what a Mirror of root should hold: the regular files of
// the trees and single files, but for ignored names.
func onDisk(t testing.TB, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for p, text := range contents(t, os.DirFS(root)) {
		inTree := slices.ContainsFunc(trees, func(tr string) bool { return strings.HasPrefix(p, tr+"/") })
		if (inTree || slices.Contains(files, p)) && !ignored(p) {
			out[p] = text
		}
	}
	return out
}

func newMirror(t testing.TB, root string) *Mirror {
	t.Helper()
	m, err := New(root, trees, files)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func check(t *testing.T, fsys fs.FS, want map[string]string) {
	t.Helper()
	if got := contents(t, fsys); !maps.Equal(got, want) {
		t.Errorf("mirror holds\n%v\nwant\n%v", got, want)
	}
}

func TestNew(t *testing.T) {
	root := t.TempDir()
	write(t, root,
		"config.toml", "title = 'x'",
		"content/_index.md", "index",
		"content/articles/a.txt", "A",
		"content/articles/.a.txt.swp", "swap",
		"content/articles/a.txt~", "backup",
		"content/.git/HEAD", "hidden",
		"templates/base.html", "<html>",
		"README.md", "not mirrored",
		"other/x", "not mirrored")
	// static/ does not exist.
	m := newMirror(t, root)
	check(t, m.FS(), map[string]string{
		"config.toml":            "title = 'x'",
		"content/_index.md":      "index",
		"content/articles/a.txt": "A",
		"templates/base.html":    "<html>",
	})
	if m.FS() != m.FS() {
		t.Error("FS returned a new snapshot with nothing changed")
	}
	if _, err := New(filepath.Join(root, "missing"), trees, files); err == nil {
		t.Error("New of a missing folder: no error")
	}
	if _, err := New(root, []string{"../x"}, nil); err == nil {
		t.Error("New with a tree outside the folder: no error")
	}
}

// TestVimSave saves a file as vim does: write a new file, then rename it
// over the original. The watcher reports the original only.
func TestVimSave(t *testing.T) {
	root := t.TempDir()
	write(t, root, "content/articles/a.txt", "old")
	m := newMirror(t, root)
	write(t, root, "content/articles/4913", "", "content/articles/a.txt.tmp", "new")
	os.Remove(filepath.Join(root, "content/articles/4913"))
	if err := os.Rename(filepath.Join(root, "content/articles/a.txt.tmp"), filepath.Join(root, "content/articles/a.txt")); err != nil {
		t.Fatal(err)
	}
	if err := m.Update([]string{"content/articles/a.txt"}); err != nil {
		t.Fatal(err)
	}
	check(t, m.FS(), map[string]string{"content/articles/a.txt": "new"})
}

func TestNewFolder(t *testing.T) {
	root := t.TempDir()
	write(t, root, "content/_index.md", "index")
	m := newMirror(t, root)
	// A folder made elsewhere and moved in: the watcher reports the folder
	// and the files in it.
	write(t, root, "tmp/claims/x.md", "X", "tmp/claims/deep/y.md", "Y")
	if err := os.Rename(filepath.Join(root, "tmp/claims"), filepath.Join(root, "content/claims")); err != nil {
		t.Fatal(err)
	}
	if err := m.Update([]string{"content/claims", "content/claims/x.md", "content/claims/deep/y.md"}); err != nil {
		t.Fatal(err)
	}
	check(t, m.FS(), map[string]string{"content/_index.md": "index", "content/claims/x.md": "X", "content/claims/deep/y.md": "Y"})

	// A tree that did not exist.
	write(t, root, "static/app.css", "body{}")
	if err := m.Update([]string{"static"}); err != nil {
		t.Fatal(err)
	}
	check(t, m.FS(), map[string]string{"content/_index.md": "index", "content/claims/x.md": "X", "content/claims/deep/y.md": "Y", "static/app.css": "body{}"})
}

func TestRemoveFolder(t *testing.T) {
	root := t.TempDir()
	write(t, root, "content/_index.md", "index", "content/claims/x.md", "X", "content/claims/deep/y.md", "Y", "content/claims-old/z.md", "Z")
	m := newMirror(t, root)
	if err := os.RemoveAll(filepath.Join(root, "content/claims")); err != nil {
		t.Fatal(err)
	}
	// Only the folder is reported: what was below it goes too, and
	// nothing else ("claims-old" shares its prefix).
	if err := m.Update([]string{"content/claims"}); err != nil {
		t.Fatal(err)
	}
	check(t, m.FS(), map[string]string{"content/_index.md": "index", "content/claims-old/z.md": "Z"})

	// A folder replaced by a file of the same name.
	os.RemoveAll(filepath.Join(root, "content/claims-old"))
	write(t, root, "content/claims-old", "now a file")
	if err := m.Update([]string{"content/claims-old"}); err != nil {
		t.Fatal(err)
	}
	check(t, m.FS(), map[string]string{"content/_index.md": "index", "content/claims-old": "now a file"})
}

// TestSnapshot checks that updates leave a snapshot taken before them as
// it was.
func TestSnapshot(t *testing.T) {
	root := t.TempDir()
	write(t, root, "content/a.txt", "A", "content/b.txt", "B", "content/d/c.txt", "C")
	m := newMirror(t, root)
	before := m.FS()
	want := contents(t, before)
	entries, err := fs.ReadDir(before, "content")
	if err != nil {
		t.Fatal(err)
	}

	write(t, root, "content/a.txt", "A2", "content/new.txt", "N")
	os.RemoveAll(filepath.Join(root, "content/d"))
	if err := m.Update([]string{"content/a.txt", "content/new.txt", "content/d"}); err != nil {
		t.Fatal(err)
	}
	check(t, before, want)
	again, err := fs.ReadDir(before, "content")
	if err != nil || !reflect.DeepEqual(again, entries) {
		t.Errorf("listing changed: %v, %v; was %v", again, err, entries)
	}
	check(t, m.FS(), map[string]string{"content/a.txt": "A2", "content/b.txt": "B", "content/new.txt": "N"})

	// Changing what ReadFile returns changes no snapshot.
	data, _ := fs.ReadFile(before, "content/b.txt")
	data[0] = 'X'
	check(t, before, want)
}

// TestUpdateScope checks which paths count.
func TestUpdateScope(t *testing.T) {
	root := t.TempDir()
	write(t, root, "content/a.txt", "A", "config.toml", "c")
	m := newMirror(t, root)
	write(t, root, "README.md", "r", "content/.hidden/x", "x", "content/a.txt~", "backup", "config.toml", "c2")
	before := m.FS()
	if err := m.Update([]string{"README.md", "content/.hidden/x", "content/a.txt~", "../x", "/etc/passwd"}); err != nil {
		t.Fatal(err)
	}
	if m.FS() != before {
		t.Error("paths outside the mirror made a new snapshot")
	}
	// The root folder stands for everything in it.
	if err := m.Update([]string{"."}); err != nil {
		t.Fatal(err)
	}
	check(t, m.FS(), map[string]string{"content/a.txt": "A", "config.toml": "c2"})
}

func TestUpdateErrors(t *testing.T) {
	root := t.TempDir()
	write(t, root, "content/a.txt", "A", "content/b.txt", "B")
	m := newMirror(t, root)
	if os.Geteuid() == 0 {
		return // root reads unreadable files
	}
	write(t, root, "content/a.txt", "A2")
	if err := os.Chmod(filepath.Join(root, "content/a.txt"), 0); err != nil {
		t.Fatal(err)
	}
	err := m.Update([]string{"content/a.txt"})
	if !errors.Is(err, fs.ErrPermission) || !strings.Contains(err.Error(), "a.txt") {
		t.Errorf("err = %v, want a.txt's permission error", err)
	}
	// A file that cannot be read is dropped, as gone, and refused.
	check(t, m.FS(), map[string]string{"content/b.txt": "B"})
	checkRefused(t, m.FS(), "content/a.txt", "cannot be read")
	if err := os.Chmod(filepath.Join(root, "content/a.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := m.Update([]string{"content/a.txt"}); err != nil {
		t.Fatal(err)
	}
	check(t, m.FS(), map[string]string{"content/a.txt": "A2", "content/b.txt": "B"})
	checkRefused(t, m.FS())
}

func TestFS(t *testing.T) {
	root := t.TempDir()
	write(t, root,
		"config.toml", "c",
		"content/_index.md", "index",
		"content/a-b.txt", "AB",
		"content/a.txt", "A",
		"content/a/x.txt", "AX",
		"content/a/y/z.txt", "AYZ",
		"content/empty.md", "",
		"static/s.css", "s")
	m := newMirror(t, root)
	want := slices.Sorted(maps.Keys(onDisk(t, root)))
	if err := fstest.TestFS(m.FS(), want...); err != nil {
		t.Fatal(err)
	}
	sub, err := fs.Sub(m.FS(), "content/a")
	if err != nil {
		t.Fatal(err)
	}
	if err := fstest.TestFS(sub, "x.txt", "y/z.txt"); err != nil {
		t.Fatal(err)
	}
	// An empty mirror is an empty folder.
	empty := newMirror(t, t.TempDir())
	if err := fstest.TestFS(empty.FS()); err != nil {
		t.Fatal(err)
	}

	fsys := m.FS()
	for _, name := range []string{"nope", "content/nope", "content/a.txt/x", "content/a/x"} {
		if _, err := fs.Stat(fsys, name); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("Stat(%q): err = %v, want fs.ErrNotExist", name, err)
		}
		if _, err := fs.ReadFile(fsys, name); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("ReadFile(%q): err = %v, want fs.ErrNotExist", name, err)
		}
	}
	shared := fsys.(interface{ ReadFileShared(string) ([]byte, error) })
	if data, err := shared.ReadFileShared("content/a.txt"); err != nil || string(data) != "A" {
		t.Errorf("ReadFileShared = %q, %v", data, err)
	}
	if _, err := shared.ReadFileShared("content/nope"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("ReadFileShared of a missing file: err = %v", err)
	}
	if _, err := fs.ReadFile(fsys, "content/a"); err == nil || errors.Is(err, fs.ErrNotExist) {
		t.Errorf("ReadFile of a folder: err = %v", err)
	}
	if _, err := fs.ReadDir(fsys, "content/a.txt"); err == nil || errors.Is(err, fs.ErrNotExist) {
		t.Errorf("ReadDir of a file: err = %v", err)
	}
	var names []string
	entries, _ := fs.ReadDir(fsys, "content")
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := []string{"_index.md", "a", "a-b.txt", "a.txt", "empty.md"}; !slices.Equal(names, want) {
		t.Errorf("content lists %v, want %v", names, want)
	}
}
