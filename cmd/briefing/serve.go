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
	"briefing/internal/config"
	"briefing/internal/content"
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
	// Watch before the first build, so that no save falls between the two.
	w, err := watch.New(*src, watch.Options{
		Trees: []string{content.Dir, "templates", "static"},
		Files: []string{config.FileName},
	})
	if err != nil {
		return err
	}
	defer w.Close()
	p := preview.New(preview.Options{Navigate: *navigate})
	defer p.Close()

	r := &rebuilder{b: b, p: p, fsys: os.DirFS(*src), opt: build.Options{BaseURL: url}, stdout: stdout, stderr: stderr}
	r.rebuild(nil)

	srv := &http.Server{Handler: p, ReadHeaderTimeout: 10 * time.Second, ErrorLog: log.New(stderr, "serve: ", 0)}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	fmt.Fprintf(stdout, "serving %s at %s\nwatching for changes; press Ctrl-C to stop\n", *src, url)

	for done := false; !done; {
		select {
		case <-ctx.Done():
			done = true
		case err := <-served:
			return fmt.Errorf("serve: %w", err)
		case batch, ok := <-w.Batches():
			if !ok {
				done = true
				break
			}
			for _, err := range batch.Errs {
				fmt.Fprintf(stderr, "watch: %v\n", err)
			}
			r.rebuild(batch.Paths)
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

// rebuilder builds the briefing and hands the result to the preview,
// reporting each build on one line and the diagnostics when they change.
type rebuilder struct {
	b              *build.Builder
	p              *preview.Server
	fsys           fs.FS
	opt            build.Options
	stdout, stderr io.Writer
	lastDiags      string // as last printed
}

// rebuild builds after the sources changed (nil for the first build).
func (r *rebuilder) rebuild(sources []string) {
	start := time.Now()
	var pb preview.Build
	res, err := r.b.Build(context.Background(), r.fsys, r.opt)
	if err != nil {
		pb.Diags = model.Diagnostics{{Severity: model.Error, Message: err.Error()}}
	} else {
		pb.Files, pb.Diags = res.Files, res.Diags
	}
	pb.Sources = sources
	action, changed := r.p.Update(pb)
	took := time.Since(start).Round(time.Millisecond)

	if diags := fmt.Sprint(pb.Diags); diags != r.lastDiags {
		r.lastDiags = diags
		printDiags(r.stderr, pb.Diags, false)
	}
	if sources == nil {
		if pb.Files == nil {
			fmt.Fprintf(r.stdout, "build failed in %v; the preview shows the errors until they are fixed\n", took)
		} else {
			fmt.Fprintf(r.stdout, "built %d files in %v\n", len(pb.Files), took)
		}
		return
	}
	what := fmt.Sprintf("%d files changed", len(sources))
	if len(sources) == 1 {
		what = sources[0] + " changed"
	}
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
