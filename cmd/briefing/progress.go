package main

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"sync"
	"time"

	"briefing/internal/build"
)

// progress shows how far a long build has got on one line of a terminal:
// files read, articles analysed, pages rendered and written, with the time
// the current stage has taken. A goroutine redraws the line in place every
// interval while there is something to show; Clear erases it, and Close
// stops the goroutine and erases the line. A nil *progress shows nothing,
// so that callers need not ask whether there is a terminal.
type progress struct {
	w       io.Writer
	stop    chan struct{}
	done    chan struct{}
	closing sync.Once

	mu    sync.Mutex
	stage string    // the stage shown; "" shows nothing
	text  string    // what it is doing
	since time.Time // when the stage started
	drawn bool      // the line shows something
	files int       // how many files the build renders and writes
}

// newProgress returns a progress on w when w is a terminal, and nil
// otherwise: pipes, files and CI logs get no progress lines.
func newProgress(w io.Writer) *progress {
	if !isTerminal(w) {
		return nil
	}
	return startProgress(w, 100*time.Millisecond)
}

// isTerminal reports whether w is a character device, as terminals are.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// startProgress returns a progress on w that redraws every interval.
func startProgress(w io.Writer, interval time.Duration) *progress {
	p := &progress{w: w, stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(p.done)
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-p.stop:
				return
			case <-t.C:
				p.draw()
			}
		}
	}()
	return p
}

// show describes what stage is doing, starting its clock when it is not
// the stage shown.
func (p *progress) show(stage, text string) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if stage != p.stage {
		p.since = time.Now()
	}
	p.stage, p.text = stage, text
}

// Report shows a build's stage as it starts, and the analysis's steps;
// it makes a progress a build.Reporter. A stage's end shows until the
// next stage starts.
func (p *progress) Report(pr build.Progress) {
	if p == nil {
		return
	}
	switch {
	case pr.Stage == build.Rendering && pr.Done == 0:
		p.mu.Lock()
		p.files = pr.Total
		p.mu.Unlock()
		p.show(string(pr.Stage), fmt.Sprintf("%s %s %s", pr.Stage, thousands(pr.Total), items(pr.Stage)))
	case pr.Step != "":
		p.show(string(pr.Stage), fmt.Sprintf("%s %s %s: %s", pr.Stage, thousands(pr.Total), items(pr.Stage), pr.Step))
	case pr.Stage == build.Loading:
		p.show(string(pr.Stage), "loading files")
	case pr.Done == 0:
		p.show(string(pr.Stage), fmt.Sprintf("%s %s %s", pr.Stage, thousands(pr.Total), items(pr.Stage)))
	}
}

// written shows how many of the output files are written, of total.
func (p *progress) written(done, total int) {
	p.show("writing", fmt.Sprintf("writing files %s/%s", thousands(done), thousands(total)))
}

// wrote shows how many of the files the build renders are written, as
// they are written while the build renders.
func (p *progress) wrote(done int) {
	if p == nil {
		return
	}
	p.mu.Lock()
	total := p.files
	p.mu.Unlock()
	p.written(done, total)
}

// items names what a stage counts.
func items(s build.Stage) string {
	if s == build.Analysing {
		return "articles"
	}
	return "files"
}

// draw redraws the line.
func (p *progress) draw() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.stage == "" {
		return
	}
	fmt.Fprintf(p.w, "\r\x1b[K%s … %.1fs", p.text, time.Since(p.since).Seconds())
	p.drawn = true
}

// Clear erases the line and shows nothing until the next stage, so that
// other output can be printed.
func (p *progress) Clear() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.stage, p.text = "", ""
	if p.drawn {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.drawn = false
	}
}

// Close stops redrawing and erases the line. Calls after the first do
// nothing.
func (p *progress) Close() {
	if p == nil {
		return
	}
	p.closing.Do(func() {
		close(p.stop)
		<-p.done
		p.Clear()
	})
}

// thousands formats n with commas between groups of three digits.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
