package preview

import (
	"bytes"
	"slices"
	"strings"
)

// diff returns the output paths whose contents differ between the site
// served and the new one, sorted: of the files rendered in the old site
// (which include every page a browser shows) and the paths also given,
// those that the new site renders differently or no longer has, and the
// paths that are new. Files never rendered cannot be open anywhere, so
// they need no comparing. The error is the first failure to render a file
// of the new site.
func diff(old, cur Site, also ...string) ([]string, error) {
	if old == nil {
		return cur.Paths(), nil
	}
	var changed []string
	compare := old.Rendered()
	for _, p := range also {
		if old.Has(p) && !slices.Contains(compare, p) {
			compare = append(compare, p)
		}
	}
	for _, p := range compare {
		if !cur.Has(p) {
			changed = append(changed, p)
			continue
		}
		was, err := old.File(p)
		if err != nil {
			continue // it failed then; it is compared as changed below
		}
		now, err := cur.File(p)
		if err != nil {
			return nil, err
		}
		if !bytes.Equal(was, now) {
			changed = append(changed, p)
		}
	}
	for _, p := range cur.Paths() {
		if !old.Has(p) {
			changed = append(changed, p)
		}
	}
	slices.Sort(changed)
	return changed, nil
}

// onlyCSS reports whether every changed path is a stylesheet.
func onlyCSS(changed []string) bool {
	for _, p := range changed {
		if !strings.HasSuffix(p, ".css") {
			return false
		}
	}
	return len(changed) > 0
}
