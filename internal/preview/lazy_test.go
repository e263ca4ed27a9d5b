package preview

import (
	"io/fs"
	"net/http"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"briefing/internal/build"
	"briefing/internal/render"
)

// buildLazy builds fsys as the preview does: pages rendered when asked for.
func buildLazy(t *testing.T, b *build.Builder, fsys fs.FS) *render.Output {
	t.Helper()
	res, err := b.Build(t.Context(), fsys, build.Options{Lazy: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Output == nil {
		t.Fatalf("build failed:\n%v", res.Err())
	}
	return res.Output
}

// defaultBriefing returns a Builder and the content of the default
// briefing, to edit in memory.
func defaultBriefing(t *testing.T) (*build.Builder, fstest.MapFS) {
	t.Helper()
	b, err := build.New()
	if err != nil {
		t.Fatal(err)
	}
	briefing := fstest.MapFS{}
	if err := fs.WalkDir(os.DirFS("../.."), "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile("../../" + p)
		briefing[p] = &fstest.MapFile{Data: data}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return b, briefing
}

// pages returns the HTML pages among paths.
func pages(paths []string) []string {
	return slices.DeleteFunc(slices.Clone(paths), func(p string) bool { return !strings.HasSuffix(p, ".html") })
}

// TestUpdateRendersOpenPagesOnly checks that, on a site rendered lazily, a
// rebuild renders the pages that were served (which are those a browser
// may show) to compare them, and no other page.
func TestUpdateRendersOpenPagesOnly(t *testing.T) {
	b, briefing := defaultBriefing(t)
	first := buildLazy(t, b, briefing)
	p, ts := serve(t, Options{}, nil)
	if a, _ := p.Update(Build{Site: first}); a != Reload {
		t.Fatalf("first build: %v", a)
	}
	if got := pages(first.Rendered()); len(got) != 0 {
		t.Errorf("rendered before anything was served: %v", got)
	}
	const article = "articles/001_be923fc5e0fa518d/index.html"
	if resp, body := get(t, ts.URL+"/articles/001_be923fc5e0fa518d/"); resp.StatusCode != http.StatusOK || !strings.Contains(body, `id="s-`) {
		t.Fatalf("article page: %s\n%s", resp.Status, body)
	}
	get(t, ts.URL+"/no/such/page/")
	if got, want := pages(first.Rendered()), []string{"404.html", article}; !slices.Equal(got, want) {
		t.Errorf("rendered %v, want %v", got, want)
	}

	// An edit of another article: the open pages are rendered again and
	// compared; they did not change, so nothing reloads.
	s := openStream(t, ts.URL)
	s.expect(t, "hello")
	other := "content/articles/003_0546c5e0fa227c42.md"
	if briefing[other] == nil {
		t.Fatalf("no %s in the default briefing", other)
	}
	briefing[other] = &fstest.MapFile{Data: append(slices.Clone(briefing[other].Data), "\nOne more line of summary.\n"...)}
	second := buildLazy(t, b, briefing)
	if a, changed := p.Update(Build{Site: second}); a != Unchanged {
		t.Errorf("edit of a page nobody shows: %v %v", a, changed)
	}
	if got, want := pages(second.Rendered()), []string{"404.html", article}; !slices.Equal(got, want) {
		t.Errorf("second build rendered %v, want %v", got, want)
	}

	// A template that fails only when a page runs it is reported as a
	// build error once an open page uses it, with its position.
	briefing["templates/article.html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}{{.Article.NoSuchField}}{{end}}`)}
	third := buildLazy(t, b, briefing)
	if a, _ := p.Update(Build{Site: third}); a != ShowErrors {
		t.Fatalf("a failing template: %v", a)
	}
	if ev := s.expect(t, "errors"); !strings.Contains(ev.Overlay, "templates/article.html:1:") {
		t.Errorf("overlay does not point at the template:\n%s", ev.Overlay)
	}
	if _, body := get(t, ts.URL+"/articles/001_be923fc5e0fa518d/"); !strings.Contains(body, `id="s-`) {
		t.Errorf("the last good page is not served:\n%s", body)
	}
}

// TestNavigateToUnrenderedPage edits a file whose page no browser has
// shown: the page is compared all the same, and open pages go to it.
func TestNavigateToUnrenderedPage(t *testing.T) {
	b, briefing := defaultBriefing(t)
	p, ts := serve(t, Options{Navigate: true}, nil)
	p.Update(Build{Site: buildLazy(t, b, briefing)})
	get(t, ts.URL+"/")
	s := openStream(t, ts.URL)
	s.expect(t, "hello")

	const claim = "content/claims/belgorod-22-shelled.md"
	if briefing[claim] == nil {
		t.Fatalf("no %s in the default briefing", claim)
	}
	briefing[claim] = &fstest.MapFile{Data: append(slices.Clone(briefing[claim].Data), "\nThe desk checked this again.\n"...)}
	a, changed := p.Update(Build{Site: buildLazy(t, b, briefing), Sources: []string{claim}})
	if a != Reload || !slices.Contains(changed, "claims/belgorod-22-shelled/index.html") {
		t.Fatalf("edit of a claim: %v %v", a, changed)
	}
	if ev := s.expect(t, "reload"); ev.Path != "/claims/belgorod-22-shelled/" {
		t.Errorf("reload goes to %q, want the claim's page", ev.Path)
	}

	// Saving it again unchanged moves nobody.
	a, changed = p.Update(Build{Site: buildLazy(t, b, briefing), Sources: []string{claim}})
	if a != Unchanged {
		t.Errorf("a save without change: %v %v", a, changed)
	}
}
