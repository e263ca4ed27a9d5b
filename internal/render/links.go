package render

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"briefing/internal/markdown"
	"briefing/internal/model"
	"briefing/internal/nearest"
)

// Editors link a page of the site from their Markdown by its kind and
// slug, never by a hand-written path: [text](claim:SLUG), (actor:SLUG),
// (article:SLUG) and (page:SLUG), each with an optional #fragment, such as
// a sentence's anchor ("article:x#s-1a2b3c4d"). The build writes the path
// from the page the text is shown on, and a slug that names nothing is an
// error at the link, with the closest slug as a hint. Any other
// destination is written as it is.

// linkPath returns the site path of a slug of the kind a link names, or
// false for a kind of destination that is not a page of the site.
func linkPath(kind string) (func(slug string) string, bool) {
	switch kind {
	case "claim":
		return ClaimPath, true
	case "actor":
		return ActorPath, true
	case "article":
		return ArticlePath, true
	case "page":
		return PagePath, true
	}
	return nil, false
}

// siteSlugs are the slugs of each kind of page of a site.
type siteSlugs map[string][]string

func slugsOf(s *model.Site) siteSlugs {
	ss := siteSlugs{}
	for _, c := range s.Claims {
		ss["claim"] = append(ss["claim"], c.Slug)
	}
	for _, a := range s.Actors {
		ss["actor"] = append(ss["actor"], a.Slug)
	}
	for _, a := range s.Articles {
		ss["article"] = append(ss["article"], a.Slug)
	}
	for _, p := range s.Pages {
		ss["page"] = append(ss["page"], p.Slug)
	}
	for _, list := range ss {
		sort.Strings(list)
	}
	return ss
}

// badLink is a link to a slug that names nothing, with the hint to fix it.
type badLink struct{ msg, hint string }

func (e *badLink) Error() string { return e.msg }

// linker returns the rewrite of link destinations for Markdown shown on
// the page at site path from.
func (ss siteSlugs) linker(from string) func(dest string) (string, error) {
	root := rootOf(from)
	return func(dest string) (string, error) {
		kind, rest, ok := strings.Cut(dest, ":")
		path, known := linkPath(kind)
		if !ok || !known {
			return dest, nil
		}
		slug, frag, hasFrag := strings.Cut(rest, "#")
		list := ss[kind]
		i := sort.SearchStrings(list, slug)
		if i == len(list) || list[i] != slug {
			hint := fmt.Sprintf("write the slug of a %s: its file name without .md", kind)
			if kind == "article" {
				hint = "write the slug of an article: its file name without .txt"
			}
			if near := nearest.Word(slug, list); near != "" {
				hint = fmt.Sprintf("did you mean %s:%s?", kind, near)
			}
			return "", &badLink{fmt.Sprintf("link to %s: no %s has the slug %q", dest, kind, slug), hint}
		}
		p := root + path(slug)
		if hasFrag {
			p += "#" + frag
		}
		return p, nil
	}
}

// linkDiagnostics turns the failed links of a text that starts at pos
// into diagnostics at each link, and reports whether err was that.
func linkDiagnostics(err error, pos model.Pos, diags *model.Diagnostics) bool {
	var les markdown.LinkErrors
	if !errors.As(err, &les) {
		return false
	}
	for _, le := range les {
		at := pos
		at.Line = pos.Line + le.Line - 1
		if le.Line == 1 {
			at.Col = pos.Col + le.Col - 1
		} else {
			at.Col = le.Col
		}
		d := model.Diagnostic{Pos: at, Severity: model.Error, Message: le.Err.Error()}
		var bl *badLink
		if errors.As(le.Err, &bl) {
			d.Hint = bl.hint
		}
		diags.Add(d)
	}
	return true
}

// Markdown renders every editor's text of s (the overview, the pages, and
// the bodies of actors, claims and article sidecars) only for what it
// finds wrong in them: links that name nothing, shapes past the limits.
// A build that stops before rendering calls it, so that these errors are
// reported with the others at once.
func (r *Renderer) Markdown(s *model.Site) model.Diagnostics {
	var diags model.Diagnostics
	v := &views{md: r.md, slugs: slugsOf(s), diags: &diags}
	if s.Index != nil {
		v.markdown(s.Index.Body, "")
	}
	for _, p := range s.Pages {
		v.markdown(p.Body, PagePath(p.Slug))
	}
	for _, a := range s.Actors {
		v.markdown(a.Body, ActorPath(a.Slug))
	}
	for _, c := range s.Claims {
		v.markdown(c.Body, ClaimPath(c.Slug))
	}
	for _, a := range s.Articles {
		v.markdown(a.Summary, ArticlePath(a.Slug))
	}
	return diags
}
