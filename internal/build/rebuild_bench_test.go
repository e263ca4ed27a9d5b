package build

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// BenchmarkRebuild times what the preview does after a save: a build of the
// default briefing, with the Builder's cache warm, after one article's text
// changed. Compare with -bench Rebuild/cold to see what the cache saves.
//
//	go test -run '^$' -bench Rebuild ./internal/build/
func BenchmarkRebuild(b *testing.B) {
	for _, warm := range []bool{true, false} {
		name := map[bool]string{true: "warm", false: "cold"}[warm]
		b.Run(name, func(b *testing.B) {
			dir := copyBriefing(b)
			articles, _ := filepath.Glob(filepath.Join(dir, "content", "articles", "*.txt"))
			slices.Sort(articles)
			original, err := os.ReadFile(articles[0])
			if err != nil {
				b.Fatal(err)
			}
			bl, err := New()
			if err != nil {
				b.Fatal(err)
			}
			fsys := os.DirFS(dir)
			build(b, bl, dir)
			for i := 0; b.Loop(); i++ {
				b.StopTimer()
				text := fmt.Sprintf("%s\n\nThe desk added note %d on Tuesday.\n", original, i)
				if err := os.WriteFile(articles[0], []byte(text), 0o644); err != nil {
					b.Fatal(err)
				}
				if !warm {
					bl.cache = cache{}
				}
				b.StartTimer()
				if res, err := bl.Build(b.Context(), fsys, Options{}); err != nil || res.Files == nil {
					b.Fatalf("build failed: %v %v", err, res.Err())
				}
			}
		})
	}
}
