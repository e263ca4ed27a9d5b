package content

import (
	"io/fs"
	"testing"
	"testing/fstest"
	"unsafe"
)

// sharing is a file system that shares its files' bytes, as a mirror's
// snapshot does.
type sharing struct{ fstest.MapFS }

func (s sharing) ReadFileShared(name string) ([]byte, error) {
	if f, ok := s.MapFS[name]; ok {
		return f.Data, nil
	}
	return fs.ReadFile(s.MapFS, name)
}

// TestTextIsTheFilesBytes checks that an article's text, with and without
// front matter, and its sidecar's summary are views of the bytes the file
// system shares, not copies: the texts are the largest part of a loaded
// briefing.
func TestTextIsTheFilesBytes(t *testing.T) {
	fsys := sharing{fstest.MapFS{
		"content/articles/plain.txt": file("First paragraph.\n\nSecond paragraph.\n"),
		"content/articles/fm.txt":    file("---\ntitle: With front matter\n---\nThe text.\n"),
		"content/articles/fm.md":     file("---\noutlet: Desk\n---\nThe summary.\n"),
	}}
	s, diags := Load(fsys)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	within := func(what, str, file string) {
		t.Helper()
		data := fsys.MapFS[file].Data
		p, start := uintptr(unsafe.Pointer(unsafe.StringData(str))), uintptr(unsafe.Pointer(&data[0]))
		if str == "" || p < start || p+uintptr(len(str)) > start+uintptr(len(data)) {
			t.Errorf("%s %q is a copy, not a view of %s", what, str, file)
		}
	}
	within("text", s.Article("plain").Text, "content/articles/plain.txt")
	within("text", s.Article("fm").Text, "content/articles/fm.txt")
	within("summary", s.Article("fm").Summary.Source, "content/articles/fm.md")
}
