package build

import (
	"bytes"
	"io/fs"
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"briefing/internal/render"
)

// textLoop is how the default theme's article page made its text before
// the text was made in Go (render.ArticleView.TextHTML): a template loop
// over the paragraphs, sentences and citations.
const textLoop = `{{range .Paragraphs}}<p{{if .Furniture}} class="furniture"{{end}}>{{if .Furniture}}<span class="furniture-label">Not part of the article: </span>{{end}}{{range .Sentences}}<span class="s{{if .Claims}} cited{{end}}" id="{{.ID}}">{{.HTML}}{{range .Claims}}<a class="cite cite-{{.Status}}" href="{{$.Root}}{{.Path}}" title="Cited by the {{.Status}} claim: {{.Title}}" aria-label="Cited by the {{.Status}} claim: {{.Title}}">{{.Status}}</a>{{end}}</span> {{end}}</p>
{{end}}`

// loopTemplate returns the default theme's article page with its text
// made by textLoop.
func loopTemplate(t *testing.T) []byte {
	t.Helper()
	page, err := os.ReadFile("../../templates/article.html")
	if err != nil {
		t.Fatal(err)
	}
	call := regexp.MustCompile(`(?m)^\{\{/\*[^\n]*\*/\}\}\{\{\.TextHTML\}\}`)
	if !call.Match(page) {
		t.Fatal("templates/article.html does not print .TextHTML at the start of a line")
	}
	return call.ReplaceAllLiteral(page, []byte(textLoop))
}

// TestTextHTMLMatchesTemplate: the article pages the default theme makes
// with the text built in Go are byte for byte those that the template
// loop made, on the default briefing with a hostile article and claim
// added, and on a generated one.
func TestTextHTMLMatchesTemplate(t *testing.T) {
	hostile := fstest.MapFS{
		"content/articles/zzz-hostile.txt": {Data: []byte("Officials said <script>alert(1)</script> & 1+1 \"were\" found.\n\nA second paragraph\x00 <b>'bold'</b>.\n")},
		"content/articles/zzz-hostile.md":  {Data: []byte("---\ntitle: <script>alert(4)</script>\noutlet: Hostile\n---\n")},
		"content/claims/zzz-hostile.md": {Data: []byte("---\ntitle: \"Officials' \\\"claim\\\" & <b>1+1</b> = 2 %20\"\nstatus: unverified\n" +
			"evidence:\n  - article: zzz-hostile\n    quote: \"A second paragraph\"\n  - article: zzz-hostile\n    quote: \"1+1\"\n---\n")},
	}
	briefings := []struct {
		name string
		fsys fs.FS
	}{
		{"default", render.Overlay(hostile, repo())},
		{"generated", generated(t)},
	}
	b := newBuilder(t)
	for _, br := range briefings {
		got := buildOK(t, b, br.fsys).Files
		loop := fstest.MapFS{"templates/article.html": {Data: loopTemplate(t)}}
		want := buildOK(t, b, render.Overlay(loop, br.fsys)).Files
		pages := 0
		for _, p := range want.Paths() {
			if !strings.HasPrefix(p, "articles/") || p == "articles/index.html" {
				continue
			}
			pages++
			if !bytes.Equal(got[p], want[p]) {
				t.Errorf("%s: %s differs from the template loop's:\n%s", br.name, p, firstDiff(got[p], want[p]))
			}
		}
		if pages == 0 {
			t.Errorf("%s: no article page", br.name)
		}
	}
}

// firstDiff shows where a and b first differ.
func firstDiff(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	lo := max(i-80, 0)
	return "got  …" + string(a[lo:min(i+80, len(a))]) + "\nwant …" + string(b[lo:min(i+80, len(b))])
}
