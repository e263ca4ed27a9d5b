package main

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestServePatchInPlace drives a real browser: a save that changes the open
// page patches it without a navigation, keeping what the reader had (the
// scroll position, focus, an open <details>, a selection in text that did
// not change) and what the page's own scripts did; a change to the page's
// <head> reloads it; a build error still shows over the page and its fix
// still clears it.
func TestServePatchInPlace(t *testing.T) {
	ctx := newBrowser(t)
	dir := copyBriefing(t)
	url, stdout, _, _ := startServe(t, dir)

	// A claim whose page has a <details>, to open it.
	claim, page := "", ""
	files, _ := filepath.Glob(filepath.Join(dir, "content", "claims", "*.md"))
	for _, f := range files {
		p := "claims/" + strings.TrimSuffix(filepath.Base(f), ".md") + "/"
		resp, err := http.Get(url + p)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if strings.Contains(string(body), "<details") {
			claim, page = f, p
			break
		}
	}
	if claim == "" {
		t.Fatal("no claim page of the default briefing has a <details>")
	}
	original, err := os.ReadFile(claim)
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(url+page)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the claim page", `document.querySelector("main h1") !== null && !document.querySelector("form.search").hidden`)

	// The reader's state: scrolled down (a padding only this page has
	// makes room), the first <details> opened, its summary focused, the
	// heading selected; and a marker that a reload would clear.
	setup := `(() => {
		document.body.style.paddingBottom = "4000px";
		scrollTo(0, 900);
		const d = document.querySelector("main details");
		d.open = true;
		window.kept = {
			scroll: scrollY,
			details: d,
			summary: d.querySelector("summary"),
			heading: document.querySelector("main h1").firstChild,
		};
		window.kept.summary.focus({preventScroll: true});
		const r = document.createRange();
		r.selectNodeContents(document.querySelector("main h1"));
		getSelection().removeAllRanges();
		getSelection().addRange(r);
		window.kept.selected = getSelection().toString();
		return window.kept.scroll > 0 && document.activeElement === window.kept.summary;
	})()`
	if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](setup)); err != nil || !ok {
		t.Fatalf("setting up the reader's state: %v, %v", ok, err)
	}

	// kept lists what the page lost of that state, "" for nothing.
	kept := `[
		["a reload", window.kept !== undefined && performance.getEntriesByType("navigation").length === 1],
		["the scroll position", window.kept && scrollY === window.kept.scroll],
		["the open details", window.kept && window.kept.details.isConnected && window.kept.details.open],
		["focus", window.kept && document.activeElement === window.kept.summary],
		["the heading's text node", window.kept && document.querySelector("main h1").firstChild === window.kept.heading],
		["the selection", window.kept && getSelection().toString() === window.kept.selected],
		["the page's own style", document.body.style.paddingBottom === "4000px"],
		["what search.js did", !document.querySelector("form.search").hidden],
	].filter(c => !c[1]).map(c => c[0]).join(", ")`
	checkKept := func(when string) {
		t.Helper()
		lost, err := chromedp.Run(ctx, chromedp.Evaluate[string](kept))
		if err != nil || lost != "" {
			t.Fatalf("%s: lost %s (%v)", when, lost, err)
		}
	}

	// Saved as vim saves, then written in place: each edit shows in the page,
	// which is patched, not reloaded.
	text := string(original) + "\nThe desk patched this page in place.\n"
	saveByRename(t, claim, []byte(text))
	waitFor(t, ctx, "the edit saved by rename, patched in", `document.body.innerText.includes("The desk patched this page in place.")`)
	checkKept("after a patch")
	text += "\nAnd once more, written in place.\n"
	write(t, claim, text)
	waitFor(t, ctx, "the edit written in place, patched in", `document.body.innerText.includes("And once more, written in place.")`)
	waitSettled(t, stdout) // the complete analysis may patch the page again
	waitStill(t, ctx)
	checkKept("after the complete analysis")

	// A build error shows over the patched page; fixing it clears the
	// overlay and shows the fix.
	write(t, claim, strings.Replace(text, "status: ", "status: maybe\nx: ", 1))
	waitFor(t, ctx, "the error overlay", `document.getElementById("briefing-overlay") !== null`)
	text += "\nFixed again.\n"
	write(t, claim, text)
	waitFor(t, ctx, "the overlay cleared", `document.getElementById("briefing-overlay") === null && document.body.innerText.includes("Fixed again.")`)

	// A new title changes the <head>: the page reloads.
	waitStill(t, ctx)
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`window.marker = true`)); err != nil {
		t.Fatal(err)
	}
	saveByRename(t, claim, []byte(strings.Replace(text, "title: ", "title: Retitled, ", 1)))
	waitFor(t, ctx, "the page reloaded for a new title", `document.title.startsWith("Retitled, ") && window.marker === undefined`)

	if t.Failed() {
		t.Logf("serve printed:\n%s", stdout)
	}
}
