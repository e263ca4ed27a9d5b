package render_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"briefing/internal/build"
)

// TestEditorLinks checks that claim:, actor:, article: and page: links in
// editors' Markdown lead to the page from wherever the text is shown, and
// that a link to a slug that names nothing stops the build at the link,
// naming the slug meant.
func TestEditorLinks(t *testing.T) {
	fsys := briefing(map[string]string{"bridge-closed": "title: The bridge was closed\nstatus: unverified\n"})
	fsys["content/_index.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Bridge\n---\n" +
		"The [closure](claim:bridge-closed) and [the mayor](actor:jane-doe), in [the report](article:example#s-1).\n")}
	fsys["content/actors/jane-doe.md"] = &fstest.MapFile{Data: []byte("---\nname: Jane Doe\naliases: [\"Jane Doe\"]\n---\n" +
		"She [closed it](claim:bridge-closed); see [about](page:about) and [the web](https://x.example/).\n")}
	fsys["content/pages/about.md"] = &fstest.MapFile{Data: []byte("---\ntitle: About\n---\nAbout [the claim](claim:bridge-closed).\n")}
	files := build1(t, fsys, build.Options{})
	for page, want := range map[string][]string{
		"index.html":                 {`href="claims/bridge-closed/"`, `href="actors/jane-doe/"`, `href="articles/example/#s-1"`},
		"actors/jane-doe/index.html": {`href="../../claims/bridge-closed/"`, `href="../../about/"`, `href="https://x.example/"`},
		"about/index.html":           {`href="../claims/bridge-closed/"`},
	} {
		for _, w := range want {
			if !strings.Contains(string(files[page]), w) {
				t.Errorf("%s lacks %s", page, w)
			}
		}
	}

	fsys["content/claims/bridge-closed.md"] = &fstest.MapFile{Data: []byte("---\ntitle: The bridge was closed\nstatus: unverified\n" +
		"evidence:\n  - article: example\n    quote: \"the bridge had been closed\"\n---\n" +
		"Said by [her](actor:jane-do).\nAnd [this](article:exampel) and [that](claim:nothing-like-it).\n")}
	// A misquote elsewhere stops the build before rendering: the links
	// are still checked, and reported with it.
	fsys["content/claims/misquoted.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Misquoted\nstatus: unverified\n" +
		"evidence:\n  - article: example\n    quote: \"the bridge had been painted\"\n---\n")}
	diags := buildDiags(t, fsys)
	if !strings.Contains(diags.Errors().Error(), "quote not found") {
		t.Errorf("the misquote is not reported: %v", diags)
	}
	var got []string
	for _, d := range diags {
		if strings.Contains(d.Message, "link to") {
			got = append(got, d.Pos.String()+" "+d.Hint)
		}
	}
	want := []string{
		"content/claims/bridge-closed.md:8:15 did you mean actor:jane-doe?",
		"content/claims/bridge-closed.md:9:12 did you mean article:example?",
		"content/claims/bridge-closed.md:9:40 write the slug of a claim: its file name without .md",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("link errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if diags.Errors() == nil {
		t.Error("a link to nothing does not fail the build")
	}
}
