package content

import (
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
)

// TestLoadURLs: an article's url and an actor's links are printed as
// links, in the JSON-LD and in briefing.json, so only absolute http(s)
// addresses are kept; anything else is an error at the value.
func TestLoadURLs(t *testing.T) {
	for _, tt := range []struct {
		value string
		want  string // the diagnostic, "" when the value is fine
	}{
		{"https://example.org/news/1", ""},
		{"http://example.org", ""},
		{"HTTPS://EXAMPLE.ORG/x", ""},
		{"javascript:alert(1)", `is not an http or https address`},
		{"JavaScript:alert(1)", `is not an http or https address`},
		{"data:text/html,hi", `is not an http or https address`},
		{"file:///etc/passwd", `is not an http or https address`},
		{"//example.org/x", `is not an http or https address`},
		{"example.org/x", `is not an http or https address`},
		{"/news/1", `is not an http or https address`},
		{"https:///x", `has no host`},
		{"https://exa mple.org/", `is not a valid address`},
		{"https://example.org/%zz", `is not a valid address`},
	} {
		t.Run(tt.value, func(t *testing.T) {
			q := `"` + strings.ReplaceAll(tt.value, `"`, `\"`) + `"`
			s, diags := Load(fstest.MapFS{
				"content/articles/a.txt": file("Text."),
				"content/articles/a.md":  file("---\ntitle: T\nurl: " + q + "\n---\n"),
				"content/actors/x.md":    file("---\nname: X\nlinks:\n  - https://example.org/ok\n  - " + q + "\n---\n"),
			})
			got := diags.Errors()
			if tt.want == "" {
				if got != nil {
					t.Fatalf("unexpected errors: %v", got)
				}
				if s.Article("a").URL != tt.value || len(s.Actors[0].Links) != 2 {
					t.Errorf("url %q, links %q: the value was not kept", s.Article("a").URL, s.Actors[0].Links)
				}
				return
			}
			msg := ""
			if got != nil {
				msg = got.Error()
			}
			for _, want := range []string{
				"content/actors/x.md:5:5: links " + strconv.Quote(tt.value) + " " + tt.want,
				"content/articles/a.md:3:6: url " + strconv.Quote(tt.value) + " " + tt.want,
			} {
				if !strings.Contains(msg, want) {
					t.Errorf("errors:\n%s\nwant %s", msg, want)
				}
			}
			if u := s.Article("a").URL; u != "" {
				t.Errorf("url %q was kept", u)
			}
			if l := s.Actors[0].Links; len(l) != 1 || l[0] != "https://example.org/ok" {
				t.Errorf("links %q, want only the good one", l)
			}
		})
	}
}
