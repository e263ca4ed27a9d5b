package build

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"testing/fstest"

	"briefing/internal/corpus"
	"briefing/internal/model"
)

// mapSink keeps what a build gives it, copied, and fails on the file
// named fail.
type mapSink struct {
	mu    sync.Mutex
	files map[string][]byte
	fail  string
}

func (s *mapSink) WriteFile(name string, data []byte) error {
	if name == s.fail {
		return errDisk
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.files[name]; ok {
		return errors.New(name + " written twice")
	}
	s.files[name] = bytes.Clone(data)
	return nil
}

var errDisk = errors.New("disk full")

// generated returns a briefing of generated articles.
func generated(t *testing.T) fstest.MapFS {
	t.Helper()
	seeds, err := corpus.ReadSeeds("../../content/articles")
	if err != nil {
		t.Fatal(err)
	}
	c, err := corpus.Generate(seeds, corpus.Options{Articles: 120, Actors: 8, Claims: 30, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	err = c.WriteBriefing(func(name string, data []byte) error {
		fsys[name] = &fstest.MapFile{Data: data}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return fsys
}

// TestSinkEqualsFiles: a build that gives its files to a Sink as they
// render gives exactly the files, byte for byte, that a build collecting
// them returns, minified or not.
func TestSinkEqualsFiles(t *testing.T) {
	briefings := []struct {
		name string
		fsys fs.FS
	}{
		{"default", os.DirFS("../..")},
		{"generated", generated(t)},
	}
	b := newBuilder(t)
	for _, br := range briefings {
		for _, minify := range []bool{false, true} {
			want, err := b.Build(t.Context(), br.fsys, Options{Minify: minify})
			if err != nil || want.Files == nil {
				t.Fatalf("%s: %v %v", br.name, err, want.Err())
			}
			sink := &mapSink{files: map[string][]byte{}}
			got, err := b.Build(t.Context(), br.fsys, Options{Minify: minify, Sink: sink})
			if err != nil || got.Output == nil || got.Files != nil {
				t.Fatalf("%s: the build with a sink failed, or kept its files: %v %v", br.name, err, got.Err())
			}
			if len(sink.files) != len(want.Files) {
				t.Errorf("%s, minify %v: %d files, want %d", br.name, minify, len(sink.files), len(want.Files))
			}
			for _, p := range want.Files.Paths() {
				if !bytes.Equal(sink.files[p], want.Files[p]) {
					t.Errorf("%s, minify %v: %s differs", br.name, minify, p)
				}
			}
		}
	}
}

// TestSinkFailures: a page that fails to render is a diagnostic, as
// without a sink, and the build has no Output; a sink that fails to take a
// file fails the build with its error.
func TestSinkFailures(t *testing.T) {
	b := newBuilder(t)
	dir := copyBriefing(t)
	edit(t, dir, "templates/claim.html", func(string) string { return `{{define "main"}}{{.Claim.NoSuchField}}{{end}}` })
	res, err := b.Build(t.Context(), os.DirFS(dir), Options{Sink: &mapSink{files: map[string][]byte{}}})
	if err != nil {
		t.Fatal(err)
	}
	inTemplate := func(d model.Diagnostic) bool {
		return d.Severity == model.Error && d.Pos.File == "templates/claim.html"
	}
	if res.Output != nil || !slices.ContainsFunc(res.Diags, inTemplate) {
		t.Errorf("a failing template gave no error in templates/claim.html: %v", res.Diags)
	}

	// Two kinds of page fail: the error is the first in site order, the
	// same as without a sink, however the goroutines ran.
	edit(t, dir, "templates/actor.html", func(string) string { return `{{define "main"}}{{.Actor.NoSuchField}}{{end}}` })
	want, err := b.Build(t.Context(), os.DirFS(dir), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		got, err := b.Build(t.Context(), os.DirFS(dir), Options{Sink: &mapSink{files: map[string][]byte{}}})
		if err != nil {
			t.Fatal(err)
		}
		if got.Diags.Errors().Error() != want.Diags.Errors().Error() {
			t.Errorf("with a sink: %v\nwithout: %v", got.Diags.Errors(), want.Diags.Errors())
		}
	}

	if err := os.RemoveAll(filepath.Join(dir, "templates")); err != nil {
		t.Fatal(err)
	}
	_, err = b.Build(t.Context(), os.DirFS(dir), Options{Sink: &mapSink{files: map[string][]byte{}, fail: "articles/index.html"}})
	if !errors.Is(err, errDisk) {
		t.Errorf("Build = %v, want the sink's error", err)
	}
}
