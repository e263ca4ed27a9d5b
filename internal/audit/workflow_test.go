package audit

import (
	"os"
	"strings"
	"testing"
)

// TestPagesWorkflow checks that the Pages workflow builds what the crawl
// tests: a minified site with the base URL Pages gives it, from site/.
func TestPagesWorkflow(t *testing.T) {
	data, err := os.ReadFile("../../.github/workflows/pages.yml")
	if err != nil {
		t.Fatal(err)
	}
	wf := string(data)
	for _, want := range []string{
		"pages: write", "id-token: write", "contents: read",
		"go-version-file: go.mod",
		"actions/configure-pages@",
		`go run ./cmd/briefing build -minify -base-url "${{ steps.pages.outputs.base_url }}/"`,
		"actions/upload-pages-artifact@", "path: site/",
		"actions/deploy-pages@",
	} {
		if !strings.Contains(wf, want) {
			t.Errorf("pages.yml lacks %q", want)
		}
	}
}

// TestCheckWorkflow checks that pull requests run check with the output
// GitHub shows on the diff.
func TestCheckWorkflow(t *testing.T) {
	data, err := os.ReadFile("../../.github/workflows/check.yml")
	if err != nil {
		t.Fatal(err)
	}
	wf := string(data)
	for _, want := range []string{"pull_request:", "contents: read", "go-version-file: go.mod",
		"go run ./cmd/briefing check -format github"} {
		if !strings.Contains(wf, want) {
			t.Errorf("check.yml lacks %q", want)
		}
	}
}
