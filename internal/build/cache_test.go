package build

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// copyBriefing copies the repository's default briefing into a temporary
// folder the test may edit.
func copyBriefing(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
	return dir
}

func edit(t testing.TB, dir, name string, change func(string) string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	data, _ := os.ReadFile(p)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(change(string(data))), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestWarmBuildEqualsCold edits a briefing between builds of one Builder
// and checks each build against a fresh Builder's: the cache must never
// change a result.
func TestWarmBuildEqualsCold(t *testing.T) {
	dir := copyBriefing(t)
	warm, err := New()
	if err != nil {
		t.Fatal(err)
	}
	articles, _ := filepath.Glob(filepath.Join(dir, "content", "articles", "*.txt"))
	slices.Sort(articles)
	article := "content/articles/" + filepath.Base(articles[0])
	steps := []struct {
		name string
		do   func()
	}{
		{"first build", func() {}},
		{"unchanged", func() {}},
		{"article text edited", func() {
			edit(t, dir, article, func(s string) string {
				return strings.Replace(s, "\n\n", "\n\nThe governor said on Tuesday that Mr. Smith left. Gladkov said it again.\n\n", 1)
			})
		}},
		{"article text reverted", func() {
			edit(t, dir, article, func(s string) string {
				return strings.Replace(s, "\n\nThe governor said on Tuesday that Mr. Smith left. Gladkov said it again.\n\n", "\n\n", 1)
			})
		}},
		{"actor alias added", func() {
			edit(t, dir, "content/actors/vyacheslav-gladkov.md", func(s string) string {
				return strings.Replace(s, `aliases: [`, `aliases: ["Governor Gladkov", `, 1)
			})
		}},
		{"template overridden", func() {
			edit(t, dir, "templates/404.html", func(string) string {
				return `{{define "main"}}<h1>Lost</h1>{{end}}`
			})
		}},
		{"stylesheet overridden", func() {
			edit(t, dir, "static/style.css", func(string) string { return "body{color:red}" })
		}},
		{"template removed", func() { os.RemoveAll(filepath.Join(dir, "templates")) }},
	}
	for _, step := range steps {
		step.do()
		got := build(t, warm, dir)
		cold, err := New()
		if err != nil {
			t.Fatal(err)
		}
		want := build(t, cold, dir)
		if !reflect.DeepEqual(got.Diags, want.Diags) {
			t.Errorf("%s: diagnostics differ:\nwarm %v\ncold %v", step.name, got.Diags, want.Diags)
		}
		if !reflect.DeepEqual(got.Site, want.Site) {
			t.Errorf("%s: loaded briefings differ", step.name)
		}
		if !reflect.DeepEqual(got.Findings, want.Findings) {
			t.Errorf("%s: findings differ", step.name)
		}
		for _, p := range want.Files.Paths() {
			if string(got.Files[p]) != string(want.Files[p]) {
				t.Errorf("%s: %s differs", step.name, p)
			}
		}
		if len(got.Files) != len(want.Files) {
			t.Errorf("%s: %d files, want %d", step.name, len(got.Files), len(want.Files))
		}
	}
	// The sentences of an unchanged text are looked up, not found again.
	last, again := build(t, warm, dir), build(t, warm, dir)
	for slug, a := range again.Findings.Articles {
		if a != last.Findings.Articles[slug] {
			t.Errorf("article %s segmented again, unchanged", slug)
		}
	}
	if len(again.Findings.Articles) != len(articles) {
		t.Errorf("findings for %d articles, want %d", len(again.Findings.Articles), len(articles))
	}
}

func build(t testing.TB, b *Builder, dir string) *Result {
	t.Helper()
	res, err := b.Build(t.Context(), os.DirFS(dir), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Files == nil {
		t.Fatalf("build failed: %v", res.Err())
	}
	return res
}

// TestCacheReuse checks that the cache is used: templates are parsed again
// only when the theme changes, and they read the current folder's files.
func TestCacheReuse(t *testing.T) {
	b, err := New()
	if err != nil {
		t.Fatal(err)
	}
	dir := copyBriefing(t)
	build(t, b, dir)
	r := b.cache.renderer
	edit(t, dir, "content/_index.md", func(s string) string { return s + "\nMore.\n" })
	build(t, b, dir)
	if b.cache.renderer != r {
		t.Error("templates parsed again though the theme did not change")
	}

	// Another folder with the same theme reuses the templates, and its
	// static files are read from it, not from the folder that is gone.
	other := copyBriefing(t)
	os.RemoveAll(dir)
	res := build(t, b, other)
	if b.cache.renderer != r {
		t.Error("templates parsed again for a folder with the same theme")
	}
	if len(res.Files["style.css"]) == 0 {
		t.Error("style.css missing")
	}

	edit(t, other, "templates/_byline.html", func(string) string { return `{{define "byline"}}by nobody{{end}}` })
	b.Build(t.Context(), os.DirFS(other), Options{})
	if b.cache.renderer == r {
		t.Error("templates not parsed again after a template changed")
	}
}

// TestBrokenTemplateNotCached checks that a template error is reported on
// every build until fixed.
func TestBrokenTemplateNotCached(t *testing.T) {
	b, err := New()
	if err != nil {
		t.Fatal(err)
	}
	dir := copyBriefing(t)
	edit(t, dir, "templates/page.html", func(string) string { return `{{define "main"}}{{.Title}{{end}}` })
	for range 2 {
		res, err := b.Build(t.Context(), os.DirFS(dir), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if res.Files != nil || !strings.Contains(res.Diags.Errors().Error(), "templates/page.html:1") {
			t.Fatalf("broken template: %v", res.Diags)
		}
	}
	os.Remove(filepath.Join(dir, "templates", "page.html"))
	build(t, b, dir)
}
