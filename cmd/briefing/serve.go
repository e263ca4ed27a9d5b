package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log"
	"net"
	"net/http"
	"os"
	"runtime/debug"
	"time"

	"briefing/internal/build"
	"briefing/internal/mirror"
	"briefing/internal/model"
	"briefing/internal/preview"
	"briefing/internal/watch"
)

const defaultAddr = "127.0.0.1:1313"

// runServe is "briefing serve": it builds the briefing, serves it from
// memory with live reload, and rebuilds on every change of its sources until
// ctx is cancelled. A failed build never stops it: the last good site stays
// served, with the errors shown over it.
func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("serve", flag.ContinueOnError)
	fl.SetOutput(stderr)
	src := fl.String("src", ".", "briefing folder (holds config.toml and content/)")
	addr := fl.String("addr", defaultAddr, "address to listen on; 127.0.0.1 keeps the preview to this computer")
	navigate := fl.Bool("navigate", true, "take open pages to the page of the content file just saved")
	fl.Usage = func() {
		fmt.Fprintln(stderr, "usage: briefing serve [-src DIR] [-addr 127.0.0.1:1313] [-navigate=false]")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		return errReported
	}
	if fl.NArg() > 0 {
		fl.Usage()
		return errReported
	}
	if err := checkSource(*src); err != nil {
		return err
	}
	addrSet := false
	fl.Visit(func(f *flag.Flag) { addrSet = addrSet || f.Name == "addr" })
	ln, err := listen(*addr, addrSet, stderr)
	if err != nil {
		return err
	}
	defer ln.Close()
	url := siteURL(ln.Addr())

	defer tuneGC()()
	b, err := build.New()
	if err != nil {
		return err
	}
	// The sources: what is watched, mirrored and built.
	trees, files := sources()
	// Watch before the first build, so that no save falls between the two.
	w, err := watch.New(*src, watch.Options{Trees: trees, Files: files})
	if err != nil {
		return err
	}
	defer w.Close()
	p := preview.New(preview.Options{Navigate: *navigate, Addr: ln.Addr().String(), Names: askedNames(*addr)})
	defer p.Close()

	// The mirror holds the sources in memory, so that a rebuild reads only
	// what was saved. A file it cannot read is left out and said here.
	m, err := mirror.New(*src, trees, files)
	if m == nil {
		return err
	}
	if err != nil {
		fmt.Fprintf(stderr, "serve: %s\n", printable(err.Error()))
	}
	r := &rebuilder{b: b, p: p, m: m, sched: build.NewSchedule(build.Options{BaseURL: url, Lazy: true}),
		stdout: stdout, stderr: stderr, settled: make(chan settled, 1)}
	defer r.stopSettling()
	r.rebuild(ctx, nil)

	// Bounded connections: a slow or idle client cannot hold one for ever.
	// The event streams lift the write timeout for themselves.
	srv := &http.Server{Handler: p, ErrorLog: log.New(stderr, "serve: ", 0),
		ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second,
		WriteTimeout: 60 * time.Second, IdleTimeout: 2 * time.Minute, MaxHeaderBytes: 64 << 10}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	fmt.Fprintf(stdout, "serving %s at %s\nwatching for changes; press Ctrl-C to stop\n", *src, url)

	for done := false; !done; {
		select {
		case <-ctx.Done():
			done = true
		case err := <-served:
			return fmt.Errorf("serve: %w", err)
		case st := <-r.settled:
			r.settle(st)
		case batch, ok := <-w.Batches():
			if !ok {
				done = true
				break
			}
			for _, err := range batch.Errs {
				fmt.Fprintf(stderr, "watch: %s\n", printable(err.Error()))
			}
			before := m.FS()
			if batch.Overflow {
				err = m.Reload()
			} else {
				err = m.Update(batch.Paths)
			}
			if err != nil {
				fmt.Fprintf(stderr, "watch: %s\n", printable(err.Error()))
			}
			if m.FS() == before && !batch.Overflow {
				// Saved as it was, or a temporary file that came and went.
				if sources := changedSources(batch.Paths, before, before); len(sources) > 0 {
					fmt.Fprintf(stdout, "%s: saved without changes\n", describe(sources))
				}
				break
			}
			sources := changedSources(batch.Paths, before, m.FS())
			r.stopSettling()
			r.rebuild(ctx, sources)
		}
	}

	// End the event streams first: Shutdown waits for open connections.
	w.Close()
	p.Close()
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return fmt.Errorf("serve: shut down: %w", err)
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	fmt.Fprintln(stdout, "stopped")
	return nil
}

// describe names the source files of a batch: the file, or how many.
func describe(sources []string) string {
	if len(sources) == 1 {
		return model.Printable(sources[0])
	}
	return fmt.Sprintf("%d files", len(sources))
}

// changedSources returns the paths of a watch batch that were sources
// before it or are now, leaving out files that came and went within it,
// such as the temporary file of sed -i.
func changedSources(paths []string, before, after fs.FS) []string {
	var out []string
	for _, p := range paths {
		if exists(before, p) || exists(after, p) {
			out = append(out, p)
		}
	}
	return out
}

func exists(fsys fs.FS, name string) bool {
	_, err := fs.Stat(fsys, name)
	return err == nil
}

// listen listens on addr. When the default address is taken and none was
// asked for, it takes any free port on the loopback interface instead.
func listen(addr string, asked bool, stderr io.Writer) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil && !asked {
		fmt.Fprintf(stderr, "%s is taken; using another port\n", addr)
		ln, err = net.Listen("tcp", "127.0.0.1:0")
	}
	if err != nil {
		return nil, fmt.Errorf("serve: %w", err)
	}
	if tcp, ok := ln.Addr().(*net.TCPAddr); ok && !tcp.IP.IsLoopback() {
		fmt.Fprintf(stderr, "warning: listening on %s: other computers on the network can see the preview\n", ln.Addr())
	}
	return ln, nil
}

// askedNames returns the host name of the address the preview was asked
// to listen at, when it is a name rather than an IP address, so that the
// preview answers to it (see preview.Options.Addr).
func askedNames(addr string) []string {
	host, _, err := net.SplitHostPort(addr)
	if err != nil || host == "" || net.ParseIP(host) != nil {
		return nil
	}
	return []string{host}
}

// tuneGC makes the garbage collector run less often, unless GOGC or
// GOMEMLIMIT say otherwise: every save means a build that allocates much
// and keeps little, and collecting four times less often takes about a
// fifth off a rebuild. The memory limit keeps large briefings in check. It
// returns a func that restores the settings.
func tuneGC() (restore func()) {
	var undo []func()
	if os.Getenv("GOGC") == "" {
		old := debug.SetGCPercent(400)
		undo = append(undo, func() { debug.SetGCPercent(old) })
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		old := debug.SetMemoryLimit(2 << 30)
		undo = append(undo, func() { debug.SetMemoryLimit(old) })
	}
	return func() {
		for _, f := range undo {
			f()
		}
	}
}

// siteURL returns the URL to open for a listener's address.
func siteURL(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok {
		return "http://" + a.String() + "/"
	}
	host := tcp.IP.String()
	if tcp.IP.IsUnspecified() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, fmt.Sprint(tcp.Port)) + "/"
}

// rebuilder runs the builds its schedule asks for and hands each result to
// the preview, reporting each build on one line and the diagnostics when
// they change. A quick build after a save is shown at once; the complete
// build that may follow it runs in the background and is shown when it
// ends, which reloads the open pages only if it changed them. The next
// save abandons it.
type rebuilder struct {
	b              *build.Builder
	p              *preview.Server
	m              *mirror.Mirror
	sched          *build.Schedule
	stdout, stderr io.Writer
	lastDiags      string // as last printed

	cancel  context.CancelFunc // abandons the complete build under way, if any
	running chan struct{}      // closed when that build has returned
	settled chan settled       // its outcome
}

// settled is the outcome of a complete build in the background.
type settled struct {
	res   *build.Result
	err   error
	start time.Time
}

// rebuild builds after the sources changed (nil for the first build).
func (r *rebuilder) rebuild(ctx context.Context, sources []string) {
	start := time.Now()
	opt := r.sched.Changed(sources)
	res, err := r.b.Build(ctx, r.m.FS(), opt)
	action, changed, diags := r.show(res, err, sources)
	took := time.Since(start).Round(time.Millisecond)
	r.printDiags(diags)
	if r.sched.Built(opt, build.EndingOf(res, err)) {
		r.settleLater(ctx)
	}

	if sources == nil {
		if action == preview.ShowErrors {
			fmt.Fprintf(r.stdout, "build failed in %v; the preview shows the errors until they are fixed\n", took)
		} else {
			fmt.Fprintf(r.stdout, "built in %v\n", took)
		}
		return
	}
	what := describe(sources) + " changed"
	switch action {
	case preview.ShowErrors:
		fmt.Fprintf(r.stdout, "%s: build failed in %v; still serving the last good site, with the errors shown over it\n", what, took)
	case preview.Reload:
		fmt.Fprintf(r.stdout, "%s: rebuilt in %v, %d output %s changed, pages reloaded\n", what, took, len(changed), plural(len(changed), "file", "files"))
	case preview.SwapCSS:
		fmt.Fprintf(r.stdout, "%s: rebuilt in %v, stylesheet swapped in open pages\n", what, took)
	case preview.ClearErrors:
		fmt.Fprintf(r.stdout, "%s: rebuilt in %v, errors fixed\n", what, took)
	default:
		fmt.Fprintf(r.stdout, "%s: rebuilt in %v, output unchanged\n", what, took)
	}
}

// show hands a build's outcome to the preview, and returns what the open
// pages were told, the changed output paths and the diagnostics shown.
func (r *rebuilder) show(res *build.Result, err error, sources []string) (preview.Action, []string, model.Diagnostics) {
	pb := preview.Build{Sources: sources}
	if err != nil {
		pb.Diags = model.Diagnostics{{Severity: model.Error, Message: err.Error()}}
	} else {
		pb.Diags = res.Diags
		if res.Output != nil {
			pb.Site = res.Output
		}
	}
	action, changed := r.p.Update(pb)
	return action, changed, pb.Diags
}

// settleLater starts the complete build that settles a quick one.
func (r *rebuilder) settleLater(ctx context.Context) {
	ctx, cancel := context.WithCancel(ctx)
	running := make(chan struct{})
	r.cancel, r.running = cancel, running
	fsys := r.m.FS() // the mirror and the schedule are for this goroutine only
	opt := r.sched.Complete()
	go func() {
		defer close(running)
		start := time.Now()
		res, err := r.b.Build(ctx, fsys, opt)
		if ctx.Err() != nil {
			return // abandoned: a newer save is being built
		}
		r.settled <- settled{res: res, err: err, start: start}
	}()
}

// stopSettling abandons the complete build under way, if any, and waits for
// it to return, so that its outcome is never shown after a newer build's.
func (r *rebuilder) stopSettling() {
	if r.cancel == nil {
		return
	}
	r.cancel()
	<-r.running
	r.cancel, r.running = nil, nil
	select {
	case <-r.settled: // finished just before it was abandoned: stale
	default:
	}
}

// settle shows the complete build that followed a quick one.
func (r *rebuilder) settle(st settled) {
	r.cancel, r.running = nil, nil
	r.sched.Built(r.sched.Complete(), build.EndingOf(st.res, st.err)) // never makes another due
	action, changed, diags := r.show(st.res, st.err, nil)
	r.printDiags(diags)
	took := time.Since(st.start).Round(time.Millisecond)
	switch action {
	case preview.Reload, preview.SwapCSS:
		fmt.Fprintf(r.stdout, "  %s %v: %d output %s changed, pages reloaded\n", settledLine, took, len(changed), plural(len(changed), "file", "files"))
	case preview.ShowErrors:
		fmt.Fprintf(r.stdout, "  %s %v: build failed\n", settledLine, took)
	default:
		fmt.Fprintf(r.stdout, "  %s %v: open pages unchanged\n", settledLine, took)
	}
}

// settledLine starts the line that says a complete build has settled a
// quick one.
const settledLine = "whole briefing analysed in"

// printDiags prints the diagnostics when they differ from the last printed.
func (r *rebuilder) printDiags(diags model.Diagnostics) {
	if s := fmt.Sprint(diags); s != r.lastDiags {
		r.lastDiags = s
		printDiags(r.stderr, diags, false)
	}
}
