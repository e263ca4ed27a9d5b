package preview

import (
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"briefing/internal/build"
	"briefing/internal/watch"
)

// BenchmarkReload measures save-to-reload latency: from writing a content
// file to the reload event reaching a connected client, through the whole
// preview pipeline (watcher, incremental build, diff, event stream) as
// "briefing serve" wires it. It reports the median and 95th percentile in
// milliseconds; ns/op is meaningless here. Run it with
//
//	go test -run '^$' -bench Reload -benchtime 60x ./internal/preview/
//
// (or bench/reload.sh). Targets: median under 30 ms on the default content,
// under 100 ms with 1,000 articles.
func BenchmarkReload(b *testing.B) {
	b.Run("default", func(b *testing.B) { benchReload(b, 0) })
	b.Run("articles=1000", func(b *testing.B) { benchReload(b, 1000) })
}

func benchReload(b *testing.B, articles int) {
	// Tune the garbage collector as briefing serve does (see tuneGC in
	// cmd/briefing/serve.go), unless GOGC or GOMEMLIMIT are set.
	if os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(400))
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(2 << 30))
	}
	dir := b.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS("../../content")); err != nil {
		b.Fatal(err)
	}
	if articles > 0 {
		generateArticles(b, dir, articles)
	}
	// The edited article: a seed, so that claims cite it.
	seeds, _ := filepath.Glob(filepath.Join(dir, "content", "articles", "0*.txt"))
	slices.Sort(seeds)
	target := seeds[1]
	original, err := os.ReadFile(target)
	if err != nil {
		b.Fatal(err)
	}

	bl, err := build.New()
	if err != nil {
		b.Fatal(err)
	}
	w, err := watch.New(dir, watch.Options{Trees: []string{"content", "templates", "static"}, Files: []string{"config.toml"}})
	if err != nil {
		b.Fatal(err)
	}
	defer w.Close()
	p := New(Options{Navigate: true})
	fsys := os.DirFS(dir)
	var builds []time.Duration // written by the rebuild goroutine, read after it is idle
	rebuild := func(sources []string) {
		start := time.Now()
		defer func() { builds = append(builds, time.Since(start)) }()
		res, err := bl.Build(b.Context(), fsys, build.Options{})
		if err != nil || res.Files == nil {
			b.Errorf("build failed: %v %v", err, res.Err())
			return
		}
		p.Update(Build{Files: res.Files, Diags: res.Diags, Sources: sources})
	}
	rebuild(nil)
	cold := builds[0]
	builds = nil
	go func() {
		for batch := range w.Batches() {
			rebuild(batch.Paths)
		}
	}()
	ts := httptest.NewServer(p)
	defer func() {
		p.Close() // ends the event stream, which ts.Close waits for
		ts.Close()
	}()
	s := openStream(b, ts.URL)
	s.expect(b, "hello")

	var lat []time.Duration
	extra := 0
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		// A save like vim's: write a new file and rename it over the
		// original. Every edit is new text, so the article is analysed
		// afresh each time, as after a real edit.
		text := string(original) + fmt.Sprintf("\n\nThe desk added note %d on Tuesday, said Mr. Gladkov's office.\n", i)
		tmp := target + ".tmp"
		if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
		saved := time.Now()
		if err := os.Rename(tmp, target); err != nil {
			b.Fatal(err)
		}
		ev := s.nextWithin(b, 5*time.Minute) // builds are slow at first
		if ev.name != "reload" {
			b.Fatalf("got %s event, want reload", ev.name)
		}
		lat = append(lat, ev.at.Sub(saved))
		// Not timed: make sure the save caused one reload only.
		b.StopTimer()
		for quiet := false; !quiet; {
			select {
			case <-s.events:
				extra++
			case <-time.After(50 * time.Millisecond):
				quiet = true
			}
		}
		b.StartTimer()
	}
	b.StopTimer()
	w.Close() // the rebuild goroutine is idle: no more builds
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(ms(percentile(lat, 50)), "median-ms")
	b.ReportMetric(ms(percentile(lat, 95)), "p95-ms")
	b.ReportMetric(ms(percentile(builds, 50)), "build-median-ms")
	b.ReportMetric(ms(cold), "cold-build-ms")
	b.ReportMetric(float64(extra)/float64(len(lat)), "extra-events/op")
}

// percentile returns the p-th percentile of ds (nearest rank).
func percentile(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[max(0, (len(s)*p+99)/100-1)]
}

// generateArticles adds articles to the briefing in dir until it has n.
// The corpus models a desk that follows many events: copy e of every seed
// article reports event e, so its names and places and a quarter of its
// longer words are marked with e, while the actors' names stay, so that
// they are still mentioned and quoted. Articles of one event overlap as the
// seeds do; articles of different events share only the actors. Each has a
// sidecar with metadata.
func generateArticles(tb testing.TB, dir string, n int) {
	tb.Helper()
	articles := filepath.Join(dir, "content", "articles")
	seeds, _ := filepath.Glob(filepath.Join(articles, "*.txt"))
	slices.Sort(seeds)
	keep := actorWords(tb, filepath.Join(dir, "content", "actors"))
	texts := make([]string, len(seeds))
	for i, f := range seeds {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		texts[i] = string(data)
	}
	write := func(name, data string) {
		if err := os.WriteFile(filepath.Join(articles, name), []byte(data), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	outlets := []string{"Desk Wire", "Border Post", "Evening Ledger", "Regional Herald", "Open Dispatch"}
	count := len(seeds)
	for e := 1; count < n; e++ {
		for i, seed := range seeds {
			if count >= n {
				break
			}
			slug := fmt.Sprintf("%s-e%d", strings.TrimSuffix(filepath.Base(seed), ".txt"), e)
			write(slug+".txt", markEvent(texts[i], e, keep))
			write(slug+".md", fmt.Sprintf("---\ntitle: \"Event %d, report %d\"\noutlet: %q\n---\nA generated report for benchmarks.\n", e, i, outlets[i%len(outlets)]))
			count++
		}
	}
}

// markEvent marks the words of text with event number e: every capitalised
// word that is not in keep, and a quarter of the longer lower-case words.
func markEvent(text string, e int, keep map[string]bool) string {
	var b strings.Builder
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		for j, w := range strings.Split(line, " ") {
			if j > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(w)
			word := strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
			r, _ := utf8.DecodeRuneInString(word)
			switch {
			case word == "" || keep[word] || functionWords[strings.ToLower(word)]:
			case unicode.IsUpper(r):
				fmt.Fprintf(&b, "x%d", e)
			case len(word) > 4 && (len(word)+e+j)%4 == 0:
				fmt.Fprintf(&b, "q%d", e)
			}
		}
	}
	return b.String()
}

// functionWords are left alone when they start a sentence.
var functionWords = map[string]bool{"a": true, "an": true, "the": true, "in": true, "on": true, "at": true, "it": true,
	"he": true, "she": true, "they": true, "but": true, "and": true, "according": true, "this": true, "that": true, "as": true}

// actorWords returns the words of every actor's name and aliases, read
// roughly from the actor files' name: and aliases: lines.
func actorWords(tb testing.TB, dir string) map[string]bool {
	tb.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	keep := map[string]bool{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			if strings.HasPrefix(line, "name:") || strings.HasPrefix(line, "aliases:") || strings.HasPrefix(line, "  - ") {
				for _, w := range strings.FieldsFunc(line, func(r rune) bool { return !unicode.IsLetter(r) && r != '’' && r != '\'' }) {
					keep[w] = true
				}
			}
		}
	}
	return keep
}
