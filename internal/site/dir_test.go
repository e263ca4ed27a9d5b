package site

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// rewrite writes a site whose one file, name, says "old", and returns its
// folder and a Dir to write its next contents into.
func rewrite(t *testing.T, name string) (string, *Dir) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "site")
	if err := Write(out, srcDir(t), map[string][]byte{name: []byte("old")}); err != nil {
		t.Fatal(err)
	}
	d, err := Create(out, srcDir(t))
	if err != nil {
		t.Fatal(err)
	}
	return out, d
}

// TestDirAbandoned: files written into a Dir that is closed without
// Commit, as when a build fails half-way, leave the previous output as it
// was and nothing beside it.
func TestDirAbandoned(t *testing.T) {
	out, d := rewrite(t, "index.html")
	if err := d.WriteFile("index.html", []byte("new")); err != nil {
		t.Fatal(err)
	}
	if err := d.WriteFile("a/b/index.html", []byte("new")); err != nil {
		t.Fatal(err)
	}
	if err := d.WriteFile("../evil", []byte("x")); err == nil {
		t.Error("wrote a path outside the output")
	}
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	d.Close() // a second Close does nothing
	if b, _ := os.ReadFile(filepath.Join(out, "index.html")); string(b) != "old" {
		t.Errorf("index.html = %q, want the old one", b)
	}
	if _, err := os.Stat(filepath.Join(out, "a")); !errors.Is(err, os.ErrNotExist) {
		t.Error("the abandoned site's folder is in the output")
	}
	if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 1 {
		t.Errorf("temporary directories left beside the output: %v", entries)
	}
}

// TestDirCommit: Commit replaces the output with exactly what was
// written, marked, and a Close after it removes nothing.
func TestDirCommit(t *testing.T) {
	out, d := rewrite(t, "old.html")
	if err := d.WriteFile("a/index.html", []byte("new")); err != nil {
		t.Fatal(err)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "a/index.html")); string(b) != "new" {
		t.Errorf("a/index.html = %q, want new", b)
	}
	if _, err := os.Stat(filepath.Join(out, "old.html")); !errors.Is(err, os.ErrNotExist) {
		t.Error("stale old.html survived")
	}
	if _, err := os.Stat(filepath.Join(out, Marker)); err != nil {
		t.Errorf("no marker: %v", err)
	}
	if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 1 {
		t.Errorf("temporary directories left beside the output: %v", entries)
	}
}

// TestCreateRefusesForeignDirectory: Create checks the target as Write
// does, before making anything.
func TestCreateRefusesForeignDirectory(t *testing.T) {
	out := filepath.Join(t.TempDir(), "mine")
	os.Mkdir(out, 0o755)
	os.WriteFile(filepath.Join(out, "thesis.doc"), []byte("precious"), 0o644)
	if _, err := Create(out, srcDir(t)); !errors.Is(err, ErrForeign) {
		t.Fatalf("Create = %v, want ErrForeign", err)
	}
	if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 1 {
		t.Errorf("made something beside the output: %v", entries)
	}
}

// TestDirFolders: files written at once from many goroutines, into folders
// nested and shared, all land where their names say.
func TestDirFolders(t *testing.T) {
	_, d := rewrite(t, "index.html")
	defer d.Close()
	names := []string{"a/index.html", "a/b/index.html", "a/b/c/index.html", "a/d/index.html", "e/f/g/index.html", "e/index.html", "top.html"}
	errs := make(chan error, len(names)*4)
	for i := range len(names) * 4 {
		go func() { errs <- d.WriteFile(names[i%len(names)], []byte(names[i%len(names)])) }()
	}
	for range len(names) * 4 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range names {
		if b, err := os.ReadFile(filepath.Join(d.tmp, filepath.FromSlash(name))); string(b) != name {
			t.Errorf("%s = %q, %v", name, b, err)
		}
	}
}
