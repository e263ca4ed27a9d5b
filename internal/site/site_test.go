package site

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteReplaces(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	if err := Write(out, srcDir(t), map[string][]byte{"a/index.html": []byte("one"), "old.html": []byte("x")}); err != nil {
		t.Fatal(err)
	}
	if err := Write(out, srcDir(t), map[string][]byte{"a/index.html": []byte("two")}); err != nil {
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
	err := Write(out, srcDir(t), map[string][]byte{"index.html": []byte("x")})
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
	if err := Write(out, srcDir(t), map[string][]byte{"index.html": []byte("x")}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, Marker)); err != nil {
		t.Errorf("no marker: %v", err)
	}
}

func TestWriteRejectsEscapingPaths(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	if err := Write(out, srcDir(t), map[string][]byte{"../evil": []byte("x")}); err == nil {
		t.Fatal("wrote a path outside the output")
	}
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a failed write created the output")
	}
}

// srcDir returns a briefing folder apart from any output.
func srcDir(t *testing.T) string {
	t.Helper()
	src := filepath.Join(t.TempDir(), "briefing")
	if err := os.MkdirAll(filepath.Join(src, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	return src
}

func TestWriteRefusesTheSource(t *testing.T) {
	root := t.TempDir()
	src := filepath.Join(root, "briefing")
	for _, d := range []string{"content/articles", "static", "templates"} {
		os.MkdirAll(filepath.Join(src, d), 0o755)
	}
	os.WriteFile(filepath.Join(src, "content/articles/a.txt"), []byte("precious"), 0o644)
	// The marker must not make the folder fair game.
	os.WriteFile(filepath.Join(src, Marker), nil, 0o644)
	link := filepath.Join(root, "link")
	if err := os.Symlink(src, link); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{
		src,
		src + "/",
		src + "/content/..",
		root,
		"/",
		link,
		filepath.Join(src, "content"),
		filepath.Join(src, "content", "site"),
		filepath.Join(link, "static", "new", "site"),
		filepath.Join(src, "templates"),
	} {
		err := Write(out, src, map[string][]byte{"index.html": []byte("x")})
		if !errors.Is(err, ErrSource) {
			t.Errorf("Write(%q): err = %v, want ErrSource", out, err)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(src, "content/articles/a.txt")); string(b) != "precious" {
		t.Fatalf("the source was changed: %q", b)
	}
	entries, _ := os.ReadDir(root)
	if len(entries) != 2 {
		t.Errorf("left beside the source: %v", entries)
	}
	// Relative to the working directory, as -src . -out . would be.
	t.Chdir(src)
	if err := Write(".", ".", map[string][]byte{"index.html": []byte("x")}); !errors.Is(err, ErrSource) {
		t.Errorf("Write(., .): err = %v, want ErrSource", err)
	}
	if err := Write("site", ".", map[string][]byte{"index.html": []byte("x")}); err != nil {
		t.Errorf("Write(site, .): %v", err)
	}
}

func TestWriteRemovesLeftovers(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "site")
	// What a build killed half-way leaves: a new site being written and a
	// previous one moved aside, both marked, and an empty one.
	for _, d := range []string{".site.new-123", ".site.new-123.old", ".site.new-456"} {
		os.MkdirAll(filepath.Join(parent, d), 0o755)
	}
	os.WriteFile(filepath.Join(parent, ".site.new-123", Marker), nil, 0o644)
	os.WriteFile(filepath.Join(parent, ".site.new-123", "index.html"), nil, 0o644)
	os.WriteFile(filepath.Join(parent, ".site.new-123.old", Marker), nil, 0o644)
	// Not briefing's: left alone.
	os.MkdirAll(filepath.Join(parent, ".site.new-mine"), 0o755)
	os.WriteFile(filepath.Join(parent, ".site.new-mine", "notes.txt"), []byte("mine"), 0o644)
	os.MkdirAll(filepath.Join(parent, ".other.new-123"), 0o755)
	os.WriteFile(filepath.Join(parent, ".other.new-123", Marker), nil, 0o644)

	if err := Write(out, srcDir(t), map[string][]byte{"index.html": []byte("x")}); err != nil {
		t.Fatal(err)
	}
	var names []string
	entries, _ := os.ReadDir(parent)
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if got, want := strings.Join(names, " "), ".other.new-123 .site.new-mine site"; got != want {
		t.Errorf("beside the output: %s, want %s", got, want)
	}
}
