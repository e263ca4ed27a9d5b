package render

import (
	"html/template"
	"strings"
)

// MatrixRowsHTML returns the rows of the default theme's claim-by-source
// table m, a row per claim and a cell per source in each. It is made in
// Go: the table of a large briefing has hundreds of thousands of cells,
// and the template's loop over them cost more than the rest of the claims
// page. A theme may still range over m.Rows itself.
func (p *Page) MatrixRowsHTML(m *SourceMatrix) template.HTML {
	var b strings.Builder
	for _, row := range m.Rows {
		c := row.Claim
		b.WriteString(`<tr><th scope="row"><span class="status status-`)
		escapeHTML(&b, string(c.Status))
		b.WriteString(`">`)
		escapeHTML(&b, c.Label)
		b.WriteString(`</span> `)
		link(&b, p.Root, c.Path, c.Title)
		b.WriteString(`</th>`)
		for _, cell := range row.Cells {
			if len(cell.Stances) == 0 {
				b.WriteString(`<td><span class="muted">—</span></td>`)
				continue
			}
			b.WriteString(`<td><a href="`)
			escapeURL(&b, p.Root)
			escapeURL(&b, cell.Path)
			b.WriteString(`">`)
			for i, st := range cell.Stances {
				if i > 0 {
					b.WriteString(", ")
				}
				b.WriteString(`<span class="cell cell-`)
				escapeHTML(&b, string(st))
				b.WriteString(`">`)
				escapeHTML(&b, string(st))
				b.WriteString(`</span>`)
			}
			b.WriteString(`</a></td>`)
		}
		b.WriteString("</tr>\n")
	}
	return template.HTML(b.String())
}
