package render

import "html/template"

// Frame is what the parts of the page frame that are alike on many pages
// receive: the default theme's base.html shows _head_links.html,
// _header.html and _footer.html through Page.HeadLinks, Page.Header and
// Page.Footer, which render each of them once for each value of Frame and
// reuse the HTML (see Page.Partial), instead of on every page of a large
// briefing. A theme may override these partials, or show anything of the
// Page in its own base.html instead.
type Frame struct {
	Root string    // the page's Root
	Kind string    // the page's Kind; "" for _head_links.html and _footer.html
	Path string    // the page's Path if it is a free page (one of Site.Pages), else ""; "" for _head_links.html and _footer.html
	Site *SiteInfo // the site
}

// HeadLinks returns _head_links.html rendered with the page's Root and
// Site: the links to the site's style, feed and search script.
func (p *Page) HeadLinks() (template.HTML, error) {
	return p.Partial("_head_links.html", Frame{Root: p.Root, Site: p.Site})
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
	return p.Partial("_header.html", f)
}

// Footer returns _footer.html rendered with the page's Root and Site.
func (p *Page) Footer() (template.HTML, error) {
	return p.Partial("_footer.html", Frame{Root: p.Root, Site: p.Site})
}
