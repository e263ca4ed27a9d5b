package render

import (
	"html/template"
	"strings"
)

// VersionsHTML returns the wordings of statement s as the default theme's
// actor page lists them: an item for each run of one article's sentences,
// headed by the article's outlet, title (with the theme's _title_by.html)
// and origin, each sentence linked. It is made in Go: the statements of a
// large briefing's actors have tens of thousands of wordings, and the
// template's loop over them cost more than the rest of the actor pages. A
// theme may still range over s.Versions itself.
func (p *Page) VersionsHTML(s StatementView) (template.HTML, error) {
	var b strings.Builder
	prev := ""
	for i, v := range s.Versions {
		if a := v.Article; a.Slug != prev {
			if i > 0 {
				b.WriteString("</blockquote></li>\n")
			}
			b.WriteString(`<li><p class="meta">`)
			if a.Outlet != "" {
				escapeHTML(&b, a.Outlet)
				b.WriteString(": ")
			}
			if err := p.titleLink(&b, a); err != nil {
				return "", err
			}
			if a.Origin != "" {
				b.WriteString(" (originally ")
				escapeHTML(&b, a.Origin)
				b.WriteString(")")
			}
			b.WriteString("</p>\n<blockquote>")
		} else {
			b.WriteString(" ")
		}
		link(&b, p.Root, v.Path, v.Text)
		prev = v.Article.Slug
	}
	b.WriteString("</blockquote></li>\n")
	return template.HTML(b.String()), nil
}

// link writes a link to the site path target, on a page whose Root is
// root, showing text.
func link(b *strings.Builder, root, target, text string) {
	b.WriteString(`<a href="`)
	escapeURL(b, root)
	escapeURL(b, target)
	b.WriteString(`">`)
	escapeHTML(b, text)
	b.WriteString("</a>")
}
