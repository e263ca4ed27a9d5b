package main

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"briefing/internal/corpus"
)

// BenchmarkReloadScale measures the preview at scale: the save of one
// actor file, and of one claim file, of a generated briefing of 10,000
// articles, 200 actors and 500 claims (cmd/gencorpus), to the reload event
// reaching a client that keeps that actor's or claim's page open. It
// reports the same figures as BenchmarkReload, the time of a cold
// "briefing build" of the same briefing (full-build-ms), and the median
// latency as a share of it (median/full): the target is under 0.1. Generating the
// briefing and its first build take about a minute; run it with
//
//	go test -run '^$' -bench ReloadScale -benchtime 10x -timeout 60m ./cmd/briefing/
//
// (or SIZE=scale bench/reload.sh). -short skips it.
func BenchmarkReloadScale(b *testing.B) {
	if testing.Short() {
		b.Skip("generates and serves 10,000 articles")
	}
	dir := b.TempDir()
	generateBriefing(b, dir, corpus.Options{Articles: 10000, Actors: 200, Claims: 500, Seed: 1})
	// The full build to compare with: "briefing build", cold, in process.
	start := time.Now()
	if err := run(b.Context(), []string{"build", "-src", dir, "-out", b.TempDir()}, io.Discard, io.Discard); err != nil {
		b.Fatal(err)
	}
	full := time.Since(start)
	for _, kind := range []string{"actor", "claim"} {
		b.Run(kind, func(b *testing.B) {
			files, _ := filepath.Glob(filepath.Join(dir, "content", kind+"s", "*.md"))
			slices.Sort(files)
			slug := strings.TrimSuffix(filepath.Base(files[0]), ".md")
			sv := serveForBench(b, dir, files[0], kind+"s/"+slug+"/")
			median := measureReload(b, sv, func(original []byte, i int) []byte {
				return fmt.Appendf(original, "\nThe editor reviewed this again, pass %d.\n", i)
			})
			b.ReportMetric(float64(full.Microseconds())/1000, "full-build-ms")
			b.ReportMetric(float64(median)/float64(full), "median/full")
		})
	}
}

// generateBriefing writes a generated briefing of the size opt gives into
// dir, from the default articles.
func generateBriefing(tb testing.TB, dir string, opt corpus.Options) {
	tb.Helper()
	seeds, err := corpus.ReadSeeds("../../content/articles")
	if err != nil {
		tb.Fatal(err)
	}
	start := time.Now()
	c, err := corpus.Generate(seeds, opt)
	if err != nil {
		tb.Fatal(err)
	}
	if err := c.WriteBriefing(corpus.DirWriter(dir)); err != nil {
		tb.Fatal(err)
	}
	tb.Logf("generated %d articles in %v", opt.Articles, time.Since(start).Round(time.Millisecond))
}
