package build

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"briefing/internal/mirror"
	"briefing/internal/model"
)

// secret is the text of a file outside the briefing folder that its links
// point at: it must reach no output.
const secret = "SECRET-TOKEN-8f2c1e"

// writeFiles writes the slash-separated files below root, a path and its
// text in turn.
func writeFiles(t *testing.T, root string, pathText ...string) {
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

// hostileFolder makes a small valid briefing in a new folder, then adds to
// it links out of the folder (to a file, by a relative path and by a chain,
// to a folder, to an endless device), a named pipe and a link loop, each
// where the build reads. It returns the folder and the paths the build
// must refuse.
func hostileFolder(t *testing.T) (string, []string) {
	t.Helper()
	root, outside := t.TempDir(), t.TempDir()
	writeFiles(t, outside, "secret.txt", secret, "dir/secret.css", secret)
	writeFiles(t, root,
		"config.toml", "title = \"Hostile\"\n",
		"content/_index.md", "---\ntitle: Hostile\n---\nOverview.\n",
		"content/articles/a.txt", "The governor said the bridge was closed.\n",
		"static/site.css", "body{}")
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
	os.MkdirAll(filepath.Join(root, "content/actors"), 0o755)
	os.MkdirAll(filepath.Join(root, "templates"), 0o755)
	link(filepath.Join(outside, "secret.txt"), "content/articles/abs.txt")
	link(rel, "content/articles/rel.txt")
	link("../articles/rel.txt", "content/actors/chain.md")
	link("loop.md", "content/actors/loop.md")
	link(filepath.Join(outside, "dir"), "static/outside")
	link("/dev/zero", "static/zero.css")
	link(filepath.Join(outside, "secret.txt"), "templates/_leak.html")
	if err := syscall.Mkfifo(filepath.Join(root, "static/pipe.css"), 0o644); err != nil {
		t.Skip(err)
	}
	return root, []string{
		"content/actors/chain.md",
		"content/actors/loop.md",
		"content/articles/abs.txt",
		"content/articles/rel.txt",
		"static/outside",
		"static/pipe.css",
		"static/zero.css",
		"templates/_leak.html",
	}
}

// buildWithin builds fsys, failing the test if the build takes more than a
// few seconds: a named pipe opened for reading waits for a writer.
func buildWithin(t *testing.T, fsys fs.FS) *Result {
	t.Helper()
	type result struct {
		res *Result
		err error
	}
	done := make(chan result, 1)
	go func() {
		res, err := newBuilder(t).Build(t.Context(), fsys, Options{})
		done <- result{res, err}
	}()
	select {
	case r := <-done:
		if r.err != nil {
			t.Fatal(r.err)
		}
		return r.res
	case <-time.After(20 * time.Second):
		t.Fatal("still building after 20s")
		return nil
	}
}

// TestRefuseOutside builds a folder holding links out of it, a named pipe
// and a link loop, read as the command line reads it (through a mirror):
// each is an error at its own path, and nothing is built.
func TestRefuseOutside(t *testing.T) {
	root, refused := hostileFolder(t)
	m, err := mirror.New(root, []string{"content", "templates", "static"}, []string{"config.toml"})
	if m == nil {
		t.Fatal(err)
	}
	res := buildWithin(t, m.FS())
	var got []string
	for _, d := range res.Diags {
		if d.Severity != model.Error {
			continue
		}
		if strings.Contains(d.Message, secret) || strings.Contains(d.Hint, secret) {
			t.Errorf("%s: the diagnostic shows the secret", d.Pos)
		}
		got = append(got, d.Pos.String())
	}
	if fmt.Sprint(got) != fmt.Sprint(refused) {
		t.Errorf("errors at %v, want %v:\n%v", got, refused, res.Diags)
	}
	if res.Files != nil || res.Output != nil {
		t.Error("a build with refused files made a site")
	}
	// Without the hostile files, the same folder builds, and nothing of
	// the secret reaches the site.
	for _, p := range refused {
		os.Remove(filepath.Join(root, filepath.FromSlash(p)))
	}
	if err := m.Reload(); err != nil {
		t.Fatal(err)
	}
	res = buildWithin(t, m.FS())
	if res.Files == nil {
		t.Fatalf("build failed: %v", res.Err())
	}
	for name, data := range res.Files {
		if strings.Contains(string(data), secret) {
			t.Errorf("%s holds the secret", name)
		}
	}
}

// TestRefuseOutsideDirFS builds the same folder read through os.DirFS,
// which follows links: the loader, the theme and the static files still
// refuse what is not a regular file, without opening it.
func TestRefuseOutsideDirFS(t *testing.T) {
	root, refused := hostileFolder(t)
	res := buildWithin(t, os.DirFS(root))
	if res.Files != nil || !res.Diags.HasErrors() {
		t.Fatal("a build with links out of the folder made a site")
	}
	text := fmt.Sprint(res.Diags)
	if strings.Contains(text, secret) {
		t.Errorf("the diagnostics show the secret:\n%s", text)
	}
	for _, p := range refused[:4] { // the content files
		if !strings.Contains(text, p) {
			t.Errorf("no error names %s:\n%s", p, text)
		}
	}
}
