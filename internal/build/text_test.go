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

// loops are the template loops the default theme's pages ran before their
// output was made in Go, and the call that replaced each.
var loops = []struct {
	file, call, loop, pages string
}{{
	file:  "article.html",
	call:  ".TextHTML",
	loop:  `{{range .Paragraphs}}<p{{if .Furniture}} class="furniture"{{end}}>{{if .Furniture}}<span class="furniture-label">Not part of the article: </span>{{end}}{{range .Sentences}}<span class="s{{if .Claims}} cited{{end}}" id="{{.ID}}">{{.HTML}}{{range .Claims}}<a class="cite cite-{{.Status}}" href="{{$.Root}}{{.Path}}" title="Cited by the {{.Status}} claim: {{.Title}}" aria-label="Cited by the {{.Status}} claim: {{.Title}}">{{.Status}}</a>{{end}}</span> {{end}}</p>` + "\n{{end}}",
	pages: "articles/",
}, {
	file:  "actor.html",
	call:  ".SentencesHTML",
	loop:  `{{range .Sentences}}<li><a href="{{$.Root}}{{.Path}}">{{.Text}}</a></li>` + "\n{{end}}",
	pages: "actors/",
}, {
	file: "actor.html",
	call: "$.VersionsHTML .",
	loop: `{{$prev := ""}}{{range $i, $v := .Versions}}{{if ne $v.Article.Slug $prev}}{{if $i}}</blockquote></li>` + "\n" +
		`{{end}}<li><p class="meta">{{with $v.Article.Outlet}}{{.}}: {{end}}<a href="{{$.Root}}{{$v.Article.Path}}">{{$v.Article.Title}}</a>{{template "_title_by.html" $v.Article}}{{with $v.Article.Origin}} (originally {{.}}){{end}}</p>` + "\n" +
		`<blockquote>{{else}} {{end}}<a href="{{$.Root}}{{$v.Path}}">{{$v.Text}}</a>{{$prev = $v.Article.Slug}}{{end}}</blockquote></li>` + "\n",
	pages: "actors/",
}, {
	file: "articles.html",
	call: ".SourceRowsHTML",
	loop: `{{range .Articles}}<tr>` + "\n" +
		`<td data-label="Article"><a href="{{$.Root}}{{.Path}}">{{.Title}}</a>{{template "_title_by.html" .}}</td>` + "\n" +
		`<td data-label="Outlet">{{if .Outlet}}{{.Outlet}}{{else}}<span class="muted">not named</span>{{end}}</td>` + "\n" +
		`<td data-label="Origin">{{if .Origin}}{{.Origin}}{{else}}<span class="muted">—</span>{{end}}</td>` + "\n" +
		`<td data-label="Date">{{if .PublishedOn}}{{.PublishedOn}}{{else}}<span class="muted">not given</span>{{end}}</td>` + "\n" +
		`<td data-label="Copies">{{range .CopyOf}}Copies <a href="{{$.Root}}{{.Article.Path}}">{{.Article.Title}}</a>{{template "_title_by.html" .Article}} ({{.Percent}}%){{if .Editor}}, declared by the editor{{end}}<br>{{end}}{{range .CopiedBy}}Copied by <a href="{{$.Root}}{{.Article.Path}}">{{.Article.Title}}</a>{{template "_title_by.html" .Article}} ({{.Percent}}%){{if .Editor}}, declared by the editor{{end}}<br>{{end}}{{if not (or .CopyOf .CopiedBy)}}<span class="muted">independent</span>{{end}}</td>` + "\n" +
		`</tr>` + "\n" +
		`{{end}}`,
	pages: "articles/index.html",
}, {
	file: "_sources.html",
	call: ".SourcesHTML",
	loop: `{{range .Overview.Articles}}<li><a href="{{$.Root}}{{.Path}}">{{.Title}}</a>{{template "_title_by.html" .}}` + "\n" +
		`<span class="meta">{{template "_byline.html" .}}</span>` + "\n" +
		`{{range .CopyOf}}<span class="copy">{{if .Editor}}Copy of{{else}}Largely copies{{end}} <a href="{{$.Root}}{{.Article.Path}}">{{.Article.Title}}</a>{{template "_title_by.html" .Article}} ({{.Percent}}% of its sentences{{if .Editor}}; declared by the editor{{end}})</span>{{end}}` + "\n" +
		`</li>` + "\n" +
		`{{end}}`,
	pages: "index.html",
}}

// loopTheme returns the default theme's page templates with each call of
// loops replaced by its loop.
func loopTheme(t *testing.T) fstest.MapFS {
	t.Helper()
	theme := fstest.MapFS{}
	for _, l := range loops {
		page, err := os.ReadFile("../../templates/" + l.file)
		if f, ok := theme["templates/"+l.file]; ok { // a file with two loops
			page = f.Data
		}
		if err != nil {
			t.Fatal(err)
		}
		call := regexp.MustCompile(`\{\{/\*[^\n]*?\*/\}\}\{\{` + regexp.QuoteMeta(l.call) + `\}\}`)
		if !call.Match(page) {
			t.Fatalf("templates/%s does not print %s", l.file, l.call)
		}
		theme["templates/"+l.file] = &fstest.MapFile{Data: call.ReplaceAllLiteral(page, []byte(l.loop))}
	}
	return theme
}

// TestTextHTMLMatchesTemplate: the article and actor pages the default
// theme makes with their long lists built in Go are byte for byte those
// that the template loops made, on the default briefing with a hostile
// article and claim added, and on a generated one.
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
		want := buildOK(t, b, render.Overlay(loopTheme(t), br.fsys)).Files
		for _, l := range loops {
			pages := 0
			for _, p := range want.Paths() {
				if !strings.HasPrefix(p, l.pages) || p == l.pages+"index.html" {
					continue
				}
				pages++
				if !bytes.Equal(got[p], want[p]) {
					t.Errorf("%s: %s differs from the template loop's:\n%s", br.name, p, firstDiff(got[p], want[p]))
				}
			}
			if pages == 0 {
				t.Errorf("%s: no page in %s", br.name, l.pages)
			}
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
