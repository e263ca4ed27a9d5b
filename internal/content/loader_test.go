package content

import (
	"fmt"
	"reflect"
	"slices"
	"testing"
	"testing/fstest"

	"briefing/internal/model"
)

// briefing is a small briefing with a file of every kind and format, and
// files with errors and warnings.
func briefing() fstest.MapFS {
	return fstest.MapFS{
		"content/_index.md":        file("---\ntitle: The raid\n---\nOverview.\n"),
		"content/pages/about.md":   file("---\ntitle: About\n---\nWho we are.\n"),
		"content/pages/a-b.md":     file("+++\ntitle = \"TOML page\"\ncolour = \"red\"\n+++\nBody.\n"),
		"content/pages/no-fm.md":   file("No front matter.\n"),
		"content/articles/a.txt":   file("Governor says one killed\n\nBody of a.\n"),
		"content/articles/a.md":    file("---\ntitle: A\npublished: 2023-05-23\n---\nSummary of a.\n"),
		"content/articles/a-b.txt": file("---\noutlet: Wire\n---\nFirst line.\n"),
		"content/articles/b.txt":   file("{\"title\": \"JSON\", \"outlet\": 3}\nText of b.\n"),
		"content/articles/b.md":    file("---\ntitle: [broken\n---\n"),
		"content/articles/c.txt":   file("Text of c.\n"),
		"content/articles/c.md":    file("---\nderived_from: a\npublished: yesterday\n---\n"),
		"content/articles/Bad.txt": file("Bad slug.\n"),
		"content/articles/l1.txt":  file("Caf\xe9.\n"),
		"content/articles/lone.md": file("---\ntitle: Lone\n---\n"),
		"content/articles/c.txt~":  file("backup"),
		"content/actors/gladkov.md": file("---\nname: Vyacheslav Gladkov\naliases: [Gladkov, \"the governor\", Slava]\n" +
			"kind: person\nlinks: [https://example.org]\n---\nBio.\n"),
		"content/actors/x.md": file("---\nname: X\nkind: alien\n---\n"),
		"content/claims/one-killed.md": file("---\ntitle: One killed\nstatus: confirmed\nclaimed_by: gladkov\n" +
			"disputed_by: [x]\nevidence:\n  - article: a\n    quote: \"one killed\"\n  - article: c\n    quote: \"Text\"\n---\nAssessment.\n"),
		"content/claims/bad.md": file("---\ntitle: Bad\nstatus: likely\nevidence:\n  - quote: q\n  - x\n---\n"),
	}
}

// TestLoaderWarm checks that a Loader that reuses parses returns what a
// new one does, as files change, come and go.
func TestLoaderWarm(t *testing.T) {
	fsys := briefing()
	steps := []struct {
		name   string
		change func()
	}{
		{"unchanged", func() {}},
		{"edit a text", func() { fsys["content/articles/a.txt"] = file("Governor says two killed\n\nBody of a.\n") }},
		{"add a sidecar", func() { fsys["content/articles/a-b.md"] = file("---\ntitle: Now with a sidecar\n---\n") }},
		{"empty a sidecar", func() { fsys["content/articles/a-b.md"] = file("") }},
		{"remove a sidecar", func() { delete(fsys, "content/articles/a-b.md") }},
		{"rename an article", func() {
			fsys["content/articles/d.txt"] = fsys["content/articles/c.txt"]
			fsys["content/articles/d.md"] = fsys["content/articles/c.md"]
			delete(fsys, "content/articles/c.txt")
			delete(fsys, "content/articles/c.md")
		}},
		{"same text as another", func() { fsys["content/articles/d.txt"] = fsys["content/articles/a.txt"] }},
		{"fix errors", func() {
			fsys["content/articles/b.md"] = file("---\ntitle: fixed\n---\n")
			fsys["content/articles/bad.txt"] = fsys["content/articles/Bad.txt"]
			delete(fsys, "content/articles/Bad.txt")
			fsys["content/articles/l1.txt"] = file("Café.\n")
		}},
		{"break a claim", func() { fsys["content/claims/one-killed.md"] = file("---\ntitle: One killed\n") }},
		{"remove the index and an actor", func() {
			delete(fsys, "content/_index.md")
			delete(fsys, "content/actors/x.md")
		}},
		{"a page becomes an actor", func() {
			fsys["content/actors/about.md"] = fsys["content/pages/about.md"]
			delete(fsys, "content/pages/about.md")
		}},
		{"back to the start", func() { fsys = briefing() }},
		{"remove everything", func() { fsys = fstest.MapFS{} }},
	}
	var l Loader
	for _, step := range steps {
		step.change()
		warm, warmDiags := l.Load(fsys)
		cold, coldDiags := Load(fsys)
		if !reflect.DeepEqual(warm, cold) {
			t.Errorf("%s: warm site\n%+v\ncold site\n%+v", step.name, warm, cold)
		}
		if !reflect.DeepEqual(warmDiags, coldDiags) {
			t.Errorf("%s: warm diagnostics\n%v\ncold\n%v", step.name, warmDiags, coldDiags)
		}
		// The Loader keeps the parses of the files there are, and no others.
		kept := len(l.pages.last) + len(l.articles.last) + len(l.actors.last) + len(l.claims.last)
		if want := parsedFiles(warm); kept != want {
			t.Errorf("%s: the Loader keeps %d parses, want %d", step.name, kept, want)
		}
	}
}

// parsedFiles counts the parses a Loader keeps for s: one per page, article
// (with its sidecar), actor and claim.
func parsedFiles(s *model.Site) int {
	n := len(s.Pages) + len(s.Articles) + len(s.Actors) + len(s.Claims)
	if s.Index.Title != "" || s.Index.Body.Pos.File != "" {
		n++
	}
	return n
}

// TestLoaderReuses checks that a file that did not change is not parsed
// again, and one that did is.
func TestLoaderReuses(t *testing.T) {
	fsys := briefing()
	var l Loader
	l.Load(fsys)
	a, c := l.articles.last["content/articles/a.txt"], l.articles.last["content/articles/c.txt"]
	fsys["content/articles/c.md"] = file("---\ntitle: C\n---\n")
	l.Load(fsys)
	if l.articles.last["content/articles/a.txt"] != a {
		t.Error("unchanged article a parsed again")
	}
	if got := l.articles.last["content/articles/c.txt"]; got == c || got.val.Title != "C" {
		t.Error("article c, whose sidecar changed, not parsed again")
	}
}

// TestLoaderShares checks that loads share the values of the files that did
// not change, which is safe because nothing changes a loaded Site.
func TestLoaderShares(t *testing.T) {
	fsys := briefing()
	var l Loader
	first, _ := l.Load(fsys)
	fsys["content/articles/c.md"] = file("---\ntitle: C\n---\n")
	second, _ := l.Load(fsys)
	if first.Article("a") != second.Article("a") {
		t.Error("unchanged article a is a new value in the second load")
	}
	if first.Article("c") == second.Article("c") || first.Article("c").Title == "C" {
		t.Error("the second load's article c, whose sidecar changed, is the first load's")
	}
}

// TestLoadOrder checks that files parsed on many goroutines still give
// their diagnostics in file order, and the same briefing every time.
func TestLoadOrder(t *testing.T) {
	fsys := fstest.MapFS{}
	var want []string
	for i := range 300 {
		name := fmt.Sprintf("content/articles/a%03d", i)
		fsys[name+".txt"] = file("Text.\n")
		fsys[name+".md"] = file(fmt.Sprintf("---\ntitle: A %d\noutlet: [broken\n---\n", i))
		want = append(want, name+".md")
	}
	first, diags := Load(fsys)
	var got []string
	for _, d := range diags {
		got = append(got, d.Pos.File)
	}
	if !slices.Equal(got, want) {
		t.Fatalf("diagnostics in the order of files\n%v\nwant\n%v", got, want)
	}
	for range 3 {
		again, _ := Load(fsys)
		if !reflect.DeepEqual(again, first) {
			t.Fatal("a second Load gave another briefing")
		}
	}
}
