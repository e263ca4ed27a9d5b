package mirror

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"briefing/internal/model"
)

// checkRefused checks that fsys refuses exactly the paths of pathMsg, a path
// and a part of its message in turn, each with a hint.
func checkRefused(t *testing.T, fsys any, pathMsg ...string) {
	t.Helper()
	got := fsys.(interface{ Refused() model.Diagnostics }).Refused()
	var want []string
	for i := 0; i+1 < len(pathMsg); i += 2 {
		want = append(want, pathMsg[i])
	}
	var paths []string
	for _, d := range got {
		paths = append(paths, d.Pos.File)
	}
	if fmt.Sprint(paths) != fmt.Sprint(want) {
		t.Errorf("refused %v, want %v:\n%v", paths, want, got)
		return
	}
	for i, d := range got {
		if !strings.Contains(d.Message, pathMsg[2*i+1]) || d.Severity != model.Error || d.Hint == "" {
			t.Errorf("%s: %s (%s), want an error saying %q with a hint", d.Pos, d.Message, d.Hint, pathMsg[2*i+1])
		}
	}
}

// hostile makes, below root, a briefing folder with every kind of file
// that must not be read: links out of the folder, straight or by a chain,
// to a file, a folder, an endless device and the process's environment; a
// named pipe; a link loop; a link to a parent folder; a dangling link. It
// returns the refusals expected, as checkRefused takes them, and the
// secret text of the file outside.
func hostile(t *testing.T, root string) (refused []string, secret string) {
	t.Helper()
	secret = "SECRET-TOKEN-8f2c1e"
	outside := t.TempDir()
	write(t, outside, "secret.txt", secret, "dir/secret.css", secret)
	write(t, root,
		"config.toml", "title = \"x\"\n",
		"content/articles/a.txt", "Text.",
		"content/claims/c.md", "---\ntitle: C\n---\n",
		"static/site.css", "body{}",
		"templates/_x.html", "x")
	rel, err := filepath.Rel(filepath.Join(root, "content/articles"), filepath.Join(outside, "secret.txt"))
	if err != nil {
		t.Fatal(err)
	}
	link := func(target, name string) {
		t.Helper()
		if err := os.Symlink(target, filepath.Join(root, filepath.FromSlash(name))); err != nil {
			t.Skip(err)
		}
	}
	link(filepath.Join(outside, "secret.txt"), "content/articles/abs.txt")
	link(rel, "content/articles/rel.txt")
	link("chain2.md", "content/claims/chain.md")
	link("../articles/rel.txt", "content/claims/chain2.md")
	link("loop.md", "content/claims/loop.md")
	link("..", "content/claims/up")
	link("nothing.md", "content/claims/dangling.md")
	link(filepath.Join(outside, "dir"), "static/outside")
	link("/dev/zero", "static/zero.css")
	link("/proc/self/environ", "templates/base.html")
	if err := syscall.Mkfifo(filepath.Join(root, "static/pipe.css"), 0o644); err != nil {
		t.Skip(err)
	}
	return []string{
		"content/articles/abs.txt", "leads outside the briefing folder",
		"content/articles/rel.txt", "leads outside the briefing folder",
		"content/claims/chain.md", "leads outside the briefing folder",
		"content/claims/chain2.md", "leads outside the briefing folder",
		"content/claims/dangling.md", "does not exist",
		"content/claims/loop.md", "loop",
		"content/claims/up", "link to the folder",
		"static/outside", "leads outside the briefing folder",
		"static/pipe.css", "named pipe",
		"static/zero.css", "leads outside the briefing folder",
		"templates/base.html", "leads outside the briefing folder",
	}, secret
}

// within runs f, failing the test if it takes more than a few seconds (a
// named pipe opened for reading blocks until a writer comes).
func within(t *testing.T, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("still reading after 10s")
	}
}

func TestRefuseHostile(t *testing.T) {
	root := t.TempDir()
	refused, secret := hostile(t, root)
	want := map[string]string{
		"config.toml":            "title = \"x\"\n",
		"content/articles/a.txt": "Text.",
		"content/claims/c.md":    "---\ntitle: C\n---\n",
		"static/site.css":        "body{}",
		"templates/_x.html":      "x",
	}
	var m *Mirror
	within(t, func() {
		var err error
		m, err = New(root, trees, files)
		if err != nil {
			t.Errorf("New: %v (refusals are no error)", err)
		}
	})
	check(t, m.FS(), want)
	checkRefused(t, m.FS(), refused...)
	for p, text := range contents(t, m.FS()) {
		if strings.Contains(text, secret) {
			t.Errorf("%s holds the secret", p)
		}
	}

	// The preview's path: each one saved anew, and the folders holding them.
	var paths []string
	for i := 0; i < len(refused); i += 2 {
		paths = append(paths, refused[i])
	}
	within(t, func() {
		if err := m.Update(paths); err != nil {
			t.Errorf("Update: %v", err)
		}
	})
	check(t, m.FS(), want)
	checkRefused(t, m.FS(), refused...)
	within(t, func() {
		m.Update([]string{"content", "static", "templates", "config.toml", "content/claims/up/content/articles/a.txt"})
	})
	check(t, m.FS(), want)
	checkRefused(t, m.FS(), refused...)

	// Removing them clears their errors; a new one is reported.
	for _, p := range paths {
		os.Remove(filepath.Join(root, filepath.FromSlash(p)))
	}
	if err := os.Symlink("/etc/passwd", filepath.Join(root, "config.toml.new")); err != nil {
		t.Fatal(err)
	}
	os.Rename(filepath.Join(root, "config.toml.new"), filepath.Join(root, "config.toml"))
	before := m.FS()
	if err := m.Update(append(paths, "config.toml")); err != nil {
		t.Fatal(err)
	}
	if m.FS() == before {
		t.Error("a change of refusals made no new snapshot")
	}
	delete(want, "config.toml")
	check(t, m.FS(), want)
	checkRefused(t, m.FS(), "config.toml", "leads outside the briefing folder")
}

// TestSymlinks checks the links that stay inside the folder: followed to
// a file, and for a tree itself, but not to a folder inside a tree, and
// never when absolute.
func TestSymlinks(t *testing.T) {
	root := t.TempDir()
	write(t, root, "elsewhere/x.md", "X", "elsewhere/d/y.md", "Y", "real/c.md", "C")
	link := func(target, name string) {
		if err := os.Symlink(target, filepath.Join(root, name)); err != nil {
			t.Skip(err)
		}
	}
	os.MkdirAll(filepath.Join(root, "templates"), 0o755)
	link("../elsewhere/x.md", "templates/x.md")                // a link to a file: followed
	link("../elsewhere/d", "templates/d")                      // to a folder: refused
	link(filepath.Join(root, "elsewhere/x.md"), "templates/a") // absolute: refused
	link("real", "content")                                    // a tree itself: followed
	m := newMirror(t, root)
	want := map[string]string{"templates/x.md": "X", "content/c.md": "C"}
	check(t, m.FS(), want)
	checkRefused(t, m.FS(), "templates/a", "absolute path", "templates/d", "link to the folder")
	if err := m.Update([]string{"templates/d", "templates/d/y.md", "templates/x.md", "templates/a"}); err != nil {
		t.Fatal(err)
	}
	check(t, m.FS(), want)
	checkRefused(t, m.FS(), "templates/a", "absolute path", "templates/d", "link to the folder")
}
