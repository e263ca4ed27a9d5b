// Package build runs the pipeline from a briefing folder to a rendered site:
// config → content → analysis → render. It writes nothing; the caller
// decides whether to write the files (site.Write, or a site.Dir given as
// Options.Sink, which takes each file as it renders), serve them, or only
// report the diagnostics.
//
// Build reads only what fsys serves, so fsys decides what of the disk may
// reach a site. The command line reads a briefing folder through a
// mirror.Mirror, which refuses links out of the folder, devices, named
// pipes and sockets; a file system that can say what it refused, as a
// mirror's snapshot does with a method
//
//	Refused() model.Diagnostics
//
// has each refusal reported as an error of the build.
package build

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"runtime"
	"sync"

	"briefing/internal/analysis"
	"briefing/internal/config"
	"briefing/internal/content"
	"briefing/internal/model"
	"briefing/internal/render"
)

// Options change a build.
type Options struct {
	BaseURL string // overrides config.toml's base_url when set
	Minify  bool   // minify HTML, CSS, JS, JSON and XML output

	// Lazy leaves the files unrendered: Result.Output renders each when
	// asked for, and Result.Files stays nil. The preview renders only the
	// pages it shows.
	Lazy bool
	// Quick analyses each changed file afresh but carries the corpus-wide
	// findings (copies, statements grouped across outlets, also-reported
	// sentences, suggestions) over from the last complete build, remapped
	// to the new sentences; see analysis.Analyzer.AnalyzeQuick. The
	// preview shows a quick build at once, then a complete one.
	Quick bool
	// Progress, when set, is told as each stage starts and ends, on the
	// goroutine running Build; it must return quickly.
	Progress Reporter
	// Sink, when set, is given each file as it is rendered, and
	// Result.Files stays nil: "briefing build" writes the site as it
	// renders, never holding all of it. When the build fails, Sink may have
	// been given some of the files, which the caller must then discard.
	Sink Sink
	// Once says that no build follows on this Builder, as for "briefing
	// build": the analysis keeps nothing to speed up a next build, and
	// what it used is collected before rendering, so that rendering has
	// that memory. A later build on the Builder still works, from scratch.
	Once bool
}

// Sink takes the files of a build as they are rendered. WriteFile is
// called from several goroutines at once, once for each output path
// (slash-separated, relative to the site root), and may use data only
// until it returns. An error of WriteFile stops the build and is Build's
// error. A *site.Dir is a Sink.
type Sink interface {
	WriteFile(name string, data []byte) error
}

// Result is the outcome of one build.
type Result struct {
	Config   config.Config
	Site     *model.Site       // the briefing as loaded
	Findings *model.Findings   // what the analysis found in it
	Output   *render.Output    // nil when the build failed
	Files    render.Files      // every file rendered; nil when the build failed, was Lazy or had a Sink
	Diags    model.Diagnostics // every finding, errors first by position
}

// Err returns the build's errors as one error, or nil.
func (r *Result) Err() error { return r.Diags.Errors() }

// refuser is a file system that says which files it did not serve, and why.
type refuser interface{ Refused() model.Diagnostics }

// Builder builds briefings. It keeps the loaded language models, so one
// Builder serves many builds, and what one build can reuse from the last
// (see cache.go), so that rebuilding after an edit is quick. Builds on one
// Builder run one at a time.
type Builder struct {
	an *analysis.Analyzer

	mu     sync.Mutex // guards loader and cache, and so serialises builds
	loader content.Loader
	cache  cache
}

// New returns a Builder.
func New() (*Builder, error) {
	an, err := analysis.New()
	if err != nil {
		return nil, err
	}
	return &Builder{an: an}, nil
}

// Build builds the briefing folder fsys. Content problems are diagnostics in
// the result; the files are rendered only when there is no error. The
// returned error is for failures that are not about content, and for ctx
// being done: a build can be abandoned half-way, when the preview has a
// newer save to show.
func (b *Builder) Build(ctx context.Context, fsys fs.FS, opt Options) (*Result, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	res := &Result{Config: config.Default()}
	if r, ok := fsys.(refuser); ok {
		res.Diags = append(res.Diags, r.Refused()...)
	}
	if data, err := fs.ReadFile(fsys, config.FileName); err == nil {
		cfg, diags := config.Parse(config.FileName, data)
		res.Config = cfg
		res.Diags = append(res.Diags, diags...)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("read %s: %w", config.FileName, err)
	}
	if opt.BaseURL != "" {
		res.Config.BaseURL = opt.BaseURL
	}

	opt.report(Loading, 0, 0)
	site, diags := b.loader.Load(fsys)
	res.Site = site
	res.Diags = append(res.Diags, diags...)
	opt.report(Analysing, 0, len(site.Articles))
	opt.reportSteps(b.an, len(site.Articles))
	defer b.an.ReportSteps(nil)
	var err error
	switch {
	case opt.Quick:
		res.Findings = b.an.AnalyzeQuick(site)
		if opt.Once {
			b.an.Forget()
		}
	case opt.Once:
		res.Findings, err = b.an.AnalyzeOnce(ctx, site)
	default:
		res.Findings, err = b.an.Analyze(ctx, site)
	}
	if err != nil {
		return nil, err
	}
	if opt.Once {
		// What the analysis used is garbage now. Collected here, the
		// render starts from the memory it needs; left to the collector,
		// the heap would first grow to twice what the analysis held.
		runtime.GC()
	}
	res.Diags = append(res.Diags, res.Findings.Diagnostics...)
	opt.report(Analysing, len(site.Articles), len(site.Articles))

	r, err := b.cache.theme(fsys)
	if err != nil {
		res.Diags = append(res.Diags, render.Diagnostic(err))
		res.Diags.Sort()
		return res, nil
	}
	if res.Diags.HasErrors() {
		// Rendering stops here; the editors' text is still checked, so
		// that its errors are reported with these.
		res.Diags = append(res.Diags, r.Markdown(site)...)
		res.Diags.Sort()
		return res, nil
	}
	out, err := r.Site(ctx, res.Config, site, res.Findings)
	if clash := (model.ErrorList{}); errors.As(err, &clash) {
		// Two files at one output path: a content problem, not a failure.
		res.Diags = append(res.Diags, clash...)
		res.Diags.Sort()
		return res, nil
	}
	if err != nil {
		return nil, err
	}
	if opt.Lazy {
		res.Diags.Sort()
		res.Output = out
		return res, nil
	}
	pages := len(out.Paths())
	opt.report(Rendering, 0, pages)
	var files render.Files
	if opt.Sink != nil {
		err = stream(out, opt)
	} else {
		files, err = out.All()
	}
	opt.report(Rendering, pages, pages)
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	if se := (sinkError{}); errors.As(err, &se) {
		return nil, se.err
	}
	res.Diags = append(res.Diags, out.Diags()...)
	if err != nil {
		res.Diags = append(res.Diags, render.Diagnostic(err))
	}
	res.Diags.Sort()
	if res.Diags.HasErrors() {
		return res, nil
	}
	if opt.Minify && files != nil {
		if err := minifyFiles(files); err != nil {
			return nil, err
		}
	}
	res.Output, res.Files = out, files
	return res, nil
}

// stream renders every file of out and gives it to opt.Sink, minified when
// opt says so. An error of the sink or the minifier, which is not about
// content, comes back as a sinkError.
func stream(out *render.Output, opt Options) error {
	var m *minifier
	if opt.Minify {
		m = newMinifier()
	}
	return out.Each(func(name string, data []byte) error {
		if m != nil {
			d, err := m.file(name, data)
			if err != nil {
				return sinkError{err}
			}
			data = d
		}
		if err := opt.Sink.WriteFile(name, data); err != nil {
			return sinkError{err}
		}
		return nil
	})
}

// sinkError is a failure to minify or take a file, as opposed to one to
// render it.
type sinkError struct{ err error }

func (e sinkError) Error() string { return e.err.Error() }
func (e sinkError) Unwrap() error { return e.err }
