package render

import (
	"bytes"
	"errors"
	"html/template"
	"sync"
)

// partials are the partials an Output has rendered, by template set,
// name and data.
type partials struct {
	mu   sync.Mutex
	html map[partialKey]template.HTML
}

type partialKey struct {
	kind, name string // the template set (the first page kind's alike, see sameAs), the partial
	data       any
}

// errNoPage is the error of a partial asked for outside a render.
var errNoPage = errors.New("Partial is only callable while the page renders")

// Partial returns the template name rendered with data, as {{template
// name data}} would show it in HTML text, but rendered once for all the
// pages that give it equal data: an article's byline is shown on its own
// page, the overview and many actor pages, and the frame of the page (see
// Frame) on every page. A partial sees nothing but its data, so its HTML for the
// same data is the same. Only a Frame, and the article, actor and claim
// views, which live as long as the build, are kept; other data renders
// on every call. It renders into a writer with the limits of the
// page's own (see pageWriter), and a failure stops the page where the
// partial stopped. A page template may redefine a partial, so the pages of
// two kinds share its HTML only when their templates of it are the same
// (see sameAs).
func (p *Page) Partial(name string, data any) (template.HTML, error) {
	if p.out == nil || p.w == nil {
		return "", errNoPage
	}
	cache := &p.out.partials
	kind := p.Kind
	if k, ok := p.out.r.same[kind][name]; ok {
		kind = k
	}
	key := partialKey{kind: kind, name: name, data: data}
	keep := kept(data)
	if keep {
		cache.mu.Lock()
		html, ok := cache.html[key]
		cache.mu.Unlock()
		if ok {
			return html, nil
		}
	}
	outer := p.w
	w := &pageWriter{buf: new(bytes.Buffer), ctx: outer.ctx, deadline: outer.deadline, stuck: outer.stuck, ticks: outer.ticks}
	if err := p.out.r.pages[p.Kind].ExecuteTemplate(w, name, data); err != nil {
		if w.at != "" {
			outer.at = w.at
		}
		return "", err
	}
	html := template.HTML(w.buf.String())
	if keep {
		cache.mu.Lock()
		if cache.html == nil {
			cache.html = map[partialKey]template.HTML{}
		}
		cache.html[key] = html
		cache.mu.Unlock()
	}
	return html, nil
}

// kept reports whether Partial keeps the HTML of a partial given data.
func kept(data any) bool {
	switch data.(type) {
	case Frame, *ArticleView, *ActorView, *ClaimView:
		return true
	}
	return false
}
