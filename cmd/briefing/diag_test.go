package main

import (
	"strings"
	"testing"

	"briefing/internal/model"
)

// TestGithubCommand checks the workflow commands check -format github
// prints: GitHub shows each beside its line on a pull request's diff only
// if the format and the escaping are exactly right.
func TestGithubCommand(t *testing.T) {
	tests := []struct {
		d    model.Diagnostic
		want string
	}{
		{model.Diagnostic{Pos: model.Pos{File: "content/claims/c.md", Line: 7, Col: 12}, Severity: model.Error,
			Message: "quote not found in content/articles/a.txt", Hint: "quotes must match: 100% word for word"},
			"::error file=content/claims/c.md,line=7,col=12::quote not found in content/articles/a.txt%0Aquotes must match: 100%25 word for word"},
		{model.Diagnostic{Pos: model.Pos{File: "content/articles/b.txt"}, Severity: model.Warning, Message: "article has no metadata"},
			"::warning file=content/articles/b.txt::article has no metadata"},
		{model.Diagnostic{Pos: model.Pos{File: "content/a,b:c.md", Line: 3}, Severity: model.Suggestion, Message: "two\r\nlines"},
			"::notice file=content/a%2Cb%3Ac.md,line=3::two\\r\\nlines"},
		// Control characters from the content are escaped before the
		// runner's own escaping; the hint's line breaks are kept.
		{model.Diagnostic{Pos: model.Pos{File: "content/\x1b[31mred.md", Line: 1}, Severity: model.Error,
			Message: "quote \"\u202egnol\" not found\x07", Hint: "it reads:\n  a\x1b]0;pwned\x07b"},
			"::error file=content/\\x1b[31mred.md,line=1::quote \"\\u202egnol\" not found\\x07%0Ait reads:%0A  a\\x1b]0;pwned\\x07b"},
		{model.Diagnostic{Severity: model.Error, Message: "no position"}, "::error::no position"},
	}
	for _, tt := range tests {
		if got := githubCommand(tt.d); got != tt.want {
			t.Errorf("githubCommand(%v)\n got %s\nwant %s", tt.d, got, tt.want)
		}
	}
}

// TestPrintDiagsCounts checks that the summary lines of a large briefing's
// diagnostics group their digits, as the progress line does.
func TestPrintDiagsCounts(t *testing.T) {
	var diags model.Diagnostics
	for range 1234 {
		diags = append(diags, model.Diagnostic{Severity: model.Suggestion, Message: "name"})
	}
	for range 1001 {
		diags = append(diags, model.Diagnostic{Severity: model.Error, Message: "bad"})
	}
	var out strings.Builder
	printDiags(&out, diags, false)
	for _, want := range []string{"\n1,234 suggestions: run briefing check to see them\n", "\n1,001 errors, 0 warnings\n"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("no %q at the end of:\n…%s", want, out.String()[max(0, out.Len()-200):])
		}
	}
}
