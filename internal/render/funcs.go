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
	}
}
