package corpus

import (
	"maps"
	"strings"
	"testing"
	"testing/fstest"

	"briefing/internal/build"
	"briefing/internal/model"
)

// seeds returns the default briefing's article texts.
func seeds(t *testing.T) []string {
	t.Helper()
	texts, err := ReadSeeds("../../content/articles")
	if err != nil {
		t.Fatal(err)
	}
	return texts
}

// files generates a corpus and returns the briefing's and the Hugo site's
// files.
func files(t *testing.T, opt Options) (*Corpus, fstest.MapFS, fstest.MapFS) {
	t.Helper()
	c, err := Generate(seeds(t), opt)
	if err != nil {
		t.Fatal(err)
	}
	into := func(m fstest.MapFS) WriteFunc {
		return func(name string, data []byte) error {
			if _, ok := m[name]; ok {
				t.Errorf("%s written twice", name)
			}
			m[name] = &fstest.MapFile{Data: data}
			return nil
		}
	}
	b, h := fstest.MapFS{}, fstest.MapFS{}
	if err := c.WriteBriefing(into(b)); err != nil {
		t.Fatal(err)
	}
	if err := c.WriteHugo(into(h)); err != nil {
		t.Fatal(err)
	}
	return c, b, h
}

// TestGeneratedBriefingBuilds: a small corpus builds with no error and no
// warning; every quote is in its article's text, word for word, and every
// alias in some article's text.
func TestGeneratedBriefingBuilds(t *testing.T) {
	opt := Options{Articles: 60, Actors: 5, Claims: 25, Seed: 7}
	c, fsys, _ := files(t, opt)
	if len(c.Articles) != opt.Articles || len(c.Actors) != opt.Actors || len(c.Claims) != opt.Claims {
		t.Fatalf("%d articles, %d actors, %d claims; want %+v", len(c.Articles), len(c.Actors), len(c.Claims), opt)
	}
	b, err := build.New()
	if err != nil {
		t.Fatal(err)
	}
	res, err := b.Build(t.Context(), fsys, build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range res.Diags {
		if d.Severity <= model.Warning {
			t.Errorf("%s", d)
		}
	}
	if res.Files == nil || len(res.Site.Articles) != opt.Articles || len(res.Site.Claims) != opt.Claims {
		t.Fatalf("the build loaded %d articles and %d claims and rendered %d files", len(res.Site.Articles), len(res.Site.Claims), len(res.Files))
	}

	text := func(slug string) string { return string(fsys["content/articles/"+slug+".txt"].Data) }
	stances := map[string]int{}
	for _, cl := range c.Claims {
		for _, e := range cl.Evidence {
			stances[e.Stance]++
			if !strings.Contains(text(e.Article), e.Quote) {
				t.Errorf("%s: %q is not in %s", cl.Slug, e.Quote, e.Article)
			}
			if len(strings.Fields(e.Quote)) < 2 {
				t.Errorf("%s: quote %q is shorter than two words", cl.Slug, e.Quote)
			}
		}
	}
	if len(stances) != 3 {
		t.Errorf("stances used: %v; want supports, contradicts and context", stances)
	}
	all := ""
	for _, a := range c.Articles {
		all += text(a.Slug)
	}
	for _, a := range c.Actors {
		for _, alias := range a.Aliases {
			if !strings.Contains(all, alias) {
				t.Errorf("%s: alias %q occurs in no article", a.Slug, alias)
			}
		}
	}
	copies := 0
	for _, a := range c.Articles {
		if a.Origin != "" {
			copies++
		}
	}
	if copies == 0 {
		t.Error("no article is a copy")
	}
}

// TestGenerateIsDeterministic: the same seed gives the same files, another
// seed other ones.
func TestGenerateIsDeterministic(t *testing.T) {
	opt := Options{Articles: 30, Actors: 4, Claims: 10, Seed: 3}
	_, b1, h1 := files(t, opt)
	_, b2, h2 := files(t, opt)
	equal := func(a, b fstest.MapFS) bool {
		return maps.EqualFunc(a, b, func(x, y *fstest.MapFile) bool { return string(x.Data) == string(y.Data) })
	}
	if !equal(b1, b2) || !equal(h1, h2) {
		t.Error("one seed gave two corpora")
	}
	opt.Seed = 4
	_, b3, _ := files(t, opt)
	if equal(b1, b3) {
		t.Error("two seeds gave one corpus")
	}
}

// TestHugoSiteHasTheSameArticles: the Hugo site has a page for every
// article with its text, and the layouts Hugo needs.
func TestHugoSiteHasTheSameArticles(t *testing.T) {
	c, _, h := files(t, Options{Articles: 12, Actors: 3, Claims: 4, Seed: 1})
	for _, name := range []string{"hugo.toml", "content/_index.md", "layouts/_default/single.html", "layouts/_default/list.html"} {
		if h[name] == nil {
			t.Errorf("no %s", name)
		}
	}
	for _, a := range c.Articles {
		page := h["content/articles/"+a.Slug+".md"]
		if page == nil || !strings.Contains(string(page.Data), a.Text()) {
			t.Errorf("%s: no page, or not its text", a.Slug)
		}
	}
}

// TestGenerateRefusesBadOptions: no article or actor, or too few seeds,
// is an error.
func TestGenerateRefusesBadOptions(t *testing.T) {
	for _, opt := range []Options{{Articles: 0, Actors: 1}, {Articles: 1, Actors: 0}, {Articles: 1, Actors: 1, Claims: -1}} {
		if _, err := Generate(seeds(t), opt); err == nil {
			t.Errorf("%+v: no error", opt)
		}
	}
	if _, err := Generate([]string{"Too short."}, Options{Articles: 1, Actors: 1}); err == nil {
		t.Error("one short seed: no error")
	}
}
