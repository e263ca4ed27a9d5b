// Package render turns an analysed model.Site into the bytes of every output
// file. Templates are parsed once, in New; Render does no disk I/O, so the
// preview server can serve its result from memory and the site package can
// write it atomically.
//
// Templates live in the theme's templates/ folder: base.html defines the
// page frame and each page kind has its own file (index.html, articles.html,
// article.html, page.html, 404.html, …) defining the "main" block. Every
// page gets a *Page value; Page.Root is the relative path from the page to
// the site root ("../../"), so links work under any sub-path. The 404 page,
// which is served at any depth, gets the absolute base path instead.
package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"briefing/internal/config"
	"briefing/internal/markdown"
	"briefing/internal/model"
)

// Renderer renders sites with one theme.
type Renderer struct {
	pages  map[string]*template.Template
	static fs.FS
	md     *markdown.Renderer
}

// pageKinds are the page templates every theme provides.
var pageKinds = []string{"index", "articles", "article", "page", "404", "actors", "actor", "claims", "claim"}

// New parses the templates of theme (a file system with templates/ and
// static/ at its root, usually an Overlay of a briefing's folder over the
// embedded default).
func New(theme fs.FS) (*Renderer, error) {
	r := &Renderer{pages: map[string]*template.Template{}, md: markdown.New()}
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
		r.pages[kind] = t
	}
	return r, nil
}

// Files is a rendered site: output path (slash-separated, relative to the
// site root) to contents.
type Files map[string][]byte

// Paths returns the output paths in sorted order.
func (f Files) Paths() []string {
	out := make([]string, 0, len(f))
	for p := range f {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// Render renders every page of s and copies the theme's static files.
// Markdown or template failures are returned as diagnostics where they have
// a position, and as an error otherwise.
func (r *Renderer) Render(cfg config.Config, s *model.Site) (Files, model.Diagnostics, error) {
	out := Files{}
	var diags model.Diagnostics
	v := newViews(cfg, s, r.md, &diags)
	pages := v.pages()
	if err := r.execute(pages, out); err != nil {
		return nil, diags, err
	}
	data, err := v.dataJSON()
	if err != nil {
		return nil, diags, fmt.Errorf("encode briefing.json: %w", err)
	}
	out["briefing.json"] = data
	for name, data := range v.extras() {
		out[name] = data
	}
	err = fs.WalkDir(r.static, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return err
		}
		data, err := fs.ReadFile(r.static, p)
		if err != nil {
			return err
		}
		out[p] = data
		return nil
	})
	if err != nil {
		return nil, diags, fmt.Errorf("copy static files: %w", err)
	}
	return out, diags, nil
}

// TemplateError is a template parse or execution error, positioned where
// html/template says it is.
type TemplateError struct{ Err error }

func (e *TemplateError) Error() string { return e.Err.Error() }
func (e *TemplateError) Unwrap() error { return e.Err }

func templateErr(err error) error { return &TemplateError{Err: err} }

// execute renders pages into out, on as many goroutines as there are
// processors: templates are safe for concurrent use and the page values are
// complete before rendering starts. It returns the first error in page order.
func (r *Renderer) execute(pages []*Page, out Files) error {
	bufs := make([][]byte, len(pages))
	errs := make([]error, len(pages))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(pages)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(pages) {
					return
				}
				var buf bytes.Buffer
				errs[i] = r.pages[pages[i].Kind].ExecuteTemplate(&buf, "base.html", pages[i])
				bufs[i] = buf.Bytes()
			}
		}()
	}
	wg.Wait()
	for i, p := range pages {
		if errs[i] != nil {
			return templateErr(errs[i])
		}
		out[p.File()] = bufs[i]
	}
	return nil
}
