package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"

	"briefing/internal/build"
	"briefing/internal/config"
	"briefing/internal/site"
)

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("build", flag.ContinueOnError)
	fl.SetOutput(stderr)
	src := fl.String("src", ".", "briefing folder (holds config.toml and content/)")
	out := fl.String("out", "", "output directory (default SRC/site)")
	baseURL := fl.String("base-url", "", "absolute URL the site is published at, e.g. https://user.github.io/repo/ (overrides config.toml)")
	minify := fl.Bool("minify", false, "minify HTML, CSS, JS and XML for production")
	fl.Usage = func() {
		fmt.Fprintln(stderr, "usage: briefing build [-src DIR] [-out DIR] [-base-url URL] [-minify]")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		return errReported
	}
	if fl.NArg() > 0 {
		fl.Usage()
		return errReported
	}
	if *out == "" {
		*out = filepath.Join(*src, "site")
	}
	if *baseURL != "" {
		if err := config.CheckBaseURL(*baseURL); err != nil {
			return fmt.Errorf("-base-url %w", err)
		}
	}
	start := time.Now()
	if err := checkSource(*src); err != nil {
		return err
	}
	// Refuse a foreign output directory, or the briefing folder itself,
	// before doing any work.
	if err := site.CheckTarget(*out, *src); err != nil {
		return err
	}
	// On a terminal, show how far the build has got; elsewhere, nothing.
	prog := newProgress(stderr)
	defer prog.Close()
	b, err := build.New()
	if err != nil {
		return err
	}
	prog.show("reading", "reading files")
	fsys, err := readSources(*src)
	if err != nil {
		return err
	}
	// The site is written as it renders, into a temporary folder that
	// replaces out only when the build succeeds.
	dir, err := site.Create(*out, *src)
	if err != nil {
		return err
	}
	defer dir.Close()
	sink := &countingSink{dir: dir, prog: prog}
	opt := build.Options{BaseURL: *baseURL, Minify: *minify, Sink: sink, Once: true}
	if prog != nil {
		opt.Progress = prog
	}
	res, err := b.Build(ctx, fsys, opt)
	prog.Clear()
	if err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("build interrupted; %s was left as it was", *out)
		}
		return err
	}
	printDiags(stderr, res.Diags, false)
	if res.Output == nil {
		fmt.Fprintf(stderr, "build failed; %s was left as it was\n", *out)
		return errReported
	}
	if err := dir.Commit(); err != nil {
		return err
	}
	prog.Close()
	fmt.Fprintf(stdout, "built %s files into %s in %v\n", thousands(int(sink.n.Load())), *out, time.Since(start).Round(time.Millisecond))
	return nil
}

// countingSink writes a build's files into dir, counting them, and shows
// how many are written on prog.
type countingSink struct {
	dir  *site.Dir
	prog *progress
	n    atomic.Int64
}

// WriteFile writes one file of the build and counts it; it makes a
// countingSink a build.Sink.
func (s *countingSink) WriteFile(name string, data []byte) error {
	if err := s.dir.WriteFile(name, data); err != nil {
		return err
	}
	s.prog.wrote(int(s.n.Add(1)))
	return nil
}

// checkSource gives a clear error when src is not a briefing folder.
func checkSource(src string) error {
	info, err := os.Stat(src)
	if err != nil {
		return fmt.Errorf("source folder: %w", err)
	}
	if !info.IsDir() {
		return fmt.Errorf("source %s is not a folder", src)
	}
	if _, err := os.Stat(filepath.Join(src, "content")); err != nil {
		return fmt.Errorf("%s has no content/ folder: is it a briefing folder? (start one with briefing new DIR)", src)
	}
	return nil
}
