package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"briefing/internal/browsertest"
)

// BenchmarkVisible measures save-to-visible latency of "briefing serve" as
// an editor sees it: from saving a content file to the new text being in
// the DOM of the page open in a real headless Chromium. Saves alternate
// between a plain write and a new file renamed over the old (as vim saves).
// The page patches itself in place; every other pair of saves it is told to
// reload instead (the "briefing-reload" switch in sessionStorage, which only
// this benchmark sets), so that one run measures both under the same load.
//
// The page notes the time the text appears (a MutationObserver that every
// document gets before its own scripts run, reading Date.now(): the same
// wall clock as Go's time.Now()). It reports the median and 95th percentile
// of each (inplace-median-ms, inplace-p95-ms, reload-median-ms,
// reload-p95-ms; ns/op is meaningless here) and how often a patch fell back
// to a reload (fallbacks/op). Run it with
//
//	go test -run '^$' -bench Visible -benchtime 40x ./cmd/briefing/
//
// (or bench/visible.sh). Target: in-place median at most 50 ms on the
// default briefing.
func BenchmarkVisible(b *testing.B) {
	b.Run("default", func(b *testing.B) { benchVisible(b, 0) })
}

// seenScript runs in every document of the benchmark's tab: it notes when
// the text in sessionStorage's bench-want is first in the page.
const seenScript = `(() => {
	const check = () => {
		const want = sessionStorage.getItem("bench-want");
		if (want && !sessionStorage.getItem("bench-seen") && document.body && document.body.textContent.includes(want)) {
			sessionStorage.setItem("bench-seen", String(Date.now()));
		}
	};
	new MutationObserver(check).observe(document, {childList: true, subtree: true, characterData: true});
})()`

func benchVisible(b *testing.B, articles int) {
	ctx := browsertest.New(b)
	sv := startBenchServe(b, articles)
	target, original := sv.target, sv.original
	addScript := chromedp.Action[chromedp.Void](func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: seenScript})
		return chromedp.Void{}, err
	})
	if err := chromedp.Do(ctx, addScript, chromedp.Navigate(sv.url+sv.page)); err != nil {
		b.Fatal(err)
	}
	eval := func(expr string) {
		b.Helper()
		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](expr)); err != nil {
			b.Fatal(err)
		}
	}

	var inplace, reload []time.Duration
	fallbacks := 0
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		full := i/2%2 == 1
		mode := ""
		if full {
			mode = "full"
		}
		// Every edit is new text, so the article is analysed afresh each
		// time, as after a real edit.
		want := fmt.Sprintf("added note %d on", i)
		eval(fmt.Sprintf(`sessionStorage.setItem("bench-want", %q); sessionStorage.removeItem("bench-seen");
			sessionStorage.setItem("briefing-reload", %q); window.benchSave = %d`, want, mode, i))
		text := string(original) + fmt.Sprintf("\n\nThe desk %s Tuesday, said Mr. Gladkov's office.\n", want)
		var saved time.Time
		if i%2 == 0 {
			saved = time.Now()
			if err := os.WriteFile(target, []byte(text), 0o644); err != nil {
				b.Fatal(err)
			}
		} else {
			tmp := filepath.Join(filepath.Dir(target), "."+filepath.Base(target)+".swp")
			if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
				b.Fatal(err)
			}
			saved = time.Now()
			if err := os.Rename(tmp, target); err != nil {
				b.Fatal(err)
			}
		}
		seen := awaitSeen(b, ctx)
		lat := time.UnixMilli(seen).Sub(saved)
		b.StopTimer()
		// A reload clears benchSave.
		same, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf(`window.benchSave === %d`, i)))
		switch {
		case full && same:
			b.Fatal("the page was patched, not reloaded")
		case full:
			reload = append(reload, lat)
		default:
			inplace = append(inplace, lat)
			if !same {
				fallbacks++
			}
		}
		// Not timed: the complete build ends, and the page takes what it
		// sends, before the next save.
		sv.settle(b, 50*time.Millisecond)
		awaitLoaded(b, ctx)
		b.StartTimer()
	}
	b.StopTimer()
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(ms(percentile(inplace, 50)), "inplace-median-ms")
	b.ReportMetric(ms(percentile(inplace, 95)), "inplace-p95-ms")
	b.ReportMetric(ms(percentile(reload, 50)), "reload-median-ms")
	b.ReportMetric(ms(percentile(reload, 95)), "reload-p95-ms")
	b.ReportMetric(float64(fallbacks)/float64(max(1, len(inplace))), "fallbacks/op")
}

// awaitSeen waits for the page to note that the text appeared, and returns
// when it did, in Unix milliseconds. The page may be reloading meanwhile.
func awaitSeen(b *testing.B, ctx context.Context) int64 {
	b.Helper()
	const wait = `new Promise(resolve => {
		const poll = () => { const s = sessionStorage.getItem("bench-seen"); if (s) resolve(Number(s)); else setTimeout(poll, 5); };
		poll();
	})`
	deadline := time.Now().Add(time.Minute)
	var last error
	for time.Now().Before(deadline) {
		ectx, cancel := context.WithTimeout(ctx, 10*time.Second)
		seen, err := chromedp.Run(ectx, chromedp.Evaluate[int64](wait, chromedp.EvalAwaitPromise))
		cancel()
		if err == nil {
			return seen
		}
		if errors.Is(err, context.Canceled) {
			b.Fatal(err)
		}
		last = err // the page was reloading: ask the new one
		time.Sleep(2 * time.Millisecond)
	}
	b.Fatalf("the new text did not appear within a minute: %v", last)
	return 0
}

// awaitLoaded waits until the open page has loaded.
func awaitLoaded(b *testing.B, ctx context.Context) {
	b.Helper()
	deadline := time.Now().Add(time.Minute)
	for time.Now().Before(deadline) {
		ectx, cancel := context.WithTimeout(ctx, 10*time.Second)
		ok, err := chromedp.Run(ectx, chromedp.Evaluate[bool](`document.readyState === "complete"`))
		cancel()
		if err == nil && ok {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	b.Fatal("the page did not load within a minute")
}
