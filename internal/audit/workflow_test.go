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
		"actions/configure-pages@",
		"uses: ./", "command: build", "base-url: ${{ steps.pages.outputs.base_url }}/",
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
	for _, want := range []string{"pull_request:", "contents: read", "uses: ./", "command: check"} {
		if !strings.Contains(wf, want) {
			t.Errorf("check.yml lacks %q", want)
		}
	}
}

// TestAction checks that the action the workflows use builds the site as
// the crawl tests it (minified, at the base URL given) and checks with
// the output a pull request shows on its diff.
func TestAction(t *testing.T) {
	data, err := os.ReadFile("../../action.yml")
	if err != nil {
		t.Fatal(err)
	}
	a := string(data)
	for _, want := range []string{"using: composite", "go-version-file: ${{ github.action_path }}/go.mod",
		`go build -o "$RUNNER_TEMP/briefing" ./cmd/briefing`,
		`args=(build -src "$BRIEFING_SRC" -minify)`, `args+=(-base-url "$BRIEFING_BASE_URL")`,
		`args=(check -src "$BRIEFING_SRC" -format "$BRIEFING_FORMAT")`, "default: github",
		// Inputs reach the script through the environment, never pasted
		// into it, so a value cannot inject shell code.
		"BRIEFING_SRC: ${{ inputs.src }}"} {
		if !strings.Contains(a, want) {
			t.Errorf("action.yml lacks %q", want)
		}
	}
	if strings.Contains(a[strings.Index(a, "run: |"):], "${{ inputs.") {
		t.Error("action.yml pastes an input into its script")
	}
}
