package render_test

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"

	defaulttheme "briefing"
	"briefing/internal/build"
	"briefing/internal/render"
)

func TestPaths(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{render.ArticlePath("a-1"), "articles/a-1/"},
		{render.SentencePath("a-1", "s-2"), "articles/a-1/#s-2"},
		{render.ActorPath("jane-doe"), "actors/jane-doe/"},
		{render.ClaimPath("one-killed"), "claims/one-killed/"},
		{render.StatusPath("disputed"), "claims/#disputed"},
		{render.PagePath("about"), "about/"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

// TestTemplatesPrintPaths checks that the default theme's links print the
// paths views carry, instead of spelling the URL scheme themselves: the
// literal text of an href or src (what is left once the template actions
// are taken out) names no section of the site and no parent directory, and
// no link is built from a slug.
func TestTemplatesPrintPaths(t *testing.T) {
	attr := regexp.MustCompile(`\b(?:href|src)="([^"]*)"`)
	action := regexp.MustCompile(`\{\{.*?\}\}`)
	scheme := regexp.MustCompile(`\b(?:articles|actors|claims)/|\.\./`)
	theme := defaulttheme.Theme()
	names, err := fs.Glob(theme, "templates/*.html")
	if err != nil || len(names) == 0 {
		t.Fatalf("no templates: %v", err)
	}
	for _, name := range names {
		b, err := fs.ReadFile(theme, name)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range attr.FindAllStringSubmatch(string(b), -1) {
			url := m[1]
			if lit := action.ReplaceAllString(url, " "); scheme.MatchString(lit) {
				t.Errorf("%s: link %q spells a site path; print a view's .Path after .Root", name, url)
			}
			if strings.Contains(url, "Slug}}") {
				t.Errorf("%s: link %q is built from a slug; print a view's .Path after .Root", name, url)
			}
		}
	}
}

// TestSentenceLinksUseRoot checks that actor names in an article's text
// link through the page's Root to the actor's path.
func TestSentenceLinksUseRoot(t *testing.T) {
	files := build1(t, briefing(nil), build.Options{})
	page := string(files[render.ArticlePath("example")+"index.html"])
	want := `<a class="actor" href="../../` + render.ActorPath("jane-doe") + `">Jane Doe</a>`
	if !strings.Contains(page, want) {
		t.Errorf("the article page has no %s", want)
	}
}
