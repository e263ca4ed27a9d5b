package render

import (
	"errors"
	"io/fs"
	"reflect"
	"testing"
	"testing/fstest"

	"briefing"
)

func TestOverlay(t *testing.T) {
	upper := fstest.MapFS{
		"templates/404.html":    {Data: []byte("mine")},
		"templates/_extra.html": {Data: []byte("extra")},
		"content/a.md":          {Data: []byte("content")},
	}
	lower := fstest.MapFS{
		"templates/404.html":     {Data: []byte("theme")},
		"templates/base.html":    {Data: []byte("base")},
		"templates/_byline.html": {Data: []byte("byline")},
		"static/style.css":       {Data: []byte("css")},
	}
	o := Overlay(upper, lower)
	for name, want := range map[string]string{
		"templates/404.html":    "mine",
		"templates/base.html":   "base",
		"templates/_extra.html": "extra",
		"static/style.css":      "css",
	} {
		if got, err := fs.ReadFile(o, name); err != nil || string(got) != want {
			t.Errorf("%s = %q, %v; want %q", name, got, err, want)
		}
	}
	partials, err := fs.Glob(o, "templates/_*.html")
	if want := []string{"templates/_byline.html", "templates/_extra.html"}; err != nil || !reflect.DeepEqual(partials, want) {
		t.Errorf("partials = %v, %v; want %v", partials, err, want)
	}
	if _, err := fs.ReadFile(o, "templates/missing.html"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: err = %v, want ErrNotExist", err)
	}
	entries, err := fs.ReadDir(o, "templates")
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := []string{"404.html", "_byline.html", "_extra.html", "base.html"}; err != nil || !reflect.DeepEqual(names, want) {
		t.Errorf("ReadDir(templates) = %v, %v; want the merged, sorted %v", names, err, want)
	}
	// A file only the briefing has is found through fs.Sub, as the
	// renderer looks up static files.
	static, _ := fs.Sub(Overlay(fstest.MapFS{"static/extra.css": {Data: []byte("x")}}, lower), "static")
	var copied []string
	fs.WalkDir(static, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			copied = append(copied, p)
		}
		return err
	})
	if want := []string{"extra.css", "style.css"}; !reflect.DeepEqual(copied, want) {
		t.Errorf("static files = %v, want %v", copied, want)
	}
}

// TestEmbeddedTheme checks that the binary carries every template the
// renderer needs, partials included, so that a briefing folder without its
// own templates/ builds.
func TestEmbeddedTheme(t *testing.T) {
	theme := briefing.Theme()
	partials, _ := fs.Glob(theme, "templates/_*.html")
	if len(partials) == 0 {
		t.Errorf("the embedded theme has no partials (templates/_*.html): embed skips files starting with _ unless the pattern says all:")
	}
	if _, err := fs.Stat(theme, "static/style.css"); err != nil {
		t.Errorf("embedded theme: %v", err)
	}
	if _, err := New(Overlay(fstest.MapFS{}, theme)); err != nil {
		t.Errorf("the embedded theme does not parse on its own: %v", err)
	}
}
