package build

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/rogpeppe/go-internal/diff"
	"github.com/rogpeppe/go-internal/txtar"

	"briefing/internal/model"
)

var update = flag.Bool("update", false, "rewrite the want/ sections of testdata/*.txtar")

// TestGolden builds each briefing in testdata/*.txtar and compares what the
// editor would see with the archive's want/ sections:
//
//	want/diagnostics      every diagnostic, one per line, as briefing check prints it
//	want/model            (optional) what the loader read from the front matter
//	want/text/<slug>      (optional) the text section of articles/<slug>/index.html
//	want/claim/<slug>     (optional) the claim element of claims/<slug>/index.html
//	want/data/<slug>      (optional) the claim's entry in briefing.json
//
// Every other file of the archive is an input file of the briefing folder.
// Run with -update to rewrite the want/ sections, then review the diff.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	b := newBuilder(t)
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			fsys := fstest.MapFS{}
			var wants []string
			for _, f := range ar.Files {
				if strings.HasPrefix(f.Name, "want/") {
					wants = append(wants, f.Name)
					continue
				}
				fsys[f.Name] = &fstest.MapFile{Data: f.Data}
			}
			if len(wants) == 0 || wants[0] != "want/diagnostics" {
				t.Fatalf("%s: the first want/ section must be want/diagnostics", file)
			}
			res, err := b.Build(t.Context(), fsys, Options{})
			if err != nil {
				t.Fatal(err)
			}
			changed := false
			for i, f := range ar.Files {
				if !strings.HasPrefix(f.Name, "want/") {
					continue
				}
				got, err := goldenSection(f.Name, res)
				if err != nil {
					t.Error(err)
					continue
				}
				if bytes.Equal(got, f.Data) {
					continue
				}
				if *update {
					ar.Files[i].Data = got
					changed = true
					continue
				}
				t.Errorf("%s differs (run go test -update and review the change):\n%s", f.Name, diff.Diff("want", f.Data, "got", got))
			}
			if changed {
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				t.Logf("updated %s", file)
			}
		})
	}
}

// goldenSection computes the contents of one want/ section.
func goldenSection(name string, res *Result) ([]byte, error) {
	switch {
	case name == "want/diagnostics":
		var b bytes.Buffer
		for _, d := range res.Diags {
			fmt.Fprintln(&b, d)
		}
		return b.Bytes(), nil
	case name == "want/model":
		return modelSummary(res.Site, res.Findings), nil
	case strings.HasPrefix(name, "want/text/"):
		slug := strings.TrimPrefix(name, "want/text/")
		return pagePart(name, res, "articles/"+slug+"/index.html", textSection, `<section class="text">`)
	case strings.HasPrefix(name, "want/claim/"):
		slug := strings.TrimPrefix(name, "want/claim/")
		return pagePart(name, res, "claims/"+slug+"/index.html", claimElement, `<article class="claim">`)
	case strings.HasPrefix(name, "want/data/"):
		slug := strings.TrimPrefix(name, "want/data/")
		if res.Files == nil {
			return nil, fmt.Errorf("%s: the build failed: %v", name, res.Err())
		}
		var data struct{ Claims []map[string]any }
		if err := json.Unmarshal(res.Files["briefing.json"], &data); err != nil {
			return nil, fmt.Errorf("%s: briefing.json: %v", name, err)
		}
		for _, c := range data.Claims {
			if c["slug"] == slug {
				b, err := json.MarshalIndent(c, "", "  ")
				return append(b, '\n'), err
			}
		}
		return nil, fmt.Errorf("%s: no claim %s in briefing.json", name, slug)
	}
	return nil, fmt.Errorf("unknown golden section %s", name)
}

// pagePart returns what part matches in the page at path of a successful
// build, for section name; what names the part in errors.
func pagePart(name string, res *Result, path string, part *regexp.Regexp, what string) ([]byte, error) {
	if res.Files == nil {
		return nil, fmt.Errorf("%s: the build failed: %v", name, res.Err())
	}
	page, ok := res.Files[path]
	if !ok {
		return nil, fmt.Errorf("%s: no page %s", name, path)
	}
	m := part.Find(page)
	if m == nil {
		return nil, fmt.Errorf("%s: no %s in %s", name, what, path)
	}
	return append(m, '\n'), nil
}

var (
	textSection  = regexp.MustCompile(`(?s)<section class="text".*?</section>`)
	claimElement = regexp.MustCompile(`(?s)<article class="claim">.*?</article>`)
)

// modelSummary lists what the loader read, one line per key with a value,
// so that a golden shows each front-matter format parsed alike.
func modelSummary(s *model.Site, f *model.Findings) []byte {
	var b bytes.Buffer
	kv := func(k, v string) {
		if v != "" {
			fmt.Fprintf(&b, "  %s: %s\n", k, v)
		}
	}
	date := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format("2006-01-02")
	}
	if s.Index != nil && s.Index.Title != "" {
		fmt.Fprintf(&b, "index\n")
		kv("title", s.Index.Title)
		kv("description", s.Index.Description)
	}
	for _, p := range s.Pages {
		fmt.Fprintf(&b, "page %s\n", p.Slug)
		kv("title", p.Title)
		kv("description", p.Description)
	}
	for _, a := range s.Articles {
		fmt.Fprintf(&b, "article %s (%d sentences)\n", a.Slug, len(f.Article(a.Slug).Sentences))
		title := a.Title
		if a.TitleDerived {
			title += " (derived from the text)"
		}
		kv("title", title)
		kv("outlet", a.Outlet)
		kv("origin", a.Origin)
		kv("author", a.Author)
		kv("published", date(a.Published))
		kv("url", a.URL)
		kv("language", a.Language)
		kv("derived_from", a.DerivedFrom)
		kv("summary", strings.TrimSpace(a.Summary.Source))
	}
	for _, a := range s.Actors {
		fmt.Fprintf(&b, "actor %s\n", a.Slug)
		kv("name", a.Name)
		kv("aliases", strings.Join(a.Aliases, " | "))
		kv("kind", string(a.Kind))
		kv("side", a.Side)
		kv("role", a.Role)
		kv("links", strings.Join(a.Links, " "))
	}
	for _, c := range s.Claims {
		fmt.Fprintf(&b, "claim %s\n", c.Slug)
		kv("title", c.Title)
		kv("status", string(c.Status))
		var refs []string
		for _, r := range c.ClaimedBy {
			refs = append(refs, r.Slug)
		}
		kv("claimed_by", strings.Join(refs, " "))
		refs = nil
		for _, r := range c.DisputedBy {
			refs = append(refs, r.Slug)
		}
		kv("disputed_by", strings.Join(refs, " "))
		for _, e := range c.Evidence {
			kv("evidence", fmt.Sprintf("%s %q at %v, %s", e.Article, e.Quote, e.QuotePos, e.Stance))
		}
		kv("updated", date(c.Updated))
	}
	return b.Bytes()
}

func newBuilder(t testing.TB) *Builder {
	t.Helper()
	b, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return b
}
