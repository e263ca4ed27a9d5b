package mirror

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// bigBriefing writes a briefing of n articles, each a .txt of about 5 kB
// and a sidecar, and returns its folder.
func bigBriefing(tb testing.TB, n int) string {
	root := tb.TempDir()
	text := strings.Repeat("The governor said on Tuesday that the regime was lifted. ", 90)
	for i := range n {
		slug := fmt.Sprintf("content/articles/a%04d", i)
		write(tb, root, slug+".txt", text, slug+".md", "---\ntitle: \"x\"\noutlet: \"y\"\n---\nBody.\n")
	}
	write(tb, root, "content/_index.md", "---\ntitle: T\n---\n", "config.toml", "title = 'T'\n")
	return root
}

// BenchmarkUpdate times mirroring one saved file of a briefing of 2,000
// files, a snapshot of which a build holds (save), and one file created or
// removed (create-remove: each in turn).
//
//	go test -run '^$' -bench . ./internal/mirror/
func BenchmarkUpdate(b *testing.B) {
	root := bigBriefing(b, 1000)
	m := newMirror(b, root)
	for _, mode := range []string{"save", "create-remove"} {
		b.Run(mode, func(b *testing.B) {
			rel := "content/articles/a0500.txt"
			if mode != "save" {
				rel = "content/articles/new.txt"
			}
			for i := 0; b.Loop(); i++ {
				b.StopTimer()
				if mode == "save" || i%2 == 0 {
					write(b, root, rel, fmt.Sprintf("Edit %d.", i))
				} else {
					os.Remove(filepath.Join(root, filepath.FromSlash(rel)))
				}
				held := m.FS()
				b.StartTimer()
				if err := m.Update([]string{rel}); err != nil {
					b.Fatal(err)
				}
				if m.FS() == held {
					b.Fatal("no new snapshot")
				}
			}
		})
	}
}

// BenchmarkFS times taking a snapshot, and then listing the folder of
// 2,000 files in a new one, as a build does after each Update.
func BenchmarkFS(b *testing.B) {
	m := newMirror(b, bigBriefing(b, 1000))
	b.Run("FS", func(b *testing.B) {
		for b.Loop() {
			_ = m.FS()
		}
	})
	b.Run("ReadDir", func(b *testing.B) {
		for b.Loop() {
			fsys := &snapshot{files: m.cur.files, names: m.cur.names}
			if _, err := fs.ReadDir(fsys, "content/articles"); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("ReadFile-all", func(b *testing.B) {
		fsys := m.FS()
		for b.Loop() {
			for _, name := range m.cur.names {
				if _, err := fs.ReadFile(fsys, name); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}

// TestConcurrentReads reads snapshots while the mirror is updated: run it
// with -race.
func TestConcurrentReads(t *testing.T) {
	root := bigBriefing(t, 20)
	m := newMirror(t, root)
	var wg sync.WaitGroup
	for i := range 20 {
		fsys := m.FS()
		wg.Go(func() {
			for range 3 {
				err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
					if err == nil && !d.IsDir() {
						_, err = fs.ReadFile(fsys, p)
					}
					return err
				})
				if err != nil {
					t.Error(err)
				}
			}
		})
		rel := fmt.Sprintf("content/articles/a%04d.txt", i)
		if i%2 == 0 {
			os.Remove(filepath.Join(root, filepath.FromSlash(rel)))
		} else {
			write(t, root, rel, "changed")
		}
		if err := m.Update([]string{rel}); err != nil {
			t.Fatal(err)
		}
	}
	wg.Wait()
}
