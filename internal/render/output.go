package render

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"briefing/internal/model"
)

// Output is a site ready to render: it knows every output path, and
// renders a file the first time it is asked for, once. "briefing build"
// asks for all of them (All); the preview asks only for the pages a browser
// opens, which keeps a rebuild of a large briefing quick. An Output is safe
// for concurrent use.
//
// Rendering a page stops when the context the Output was made with is done,
// and fails when the page takes too long or grows too large (see
// pageWriter); once one page has run out of time, the pages still to render
// fail at once, since the same template would stall them all.
type Output struct {
	ctx      context.Context
	stuck    atomic.Pointer[TemplateError] // the first page that ran out of time
	r        *Renderer
	v        *views
	static   Files                // the theme's static files, read eagerly
	files    map[string]*lazyFile // every other output file
	order    []string             // the keys of files: pages in site order, then data files
	sched    []int                // the indexes of order as each renders them: data files, index pages, the rest
	diags    model.Diagnostics    // guarded by v.mu
	partials partials             // the partials rendered so far, for Page.Partial
}

// lazyFile is an output file rendered on first use.
type lazyFile struct {
	page func() *Page           // an HTML page, or
	make func() ([]byte, error) // a data file

	once sync.Once
	data []byte
	err  error
	done atomic.Bool // set once data and err are
}

// Has reports whether name (slash-separated, relative to the site root) is
// an output file.
func (o *Output) Has(name string) bool {
	if _, ok := o.static[name]; ok {
		return true
	}
	_, ok := o.files[name]
	return ok
}

// Paths returns every output path, sorted.
func (o *Output) Paths() []string {
	out := make([]string, 0, len(o.static)+len(o.files))
	for p := range o.static {
		out = append(out, p)
	}
	out = append(out, o.order...)
	slices.Sort(out)
	return out
}

// File returns the contents of output file name, rendering it if need be.
// A name that is not an output file gives an error wrapping fs.ErrNotExist;
// a page whose template fails gives a *TemplateError.
func (o *Output) File(name string) ([]byte, error) {
	if data, ok := o.static[name]; ok {
		return data, nil
	}
	f := o.files[name]
	if f == nil {
		return nil, fmt.Errorf("%s: %w", name, fs.ErrNotExist)
	}
	f.once.Do(func() {
		defer f.done.Store(true)
		if f.make != nil {
			f.data, f.err = f.make()
			return
		}
		f.data, f.err = o.render(name, f.page(), new(bytes.Buffer))
	})
	return f.data, f.err
}

// render executes page p's template into a pageWriter writing to buf,
// and returns buf's bytes.
func (o *Output) render(name string, p *Page, buf *bytes.Buffer) ([]byte, error) {
	w := &pageWriter{buf: buf, ctx: o.ctx, deadline: time.Now().Add(pageTime), stuck: &o.stuck, ticks: o.r.ticks}
	p.out, p.w = o, w
	err := o.r.pages[p.Kind].ExecuteTemplate(w, "base.html", p)
	switch {
	case err == nil:
		return w.buf.Bytes(), nil
	case o.ctx.Err() != nil:
		return nil, o.ctx.Err()
	case errors.Is(err, errOtherStuck):
		return nil, o.stuck.Load()
	case errors.Is(err, errPageTime):
		te := w.limitErr(p.Kind, name, err).(*TemplateError)
		o.stuck.CompareAndSwap(nil, te)
		return nil, te
	case errors.Is(err, errPageSize):
		return nil, w.limitErr(p.Kind, name, err)
	}
	return nil, templateErr(err)
}

// Rendered returns the paths of the files rendered so far, sorted, the
// static files included: in the preview, the pages that browsers have
// opened.
func (o *Output) Rendered() []string {
	out := slices.Collect(maps.Keys(o.static))
	for _, name := range o.order {
		if o.files[name].done.Load() {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

// Diags returns the problems met while rendering so far, such as Markdown
// that failed to render.
func (o *Output) Diags() model.Diagnostics {
	o.v.mu.Lock()
	defer o.v.mu.Unlock()
	return slices.Clone(o.diags)
}

// All renders every file, on as many goroutines as there are processors
// (templates are safe for concurrent use), and returns the whole site. The
// error is the first failure in site order, or the page that ran out of
// time, or the Output's context's error.
func (o *Output) All() (Files, error) {
	err := o.each(new(atomic.Bool), func(i int) error {
		_, err := o.File(o.order[i])
		return err
	})
	if err != nil {
		return nil, err
	}
	out := make(Files, len(o.static)+len(o.files))
	for _, name := range o.order {
		out[name] = o.files[name].data
	}
	for name, data := range o.static {
		out[name] = data
	}
	return out, nil
}
