package build

import (
	"bytes"
	"io/fs"
	"os"
	"path"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"briefing/internal/model"
	"briefing/internal/render"
)

// repo is the default briefing: this repository's own folder.
func repo() fs.FS { return os.DirFS("../..") }

// buildOK builds fsys and fails the test on any error diagnostic.
func buildOK(t *testing.T, b *Builder, fsys fs.FS) *Result {
	t.Helper()
	return buildWith(t, b, fsys, Options{})
}

// buildWith builds fsys with opt and fails the test on any error
// diagnostic.
func buildWith(t *testing.T, b *Builder, fsys fs.FS, opt Options) *Result {
	t.Helper()
	res, err := b.Build(t.Context(), fsys, opt)
	if err != nil {
		t.Fatal(err)
	}
	if res.Files == nil || res.Diags.HasErrors() {
		t.Fatalf("build failed:\n%v", res.Err())
	}
	return res
}

var idAttr = regexp.MustCompile(`\sid="([^"]*)"`)

// TestDefaultBriefing builds the repository's own briefing and checks what
// readers rely on: a page for every article, every sentence anchored exactly
// once, and no duplicate anchors.
func TestDefaultBriefing(t *testing.T) {
	b := newBuilder(t)
	res := buildOK(t, b, repo())

	txts, err := fs.Glob(repo(), "content/articles/*.txt")
	if err != nil || len(txts) == 0 {
		t.Fatalf("no articles in content/articles: %v", err)
	}
	if len(res.Site.Articles) != len(txts) {
		t.Errorf("%d articles loaded, %d .txt files", len(res.Site.Articles), len(txts))
	}
	for _, txt := range txts {
		slug := strings.TrimSuffix(path.Base(txt), ".txt")
		page, ok := res.Files["articles/"+slug+"/index.html"]
		if !ok {
			t.Errorf("no page for %s", txt)
			continue
		}
		a := res.Findings.Articles[slug]
		if a == nil || len(a.Sentences) == 0 {
			t.Errorf("%s: no sentences", txt)
			continue
		}
		for _, s := range a.Sentences {
			if n := bytes.Count(page, []byte(`id="`+s.ID+`"`)); n != 1 {
				t.Errorf("%s: sentence %s %.40q… anchored %d times, want once", slug, s.ID, s.Text, n)
			}
		}
		seen := map[string]bool{}
		for _, m := range idAttr.FindAllSubmatch(page, -1) {
			id := string(m[1])
			if seen[id] {
				t.Errorf("%s: id %q used twice", slug, id)
			}
			seen[id] = true
		}
	}
	for _, want := range []string{"index.html", "404.html", "articles/index.html", "claims/index.html", "actors/index.html"} {
		if _, ok := res.Files[want]; !ok {
			t.Errorf("no %s", want)
		}
	}
}

// TestArticleTextIsEscaped adds a hostile article to the default briefing:
// its markup must reach readers as text on every page and file that shows
// it, never as a tag.
func TestArticleTextIsEscaped(t *testing.T) {
	const hostile = `Officials said <script>alert(1)</script> and <img src=x onerror=alert(2)> were found.`
	fsys := render.Overlay(fstest.MapFS{
		"content/articles/zzz-hostile.txt": {Data: []byte(hostile + "\n\nA second paragraph <script>alert(3)</script>.\n")},
		"content/articles/zzz-hostile.md":  {Data: []byte("---\ntitle: <script>alert(4)</script>\noutlet: Hostile\n---\n")},
	}, repo())
	res := buildOK(t, newBuilder(t), fsys)
	page := res.Files["articles/zzz-hostile/index.html"]
	if !bytes.Contains(page, []byte("&lt;script&gt;alert(1)&lt;/script&gt;")) {
		t.Errorf("escaped text missing from the article page")
	}
	for name, data := range res.Files {
		for _, raw := range []string{"<script>alert(", "<img src=x"} {
			if bytes.Contains(data, []byte(raw)) {
				t.Errorf("%s contains raw %q from article text", name, raw)
			}
		}
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		// The theme's own scripts are the only script elements.
		for _, m := range scriptTag.FindAll(data, -1) {
			if !allowedScript.Match(m) {
				t.Errorf("%s: unexpected %s", name, m)
			}
		}
	}
}

var (
	scriptTag     = regexp.MustCompile(`(?i)<script[^>]*>`)
	allowedScript = regexp.MustCompile(`^<script (src="[^"]*"( defer)?|type="application/ld\+json")>$`)
)

// TestBuildIsReproducible builds the default briefing several times: twice
// on one builder (which may reuse work from the first build), once on a new
// one, and on a builder told the build is its only one (Options.Once),
// then quickly again on that builder, which has kept nothing. It expects
// the same bytes every time: anchors and links must not depend on map
// order, caches or the clock.
func TestBuildIsReproducible(t *testing.T) {
	b := newBuilder(t)
	first := buildOK(t, b, repo()).Files
	once := newBuilder(t)
	for _, run := range []struct {
		name string
		b    *Builder
		opt  Options
	}{
		{"rebuild", b, Options{}},
		{"new builder", newBuilder(t), Options{}},
		{"once", once, Options{Once: true}},
		{"quick after once", once, Options{Quick: true}},
	} {
		files := buildWith(t, run.b, repo(), run.opt).Files
		if !reflect.DeepEqual(first.Paths(), files.Paths()) {
			t.Errorf("%s: files %v, first build %v", run.name, files.Paths(), first.Paths())
			continue
		}
		for _, name := range first.Paths() {
			if a, b := first[name], files[name]; !bytes.Equal(a, b) {
				i := 0
				for i < len(a) && i < len(b) && a[i] == b[i] {
					i++
				}
				lo := max(i-60, 0)
				t.Errorf("%s: %s differs from the first build at byte %d:\n%q\n%q", run.name, name, i, a[lo:min(i+60, len(a))], b[lo:min(i+60, len(b))])
			}
		}
	}
}

// TestTemplateOverride checks that a briefing's templates/ file replaces the
// embedded one of the same name and only that one.
func TestTemplateOverride(t *testing.T) {
	fsys := fstest.MapFS{
		"content/_index.md":      {Data: []byte("---\ntitle: Override test\n---\nOverview.\n")},
		"content/articles/a.txt": {Data: []byte("Officials said the bridge was closed.\n")},
		"content/articles/a.md":  {Data: []byte("---\ntitle: Bridge closed\noutlet: Daily\n---\n")},
		"templates/404.html":     {Data: []byte(`{{define "main"}}<p class="custom-404">Nothing here, go <a href="{{.Root}}">home</a>.</p>{{end}}`)},
	}
	res := buildOK(t, newBuilder(t), fsys)

	notFound := string(res.Files["404.html"])
	if !strings.Contains(notFound, `<p class="custom-404">Nothing here`) {
		t.Errorf("404.html does not use the briefing's template:\n%s", notFound)
	}
	if strings.Contains(notFound, "There is no page at this address") {
		t.Errorf("404.html still has the embedded template's text")
	}
	// The frame around it is still the embedded base.html.
	if !strings.Contains(notFound, "<html") || !strings.Contains(notFound, "Override test") {
		t.Errorf("404.html lost the embedded base template:\n%s", notFound)
	}
	article := string(res.Files["articles/a/index.html"])
	if !strings.Contains(article, `<section class="text"`) || !strings.Contains(article, "Officials said the bridge was closed.") {
		t.Errorf("article page not rendered with the embedded template:\n%s", article)
	}
	if _, ok := res.Files["style.css"]; !ok {
		t.Errorf("embedded static files were not copied")
	}
}

// TestTemplateError checks that a broken template override is a positioned
// diagnostic, not a crash, and produces no files.
func TestTemplateError(t *testing.T) {
	fsys := fstest.MapFS{
		"content/articles/a.txt": {Data: []byte("Text.\n")},
		"templates/404.html":     {Data: []byte("{{define \"main\"}}\n<p>{{.Nope</p>\n{{end}}")},
	}
	res, err := newBuilder(t).Build(t.Context(), fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Files != nil {
		t.Errorf("a broken template produced files")
	}
	errs, _ := res.Err().(model.ErrorList)
	if len(errs) != 1 || !strings.HasPrefix(errs[0].String(), "templates/404.html:2:") {
		t.Errorf("errors = %v, want one at templates/404.html:2", res.Err())
	}
}
