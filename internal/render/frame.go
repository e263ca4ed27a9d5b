package render

import (
	"bytes"
	"errors"
	"html/template"
	"sync"
)

// Frame is what the parts of the page frame that are alike on many pages
// receive: the default theme's base.html shows _head_links.html,
// _header.html and _footer.html through Page.HeadLinks, Page.Header and
// Page.Footer, which render each of them once for each value of Frame and
// reuse the HTML, instead of on every page of a large briefing. A theme
// may override these partials, or show anything of the Page in its own
// base.html instead.
type Frame struct {
	Root string    // the page's Root
	Kind string    // the page's Kind; "" for _head_links.html and _footer.html
	Path string    // the page's Path if it is a free page (one of Site.Pages), else ""; "" for _head_links.html and _footer.html
	Site *SiteInfo // the site
}

// frames are the frame parts an Output has rendered, by template set and
// Frame. The partials are rendered with the template set of the page
// that asks first for them, which is the one of its kind: a page template
// may redefine a partial.
type frames struct {
	mu   sync.Mutex
	html map[frameKey]template.HTML
}

type frameKey struct {
	partial string
	Frame
}

// HeadLinks returns _head_links.html rendered with the page's Root and
// Site: the links to the site's style, feed and search script.
func (p *Page) HeadLinks() (template.HTML, error) {
	return p.framePart("_head_links.html", Frame{Root: p.Root, Site: p.Site})
}

// Header returns _header.html rendered with the page's Root, Kind and
// Site, and its Path if the navigation links to it: the site's header and
// navigation. The other pages' paths are left out, so that the pages of
// one kind and depth share one header.
func (p *Page) Header() (template.HTML, error) {
	f := Frame{Root: p.Root, Kind: p.Kind, Site: p.Site}
	if p.Kind == "page" {
		f.Path = p.Path
	}
	return p.framePart("_header.html", f)
}

// Footer returns _footer.html rendered with the page's Root and Site.
func (p *Page) Footer() (template.HTML, error) {
	return p.framePart("_footer.html", Frame{Root: p.Root, Site: p.Site})
}

// errNoFrame is the error of a frame part asked for outside a render.
var errNoFrame = errors.New("the page frame is only shown while the page renders")

// framePart returns the partial rendered with f by the page's template
// set, rendering it when no page of the same kind has. It renders into a
// writer with the limits of the page's own (see pageWriter), and a
// failure stops the page where the partial stopped.
func (p *Page) framePart(partial string, f Frame) (template.HTML, error) {
	if p.out == nil || p.w == nil {
		return "", errNoFrame
	}
	key := frameKey{partial: p.Kind + "/" + partial, Frame: f}
	fr := &p.out.frames
	fr.mu.Lock()
	html, ok := fr.html[key]
	fr.mu.Unlock()
	if ok {
		return html, nil
	}
	outer := p.w
	w := &pageWriter{buf: new(bytes.Buffer), ctx: outer.ctx, deadline: outer.deadline, stuck: outer.stuck, ticks: outer.ticks}
	if err := p.out.r.pages[p.Kind].ExecuteTemplate(w, partial, f); err != nil {
		if w.at != "" {
			outer.at = w.at
		}
		return "", err
	}
	html = template.HTML(w.buf.String())
	fr.mu.Lock()
	if fr.html == nil {
		fr.html = map[frameKey]template.HTML{}
	}
	fr.html[key] = html
	fr.mu.Unlock()
	return html, nil
}
