package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"briefing/internal/preview"
)

// BenchmarkReload measures save-to-reload latency of "briefing serve", run
// as a user runs it: from writing a content file (saved as vim does, a new
// file renamed over the old) to the reload event reaching a page, through
// the watcher, the quick build and the event stream. A browser's part is
// played by a client that keeps the edited article's page open: it loads
// the page before the first save and after every reload.
//
// It reports the median and 95th percentile of that latency (median-ms,
// p95-ms; ns/op is meaningless here), the median time from the save to the
// end of the complete build that follows the quick one (settled-ms), and
// how often that complete build changed the open page, which reloads it a
// second time (second-reloads/op). Run it with
//
//	go test -run '^$' -bench Reload -benchtime 30x ./cmd/briefing/
//
// (or bench/reload.sh). Targets: median under 30 ms on the default content,
// under 100 ms with 1,000 articles.
func BenchmarkReload(b *testing.B) {
	b.Run("default", func(b *testing.B) { benchReload(b, 0) })
	b.Run("articles=1000", func(b *testing.B) { benchReload(b, 1000) })
}

func benchReload(b *testing.B, articles int) {
	sv := startBenchServe(b, articles)
	measureReload(b, sv, func(original []byte, i int) []byte {
		// Every edit is new text, so the article is analysed afresh each
		// time, as after a real edit.
		return fmt.Appendf(original, "\n\nThe desk added note %d on Tuesday, said Mr. Gladkov's office.\n", i)
	})
}

// measureReload saves sv's target b.N times, each time with the text edit
// makes of its original, reports the latencies (see BenchmarkReload) and
// returns their median.
func measureReload(b *testing.B, sv *benchServe, edit func(original []byte, i int) []byte) time.Duration {
	url, page, target, original, events := sv.url, sv.page, sv.target, sv.original, sv.events
	load := func() {
		resp, err := http.Get(url + page)
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			b.Fatalf("%s: %s", page, resp.Status)
		}
	}
	load()

	var lat, settle []time.Duration
	second := 0
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		tmp := target + ".tmp"
		if err := os.WriteFile(tmp, edit(slices.Clip(original), i), 0o644); err != nil {
			b.Fatal(err)
		}
		saved := time.Now()
		if err := os.Rename(tmp, target); err != nil {
			b.Fatal(err)
		}
		ev := events.next(b, 5*time.Minute)
		if ev.name != "reload" {
			b.Fatalf("got %s event, want reload", ev.name)
		}
		lat = append(lat, ev.at.Sub(saved))
		// Not timed: the page reloads, and the complete build ends.
		b.StopTimer()
		load()
		at, n := sv.settle(b, 20*time.Millisecond)
		settle = append(settle, at.Sub(saved))
		second += n
		b.StartTimer()
	}
	b.StopTimer()
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(ms(percentile(lat, 50)), "median-ms")
	b.ReportMetric(ms(percentile(lat, 95)), "p95-ms")
	b.ReportMetric(ms(percentile(settle, 50)), "settled-ms")
	b.ReportMetric(float64(second)/float64(len(lat)), "second-reloads/op")
	return percentile(lat, 50)
}

// benchServe is "briefing serve" running for a benchmark on a copy of the
// default briefing, and the article the benchmark edits.
type benchServe struct {
	url      string
	target   string // the edited article's file
	page     string // its page's path, without the leading slash
	original []byte // its text
	stdout   *lineWriter
	events   *events // connected before the first save
}

// startBenchServe runs "briefing serve" on a copy of the default briefing
// (with generated articles up to articles, when more than 0) until the
// benchmark ends.
func startBenchServe(b *testing.B, articles int) *benchServe {
	b.Helper()
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
	return serveForBench(b, dir, seeds[1], "articles/"+strings.TrimSuffix(filepath.Base(seeds[1]), ".txt")+"/")
}

// serveForBench runs "briefing serve" on the briefing in dir until the
// benchmark ends, with target as the file to edit and page as the page a
// client keeps open.
func serveForBench(b *testing.B, dir, target, page string) *benchServe {
	b.Helper()
	sv := &benchServe{target: target, page: page, stdout: newLineWriter()}
	var err error
	if sv.original, err = os.ReadFile(sv.target); err != nil {
		b.Fatal(err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	stderr := newLineWriter()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"serve", "-src", dir, "-addr", "127.0.0.1:0"}, sv.stdout, stderr)
	}()
	b.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			b.Errorf("serve: %v\n%s", err, stderr)
		}
	})
	for sv.url == "" {
		select {
		case line := <-sv.stdout.lines:
			if u, ok := strings.CutPrefix(line, "serving "+dir+" at "); ok {
				sv.url = u
			}
		case err := <-done:
			done <- err // for the cleanup
			b.Fatalf("serve ended: %v\n%s", err, stderr)
		case <-time.After(5 * time.Minute):
			b.Fatal("serve printed no URL")
		}
	}
	sv.events = openEvents(b, sv.url)
	if ev := sv.events.next(b, time.Minute); ev.name != "hello" {
		b.Fatalf("got %s event, want hello", ev.name)
	}
	return sv
}

// settle waits for the complete build that follows a save to end, and then
// for the event stream to be quiet for quiet. It returns when the build
// ended and how many events came meanwhile.
func (sv *benchServe) settle(b *testing.B, quiet time.Duration) (time.Time, int) {
	b.Helper()
	var at time.Time
	n := 0
	for at.IsZero() {
		select {
		case line := <-sv.stdout.lines:
			if strings.Contains(line, settledLine) {
				at = time.Now()
			}
		case <-sv.events.c:
			n++
		case <-time.After(5 * time.Minute):
			b.Fatal("the complete build did not end")
		}
	}
	for {
		select {
		case <-sv.events.c:
			n++
		case <-time.After(quiet):
			return at, n
		}
	}
}

// event is one Server-Sent Event as a client read it.
type event struct {
	name string
	at   time.Time
}

// events is a client of the preview's event stream.
type events struct{ c chan event }

// openEvents connects to the event stream of the preview at url.
func openEvents(tb testing.TB, url string) *events {
	tb.Helper()
	resp, err := http.Get(url + strings.TrimPrefix(preview.EventsPath, "/"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { resp.Body.Close() })
	e := &events{c: make(chan event, 64)}
	go func() {
		defer close(e.c)
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			if name, ok := strings.CutPrefix(sc.Text(), "event: "); ok {
				e.c <- event{name: name, at: time.Now()}
			}
		}
	}()
	return e
}

// next returns the next event, failing after timeout.
func (e *events) next(tb testing.TB, timeout time.Duration) event {
	tb.Helper()
	select {
	case ev, ok := <-e.c:
		if !ok {
			tb.Fatal("event stream ended")
		}
		return ev
	case <-time.After(timeout):
		tb.Fatalf("no event within %v", timeout)
	}
	return event{}
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
