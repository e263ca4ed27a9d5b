package preview

import (
	"path"
	"strings"

	"briefing/internal/render"
)

// navigation returns the URL path ("/" and a site path) of the page open pages
// should go to after a build caused by sources, or "" to stay where they
// are. They move only when the sources are one content file (or an
// article's text and its sidecar) and its page exists.
func navigation(sources []string, site Site) string {
	target, found := "", false
	for _, src := range sources {
		page, ok := PagePath(src)
		if !ok {
			continue
		}
		if found && page != target {
			return "" // several pages changed: stay
		}
		target, found = page, true
	}
	if !found || !site.Has(target+"index.html") {
		return ""
	}
	return "/" + target
}

// PagePath returns the site path ("" for the overview) of the page made from
// the content file src (slash-separated, relative to the briefing folder),
// and whether src makes a page:
//
//	content/_index.md                → ""
//	content/articles/<slug>.{txt,md} → render.ArticlePath(slug)
//	content/actors/<slug>.md         → render.ActorPath(slug)
//	content/claims/<slug>.md         → render.ClaimPath(slug)
//	content/pages/<slug>.md          → render.PagePath(slug)
func PagePath(src string) (string, bool) {
	if src == "content/_index.md" {
		return "", true
	}
	dir, file := path.Split(src)
	ext := path.Ext(file)
	slug := strings.TrimSuffix(file, ext)
	if slug == "" {
		return "", false
	}
	switch {
	case dir == "content/articles/" && (ext == ".txt" || ext == ".md"):
		return render.ArticlePath(slug), true
	case dir == "content/actors/" && ext == ".md":
		return render.ActorPath(slug), true
	case dir == "content/claims/" && ext == ".md":
		return render.ClaimPath(slug), true
	case dir == "content/pages/" && ext == ".md":
		return render.PagePath(slug), true
	}
	return "", false
}
