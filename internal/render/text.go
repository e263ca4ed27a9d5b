package render

import (
	"html/template"
	"strconv"
	"strings"

	"briefing/internal/model"
)

// TextHTML returns the article's text as the default theme's article page
// shows it: Paragraphs made into HTML in Go, each sentence with its anchor
// and the links to the claims citing it. An article page of a large
// briefing has hundreds of sentences, and the template's loop over them
// cost more than the rest of the page; a theme may still loop over
// Paragraphs itself. It makes the text on each call, as Paragraphs does.
func (av *ArticleView) TextHTML() template.HTML {
	var b strings.Builder
	b.Grow(len(av.Article.Text) + len(av.Article.Text)/2)
	root := rootOf(av.Path)
	open := false
	av.walk(func(p model.Paragraph) {
		if open {
			b.WriteString("</p>\n")
		}
		open = true
		if p.Furniture {
			b.WriteString(`<p class="furniture"><span class="furniture-label">Not part of the article: </span>`)
		} else {
			b.WriteString("<p>")
		}
	}, func(s model.Sentence, ms []model.Mention) {
		claims := av.cited[s.ID]
		if len(claims) > 0 {
			b.WriteString(`<span class="s cited" id="`)
		} else {
			b.WriteString(`<span class="s" id="`)
		}
		escapeHTML(&b, s.ID)
		b.WriteString(`">`)
		writeSentence(&b, av.Article, s, ms, root)
		for _, c := range claims {
			citation(&b, c, root)
		}
		b.WriteString("</span> ")
	})
	if open {
		b.WriteString("</p>\n")
	}
	return template.HTML(b.String())
}

// citation writes the link from a cited sentence to claim c, on a page
// whose Root is root.
func citation(b *strings.Builder, c *ClaimView, root string) {
	status := string(c.Status)
	b.WriteString(`<a class="cite cite-`)
	escapeHTML(b, status)
	b.WriteString(`" href="`)
	escapeURL(b, root)
	escapeURL(b, c.Path)
	for _, attr := range []string{`" title="Cited by the `, `" aria-label="Cited by the `} {
		b.WriteString(attr)
		escapeHTML(b, status)
		b.WriteString(" claim: ")
		escapeHTML(b, c.Title)
	}
	b.WriteString(`">`)
	escapeHTML(b, status)
	b.WriteString("</a>")
}

// SentencesHTML returns the group's sentences as the default theme's actor
// page lists them, an item linking to each, made in Go: the actors of a
// large briefing are named in thousands of sentences. A theme may still
// range over Sentences itself.
func (g MentionGroup) SentencesHTML() template.HTML {
	var b strings.Builder
	for _, l := range g.Sentences {
		b.WriteString("<li>")
		link(&b, g.root, l.Path, l.Text)
		b.WriteString("</li>\n")
	}
	return template.HTML(b.String())
}

// MentionHeadHTML returns the heading of mention group g as the default
// theme's actor page shows it: the article's title linked, with the
// theme's _title_by.html, and its _byline.html below; nothing when the
// article is unknown. It is made in Go: the actors of a large briefing are
// named in thousands of articles. A theme may still show g.Article itself.
func (p *Page) MentionHeadHTML(g MentionGroup) (template.HTML, error) {
	if g.Article == nil {
		return "", nil
	}
	var b strings.Builder
	b.WriteString("<h3>")
	if err := p.titleLink(&b, g.Article); err != nil {
		return "", err
	}
	byline, err := p.Partial("_byline.html", g.Article)
	if err != nil {
		return "", err
	}
	b.WriteString("</h3>\n<p class=\"meta\">" + string(byline) + "</p>")
	return template.HTML(b.String()), nil
}

// ArticleHeadHTML returns the head of article av's page as the default
// theme shows it: the title, the theme's _byline.html, the link to the
// original, and a notice for each copy relation, with the theme's
// _title_by.html after each article named. It is made in Go: a large
// briefing has thousands of article pages. A theme may still show
// av.Title, av.URL, av.CopyOf and av.CopiedBy itself.
func (p *Page) ArticleHeadHTML(av *ArticleView) (template.HTML, error) {
	var b strings.Builder
	b.WriteString("<h1>")
	escapeHTML(&b, av.Title)
	b.WriteString("</h1>")
	if av.EditorTitle() {
		b.WriteString("\n<p class=\"meta\">This copy has no headline: the editor wrote this title.</p>")
	}
	byline, err := p.Partial("_byline.html", av)
	if err != nil {
		return "", err
	}
	b.WriteString("\n<p class=\"meta\">" + string(byline))
	if av.URL != "" {
		b.WriteString(` · <a href="`)
		escapeURL(&b, av.URL)
		b.WriteString(`" rel="noopener">original</a>`)
	}
	b.WriteString("</p>\n")
	for _, c := range av.CopyOf {
		if c.Editor {
			b.WriteString(`<p class="notice">This text is a copy of `)
		} else {
			b.WriteString(`<p class="notice">This text largely copies `)
		}
		if err := p.titleLink(&b, c.Article); err != nil {
			return "", err
		}
		if c.Editor {
			b.WriteString(", declared by the editor")
		}
		b.WriteString(": " + strconv.Itoa(c.Percent) + "% of its sentences align with it. It does not count as an independent source.</p>")
	}
	b.WriteString("\n")
	for _, c := range av.CopiedBy {
		b.WriteString(`<p class="notice">`)
		if err := p.titleLink(&b, c.Article); err != nil {
			return "", err
		}
		b.WriteString(" copies this article (" + strconv.Itoa(c.Percent) + "% of its sentences")
		if c.Editor {
			b.WriteString("; declared by the editor")
		}
		b.WriteString(").</p>")
	}
	return template.HTML(b.String()), nil
}
