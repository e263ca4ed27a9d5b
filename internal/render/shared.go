package render

import (
	"html/template"
	"strings"
	"text/template/parse"
)

// sameAs maps each page kind and template name to the first page kind
// (in pageKinds order) whose template of that name is the same, it and
// every template it calls: such a template shows the same data alike in
// both, so Page.Partial renders it once for both. Only a page template
// that redefines a template makes its kind's differ.
type sameAs map[string]map[string]string

// add records the templates of kind, whose template set is t. It must run
// before t is first executed, when html/template rewrites it.
func (s sameAs) add(kind string, t *template.Template, prints map[string]map[string]string) {
	mine := map[string]string{}
	for _, tt := range t.Templates() {
		mine[tt.Name()] = closure(t, tt.Name())
	}
	s[kind] = map[string]string{}
	for name, print := range mine {
		s[kind][name] = kind
		for _, other := range pageKinds {
			if other == kind {
				break
			}
			if p, ok := prints[other][name]; ok && p == print {
				s[kind][name] = s[other][name]
				break
			}
		}
	}
	prints[kind] = mine
}

// closure returns the source of template name in t and of every template
// it calls, in the order they are first called.
func closure(t *template.Template, name string) string {
	var b strings.Builder
	seen := map[string]bool{}
	var visit func(name string)
	visit = func(name string) {
		if seen[name] {
			return
		}
		seen[name] = true
		b.WriteString("\x00" + name + "\x00")
		tt := t.Lookup(name)
		if tt == nil || tt.Tree == nil || tt.Tree.Root == nil {
			b.WriteString("undefined")
			return
		}
		b.WriteString(tt.Tree.Root.String())
		eachNode(tt.Tree.Root, func(n parse.Node) {
			if n, ok := n.(*parse.TemplateNode); ok {
				visit(n.Name)
			}
		})
	}
	visit(name)
	return b.String()
}
