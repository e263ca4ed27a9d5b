package render_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"briefing/internal/build"
	"briefing/internal/model"
)

// TestTemplateLimits builds with theme templates that would never end, or
// would write without end, and checks that each stops in a few seconds
// with an error at the template's loop.
func TestTemplateLimits(t *testing.T) {
	tests := []struct {
		name, file, src string
		pos, message    string
	}{
		{"a range of a huge number", "article.html",
			"{{define \"main\"}}\n<p>{{.Title}}</p>\n  {{range 100000000000000}}{{end}}\n{{end}}\n",
			"templates/article.html:3:", "ran past the time limit"},
		{"a template that calls itself twice", "_loop.html",
			"{{define \"twice\"}}{{if .}}{{template \"twice\" slice . 1}}{{template \"twice\" slice . 1}}{{end}}{{end}}",
			"templates/_loop.html", "ran past the time limit"},
		{"a frame part that never ends", "_footer.html",
			"<footer>\n{{range 100000000000000}}{{end}}</footer>\n",
			"templates/_footer.html:2:", "ran past the time limit"},
		{"a range that writes without end", "articles.html",
			"{{define \"main\"}}{{range 100000000000000}}<p>" + strings.Repeat("again and ", 100) + "</p>{{end}}{{end}}",
			"templates/articles.html:1:", "grew past the size limit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.message != "grew past the size limit" {
				t.Parallel() // the loops would take the CPU from the writing one
			}
			fsys := briefing(nil)
			fsys["templates/"+tt.file] = &fstest.MapFile{Data: []byte(tt.src)}
			if tt.file == "_loop.html" {
				fsys["templates/index.html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}{{template "twice" "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}}{{end}}`)}
			}
			b, err := build.New()
			if err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			res, err := b.Build(t.Context(), fsys, build.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if took := time.Since(start); took > 15*time.Second {
				t.Errorf("the build took %v", took)
			}
			var found *model.Diagnostic
			for i, d := range res.Diags {
				if d.Severity == model.Error {
					found = &res.Diags[i]
				}
			}
			if found == nil || res.Files != nil {
				t.Fatalf("the build did not fail: %v", res.Diags)
			}
			if !strings.HasPrefix(found.Pos.String(), tt.pos) || !strings.Contains(found.Message, tt.message) {
				t.Errorf("got %s: %s\nwant %s: …%s…", found.Pos, found.Message, tt.pos, tt.message)
			}
		})
	}
}

// TestTemplateInterrupted checks that a build stuck in a template returns
// soon after it is abandoned (as on Ctrl-C), well before the page's limit.
func TestTemplateInterrupted(t *testing.T) {
	fsys := briefing(nil)
	fsys["templates/article.html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}{{range 100000000000000}}{{end}}{{end}}`)}
	b, err := build.New()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	time.AfterFunc(500*time.Millisecond, cancel)
	start := time.Now()
	_, err = b.Build(ctx, fsys, build.Options{})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Build = %v, want it abandoned", err)
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("the build took %v to stop", took)
	}
}

// TestMarkdownLimitPositioned checks that Markdown refused for its shape
// is an error at the line of the file where the shape is.
func TestMarkdownLimitPositioned(t *testing.T) {
	fsys := briefing(nil)
	fsys["content/actors/deep.md"] = &fstest.MapFile{Data: []byte("---\nname: Deep\n---\nFine.\n\n" + strings.Repeat(">", 2000) + " a\n")}
	diags := buildDiags(t, fsys)
	for _, d := range diags {
		if d.Severity == model.Error && d.Pos.String() == "content/actors/deep.md:6" && strings.Contains(d.Message, "nested too deep") {
			return
		}
	}
	t.Errorf("no error at content/actors/deep.md:6: %v", diags)
}
