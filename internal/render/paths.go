package render

import (
	"strings"

	"briefing/internal/model"
)

// The URL scheme of a site, defined here and nowhere else. A site path is
// relative to the site root, with no leading slash: "" is the overview, a
// page's path ends in "/" (it is written as its index.html), and a link to
// a sentence adds the sentence's anchor. Views carry the paths made here,
// and templates print them after the page's Root, so every link works
// under any sub-path.

// Site paths of the index pages.
const (
	ArticlesPath = "articles/" // the sources
	ActorsPath   = "actors/"   // the actors, by side
	ClaimsPath   = "claims/"   // what is confirmed vs disputed
	NotFoundPath = "404.html"
)

// ArticlePath returns the site path of the page of article slug.
func ArticlePath(slug string) string { return ArticlesPath + slug + "/" }

// SentencePath returns the site path of the sentence with anchor id in
// article slug.
func SentencePath(slug, id string) string { return ArticlePath(slug) + "#" + id }

// ActorPath returns the site path of the page of actor slug.
func ActorPath(slug string) string { return ActorsPath + slug + "/" }

// ClaimPath returns the site path of the page of claim slug.
func ClaimPath(slug string) string { return ClaimsPath + slug + "/" }

// StatusPath returns the site path of the claims of one status, on the
// claims page.
func StatusPath(status model.Status) string { return ClaimsPath + "#" + string(status) }

// PagePath returns the site path of the free page slug.
func PagePath(slug string) string { return slug + "/" }

// rootOf returns the relative path from the page at site path p back to
// the site root: "../../" for "articles/x/", "" for the overview.
func rootOf(p string) string { return strings.Repeat("../", strings.Count(p, "/")) }
