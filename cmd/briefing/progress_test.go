package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"briefing/internal/analysis"
	"briefing/internal/build"
)

// TestBuildWithoutTerminalShowsNoProgress: when stderr is not a terminal
// (a pipe, a file, CI), build prints what it always printed: no progress
// line, no carriage return, no escape sequence.
func TestBuildWithoutTerminalShowsNoProgress(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	var stdout, stderr bytes.Buffer
	if err := run(t.Context(), []string{"build", "-src", "../..", "-out", out}, &stdout, &stderr); err != nil {
		t.Fatalf("%v\n%s", err, &stderr)
	}
	if !regexp.MustCompile(`^built \d+ files into .* in \S+\n$`).MatchString(stdout.String()) {
		t.Errorf("stdout: %q", &stdout)
	}
	if strings.ContainsAny(stderr.String(), "\r\x1b") || strings.Contains(stderr.String(), "analysing") {
		t.Errorf("stderr shows progress: %q", &stderr)
	}

	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	if isTerminal(w) || isTerminal(&stderr) || newProgress(w) != nil {
		t.Error("a pipe or a buffer taken for a terminal")
	}
}

// TestProgressRedrawsInPlace: the line is redrawn in place at most once an
// interval, says what the stage does, and is erased at the end.
func TestProgressRedrawsInPlace(t *testing.T) {
	var buf bytes.Buffer // written under p.mu, read after Close
	p := startProgress(&buf, 50*time.Millisecond)
	p.Report(build.Progress{Stage: build.Analysing, Total: 12345})
	time.Sleep(150 * time.Millisecond)
	p.Report(build.Progress{Stage: build.Analysing, Total: 12345, Step: analysis.StepCopies})
	time.Sleep(150 * time.Millisecond)
	p.written(7, 12400)
	time.Sleep(120 * time.Millisecond)
	p.Close()
	p.Close() // a second Close does nothing
	out := buf.String()
	draws := strings.Count(out, "\r\x1b[K")
	if draws < 3 || draws > 10 { // about 8 draws and the final erase in 420 ms
		t.Errorf("%d redraws in 420 ms at one per 50 ms:\n%q", draws, out)
	}
	for _, want := range []string{"analysing 12,345 articles …", "analysing 12,345 articles: copies …", "writing files 7/12,400"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in %q", want, out)
		}
	}
	if !strings.HasSuffix(out, "\r\x1b[K") || strings.Contains(out, "\n") {
		t.Errorf("the line is not erased at the end, or not redrawn in place: %q", out)
	}
	n := buf.Len()
	time.Sleep(120 * time.Millisecond)
	if buf.Len() != n {
		t.Error("drawn after Close")
	}
}

// TestProgressNil: a nil progress, as there is without a terminal, does
// nothing and does not fail.
func TestProgressNil(t *testing.T) {
	var p *progress
	p.show("reading", "reading files")
	p.Report(build.Progress{Stage: build.Rendering, Total: 3})
	p.Clear()
	p.Close()
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 12345: "12,345", 1234567: "1,234,567", -1234: "-1,234"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}
