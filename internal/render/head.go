package render

import (
	"html/template"
	"strings"
)

// HeadHTML returns what the default theme's pages have in their head after
// the viewport: the title, the description, the canonical and Open Graph
// tags, _head_links.html (see HeadLinks) and the JSON-LD blocks. It is made
// in Go: every page of a large briefing has a head, and the template's
// dozen actions for it cost as much as the rest of an article page's. A
// theme may still print .Title, .Description, .Canonical, .OGType,
// .HeadLinks and .JSONLD itself.
func (p *Page) HeadHTML() (template.HTML, error) {
	var b strings.Builder
	b.Grow(1024)
	b.WriteString("<title>")
	if p.Path != "" {
		escapeHTML(&b, p.Title)
		b.WriteString(" · ")
	}
	escapeHTML(&b, p.Site.Title)
	b.WriteString("</title>\n")
	meta := func(attr, name, content string) {
		b.WriteString(`<meta ` + attr + `="` + name + `" content="`)
		escapeHTML(&b, content)
		b.WriteString("\">\n")
	}
	if p.Description != "" {
		meta("name", "description", p.Description)
	}
	if p.Kind == "404" {
		b.WriteString("<meta name=\"robots\" content=\"noindex\">\n")
	}
	if p.Canonical != "" {
		b.WriteString(`<link rel="canonical" href="`)
		escapeURL(&b, p.Canonical)
		b.WriteString("\">\n")
		meta("property", "og:url", p.Canonical)
	}
	meta("property", "og:type", p.OGType)
	meta("property", "og:title", p.Title)
	if p.Description != "" {
		meta("property", "og:description", p.Description)
	}
	links, err := p.HeadLinks()
	if err != nil {
		return "", err
	}
	b.WriteString(string(links))
	for _, js := range p.JSONLD {
		// A JS value is printed as it is in a script element.
		b.WriteString(`<script type="application/ld+json">` + string(js) + "</script>\n")
	}
	return template.HTML(b.String()), nil
}
