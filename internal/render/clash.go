package render

import (
	"cmp"
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"

	"briefing/internal/model"
)

// pageClash is the error for page p, whose output file is taken already
// by the page made from other. Only a free page (whose source is its content
// file) can take the address of another page, an index page.
func pageClash(p pageSpec, other string) model.Diagnostic {
	return model.Diagnostic{Pos: model.Pos{File: cmp.Or(p.source, other)}, Severity: model.Error,
		Message: "the page would replace " + generated(p.file),
		Hint:    "rename the file: the site's own pages are /, /articles/, /actors/ and /claims/"}
}

// staticClashes returns an error for every static file of o that would
// replace a generated file, or stand where a generated file needs a folder,
// or the other way round.
func staticClashes(o *Output) model.Diagnostics {
	var diags model.Diagnostics
	dirs := map[string]string{} // folder → a generated file inside it
	for name := range o.files {
		for d := path.Dir(name); d != "."; d = path.Dir(d) {
			if _, ok := dirs[d]; !ok || name < dirs[d] {
				dirs[d] = name
			}
		}
	}
	for _, name := range slices.Sorted(maps.Keys(o.static)) {
		pos := model.Pos{File: "static/" + name}
		hint := "rename or remove the file: the site writes this path itself"
		if _, ok := o.files[name]; ok {
			diags.Add(model.Diagnostic{Pos: pos, Severity: model.Error, Hint: hint,
				Message: "the file would replace " + generated(name)})
			continue
		}
		if inside, ok := dirs[name]; ok {
			diags.Add(model.Diagnostic{Pos: pos, Severity: model.Error, Hint: hint,
				Message: "the file stands where the site needs a folder, for " + generated(inside)})
			continue
		}
		for d := path.Dir(name); d != "."; d = path.Dir(d) {
			if _, ok := o.files[d]; ok {
				diags.Add(model.Diagnostic{Pos: pos, Severity: model.Error, Hint: hint,
					Message: fmt.Sprintf("the file needs a folder %s/ where the site writes %s", d, generated(d))})
				break
			}
		}
	}
	return diags
}

// generated describes the generated output file name.
func generated(name string) string {
	if strings.HasSuffix(name, "index.html") {
		return fmt.Sprintf("the generated page /%s (%s)", strings.TrimSuffix(name, "index.html"), name)
	}
	return "the generated file " + name
}
