package main

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"briefing"
	"briefing/internal/build"
	"briefing/internal/render"
)

// BenchmarkBuild times "briefing build" as a whole (load, analysis and
// render, with a new Builder each time, as the command runs it; not the
// writing of the files), and the render alone (every page of the site,
// from the findings of one build), on the default briefing and on
// briefings of generated articles (see generateArticles). With -short it
// stops at 1,000 articles, without it goes on to 10,000.
//
//	go test -run '^$' -bench Build -benchtime 3x ./cmd/briefing/
func BenchmarkBuild(b *testing.B) {
	sizes := []int{0, 1000}
	if !testing.Short() {
		sizes = append(sizes, 10000)
	}
	for _, n := range sizes {
		dir := b.TempDir()
		if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS("../../content")); err != nil {
			b.Fatal(err)
		}
		name := "default"
		if n > 0 {
			generateArticles(b, dir, n)
			name = fmt.Sprintf("articles=%d", n)
		}
		fsys := os.DirFS(dir)
		b.Run(name+"/build", func(b *testing.B) {
			for b.Loop() {
				bl, err := build.New()
				if err != nil {
					b.Fatal(err)
				}
				if res, err := bl.Build(b.Context(), fsys, build.Options{}); err != nil || res.Files == nil {
					b.Fatalf("build failed: %v %v", err, res.Err())
				}
			}
		})
		b.Run(name+"/render", func(b *testing.B) {
			bl, err := build.New()
			if err != nil {
				b.Fatal(err)
			}
			res, err := bl.Build(b.Context(), fsys, build.Options{Lazy: true})
			if err != nil || res.Output == nil {
				b.Fatalf("build failed: %v %v", err, res.Err())
			}
			r, err := render.New(briefing.Theme())
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				out, err := r.Site(b.Context(), res.Config, res.Site, res.Findings)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := out.All(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
