package render

import (
	"encoding/json"
	"regexp"
	"strings"
	"unicode"
)

// searchEntry is one record of search.json, the index static/search.js
// searches in the browser.
type searchEntry struct {
	Title string `json:"title"`
	URL   string `json:"url"`  // site path, relative to the site root
	Kind  string `json:"kind"` // "actor", "claim" or "article"
	Text  string `json:"text"` // other words the entry should be found by
}

// searchIndex returns search.json: every actor, claim and article with the
// words it should be found by. Article texts are left out to keep the file
// small; their titles, outlets and the editor's summaries are in.
func (v *views) searchIndex() []byte {
	var out []searchEntry
	for _, a := range v.s.Actors {
		av := v.actors[a.Slug]
		out = append(out, searchEntry{Title: a.Name, URL: av.Path, Kind: "actor",
			Text: words(strings.Join(a.Aliases, " "), a.Role, a.Side, string(a.Kind), strings.ReplaceAll(a.Slug, "-", " "), a.Body.Source)})
	}
	for _, c := range v.s.Claims {
		cv := v.claims[c.Slug]
		var who []string
		for _, l := range append(append([]Link{}, cv.Claimants...), cv.Disputants...) {
			who = append(who, l.Label)
		}
		out = append(out, searchEntry{Title: c.Title, URL: cv.Path, Kind: "claim",
			Text: words(cv.Label, strings.Join(who, " "), strings.ReplaceAll(c.Slug, "-", " "), c.Body.Source)})
	}
	for _, a := range v.s.Articles {
		av := v.articles[a.Slug]
		out = append(out, searchEntry{Title: a.Title, URL: av.Path, Kind: "article",
			Text: words(a.Outlet, a.Origin, a.Author, av.PublishedOn, a.Summary.Source)})
	}
	if out == nil {
		out = []searchEntry{}
	}
	b, err := json.Marshal(out)
	if err != nil { // only strings: cannot happen
		panic("render: encode search index: " + err.Error())
	}
	return b
}

// mdLinkTarget is the "(url)" part of a Markdown link, which readers never
// search for.
var mdLinkTarget = regexp.MustCompile(`\]\([^)]*\)`)

// words reduces texts (plain or Markdown, or slugs, whose words the editor
// chose) to their distinct words, in order of first appearance, so the
// index holds each word once.
func words(texts ...string) string {
	seen := map[string]bool{}
	out := make([]string, 0, 16)
	for _, t := range texts {
		if strings.Contains(t, "](") { // most texts have no link, and the regexp costs
			t = mdLinkTarget.ReplaceAllString(t, "]")
		}
		for _, w := range strings.FieldsFunc(t, func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '\'' && r != '’'
		}) {
			w = strings.Trim(w, "-'’")
			k := strings.ToLower(w)
			if w == "" || seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}
