package render

import (
	"html/template"
	"strings"
)

// funcs are the template functions of every theme.
func funcs() template.FuncMap {
	return template.FuncMap{
		// plural picks the singular or plural word for n.
		"plural": func(n int, one, many string) string {
			if n == 1 {
				return one
			}
			return many
		},
		"join": strings.Join,
		// evidence pairs a claim with the page it is shown on, for the
		// _evidence.html partial, which needs the page's Root for links,
		// and the level its group headings take on that page.
		"evidence": func(p *Page, c *ClaimView, level int) EvidenceData {
			return EvidenceData{Page: p, Claim: c, Level: level}
		},
	}
}

// EvidenceData is what the _evidence.html partial receives. Level is the
// heading level (3 or 4) of the stance groups, one below the page's
// heading of the claim's evidence.
type EvidenceData struct {
	Page  *Page
	Claim *ClaimView
	Level int
}
