package render_test

import (
	"bytes"
	"io/fs"
	"os"
	"regexp"
	"testing"
	"testing/fstest"

	"briefing/internal/build"
	"briefing/internal/render"
)

// headTemplate is what the default theme's base.html printed in the head,
// after the viewport, before Page.HeadHTML made it in Go.
const headTemplate = `<title>{{if .Path}}{{.Title}} · {{end}}{{.Site.Title}}</title>
{{with .Description}}<meta name="description" content="{{.}}">
{{end}}{{if eq .Kind "404"}}<meta name="robots" content="noindex">
{{end}}{{with .Canonical}}<link rel="canonical" href="{{.}}">
<meta property="og:url" content="{{.}}">
{{end}}<meta property="og:type" content="{{.OGType}}">
<meta property="og:title" content="{{.Title}}">
{{with .Description}}<meta property="og:description" content="{{.}}">
{{end}}{{.HeadLinks}}{{range .JSONLD}}<script type="application/ld+json">{{.}}</script>
{{end}}`

// TestHeadHTMLMatchesTemplate: every page of the default theme is byte for
// byte what it was when base.html made the head, on the default briefing
// with hostile titles, descriptions, names and base URL added.
func TestHeadHTMLMatchesTemplate(t *testing.T) {
	base, err := os.ReadFile("../../templates/base.html")
	if err != nil {
		t.Fatal(err)
	}
	call := regexp.MustCompile(`\{\{/\*[^\n]*?\*/\}\}\{\{\.HeadHTML\}\}`)
	if !call.Match(base) {
		t.Fatal("templates/base.html does not print .HeadHTML")
	}
	theme := fstest.MapFS{"templates/base.html": {Data: call.ReplaceAllLiteral(base, []byte(headTemplate))}}

	hostile := fstest.MapFS{
		"content/articles/zzz-hostile.txt": {Data: []byte("Officials said <script>alert(1)</script> & 1+1 \"were\" found.\n\nA second paragraph\x00 <b>'bold'</b>.\n")},
		"content/articles/zzz-hostile.md": {Data: []byte("---\ntitle: \"<script>alert(4)</script> & 'x' \\\"y\\\" 1+1\"\noutlet: Hostile\n---\n" +
			"A *summary* with <b>tags</b> & \"quotes\", 1+1 and a [link](https://x.example/?a=1&b=2).\n")},
		"content/actors/zzz-hostile.md": {Data: []byte("---\nname: \"Bad <Actor> & 'Co' \\\"+\\\"\"\naliases: [\"Officials\"]\nkind: person\nrole: \"</script><b>role</b> & 1+1\"\n" +
			"links: [\"https://x.example/a?b=<c>&d='e'\"]\n---\n")},
		"content/claims/zzz-hostile.md": {Data: []byte("---\ntitle: \"Officials' \\\"claim\\\" & <b>1+1</b> = 2 %20 </script>\"\nstatus: unverified\nclaimed_by: [zzz-hostile]\n" +
			"evidence:\n  - article: zzz-hostile\n    quote: \"A second paragraph\"\n---\n")},
		"content/pages/zzz-hostile.md": {Data: []byte("---\ntitle: \"<i>About</i> & 'us' 1+1\"\ndescription: \"\\\"Described\\\" <b>here</b> & 1+1\"\n---\nAbout.\n")},
	}
	briefings := []struct {
		name string
		fsys fs.FS
		opt  build.Options
	}{
		{"default", render.Overlay(hostile, os.DirFS("../..")), build.Options{}},
		{"hostile base URL", render.Overlay(hostile, os.DirFS("../..")), build.Options{BaseURL: "https://x.example/a+b'c&d%20e/"}},
	}
	for _, br := range briefings {
		got := build1(t, br.fsys, br.opt)
		want := build1(t, render.Overlay(theme, br.fsys), br.opt)
		if len(got) != len(want) {
			t.Errorf("%s: %d files, want %d", br.name, len(got), len(want))
		}
		for _, p := range want.Paths() {
			if !bytes.Equal(got[p], want[p]) {
				t.Errorf("%s: %s differs from the template's head:\ngot  %.600s\nwant %.600s", br.name, p, got[p], want[p])
			}
		}
	}
}
