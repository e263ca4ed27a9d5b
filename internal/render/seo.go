package render

import (
	"encoding/json"
	"fmt"
	"html/template"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"briefing/internal/model"
)

// This file holds what search engines and link previews read: absolute
// URLs and the schema.org JSON-LD blocks of each page kind.

// absURL returns the absolute URL of site path p, or "" when the configured
// base_url has no host: a relative URL where an absolute one is required
// (canonical, og:url, feed ids) would be wrong, so callers omit the field.
func (v *views) absURL(p string) string {
	u, err := url.Parse(v.cfg.BaseURL)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	return v.cfg.AbsURL(p)
}

// ld is one schema.org object. encoding/json sorts map keys, so the output
// is stable, and escapes <, > and & inside strings, so a title containing
// "</script>" cannot end the script element it is embedded in.
type ld map[string]any

// set adds key unless value is empty, keeping the blocks free of "" and [].
func (o ld) set(key string, value any) ld {
	switch x := value.(type) {
	case string:
		if x == "" {
			return o
		}
	case []string:
		if len(x) == 0 {
			return o
		}
	case []ld:
		if len(x) == 0 {
			return o
		}
	case nil:
		return o
	}
	o[key] = value
	return o
}

// jsonLD returns the schema.org blocks of page pg.
func (v *views) jsonLD(pg *Page) []template.JS {
	var o ld
	switch pg.Kind {
	case "index":
		o = ld{"@type": "WebSite", "name": v.info.Title}.
			set("description", v.info.Description).
			set("inLanguage", v.info.Language).
			set("url", v.absURL("")).
			set("publisher", v.publisher())
	case "claim":
		if cv := pg.Claim; cv != nil {
			o = v.claimReview(cv)
		}
	case "actor":
		if av := pg.Actor; av != nil {
			o = actorThing(av.Kind, av.Name).
				set("alternateName", aliases(av.Name, av.Aliases)).
				set("description", av.Role).
				set("url", v.absURL(av.Path)).
				set("sameAs", av.Links)
		}
	}
	if o == nil {
		return nil
	}
	o["@context"] = "https://schema.org"
	b, err := json.Marshal(o)
	if err != nil { // only plain strings and maps: cannot happen
		return nil
	}
	return []template.JS{template.JS(b)}
}

// claimReview describes a claim page as a schema.org ClaimReview.
func (v *views) claimReview(cv *ClaimView) ld {
	item := ld{"@type": "Claim"}
	var claimants []ld
	for _, r := range cv.ClaimedBy {
		if a := v.actors[r.Slug]; a != nil {
			claimants = append(claimants, actorThing(a.Kind, a.Name))
		}
	}
	item.set("author", claimants)
	// The claim appears where a source carries it: an article quoted only
	// to contradict it or for context is not an appearance of it.
	var appearance []ld
	seen := map[string]bool{}
	var carriers []*model.Article
	for _, e := range cv.Quotes {
		if !supports(e.Stance) {
			continue
		}
		carriers = append(carriers, e.Article)
		if e.Article.URL == "" || seen[e.Article.URL] {
			continue
		}
		seen[e.Article.URL] = true
		appearance = append(appearance, creativeWork(e.Article))
	}
	item.set("appearance", appearance)
	if a := earliest(carriers); a != nil && a.URL != "" {
		item["firstAppearance"] = creativeWork(a)
	}

	o := ld{
		"@type":         "ClaimReview",
		"claimReviewed": cv.Title,
		"reviewRating": ld{"@type": "Rating", "alternateName": cv.Label,
			"ratingExplanation": sourcesExplained(cv.Independent, cv.Contradicting)},
		"itemReviewed": item,
		"author":       v.publisher(),
	}
	o.set("url", v.absURL(cv.Path))
	if !cv.Updated.IsZero() {
		d := cv.Updated.Format("2006-01-02")
		o["datePublished"] = d
		o["dateModified"] = d
	}
	return o
}

// supports reports whether a quote of stance st carries its claim; an
// empty stance is the loader's default, supports.
func supports(st model.Stance) bool { return st == model.Supports || st == "" }

// creativeWork describes a source article. A title the editor wrote is
// its name, not its headline: the copy has none.
func creativeWork(a *model.Article) ld {
	if a.EditorTitle() {
		return ld{"@type": "CreativeWork", "url": a.URL}.set("name", a.Title)
	}
	return ld{"@type": "CreativeWork", "url": a.URL}.set("headline", a.Title)
}

// earliest returns the first published of articles, or nil when one of
// them has no date, since then which came first is not known.
func earliest(articles []*model.Article) *model.Article {
	var first *model.Article
	for _, a := range articles {
		if a.Published.IsZero() {
			return nil
		}
		if first == nil || a.Published.Before(first.Published) {
			first = a
		}
	}
	return first
}

// sourcesExplained says in words what a claim's counts of independent
// sources are, as its page shows them.
func sourcesExplained(supporting, contradicting int) string {
	n := func(k int, one, many string) string {
		if k == 1 {
			return "1 independent source " + one
		}
		return fmt.Sprintf("%d independent sources %s", k, many)
	}
	return n(supporting, "supports", "support") + " the claim and " +
		n(contradicting, "contradicts", "contradict") + " it; a copy of an article and its original count once."
}

// publisher is the organisation behind the briefing: the configured
// author, or the site itself.
func (v *views) publisher() ld {
	name := v.info.Author
	if name == "" {
		name = v.info.Title
	}
	return ld{"@type": "Organization", "name": name}.set("url", v.absURL(""))
}

// actorThing is a Person for people and an Organization for everything else.
func actorThing(kind model.Kind, name string) ld {
	t := "Organization"
	if kind == model.Person {
		t = "Person"
	}
	return ld{"@type": t, "name": name}
}

// aliases returns the actor's other names, without the name itself and
// without forms differing only in case.
func aliases(name string, all []string) []string {
	seen := map[string]bool{strings.ToLower(name): true}
	var out []string
	for _, a := range all {
		k := strings.ToLower(a)
		if !seen[k] {
			seen[k] = true
			out = append(out, a)
		}
	}
	return out
}

// ogType is the Open Graph type of a page kind.
func ogType(kind string) string {
	if kind == "article" || kind == "claim" {
		return "article"
	}
	return "website"
}

// describe returns a page's meta description when the page has none of its
// own: the claim's status and title, or the start of the editor's summary.
func (v *views) describe(pg *Page) string {
	switch {
	case pg.Claim != nil:
		return pg.Claim.Label + ": " + pg.Claim.Title
	case pg.Article != nil:
		return plainStart(pg.Article.Summary.Source, 200)
	case pg.Actor != nil:
		return plainStart(pg.Actor.Body.Source, 200)
	}
	return ""
}

// mdMarks are the Markdown punctuation characters a description drops.
var mdMarks = strings.NewReplacer("*", "", "_", "", "`", "", "[", "", "]", "", "#", "")

// plainStart returns the first paragraph of Markdown source md as plain
// text, cut at a word boundary to at most max bytes.
func plainStart(md string, max int) string {
	para, _, _ := strings.Cut(strings.TrimSpace(md), "\n\n")
	if strings.Contains(para, "](") { // most have no link, and the regexp costs
		para = mdLinkTarget.ReplaceAllString(para, "]")
	}
	return cutWords(fieldsStart(mdMarks.Replace(para), max+1), max)
}

// cutWords returns s when it is at most max bytes long, else its start
// cut at a word boundary to at most max bytes, with an ellipsis.
func cutWords(s string, max int) string {
	if len(s) <= max {
		return s
	}
	cut := strings.LastIndexByte(s[:max], ' ')
	if cut <= 0 {
		cut = max
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
	}
	return strings.TrimRight(s[:cut], " ,;:") + "…"
}

// fieldsStart returns strings.Join(strings.Fields(s), " "), or, when that
// is longer than n bytes, a start of it of at least n bytes: every page
// of a large briefing has a description, and making all of it, a word at
// a time, cost more than the rest of the page's head.
func fieldsStart(s string, n int) string {
	var b strings.Builder
	space := false // white space since the last word
	for i := 0; i < len(s) && b.Len() < n; {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' {
				space = true
			} else {
				if space && b.Len() > 0 {
					b.WriteByte(' ')
				}
				space = false
				b.WriteByte(c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			space = true
		} else {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}
