package render_test

import (
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"briefing/internal/build"
)

// TestSourceMatrix checks the claim-by-source table of /claims/: a copy
// shares its original's column, and each cell says in words what that
// source's quotes do to the claim.
func TestSourceMatrix(t *testing.T) {
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	fsys := fstest.MapFS{
		"content/articles/wire.txt":     file("Officials said that the bridge had been closed after a crack was found.\n"),
		"content/articles/wire.md":      file("---\ntitle: Town closes its bridge\noutlet: Wire\n---\n"),
		"content/articles/reprint.txt":  file("Officials said that the bridge had been closed after a crack was found.\n"),
		"content/articles/reprint.md":   file("---\ntitle: Town closes its bridge\noutlet: Daily Reprint\nderived_from: wire\n---\n"),
		"content/articles/council.txt":  file("The town council denied that the bridge had been closed.\n"),
		"content/articles/council.md":   file("---\ntitle: Council says the bridge is open\noutlet: Town Gazette\n---\n"),
		"content/articles/unquoted.txt": file("The weather was fine all week.\n"),
		"content/articles/unquoted.md":  file("---\ntitle: Weather\noutlet: Weather Desk\n---\n"),
		"content/claims/bridge-closed.md": file("---\ntitle: The bridge was closed\nstatus: disputed\nevidence:\n" +
			"  - article: wire\n    quote: \"the bridge had been closed\"\n" +
			"  - article: reprint\n    quote: \"the bridge had been closed\"\n" +
			"  - article: council\n    quote: \"The town council denied that the bridge had been closed.\"\n    stance: contradicts\n---\n"),
	}
	html := string(build1(t, fsys, build.Options{})["claims/index.html"])
	i := strings.Index(html, `class="matrix-table"`)
	if i < 0 {
		t.Fatal("/claims/ has no claim-by-source table")
	}
	table := html[i : strings.Index(html[i:], "</table>")+i]
	heads := regexp.MustCompile(`<th scope="col">(?:<a [^>]*>([^<]*)</a>)?`).FindAllStringSubmatch(table, -1)
	var cols []string
	for _, h := range heads[1:] {
		cols = append(cols, h[1])
	}
	// Columns come in the order of the articles' slugs: council, then
	// reprint, which brings in its original, wire.
	if strings.Join(cols, "|") != "Town Gazette|Wire" {
		t.Errorf("columns %q, want Town Gazette and Wire (with its reprint), and no column for a source no claim quotes", cols)
	}
	if !strings.Contains(table, "and 1 copy") {
		t.Error("the Wire column does not say it holds a copy")
	}
	cells := regexp.MustCompile(`<span class="cell cell-(\w+)">`).FindAllStringSubmatch(table, -1)
	if len(cells) != 2 || cells[0][1] != "contradicts" || cells[1][1] != "supports" {
		t.Errorf("cells %q, want contradicts, then supports (wire and reprint, once)", cells)
	}
}
