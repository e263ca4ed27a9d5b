// Package render turns an analysed model.Site into the bytes of every output
// file. Templates are parsed once, in New; Renderer.Site does no disk I/O,
// and its Output renders each file when first asked for, so the preview
// server can serve from memory only the pages it shows, and a build can
// hand each file to the site package as it renders (Output.Each), or
// collect them all (Output.All).
//
// Templates live in the theme's templates/ folder: base.html defines the
// page frame and each page kind has its own file (index.html, articles.html,
// article.html, page.html, 404.html, …) defining the "main" block. The
// parts of the frame that are alike on many pages are partials rendered
// once for all of them (_head_links.html, _header.html, _footer.html; see
// Frame and Page.Partial), and the long lists of the default theme's pages
// are made in Go (Page.VersionsHTML, Page.SourceRowsHTML, …), while their
// data stays in the views for a theme to show its own way. Every page gets
// a *Page value; Page.Root is the relative path from the page to
// the site root ("../../"), so links work under any sub-path. The 404 page,
// which is served at any depth, gets the absolute base path instead.
//
// The URL scheme (which site path each page has) is defined in paths.go
// and nowhere else. Every view carries its own Path, and SiteInfo the
// index pages' paths, so a template links with {{$.Root}}{{.Path}} and
// never spells a path itself.
//
// A page whose template runs longer than pageTime, once past timedSteps
// steps, or writes more than pageBytes, fails with an error at the loop or template it was in, and
// rendering stops when the build is abandoned, whatever the template does
// (see limit.go).
package render

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"briefing/internal/config"
	"briefing/internal/markdown"
	"briefing/internal/model"
)

// Renderer renders sites with one theme.
type Renderer struct {
	pages  map[string]*template.Template
	same   sameAs // which page kinds' templates are alike, for Page.Partial
	static fs.FS
	md     *markdown.Renderer
	ticks  ticks     // see addTicks
	bufs   sync.Pool // of *bytes.Buffer, for pages rendered by Output.Each
}

// pageKinds are the page templates every theme provides.
var pageKinds = []string{"index", "articles", "article", "page", "404", "actors", "actor", "claims", "claim"}

// New parses the templates of theme (a file system with templates/ and
// static/ at its root, usually an Overlay of a briefing's folder over the
// embedded default).
func New(theme fs.FS) (*Renderer, error) {
	r := &Renderer{pages: map[string]*template.Template{}, md: markdown.New(), ticks: ticks{}, same: sameAs{}}
	prints := map[string]map[string]string{} // see sameAs.add
	static, err := fs.Sub(theme, "static")
	if err != nil {
		return nil, err
	}
	r.static = static
	base, err := fs.ReadFile(theme, "templates/base.html")
	if err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	partials, _ := fs.Glob(theme, "templates/_*.html")
	for _, kind := range pageKinds {
		name := "templates/" + kind + ".html"
		src, err := fs.ReadFile(theme, name)
		if err != nil {
			return nil, fmt.Errorf("theme: %w", err)
		}
		t := template.New("base.html").Funcs(funcs())
		if _, err := t.Parse(string(base)); err != nil {
			return nil, templateErr(err)
		}
		for _, p := range partials {
			b, err := fs.ReadFile(theme, p)
			if err != nil {
				return nil, err
			}
			if _, err := t.New(path.Base(p)).Parse(string(b)); err != nil {
				return nil, templateErr(err)
			}
		}
		if _, err := t.New(kind + ".html").Parse(string(src)); err != nil {
			return nil, templateErr(err)
		}
		r.same.add(kind, t, prints)
		addTicks(t, r.ticks)
		r.pages[kind] = t
	}
	return r, nil
}

// Files is a rendered site: output path (slash-separated, relative to the
// site root) to contents.
type Files map[string][]byte

// Paths returns the output paths in sorted order.
func (f Files) Paths() []string { return slices.Sorted(maps.Keys(f)) }

// Has reports whether name is an output path.
func (f Files) Has(name string) bool { _, ok := f[name]; return ok }

// File returns the contents of output path name.
func (f Files) File(name string) ([]byte, error) {
	if data, ok := f[name]; ok {
		return data, nil
	}
	return nil, fmt.Errorf("%s: %w", name, fs.ErrNotExist)
}

// Rendered returns every output path, sorted: all are rendered.
func (f Files) Rendered() []string { return f.Paths() }

// Site prepares the output of the briefing s, with what the analysis found
// in it, f, without rendering it: the theme's static files are read, and
// every other file is rendered when first asked for (see Output). Neither s
// nor f may change while the Output is in use. Rendering stops when ctx is
// done: the Output belongs to one build. Two files that would be written
// at one output path (a static file and a generated page or data file, or
// a free page and an index page) give a model.ErrorList naming both,
// rather than one silently replacing the other.
func (r *Renderer) Site(ctx context.Context, cfg config.Config, s *model.Site, f *model.Findings) (*Output, error) {
	o := &Output{ctx: ctx, r: r, static: Files{}, files: map[string]*lazyFile{}}
	o.v = newViews(cfg, s, f, r.md, &o.diags)
	var clash model.Diagnostics
	sources := map[string]string{}
	var long, short []int // the pages each renders first, and the rest
	for _, p := range o.v.pages() {
		if other, ok := sources[p.file]; ok {
			clash.Add(pageClash(p, other))
			continue
		}
		sources[p.file] = p.source
		o.files[p.file] = &lazyFile{page: p.make}
		if p.long {
			long = append(long, len(o.order))
		} else {
			short = append(short, len(o.order))
		}
		o.order = append(o.order, p.file)
	}
	extras := o.v.extras()
	for _, name := range slices.Sorted(maps.Keys(extras)) {
		o.files[name] = &lazyFile{make: extras[name]}
		o.sched = append(o.sched, len(o.order))
		o.order = append(o.order, name)
	}
	o.sched = append(append(o.sched, long...), short...)
	err := fs.WalkDir(r.static, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return err
		}
		if !d.Type().IsRegular() { // a link, device, pipe or socket: never opened
			return &fs.PathError{Op: "read", Path: "static/" + p, Err: errNotRegular}
		}
		data, err := fs.ReadFile(r.static, p)
		if err != nil {
			return err
		}
		o.static[p] = data
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("copy static files: %w", err)
	}
	clash = append(clash, staticClashes(o)...)
	if len(clash) > 0 {
		clash.Sort()
		return nil, model.ErrorList(clash)
	}
	return o, nil
}

// TemplateError is a template parse or execution error, positioned where
// html/template says it is.
type TemplateError struct{ Err error }

func (e *TemplateError) Error() string { return e.Err.Error() }
func (e *TemplateError) Unwrap() error { return e.Err }

func templateErr(err error) error { return &TemplateError{Err: err} }

var templatePos = regexp.MustCompile(`^template: ([^:]+):(\d+):(?:(\d+):)? ?(.*)$`)

// Diagnostic turns an error of New, Output.File or Output.All into a
// diagnostic: positioned in the template file when it is a template's, at
// templates/ otherwise.
func Diagnostic(err error) model.Diagnostic {
	d := model.Diagnostic{Severity: model.Error, Pos: model.Pos{File: "templates"}, Message: err.Error()}
	var te *TemplateError
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
