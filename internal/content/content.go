// Package content loads a briefing folder into a model.Site.
//
// Load reads, from an fs.FS rooted at the briefing folder:
//
//	content/_index.md            the overview: title, description, Markdown body
//	content/pages/<slug>.md      free pages: title, description, body
//	content/articles/<slug>.txt  raw article text, optional front matter
//	content/articles/<slug>.md   the editor's sidecar: metadata and summary
//	content/actors/<slug>.md     name, aliases, kind, side, role, links, body
//	content/claims/<slug>.md     title, status, claimed_by, disputed_by,
//	                             evidence [{article, quote, stance}], updated, body
//
// An evidence item's stance is supports, contradicts or context; Load sets
// model.Supports where the editor wrote none, so every loaded item has a
// valid stance, and reports any other value as an error at the value.
//
// Front matter is YAML (---), TOML (+++) or JSON ({ … }, the "{" alone on
// the first line, the object as long as it needs; or a whole object on the
// first line, a line that starts with "{" but holds no object being text).
// A UTF-8 byte order mark is ignored. Values nest at most 64 deep, and
// YAML aliases repeat at most 10,000 values in a file. Unknown keys are
// warnings; missing required keys and wrong types are errors. Every
// diagnostic names file:line:col relative to the folder: in every format,
// each key and value, down to each evidence item's quote, has its own. Load checks each
// file on its own; cross-references (slugs, quotes) are the analysis's job.
//
// Because each file is checked on its own, a Loader can keep each file's
// parse and reuse it while the file's bytes stay the same, which makes
// reloading a large briefing after one saved file cheap. Load and
// Loader.Load give the same site and the same diagnostics, in the same
// order, for the same files.
package content

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"strings"
	"unicode/utf8"

	"briefing/internal/model"
)

// Dir is the content folder inside a briefing folder.
const Dir = "content"

// ValidSlug reports whether s can name a content file: it matches
// ^[a-z0-9][a-z0-9_-]*$ (a hand-written loop: a regular expression costs a
// Load of 2,000 files 0.3 ms).
func ValidSlug(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || i > 0 && (c == '_' || c == '-')) {
			return false
		}
	}
	return s != ""
}

// Load reads every content file of the briefing in fsys. It parses every
// file afresh; a Loader reuses the parse of files that did not change.
func Load(fsys fs.FS) (*model.Site, model.Diagnostics) { return new(Loader).Load(fsys) }

// Ignored reports whether name is an editor's temporary, swap or backup
// file, or a hidden file, which the loader and the watcher skip: vim's
// .x.swp, x~ and 4913, Emacs's #x# and .#x, JetBrains' x___jb_tmp___ and
// x___jb_old___, Chrome's x.crswap, and any x.tmp.
func Ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") ||
		strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, ".swx") ||
		strings.HasSuffix(name, ".tmp") || name == "4913" || strings.HasPrefix(name, "#") ||
		strings.HasSuffix(name, "___jb_tmp___") || strings.HasSuffix(name, "___jb_old___") ||
		strings.HasSuffix(name, ".crswap")
}

func isNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }

func loadPage(file, slug string, data []byte, diags *model.Diagnostics) *model.Page {
	doc := parseDocument(file, data, diags)
	f := newFields(doc, diags, "title", "description")
	p := &model.Page{Slug: slug, File: file, Body: model.Markdown{Source: doc.body, Pos: doc.bodyPos}}
	p.Title = f.required("title", `title: "About this briefing"`)
	p.Description = f.str("description")
	f.finish()
	return p
}

var articleKeys = []string{"title", "title_by", "outlet", "origin", "author", "published", "url", "language", "derived_from"}

func loadArticle(slug string, text, sidecar []byte, diags *model.Diagnostics) *model.Article {
	a := &model.Article{Slug: slug, File: path.Join(Dir, "articles", slug+".txt")}
	doc := parseDocument(a.File, text, diags)
	a.Text, a.TextPos = doc.body, doc.bodyPos
	applyArticleMeta(a, doc, diags)
	if sidecar != nil {
		a.Meta = path.Join(Dir, "articles", slug+".md")
		side := parseDocument(a.Meta, sidecar, diags)
		applyArticleMeta(a, side, diags) // the sidecar's keys win
		a.Summary = model.Markdown{Source: side.body, Pos: side.bodyPos}
	}
	if a.Title == "" {
		a.Title, a.TitleDerived = deriveTitle(a.Text), true
	}
	return a
}

func applyArticleMeta(a *model.Article, doc document, diags *model.Diagnostics) {
	if doc.meta == nil {
		return
	}
	f := newFields(doc, diags, articleKeys...)
	set := func(dst *string, key string) {
		if v := f.str(key); v != "" {
			*dst = v
		}
	}
	set(&a.Title, "title")
	if by := f.str("title_by"); by != "" {
		if by != model.TitleByEditor {
			diags.Add(model.Diagnostic{Pos: f.valuePos("title_by"), Severity: model.Error,
				Message: fmt.Sprintf("title_by %q is not %q", by, model.TitleByEditor),
				Hint:    "write title_by: editor when you wrote the title because the copy has no headline; leave it out for the published headline"})
		}
		a.TitleBy = by
	}
	set(&a.Outlet, "outlet")
	set(&a.Origin, "origin")
	set(&a.Author, "author")
	if u := f.str("url"); u != "" && webURL("url", u, f.valuePos("url"), diags) {
		a.URL = u
	}
	set(&a.Language, "language")
	if d := f.str("derived_from"); d != "" {
		a.DerivedFrom, a.DerivedPos = d, f.valuePos("derived_from")
	}
	if _, v := doc.meta.get("published"); v != nil {
		a.Published = f.date("published")
	}
	f.finish()
}

// deriveTitle takes the first line of the text when it reads like a
// headline, or else the start of the first line cut at a word.
func deriveTitle(text string) string {
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if utf8.RuneCountInString(line) < 4 {
			continue
		}
		if utf8.RuneCountInString(line) <= 100 {
			return line
		}
		words := strings.Fields(line)
		var b strings.Builder
		for _, w := range words {
			if b.Len()+len(w) > 80 {
				break
			}
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(w)
		}
		return strings.TrimRight(b.String(), ",;:") + "…"
	}
	return "Untitled article"
}

func loadActor(slug string, data []byte, diags *model.Diagnostics) *model.Actor {
	file := path.Join(Dir, "actors", slug+".md")
	doc := parseDocument(file, data, diags)
	f := newFields(doc, diags, "name", "aliases", "kind", "side", "role", "links")
	a := &model.Actor{Slug: slug, File: file, Body: model.Markdown{Source: doc.body, Pos: doc.bodyPos}}
	a.Name = f.required("name", `name: "Vyacheslav Gladkov"`)
	a.Aliases, a.AliasPos = f.strs("aliases")
	a.Kind = model.Kind(f.str("kind"))
	if a.Kind != "" && !a.Kind.Valid() {
		diags.Add(model.Diagnostic{Pos: f.at("kind"), Severity: model.Warning,
			Message: fmt.Sprintf("unknown kind %q", a.Kind),
			Hint:    "use person, organisation, state, group or media"})
	}
	a.Side = f.str("side")
	a.Role = f.str("role")
	links, at := f.strs("links")
	for i, l := range links {
		if webURL("links", l, at[i], diags) {
			a.Links = append(a.Links, l)
		}
	}
	f.finish()
	return a
}

func loadClaim(slug string, data []byte, diags *model.Diagnostics) *model.Claim {
	file := path.Join(Dir, "claims", slug+".md")
	doc := parseDocument(file, data, diags)
	f := newFields(doc, diags, "title", "status", "claimed_by", "disputed_by", "evidence", "updated")
	c := &model.Claim{Slug: slug, File: file, Body: model.Markdown{Source: doc.body, Pos: doc.bodyPos}}
	c.Title = f.required("title", `title: "More than 70 fighters were killed"`)
	c.Status = model.Status(f.str("status"))
	c.TitlePos = f.valuePos("title")
	c.StatusPos = f.valuePos("status")
	switch {
	case c.Status.Valid():
	case c.Status == "":
		if doc.meta != nil {
			diags.Add(model.Diagnostic{Pos: f.at("status"), Severity: model.Error,
				Message: "missing required key \"status\"",
				Hint:    "add status: confirmed, disputed, unverified or false"})
		}
	default:
		diags.Add(model.Diagnostic{Pos: c.StatusPos, Severity: model.Error,
			Message: fmt.Sprintf("unknown status %q", c.Status),
			Hint:    "status must be confirmed, disputed, unverified or false"})
	}
	refs := func(key string) []model.Ref {
		slugs, pos := f.strs(key)
		out := make([]model.Ref, len(slugs))
		for i := range slugs {
			out[i] = model.Ref{Slug: slugs[i], Pos: pos[i]}
		}
		return out
	}
	c.ClaimedBy = refs("claimed_by")
	c.DisputedBy = refs("disputed_by")
	c.EvidencePos = f.at("evidence")
	for _, it := range f.list("evidence") {
		if it.kind != mapping {
			diags.Add(model.Diagnostic{Pos: it.pos, Severity: model.Error,
				Message: "each evidence item must be a map with article and quote",
				Hint:    "write   - article: <slug>\n        quote: \"exact words from the article\""})
			continue
		}
		ev := model.Evidence{Stance: model.Supports}
		for i, k := range it.keys {
			v := it.vals[i]
			if v.kind != scalar {
				diags.Errorf(v.pos, "evidence %s must be text, not %s", k.str, v.kind)
				continue
			}
			switch k.str {
			case "article":
				ev.Article, ev.ArticlePos = strings.TrimSpace(v.str), v.pos
			case "quote":
				ev.Quote, ev.QuotePos = v.str, v.pos
			case "stance":
				st := model.Stance(strings.TrimSpace(v.str))
				if !st.Valid() {
					diags.Add(model.Diagnostic{Pos: v.pos, Severity: model.Error,
						Message: fmt.Sprintf("unknown stance %q", v.str),
						Hint:    "stance must be supports, contradicts or context (supports when left out)"})
					continue
				}
				ev.Stance, ev.StancePos = st, v.pos
			default:
				diags.Add(model.Diagnostic{Pos: k.pos, Severity: model.Warning,
					Message: fmt.Sprintf("unknown evidence key %q is ignored", k.str),
					Hint:    "evidence items have the keys article, quote and stance"})
			}
		}
		if ev.Article == "" {
			diags.Add(model.Diagnostic{Pos: it.pos, Severity: model.Error,
				Message: "evidence item has no article", Hint: "add article: <slug of a file in content/articles>"})
		}
		if strings.TrimSpace(ev.Quote) == "" {
			diags.Add(model.Diagnostic{Pos: it.pos, Severity: model.Error,
				Message: "evidence item has no quote", Hint: "add quote: \"the exact words from the article\""})
		}
		c.Evidence = append(c.Evidence, ev)
	}
	c.Updated = f.date("updated")
	f.finish()
	return c
}

// valuePos returns the position of key's value, or of the key.
// webURL reports whether s, the value of key at pos, is an absolute http
// or https address, and records an error at pos when it is not. Pages,
// their JSON-LD and briefing.json print these values as links, so any
// other scheme (javascript:, data:, file:) or a relative address is
// refused rather than published.
func webURL(key, s string, pos model.Pos, diags *model.Diagnostics) bool {
	u, err := url.Parse(s)
	problem := ""
	switch {
	case err != nil || strings.ContainsAny(s, " \t\r\n\\"):
		problem = "is not a valid address"
	case u.Scheme != "http" && u.Scheme != "https":
		problem = "is not an http or https address"
	case u.Host == "":
		problem = "has no host"
	}
	if problem == "" {
		return true
	}
	diags.Add(model.Diagnostic{Pos: pos, Severity: model.Error,
		Message: fmt.Sprintf("%s %q %s", key, s, problem),
		Hint:    "write the full address of the page, starting with https://"})
	return false
}

func (f *fields) valuePos(key string) model.Pos {
	if _, v := f.m.get(key); v != nil {
		return v.pos
	}
	return f.at(key)
}
