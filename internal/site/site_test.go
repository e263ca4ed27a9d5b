package site

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteReplaces(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	if err := Write(out, map[string][]byte{"a/index.html": []byte("one"), "old.html": []byte("x")}); err != nil {
		t.Fatal(err)
	}
	if err := Write(out, map[string][]byte{"a/index.html": []byte("two")}); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "a/index.html")); string(b) != "two" {
		t.Errorf("a/index.html = %q, want two", b)
	}
	if _, err := os.Stat(filepath.Join(out, "old.html")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("stale old.html survived the rebuild")
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("temporary directories left beside the output: %v", entries)
	}
}

func TestWriteRefusesForeignDirectory(t *testing.T) {
	out := t.TempDir()
	mine := filepath.Join(out, "thesis.doc")
	os.WriteFile(mine, []byte("precious"), 0o644)
	err := Write(out, map[string][]byte{"index.html": []byte("x")})
	if !errors.Is(err, ErrForeign) {
		t.Fatalf("Write into a foreign directory: err = %v, want ErrForeign", err)
	}
	if b, _ := os.ReadFile(mine); string(b) != "precious" {
		t.Errorf("foreign file changed: %q", b)
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); err == nil {
		t.Errorf("wrote into a foreign directory")
	}
}

func TestWriteIntoEmptyDirectory(t *testing.T) {
	out := t.TempDir()
	if err := Write(out, map[string][]byte{"index.html": []byte("x")}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, Marker)); err != nil {
		t.Errorf("no marker: %v", err)
	}
}

func TestWriteRejectsEscapingPaths(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	if err := Write(out, map[string][]byte{"../evil": []byte("x")}); err == nil {
		t.Fatal("wrote a path outside the output")
	}
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a failed write created the output")
	}
}
