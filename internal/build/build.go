// Package build runs the pipeline from a briefing folder to a rendered site:
// config → content → analysis → render. It writes nothing; the caller
// decides whether to write the files (site.Write), serve them, or only
// report the diagnostics.
package build

import (
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"strconv"
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
}

// Result is the outcome of one build.
type Result struct {
	Config config.Config
	Site   *model.Site
	Files  render.Files      // nil when the build failed
	Diags  model.Diagnostics // every finding, errors first by position
}

// Err returns the build's errors as one error, or nil.
func (r *Result) Err() error { return r.Diags.Errors() }

// Builder builds briefings. It keeps the loaded language models, so one
// Builder serves many builds, and what one build can reuse from the last
// (see cache.go), so that rebuilding after an edit is quick. Builds on one
// Builder run one at a time.
type Builder struct {
	an *analysis.Analyzer

	mu    sync.Mutex // guards cache, and so serialises builds
	cache cache
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
// returned error is for failures that are not about content.
func (b *Builder) Build(fsys fs.FS, opt Options) (*Result, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	res := &Result{Config: config.Default()}
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

	site, diags := content.Load(fsys)
	res.Site = site
	res.Diags = append(res.Diags, diags...)
	b.cache.restoreSegments(site)
	res.Diags = append(res.Diags, b.an.Analyze(site)...)
	b.cache.keepSegments(site)

	r, err := b.cache.theme(fsys)
	if err != nil {
		res.Diags = append(res.Diags, templateDiag(err))
		res.Diags.Sort()
		return res, nil
	}
	if res.Diags.HasErrors() {
		res.Diags.Sort()
		return res, nil
	}
	files, diags, err := r.Render(res.Config, site)
	res.Diags = append(res.Diags, diags...)
	if err != nil {
		res.Diags = append(res.Diags, templateDiag(err))
	}
	res.Diags.Sort()
	if res.Diags.HasErrors() {
		return res, nil
	}
	if opt.Minify {
		if err := minifyFiles(files); err != nil {
			return nil, err
		}
	}
	res.Files = files
	return res, nil
}

var templatePos = regexp.MustCompile(`^template: ([^:]+):(\d+):(?:(\d+):)? ?(.*)$`)

// templateDiag turns a template error into a diagnostic positioned in the
// template file.
func templateDiag(err error) model.Diagnostic {
	d := model.Diagnostic{Severity: model.Error, Pos: model.Pos{File: "templates"}, Message: err.Error()}
	var te *render.TemplateError
	if errors.As(err, &te) {
		if m := templatePos.FindStringSubmatch(te.Err.Error()); m != nil {
			line, _ := strconv.Atoi(m[2])
			col, _ := strconv.Atoi(m[3])
			d.Pos = model.Pos{File: "templates/" + m[1], Line: line, Col: col}
			d.Message = m[4]
		}
		d.Hint = "fix the template in the briefing's templates/ folder; files it does not override come from the built-in theme"
	}
	return d
}
