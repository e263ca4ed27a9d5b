package render_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"briefing/internal/build"
)

// TestEditorTitle checks that a title the editor wrote is marked as such on
// every page that shows it, and a published headline is not.
func TestEditorTitle(t *testing.T) {
	fsys := briefing(nil)
	fsys["content/articles/untitled.txt"] = &fstest.MapFile{Data: []byte(
		"Officials said on Monday that the bridge had been closed after a crack was found.\n")}
	fsys["content/articles/untitled.md"] = &fstest.MapFile{Data: []byte(
		"---\ntitle: Bridge closed after a crack is found\ntitle_by: editor\noutlet: Repost Daily\n---\n")}
	files := build1(t, fsys, build.Options{})

	for _, page := range []string{"articles/untitled/index.html", "articles/index.html", "index.html"} {
		html := string(files[page])
		if !strings.Contains(html, "Bridge closed after a crack is found") {
			t.Fatalf("%s does not show the title", page)
		}
		if !strings.Contains(html, "title by the editor") && !strings.Contains(html, "the editor wrote this title") {
			t.Errorf("%s does not say the editor wrote the title", page)
		}
	}
	if html := string(files["articles/example/index.html"]); strings.Contains(html, "title by the editor") || strings.Contains(html, "the editor wrote this title") {
		t.Error("a published headline is marked as the editor's")
	}
	if !strings.Contains(string(files["briefing.json"]), `"title_by": "editor"`) {
		t.Error("briefing.json does not say the editor wrote the title")
	}
}
