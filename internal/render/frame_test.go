package render_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"briefing/internal/build"
)

// TestFrameParts checks that a theme's header and footer partials,
// rendered once for many pages, still show each page its own root, kind
// and, on a free page, its path.
func TestFrameParts(t *testing.T) {
	fsys := briefing(nil)
	fsys["content/pages/about.md"] = &fstest.MapFile{Data: []byte("---\ntitle: About\n---\nAbout us.\n")}
	fsys["templates/_header.html"] = &fstest.MapFile{Data: []byte("<p>header {{.Root}}|{{.Kind}}|{{.Path}}|{{len .Site.Pages}}</p>\n")}
	fsys["templates/_footer.html"] = &fstest.MapFile{Data: []byte("<p>footer {{.Root}}|{{.Kind}}|{{.Path}}|{{.Site.Title}}</p>\n")}
	files := build1(t, fsys, build.Options{})
	for page, want := range map[string]string{
		"index.html":                  "<p>header |index||1</p>\n<main",
		"articles/index.html":         "<p>header ../|articles||1</p>\n<main",
		"articles/example/index.html": "<p>header ../../|article||1</p>\n<main",
		"actors/jane-doe/index.html":  "<p>header ../../|actor||1</p>\n<main",
		"about/index.html":            "<p>header ../|page|about/|1</p>\n<main",
	} {
		html := string(files[page])
		if !strings.Contains(html, want) {
			t.Errorf("%s does not have %q:\n%s", page, want, html)
		}
		root := strings.Split(strings.TrimPrefix(want, "<p>header "), "|")[0]
		if footer := "<p>footer " + root + "|||Bridge</p>\n</body>"; !strings.Contains(html, footer) {
			t.Errorf("%s does not have %q", page, footer)
		}
	}
}
