package render_test

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	br "briefing"
	"briefing/internal/build"
	"briefing/internal/render"
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

// TestPartialKept checks that a theme's byline, which Page.Partial renders
// once per article and kind, shows each article's own on every page that
// lists it, and that Partial outside a render is an error.
func TestPartialKept(t *testing.T) {
	fsys := briefing(nil)
	fsys["content/articles/second.txt"] = &fstest.MapFile{Data: []byte("The mayor, Jane Doe, said the ferry would run all night.\n")}
	fsys["templates/_byline.html"] = &fstest.MapFile{Data: []byte("BYLINE {{.Slug}}")}
	files := build1(t, fsys, build.Options{})
	for _, page := range []string{"index.html", "actors/jane-doe/index.html"} {
		for _, slug := range []string{"example", "second"} {
			if !strings.Contains(string(files[page]), "BYLINE "+slug) {
				t.Errorf("%s does not show the byline of %s", page, slug)
			}
		}
	}
	if _, err := new(render.Page).Partial("_byline.html", nil); err == nil {
		t.Error("Partial outside a render gave no error")
	}
}

// TestPartialRedefined checks that a partial that a page template
// redefines, itself or in a template it calls, is that page kind's own,
// while the kinds that leave it alone share it.
func TestPartialRedefined(t *testing.T) {
	fsys := briefing(nil)
	page := func(name, define string) {
		src, err := fs.ReadFile(render.Overlay(fsys, br.Theme()), "templates/"+name)
		if err != nil {
			t.Fatal(err)
		}
		fsys["templates/"+name] = &fstest.MapFile{Data: append(src, define...)}
	}
	fsys["templates/_byline.html"] = &fstest.MapFile{Data: []byte(`BYLINE {{template "_who.html" .}}`)}
	fsys["templates/_who.html"] = &fstest.MapFile{Data: []byte(`by anyone`)}
	page("article.html", `{{define "_byline.html"}}ARTICLE BYLINE{{end}}`)
	page("actor.html", `{{define "_who.html"}}by an actor{{end}}`)
	files := build1(t, fsys, build.Options{})
	for page, want := range map[string]string{
		"index.html":                  "BYLINE by anyone",
		"articles/example/index.html": "ARTICLE BYLINE",
		"actors/jane-doe/index.html":  "BYLINE by an actor",
	} {
		if !strings.Contains(string(files[page]), want) {
			t.Errorf("%s does not show %q", page, want)
		}
	}
}
