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

// madeInGo are the parts of the default theme's pages that templates
// made before Go made them: the call in each file that replaced it, and
// the template it replaced.
var madeInGo = []struct{ file, call, template string }{{
	file: "base.html",
	call: ".HeadHTML",
	template: `<title>{{if .Path}}{{.Title}} · {{end}}{{.Site.Title}}</title>
{{with .Description}}<meta name="description" content="{{.}}">
{{end}}{{if eq .Kind "404"}}<meta name="robots" content="noindex">
{{end}}{{with .Canonical}}<link rel="canonical" href="{{.}}">
<meta property="og:url" content="{{.}}">
{{end}}<meta property="og:type" content="{{.OGType}}">
<meta property="og:title" content="{{.Title}}">
{{with .Description}}<meta property="og:description" content="{{.}}">
{{end}}{{.HeadLinks}}{{range .JSONLD}}<script type="application/ld+json">{{.}}</script>
{{end}}`,
}, {
	file: "claims.html",
	call: "$.MatrixRowsHTML .",
	template: `{{range .Rows}}<tr><th scope="row"><span class="status status-{{.Claim.Status}}">{{.Claim.Label}}</span> <a href="{{$.Root}}{{.Claim.Path}}">{{.Claim.Title}}</a></th>{{range .Cells}}<td>{{if .Stances}}<a href="{{$.Root}}{{.Path}}">{{range $i, $s := .Stances}}{{if $i}}, {{end}}<span class="cell cell-{{$s}}">{{$s}}</span>{{end}}</a>{{else}}<span class="muted">—</span>{{end}}</td>{{end}}</tr>
{{end}}`,
}, {
	file: "actor.html",
	call: "$.MentionHeadHTML .",
	template: `{{with .Article}}<h3><a href="{{$.Root}}{{.Path}}">{{.Title}}</a>{{$.Partial "_title_by.html" .}}</h3>
<p class="meta">{{$.Partial "_byline.html" .}}</p>{{end}}`,
}, {
	file: "article.html",
	call: "$.ArticleHeadHTML .",
	template: `<h1>{{.Title}}</h1>{{if .EditorTitle}}
<p class="meta">This copy has no headline: the editor wrote this title.</p>{{end}}
<p class="meta">{{$.Partial "_byline.html" .}}{{with .URL}} · <a href="{{.}}" rel="noopener">original</a>{{end}}</p>
{{range .CopyOf}}<p class="notice">This text {{if .Editor}}is a copy of{{else}}largely copies{{end}} <a href="{{$.Root}}{{.Article.Path}}">{{.Article.Title}}</a>{{template "_title_by.html" .Article}}{{if .Editor}}, declared by the editor{{end}}: {{.Percent}}% of its sentences align with it. It does not count as an independent source.</p>{{end}}
{{range .CopiedBy}}<p class="notice"><a href="{{$.Root}}{{.Article.Path}}">{{.Article.Title}}</a>{{template "_title_by.html" .Article}} copies this article ({{.Percent}}% of its sentences{{if .Editor}}; declared by the editor{{end}}).</p>{{end}}`,
}}

// TestGoHTMLMatchesTemplate: every page of the default theme is byte for
// byte what it was when templates made the parts madeInGo lists, on the
// default briefing with hostile titles, descriptions, names and base URL
// added.
func TestGoHTMLMatchesTemplate(t *testing.T) {
	theme := fstest.MapFS{}
	for _, m := range madeInGo {
		page, err := os.ReadFile("../../templates/" + m.file)
		if err != nil {
			t.Fatal(err)
		}
		call := regexp.MustCompile(`\{\{/\*[^\n]*?\*/\}\}\{\{` + regexp.QuoteMeta(m.call) + `\}\}`)
		if !call.Match(page) {
			t.Fatalf("templates/%s does not print %s", m.file, m.call)
		}
		theme["templates/"+m.file] = &fstest.MapFile{Data: call.ReplaceAllLiteral(page, []byte(m.template))}
	}

	hostile := fstest.MapFS{
		"content/articles/zzz-hostile.txt": {Data: []byte("Officials said <script>alert(1)</script> & 1+1 \"were\" found.\n\nA second paragraph\x00 <b>'bold'</b>.\n")},
		"content/articles/zzz-hostile.md": {Data: []byte("---\ntitle: \"<script>alert(4)</script> & 'x' \\\"y\\\" 1+1\"\noutlet: Hostile\n---\n" +
			"A *summary* with <b>tags</b> & \"quotes\", 1+1 and a [link](https://x.example/?a=1&b=2).\n")},
		"content/articles/zzz-reprint.txt": {Data: []byte("Officials said <script>alert(1)</script> & 1+1 \"were\" found.\n\nA second paragraph\x00 <b>'bold'</b>.\n")},
		"content/articles/zzz-reprint.md": {Data: []byte("---\ntitle: \"Reprint <i>&</i> 'x' 1+1\"\ntitle_by: editor\nderived_from: zzz-hostile\n" +
			"url: \"https://x.example/a?b=<c>&d='e'+f\"\n---\n")},
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
				t.Errorf("%s: %s differs from the templates':\ngot  %.600s\nwant %.600s", br.name, p, got[p], want[p])
			}
		}
	}
}
