package main

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// get fetches url and returns its status and body, failing the test when
// the server takes longer than within.
func get(t *testing.T, url string, within time.Duration) (int, string) {
	t.Helper()
	c := &http.Client{Timeout: within}
	resp, err := c.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// firstEvent returns the first event of the event stream at url: the
// hello, which carries the error overlay.
func firstEvent(t *testing.T, url string) string {
	t.Helper()
	c := &http.Client{Timeout: 5 * time.Second}
	resp, err := c.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	var got []byte
	buf := make([]byte, 4096)
	for !strings.Contains(string(got), "\n\n") {
		n, err := resp.Body.Read(buf)
		got = append(got, buf[:n]...)
		if err != nil {
			break
		}
	}
	return string(got)
}

// waitLine waits for a line of w that contains s.
func waitLine(t *testing.T, w *lineWriter, s string, within time.Duration) {
	t.Helper()
	timeout := time.After(within)
	for {
		select {
		case line := <-w.lines:
			if strings.Contains(line, s) {
				return
			}
		case <-timeout:
			t.Fatalf("no line with %q within %v:\n%s", s, within, w)
		}
	}
}

// TestServeTemplateNeverEnds saves a template that never ends: the preview
// keeps serving the last good site, shows the error at the template's
// loop, recovers once the template is fixed, and stops within a second of
// Ctrl-C even while a template is looping.
func TestServeTemplateNeverEnds(t *testing.T) {
	dir := copyBriefing(t)
	url, stdout, _, stop := startServe(t, dir)
	articles, _ := filepath.Glob(filepath.Join(dir, "content", "articles", "*.txt"))
	page := url + "articles/" + strings.TrimSuffix(filepath.Base(articles[0]), ".txt") + "/"
	if code, _ := get(t, page, 10*time.Second); code != http.StatusOK {
		t.Fatalf("GET %s: %d", page, code)
	}

	tmpl := filepath.Join(dir, "templates", "article.html")
	os.MkdirAll(filepath.Dir(tmpl), 0o755)
	loop := "{{define \"main\"}}\n<p>{{.Title}}</p>\n{{range 100000000000000}}{{end}}\n{{end}}\n"
	write(t, tmpl, loop)
	waitLine(t, stdout, "build failed", 20*time.Second)
	if hello := firstEvent(t, url+"_briefing/events"); !strings.Contains(hello, "templates/article.html:3:") || !strings.Contains(hello, "time limit") {
		t.Errorf("the overlay does not place the loop:\n%s", hello)
	}
	// The last good site is still served, at once.
	if code, _ := get(t, url, 2*time.Second); code != http.StatusOK {
		t.Errorf("GET %s after the loop: %d, want the last good page", url, code)
	}

	write(t, tmpl, "{{define \"main\"}}\n<p id=\"fixed\">{{.Title}}</p>\n{{end}}\n")
	waitLine(t, stdout, "article.html changed: rebuilt", 20*time.Second)
	if code, body := get(t, page, 5*time.Second); code != http.StatusOK || !strings.Contains(body, `id="fixed"`) {
		t.Errorf("GET %s after the fix: %d, want the fixed page", page, code)
	}

	// Ctrl-C while the page is stuck in the loop.
	write(t, tmpl, loop)
	go func() {
		if resp, err := http.Get(page); err == nil {
			resp.Body.Close()
		}
	}()
	time.Sleep(2 * time.Second) // the save is seen, and the page is rendering
	start := time.Now()
	stop()
	if took := time.Since(start); took > time.Second {
		t.Errorf("serve took %v to stop after Ctrl-C", took)
	}
}
