package render

import (
	"encoding/json"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
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
	var ws wordSet
	words := ws.words
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
func words(texts ...string) string { return new(wordSet).words(texts...) }

// wordSet is what words needs from one call to the next: searchIndex uses
// one for every entry, reusing its map, since a large briefing has
// thousands of entries. It splits the words itself and looks them up
// without making a string of each, which cost most of search.json.
type wordSet struct {
	seen  map[string]bool // the words of the entry so far, in lower case
	out   []string
	lower []byte // the word being looked up, in lower case
}

// words is the function words, with the memory of s.
func (s *wordSet) words(texts ...string) string {
	if s.seen == nil {
		s.seen = map[string]bool{}
	}
	clear(s.seen)
	s.out = s.out[:0]
	size := 0
	for _, t := range texts {
		if strings.Contains(t, "](") { // most texts have no link, and the regexp costs
			t = mdLinkTarget.ReplaceAllString(t, "]")
		}
		for i := 0; i < len(t); {
			// A word is a run of letters, digits, hyphens and apostrophes.
			start := i
			for i < len(t) {
				if c := t[i]; c < utf8.RuneSelf {
					if !inWordASCII(c) {
						break
					}
					i++
					continue
				}
				r, n := utf8.DecodeRuneInString(t[i:])
				if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '’' {
					break
				}
				i += n
			}
			if i == start { // a separator
				_, n := utf8.DecodeRuneInString(t[i:])
				i += n
				continue
			}
			w := strings.Trim(t[start:i], "-'’")
			if w == "" {
				continue
			}
			s.lower = lower(s.lower[:0], w)
			if s.seen[string(s.lower)] { // looked up without a copy
				continue
			}
			k := w // a key sharing the text's memory, when it can
			if string(s.lower) != w {
				k = string(s.lower)
			}
			s.seen[k] = true
			s.out = append(s.out, w)
			size += len(w) + 1
		}
	}
	var b strings.Builder
	b.Grow(size)
	for i, w := range s.out {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}

// inWordASCII reports whether the ASCII byte c may stand in a word.
func inWordASCII(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '\''
}

// lower appends w in lower case to b, as strings.ToLower writes it, but
// without making a string of an ASCII word.
func lower(b []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return append(b, strings.ToLower(w)...)
		}
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}
