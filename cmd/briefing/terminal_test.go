package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestOutputIsPrintable: article text and file names full of terminal
// escapes, carriage returns, forged lines and bidi overrides reach the
// terminal escaped, through check, check -format github and build; the
// only line breaks are the output's own.
func TestOutputIsPrintable(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"content/articles/a.txt": "Officials said the bridge\x1b[2J\x1b]0;pwned\x07 was closed.\r" +
			"content/x.md:1:1: forged\u202e on Monday.\n",
		"content/articles/a.md": "---\ntitle: A\noutlet: Daily\n---\n",
		"content/claims/c.md": "---\ntitle: Closed\nstatus: unverified\nevidence:\n" +
			"  - article: a\n    quote: \"the bridge was shut \\e[31m on Monday\"\n---\n",
		"content/articles/\x1b[31mred\x07.txt": "Text.",
		"content/actors/x.md":                  "---\nname: X\nlinks: [\"javascript:alert(1)\\r\\nfake.md:1:1: forged\"]\n---\n",
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{
		{"check", "-src", dir},
		{"check", "-src", dir, "-format", "github"},
		{"build", "-src", dir},
	} {
		var stdout, stderr bytes.Buffer
		if err := run(t.Context(), args, &stdout, &stderr); err == nil {
			t.Errorf("%v: no error", args)
		}
		out := stdout.String() + stderr.String()
		if !strings.Contains(out, `\x1b`) {
			t.Errorf("%v: the escapes are not shown:\n%s", args, out)
		}
		for i, r := range out {
			if r == utf8.RuneError || (r < 0x20 && r != '\n' && r != '\t') || (r >= 0x7f && r < 0xa0) || r == '\u202e' {
				t.Errorf("%v: %q at byte %d of\n%s", args, r, i, out)
				break
			}
		}
		for _, line := range strings.Split(out, "\n") {
			if strings.HasPrefix(line, "fake.md") || strings.HasPrefix(line, "content/x.md") {
				t.Errorf("%v: a forged line: %s", args, line)
			}
		}
	}
}
