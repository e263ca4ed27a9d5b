package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"briefing/internal/browsertest"
)

// lineWriter collects what a command prints and passes on whole lines.
type lineWriter struct {
	mu    sync.Mutex
	all   bytes.Buffer
	part  []byte
	lines chan string
}

func newLineWriter() *lineWriter { return &lineWriter{lines: make(chan string, 1000)} }

func (w *lineWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.all.Write(p)
	w.part = append(w.part, p...)
	for {
		i := bytes.IndexByte(w.part, '\n')
		if i < 0 {
			return len(p), nil
		}
		select {
		case w.lines <- string(w.part[:i]):
		default: // nobody is reading that far
		}
		w.part = w.part[i+1:]
	}
}

func (w *lineWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.all.String()
}

// copyBriefing copies the repository's default briefing into a folder the
// test may edit.
func copyBriefing(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
	if data, err := os.ReadFile("../../config.toml"); err == nil {
		os.WriteFile(filepath.Join(dir, "config.toml"), data, 0o644)
	}
	return dir
}

// startServe runs "briefing serve" on dir on a free port and returns its
// URL. The server is stopped, as by Ctrl-C, by stop or when the test ends,
// and must stop cleanly.
func startServe(t *testing.T, dir string, args ...string) (url string, stdout, stderr *lineWriter, stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	stdout, stderr = newLineWriter(), newLineWriter()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, append([]string{"serve", "-src", dir, "-addr", "127.0.0.1:0"}, args...), stdout, stderr)
	}()
	var once sync.Once
	stop = func() {
		once.Do(func() {
			cancel()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("serve stopped with %v\nstderr:\n%s", err, stderr)
				}
				if !strings.Contains(stdout.String(), "stopped") {
					t.Errorf("serve did not say it stopped:\n%s", stdout)
				}
			case <-time.After(10 * time.Second):
				t.Errorf("serve did not stop within 10s of Ctrl-C")
			}
		})
	}
	t.Cleanup(stop)
	timeout := time.After(30 * time.Second)
	for {
		select {
		case line := <-stdout.lines:
			if rest, ok := strings.CutPrefix(line, "serving "+dir+" at "); ok {
				return rest, stdout, stderr, stop
			}
		case err := <-done:
			t.Fatalf("serve ended early: %v\nstderr:\n%s", err, stderr)
		case <-timeout:
			t.Fatalf("serve printed no URL within 30s:\n%s\n%s", stdout, stderr)
		}
	}
}

func TestServeStopsCleanly(t *testing.T) {
	dir := copyBriefing(t)
	url, stdout, _, _ := startServe(t, dir)
	if !strings.HasPrefix(url, "http://127.0.0.1:") {
		t.Errorf("URL %q is not on the loopback interface", url)
	}
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "/_briefing/preview.js") {
		t.Errorf("GET %s: %s\n%s", url, resp.Status, body)
	}
	// The source folder is not served.
	for _, p := range []string{"content/_index.md", "config.toml", "../content/_index.md"} {
		resp, err := http.Get(url + p)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: %s, want 404", p, resp.Status)
		}
	}
	if !strings.Contains(stdout.String(), "built ") {
		t.Errorf("no build reported:\n%s", stdout)
	}
}

func TestServeFlags(t *testing.T) {
	var stderr bytes.Buffer
	if err := run(context.Background(), []string{"serve", "-nope"}, io.Discard, &stderr); err == nil {
		t.Error("unknown flag accepted")
	}
	if err := run(context.Background(), []string{"serve", "-src", t.TempDir()}, io.Discard, &stderr); err == nil ||
		!strings.Contains(err.Error(), "no content/ folder") {
		t.Errorf("serving a folder that is not a briefing: %v", err)
	}
}

// newBrowser starts a headless Chromium for the test; without it the test
// is skipped, except in CI (see browsertest.New).
func newBrowser(t *testing.T) context.Context { return browsertest.New(t) }

// waitFor evaluates the JavaScript condition in the page until it is true.
// Reloads and navigations in between are expected: they are what is tested.
func waitFor(t *testing.T, ctx context.Context, what, cond string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	var last error
	for time.Now().Before(deadline) {
		ectx, cancel := context.WithTimeout(ctx, 3*time.Second)
		ok, err := chromedp.Run(ectx, chromedp.Evaluate[bool]("!!("+cond+")"))
		cancel()
		if err == nil && ok {
			return
		}
		last = err
		time.Sleep(20 * time.Millisecond) // poll interval
	}
	body, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href + "\n" + document.body.innerText.slice(0, 2000)`))
	t.Fatalf("%s: not seen within 20s (last error: %v)\n%s", what, last, body)
}

// waitSettled waits until serve has said that the complete analysis after
// the last save is shown.
func waitSettled(t *testing.T, stdout *lineWriter) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		// A save abandons the complete build of the one before, which
		// then says nothing: only the last save's is sure to report.
		out := stdout.String()
		if last := strings.LastIndex(out, " changed: "); last >= 0 && strings.Contains(out[last:], settledLine) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve did not say %q after the last save within 20s:\n%s", settledLine, stdout)
		}
		time.Sleep(20 * time.Millisecond) // poll interval
	}
}

// waitStill waits until the open page has stayed the same document, fully
// loaded, for half a second: a reload the page was told of has happened.
func waitStill(t *testing.T, ctx context.Context) {
	t.Helper()
	const still = 500 * time.Millisecond
	deadline := time.Now().Add(20 * time.Second)
	var origin float64
	since := time.Now()
	for time.Since(since) < still {
		if time.Now().After(deadline) {
			t.Fatal("the page kept reloading for 20s")
		}
		ectx, cancel := context.WithTimeout(ctx, 3*time.Second)
		now, err := chromedp.Run(ectx, chromedp.Evaluate[float64](`document.readyState === "complete" ? performance.timeOrigin : 0`))
		cancel()
		if err != nil || now == 0 || now != origin {
			origin, since = now, time.Now()
		}
		time.Sleep(20 * time.Millisecond) // poll interval
	}
}

// saveByRename saves the way vim, Sublime and JetBrains do: a new file
// written beside the old one and renamed over it.
func saveByRename(t *testing.T, path string, data []byte) {
	t.Helper()
	tmp := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".swp")
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestServeLiveReload drives a real browser: every save shows up in the
// open page without touching it, a broken template shows its position in
// an overlay over the last good page, and fixing it brings the page back.
func TestServeLiveReload(t *testing.T) {
	ctx := newBrowser(t)
	dir := copyBriefing(t)
	url, stdout, _, _ := startServe(t, dir)

	articles, _ := filepath.Glob(filepath.Join(dir, "content", "articles", "*.txt"))
	if len(articles) == 0 {
		t.Fatal("no articles in the default briefing")
	}
	article := articles[0]
	slug := strings.TrimSuffix(filepath.Base(article), ".txt")
	page := "/articles/" + slug + "/"
	if err := chromedp.Do(ctx, chromedp.Navigate(url+page[1:])); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the article page", `document.querySelector("main") !== null`)

	// A save by rename, as vim does, shows the new text in the page.
	text, err := os.ReadFile(article)
	if err != nil {
		t.Fatal(err)
	}
	saveByRename(t, article, append(text, "\n\nThe desk saw this sentence appear by itself.\n"...))
	waitFor(t, ctx, "text saved by rename", `document.body.innerText.includes("The desk saw this sentence appear by itself.")`)

	// And a plain write.
	write(t, article, string(text)+"\n\nA plainly written sentence showed up too.\n")
	waitFor(t, ctx, "text saved in place", `document.body.innerText.includes("A plainly written sentence showed up too.")`)

	// A stylesheet change applies without reloading the page. The complete
	// analysis that follows each save may update the page a second time (a
	// copy's share of aligned sentences changed): let that pass first.
	waitSettled(t, stdout)
	waitStill(t, ctx)
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`window.notReloaded = true`)); err != nil {
		t.Fatal(err)
	}
	css, _ := os.ReadFile("../../static/style.css")
	write(t, filepath.Join(dir, "static", "style.css"), string(css)+"\nbody { background-color: rgb(1, 2, 3) !important; }\n")
	waitFor(t, ctx, "the new stylesheet", `getComputedStyle(document.body).backgroundColor === "rgb(1, 2, 3)"`)
	waitFor(t, ctx, "the page not reloaded by a CSS change", `window.notReloaded === true`)

	// A broken template: the last good page stays, with the error over it.
	tmpl := filepath.Join(dir, "templates", "article.html")
	write(t, tmpl, "{{define \"main\"}}\n<p>{{.Title}</p>\n{{end}}\n")
	waitFor(t, ctx, "the error overlay", `(document.getElementById("briefing-overlay") || {innerText: ""}).innerText.includes("templates/article.html:2")`)
	waitFor(t, ctx, "the last good page under the overlay", `document.body.innerText.includes("A plainly written sentence showed up too.")`)

	// Fixing it clears the overlay and shows the page.
	write(t, tmpl, "{{define \"main\"}}\n<p id=\"fixed\">{{.Title}}</p>\n{{end}}\n")
	waitFor(t, ctx, "the fixed page", `document.getElementById("fixed") !== null && document.getElementById("briefing-overlay") === null`)
	if err := os.Remove(tmpl); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the theme's own template", `document.getElementById("fixed") === null && document.body.innerText.includes("A plainly written sentence showed up too.")`)

	// A content error is shown escaped, at its position.
	claims, _ := filepath.Glob(filepath.Join(dir, "content", "claims", "*.md"))
	claim := claims[0]
	original, _ := os.ReadFile(claim)
	write(t, claim, "---\ntitle: \"<b>bold</b>\"\nstatus: maybe\n---\n")
	waitFor(t, ctx, "the content error", `(document.getElementById("briefing-overlay") || {innerText: ""}).innerText.includes(`+
		`"content/claims/`+filepath.Base(claim)+`:3:9: unknown status")`)

	// Fixing a claim takes the browser to the claim's page.
	saveByRename(t, claim, append(original, "\nThe desk checked this claim again.\n"...))
	claimPage := "/claims/" + strings.TrimSuffix(filepath.Base(claim), ".md") + "/"
	waitFor(t, ctx, "the edited claim's page", `location.pathname === "`+claimPage+`" && document.getElementById("briefing-overlay") === null && `+
		`document.body.innerText.includes("The desk checked this claim again.")`)

	if t.Failed() {
		t.Logf("serve printed:\n%s", stdout)
	}
}

// TestServeReconnect restarts the server under an open page: the page
// reconnects by itself and, since the site changed meanwhile, reloads.
func TestServeReconnect(t *testing.T) {
	ctx := newBrowser(t)
	dir := copyBriefing(t)
	url, _, _, stop := startServe(t, dir)
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the overview", `document.querySelector("main") !== null`)
	stop()

	index := filepath.Join(dir, "content", "_index.md")
	text, _ := os.ReadFile(index)
	write(t, index, string(text)+"\nWritten while the server was down.\n")
	addr := strings.TrimSuffix(strings.TrimPrefix(url, "http://"), "/")
	startServe(t, dir, "-addr", addr)
	waitFor(t, ctx, "the page reloaded after the restart", `document.body.innerText.includes("Written while the server was down.")`)
}

// TestServeReloadsOnlyChangedPages keeps two pages open with navigation
// off: an edit updates the page it changes and leaves the other as it is.
func TestServeReloadsOnlyChangedPages(t *testing.T) {
	ctx := newBrowser(t)
	dir := copyBriefing(t)
	url, _, _, _ := startServe(t, dir, "-navigate=false")
	pages, _ := filepath.Glob(filepath.Join(dir, "content", "pages", "*.md"))
	if len(pages) == 0 {
		t.Fatal("no free pages in the default briefing")
	}
	slug := strings.TrimSuffix(filepath.Base(pages[0]), ".md")

	// Tab 1: an article; tab 2: the free page that will be edited.
	articles, _ := filepath.Glob(filepath.Join(dir, "content", "articles", "*.txt"))
	article := "articles/" + strings.TrimSuffix(filepath.Base(articles[0]), ".txt") + "/"
	if err := chromedp.Do(ctx, chromedp.Navigate(url+article)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the article", `document.querySelector("main") !== null`)
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`window.notReloaded = true`)); err != nil {
		t.Fatal(err)
	}
	tab2, cancel := chromedp.NewContext(ctx)
	defer cancel()
	if err := chromedp.Do(tab2, chromedp.Navigate(url+slug+"/")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, tab2, "the free page", `document.querySelector("main") !== null`)

	text, _ := os.ReadFile(pages[0])
	for _, s := range []string{"Only this page changes.", "And again."} {
		// After the second edit has shown, the first one has long been
		// handled in the first tab too.
		text = append(text, "\n"+s+"\n"...)
		saveByRename(t, pages[0], text)
		waitFor(t, tab2, "the edited page updated", `document.body.innerText.includes("`+s+`")`)
	}
	waitFor(t, ctx, "the article left alone", `window.notReloaded === true && location.pathname === "/`+article+`"`)
}

// TestServeConfigChange edits config.toml under a running server, by
// renaming a new file over it: the site follows without a restart.
func TestServeConfigChange(t *testing.T) {
	dir := copyBriefing(t)
	url, _, _, _ := startServe(t, dir)
	saveByRename(t, filepath.Join(dir, "config.toml"), []byte("title = \"A title set while serving\"\n"))
	deadline := time.Now().Add(20 * time.Second)
	for {
		resp, err := http.Get(url)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if strings.Contains(string(body), "A title set while serving") {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("config.toml change not served within 20s:\n%s", body)
		}
		time.Sleep(20 * time.Millisecond) // poll interval
	}
}

// TestServeSedInPlace saves as sed -i does, through a temporary file that
// is renamed over the original: serve reports the one file that changed.
func TestServeSedInPlace(t *testing.T) {
	dir := copyBriefing(t)
	_, stdout, _, _ := startServe(t, dir)
	claims, _ := filepath.Glob(filepath.Join(dir, "content", "claims", "*.md"))
	claim := claims[0]
	text, err := os.ReadFile(claim)
	if err != nil {
		t.Fatal(err)
	}
	tmp := filepath.Join(filepath.Dir(claim), "sedAb12Cd")
	write(t, tmp, string(text)+"\nEdited in place.\n")
	if err := os.Rename(tmp, claim); err != nil {
		t.Fatal(err)
	}
	want := "content/claims/" + filepath.Base(claim) + " changed: rebuilt in "
	timeout := time.After(20 * time.Second)
	for {
		select {
		case line := <-stdout.lines:
			if strings.Contains(line, "changed: ") {
				if !strings.HasPrefix(line, want) {
					t.Fatalf("serve said %q, want a line starting %q", line, want)
				}
				return
			}
		case <-timeout:
			t.Fatalf("serve did not report the save within 20s:\n%s", stdout)
		}
	}
}

// TestServeReportsSaves checks what serve says after saves: a content
// change, then the complete analysis that follows it, and a save without
// changes, which builds nothing. Which saves a complete analysis follows is
// build.Schedule's decision, tested in internal/build.
func TestServeReportsSaves(t *testing.T) {
	dir := copyBriefing(t)
	_, stdout, _, _ := startServe(t, dir)
	nextChange := func() string {
		t.Helper()
		timeout := time.After(20 * time.Second)
		for {
			select {
			case line := <-stdout.lines:
				if strings.Contains(line, " changed: ") || strings.HasSuffix(line, ": saved without changes") || strings.Contains(line, settledLine) {
					return line
				}
			case <-timeout:
				t.Fatalf("serve said nothing more within 20s:\n%s", stdout)
			}
		}
	}

	index := filepath.Join(dir, "content", "_index.md")
	text, _ := os.ReadFile(index)
	write(t, index, string(text)+"\nOne more line.\n")
	if line := nextChange(); !strings.HasPrefix(line, "content/_index.md changed: ") {
		t.Fatalf("serve said %q where the content change was due", line)
	}
	if line := nextChange(); !strings.Contains(line, settledLine) {
		t.Fatalf("serve said %q where the complete analysis was due", line)
	}

	// Saved again as it is: nothing to build.
	saveByRename(t, index, []byte(string(text)+"\nOne more line.\n"))
	if line := nextChange(); line != "content/_index.md: saved without changes" {
		t.Fatalf("serve said %q after a save without changes", line)
	}
}
