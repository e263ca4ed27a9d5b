package render_test

import (
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"briefing/internal/build"
)

// TestActorMentions checks what an actor's page lists: each sentence that
// names the actor once, however many times it names it, and the other
// actors named in those sentences, counted per sentence.
func TestActorMentions(t *testing.T) {
	fsys := briefing(nil)
	fsys["content/articles/example.txt"] = &fstest.MapFile{Data: []byte(
		"Officials met Jane Doe on Monday. Jane Doe, the mayor, said the bridge would reopen.\n\n" +
			"Officials said the crack was found on Sunday. Officials and Jane Doe agreed on a ferry.\n")}
	files := build1(t, fsys, build.Options{})
	jane := string(files["actors/jane-doe/index.html"])

	if !strings.Contains(jane, "4 in 1 source") {
		t.Errorf("Jane Doe's page does not count 4 mentions in 1 source:\n%s", jane)
	}
	mentioned := section(t, jane, "mentions-h")
	links := regexp.MustCompile(`<li><a href="[^"]*#(s-[^"]+)">`).FindAllStringSubmatch(mentioned, -1)
	if len(links) != 3 {
		t.Errorf("Jane Doe's page lists %d sentences, want 3 (one of them names her twice):\n%s", len(links), mentioned)
	}
	with := section(t, jane, "with-h")
	if !strings.Contains(with, `Town council</a> <span class="muted">(2)</span>`) {
		t.Errorf("Jane Doe's page does not show the council in 2 of her sentences:\n%s", with)
	}

	council := section(t, string(files["actors/town-council/index.html"]), "with-h")
	if !strings.Contains(council, `Jane Doe</a> <span class="muted">(2)</span>`) {
		t.Errorf("the council's page does not show Jane Doe in 2 of its sentences:\n%s", council)
	}
}

// section returns the HTML of the section labelled by the heading id.
func section(t *testing.T, page, id string) string {
	t.Helper()
	start := strings.Index(page, `aria-labelledby="`+id+`"`)
	if start < 0 {
		t.Fatalf("no section %q in the page", id)
	}
	end := strings.Index(page[start:], "</section>")
	if end < 0 {
		t.Fatalf("section %q is not closed", id)
	}
	return page[start : start+end]
}
