package render

import (
	"html/template"
	"strconv"
	"strings"
)

// SourceRowsHTML returns the rows of the default theme's table of
// sources, one for each of the page's Articles, with the theme's
// _title_by.html after each title. It is made in Go: a large briefing's
// table has a row for each of thousands of articles, and the template's
// loop over them cost as much as the rest of the index pages. A theme may
// still range over .Articles itself.
func (p *Page) SourceRowsHTML() (template.HTML, error) {
	var b strings.Builder
	cell := func(label, value, none string) {
		b.WriteString(`<td data-label="` + label + `">`)
		if value != "" {
			escapeHTML(&b, value)
		} else {
			b.WriteString(`<span class="muted">` + none + `</span>`)
		}
		b.WriteString("</td>\n")
	}
	for _, av := range p.Articles {
		b.WriteString("<tr>\n<td data-label=\"Article\">")
		if err := p.titleLink(&b, av); err != nil {
			return "", err
		}
		b.WriteString("</td>\n")
		cell("Outlet", av.Outlet, "not named")
		cell("Origin", av.Origin, "—")
		cell("Date", av.PublishedOn, "not given")
		b.WriteString(`<td data-label="Copies">`)
		for _, copies := range []struct {
			verb string
			list []CopyView
		}{{"Copies ", av.CopyOf}, {"Copied by ", av.CopiedBy}} {
			for _, c := range copies.list {
				b.WriteString(copies.verb)
				if err := p.copyLink(&b, c, "%)", ", declared by the editor"); err != nil {
					return "", err
				}
				b.WriteString("<br>")
			}
		}
		if len(av.CopyOf) == 0 && len(av.CopiedBy) == 0 {
			b.WriteString(`<span class="muted">independent</span>`)
		}
		b.WriteString("</td>\n</tr>\n")
	}
	return template.HTML(b.String()), nil
}

// titleLink writes a link to article av showing its title, and the
// theme's _title_by.html for it.
func (p *Page) titleLink(b *strings.Builder, av *ArticleView) error {
	link(b, p.Root, av.Path, av.Title)
	titleBy, err := p.Partial("_title_by.html", av)
	b.WriteString(string(titleBy))
	return err
}

// SourcesHTML returns the items of the overview's list of sources, one
// for each of Overview.Articles, with the theme's _title_by.html and
// _byline.html. It is made in Go for the reason SourceRowsHTML is; a
// theme may still range over .Overview.Articles itself.
func (p *Page) SourcesHTML() (template.HTML, error) {
	var b strings.Builder
	for _, av := range p.Overview.Articles {
		b.WriteString("<li>")
		if err := p.titleLink(&b, av); err != nil {
			return "", err
		}
		byline, err := p.Partial("_byline.html", av)
		if err != nil {
			return "", err
		}
		b.WriteString("\n<span class=\"meta\">" + string(byline) + "</span>\n")
		for _, c := range av.CopyOf {
			if c.Editor {
				b.WriteString(`<span class="copy">Copy of `)
			} else {
				b.WriteString(`<span class="copy">Largely copies `)
			}
			if err := p.copyLink(&b, c, "% of its sentences", "; declared by the editor"); err != nil {
				return "", err
			}
			b.WriteString(")</span>")
		}
		b.WriteString("\n</li>\n")
	}
	return template.HTML(b.String()), nil
}

// copyLink writes a link to the article of copy relation c with its
// title note, then its percentage followed by percent, then editorNote
// when the editor declared the copy.
func (p *Page) copyLink(b *strings.Builder, c CopyView, percent, editorNote string) error {
	if err := p.titleLink(b, c.Article); err != nil {
		return err
	}
	b.WriteString(" (" + strconv.Itoa(c.Percent) + percent)
	if c.Editor {
		b.WriteString(editorNote)
	}
	return nil
}
