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
		// _evidence.html partial, which needs the page's Root for links.
		"evidence": func(p *Page, c *ClaimView) EvidenceData { return EvidenceData{Page: p, Claim: c} },
	}
}

// EvidenceData is what the _evidence.html partial receives.
type EvidenceData struct {
	Page  *Page
	Claim *ClaimView
}
