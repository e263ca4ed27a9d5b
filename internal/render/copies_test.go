package render_test

import (
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"briefing/internal/build"
)

// TestDeclaredCopy checks how the pages show a copy the editor declares
// with derived_from: beside it, that the editor declared it, and the share
// of its sentences that align with the original, measured however few.
func TestDeclaredCopy(t *testing.T) {
	fsys := briefing(nil)
	fsys["content/articles/repost.txt"] = &fstest.MapFile{Data: []byte(
		"Engineers said on Tuesday that the crack in the bridge was deeper than first thought.\n\n" +
			"Officials said on Monday that the bridge had been closed after a crack was found.\n\n" +
			"The mayor, Jane Doe, said the bridge would reopen soon. Residents were told to use the ferry.\n")}
	fsys["content/articles/repost.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Bridge stays closed\noutlet: Repost Daily\nderived_from: example\n---\n")}
	files := build1(t, fsys, build.Options{})

	share := regexp.MustCompile(`(\d+)% of its sentences`)
	for _, page := range []string{"articles/repost/index.html", "articles/example/index.html", "index.html"} {
		html := string(files[page])
		if !strings.Contains(html, "declared by the editor") {
			t.Errorf("%s does not say the copy is declared by the editor", page)
		}
		m := share.FindStringSubmatch(html)
		if m == nil || m[1] == "0" {
			t.Errorf("%s shows share %v, want the measured share of a copy that repeats the original", page, m)
		}
	}
	sources := string(files["articles/index.html"])
	if !regexp.MustCompile(`Copies <a [^>]*>Town closes its bridge</a> \([1-9]\d*%\), declared by the editor`).MatchString(sources) {
		t.Errorf("the sources page does not show the declared copy with its share:\n%s", sources)
	}
}
