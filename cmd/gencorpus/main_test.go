package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestRun writes a briefing and a Hugo site, and refuses to write into a
// folder that holds files.
func TestRun(t *testing.T) {
	dir := t.TempDir()
	out, hugo := filepath.Join(dir, "b"), filepath.Join(dir, "h")
	args := []string{"-n", "20", "-actors", "3", "-claims", "5", "-out", out, "-hugo", hugo, "-seeds", "../../content/articles"}
	var stderr bytes.Buffer
	if err := run(args, &stderr); err != nil {
		t.Fatalf("%v\n%s", err, &stderr)
	}
	for _, name := range []string{"b/config.toml", "b/content/_index.md", "b/content/articles/a00020.txt", "b/content/articles/a00020.md",
		"b/content/claims/claim-0005.md", "h/hugo.toml", "h/content/articles/a00020.md", "h/layouts/_default/single.html"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Error(err)
		}
	}
	if err := run(args, &stderr); err == nil {
		t.Error("wrote into a folder that holds files")
	}
	if err := run([]string{"-n", "5"}, &stderr); err == nil {
		t.Error("no -out: no error")
	}
}
