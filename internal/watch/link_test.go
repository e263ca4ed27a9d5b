package watch

import (
	"os"
	"path/filepath"
	"testing"
)

// TestLinksNotFollowed checks that a link to a folder outside the briefing
// folder, made in a watched tree, is never watched:
// changes out there are not the briefing's (the mirror refuses the link).
func TestLinksNotFollowed(t *testing.T) {
	outside := t.TempDir()
	write(t, outside, "a/x.md", "x")
	write(t, outside, "b/y.md", "y")
	root, w := start(t, "content/articles/a.txt", "static/s.css")
	for _, name := range []string{"static/a", "content/b"} {
		if err := os.Symlink(filepath.Join(outside, filepath.Base(name)), filepath.Join(root, filepath.FromSlash(name))); err != nil {
			t.Skip(err)
		}
		until(t, w, name)
	}
	write(t, outside, "a/x.md", "changed")
	write(t, outside, "b/y.md", "changed")
	write(t, outside, "b/new.md", "new")
	none(t, w)
}
