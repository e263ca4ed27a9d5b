package preview

import (
	"bytes"
	"sort"
	"strings"

	"briefing/internal/render"
)

// diff returns the output paths whose contents differ between two builds,
// added and removed ones included, sorted.
func diff(old, cur render.Files) []string {
	var changed []string
	for p, data := range cur {
		if prev, ok := old[p]; !ok || !bytes.Equal(prev, data) {
			changed = append(changed, p)
		}
	}
	for p := range old {
		if _, ok := cur[p]; !ok {
			changed = append(changed, p)
		}
	}
	sort.Strings(changed)
	return changed
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
