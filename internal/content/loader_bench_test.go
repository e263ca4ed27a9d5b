package content_test

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"briefing/internal/content"
	"briefing/internal/mirror"
)

// bigBriefing copies the repository's briefing and adds articles, copies
// of its own under new slugs with a small sidecar, up to n articles in all.
// It returns the folder and the paths of the added articles' texts.
func bigBriefing(tb testing.TB, n int) (string, []string) {
	root := tb.TempDir()
	if err := os.CopyFS(filepath.Join(root, content.Dir), os.DirFS(filepath.Join("..", "..", content.Dir))); err != nil {
		tb.Fatal(err)
	}
	seeds, err := filepath.Glob(filepath.Join(root, content.Dir, "articles", "*.txt"))
	if err != nil || len(seeds) == 0 {
		tb.Fatalf("no articles to copy: %v", err)
	}
	var added []string
	for i := len(seeds); i < n; i++ {
		text, err := os.ReadFile(seeds[i%len(seeds)])
		if err != nil {
			tb.Fatal(err)
		}
		rel := fmt.Sprintf("%s/articles/gen-%04d", content.Dir, i)
		name := filepath.Join(root, filepath.FromSlash(rel))
		side := "---\ntitle: \"x\"\noutlet: \"y\"\n---\nBody.\n"
		if os.WriteFile(name+".txt", text, 0o644) != nil || os.WriteFile(name+".md", []byte(side), 0o644) != nil {
			tb.Fatal("cannot write ", name)
		}
		added = append(added, rel+".txt")
	}
	return root, added
}

// BenchmarkLoad times loading a briefing of 1,000 articles (2,000 files)
// from a mirror after one article's text changed, with a Loader that
// parsed the briefing before (warm), with a new one (cold), and, as the
// preview did before the mirror and the Loader, from the disk (disk).
//
//	go test -run '^$' -bench Load ./internal/content/
func BenchmarkLoad(b *testing.B) {
	root, added := bigBriefing(b, 1000)
	m, err := mirror.New(root, []string{content.Dir}, nil)
	if err != nil {
		b.Fatal(err)
	}
	edited := added[len(added)/2]
	original, err := os.ReadFile(filepath.Join(root, edited))
	if err != nil {
		b.Fatal(err)
	}
	for _, mode := range []string{"warm", "cold", "disk"} {
		b.Run(mode, func(b *testing.B) {
			var l content.Loader
			l.Load(m.FS())
			for i := 0; b.Loop(); i++ {
				b.StopTimer()
				text := fmt.Sprintf("%s\n\nThe desk added note %d on Tuesday.\n", original, i)
				if err := os.WriteFile(filepath.Join(root, edited), []byte(text), 0o644); err != nil {
					b.Fatal(err)
				}
				if err := m.Update([]string{edited}); err != nil {
					b.Fatal(err)
				}
				fsys := m.FS()
				switch mode {
				case "cold":
					l = content.Loader{}
				case "disk":
					l, fsys = content.Loader{}, os.DirFS(root)
				}
				b.StartTimer()
				if s, diags := l.Load(fsys); len(s.Articles) != 1000 || diags.HasErrors() {
					b.Fatalf("%d articles, diagnostics:\n%v", len(s.Articles), diags)
				}
			}
		})
	}
}

// TestBigBriefing checks, on the briefing the benchmark loads, that a warm
// Loader reading a mirror gives what Load gives reading the disk.
func TestBigBriefing(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 2,000 files")
	}
	root, added := bigBriefing(t, 1000)
	m, err := mirror.New(root, []string{content.Dir}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var l content.Loader
	l.Load(m.FS())
	for i, rel := range added[:3] {
		if err := os.WriteFile(filepath.Join(root, rel), fmt.Appendf(nil, "Changed %d.\n", i), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := m.Update([]string{rel}); err != nil {
			t.Fatal(err)
		}
		warm, warmDiags := l.Load(m.FS())
		cold, coldDiags := content.Load(os.DirFS(root))
		if !reflect.DeepEqual(warm, cold) || !reflect.DeepEqual(warmDiags, coldDiags) {
			t.Fatalf("after changing %s, a warm load from the mirror differs from a cold one from the disk", rel)
		}
	}
}
