package analysis

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	ahocorasick "github.com/petar-dambovaliev/aho-corasick"

	"briefing/internal/model"
)

// aliasPattern is one string the matcher looks for and whose name it is.
type aliasPattern struct {
	actor string // slug
	alias string // the alias as the actor file writes it
}

// aliasMatcher finds every actor alias in a text in one pass.
//
// Each alias is matched as written and with its first letter in the other
// case when that letter starts a common word ("The Russian defence ministry"
// at the start of a sentence is "the Russian defence ministry" inside one);
// a proper name is matched as written or with its first letter upper-cased
// only, so "miller" the trade is not "Miller" the spokesman.
type aliasMatcher struct {
	ac   ahocorasick.AhoCorasick
	pats []aliasPattern // by automaton pattern index
	key  string         // the patterns and whose they are
}

// newAliasMatcher builds the matcher for actors (sorted by slug), reusing
// the automaton m keeps when the patterns have not changed. An alias
// claimed by two actors goes to the first and is reported as a warning at
// the second's alias. m must be locked.
func newAliasMatcher(actors []*model.Actor, m *memo, diags *model.Diagnostics) *aliasMatcher {
	am := &aliasMatcher{}
	owner := map[string]*model.Actor{} // alias key → actor
	index := map[string]bool{}         // pattern strings already added
	var strs []string
	var key strings.Builder
	for _, a := range actors {
		forms := append([]string{a.Name}, a.Aliases...)
		for i, alias := range forms {
			alias = strings.TrimSpace(alias)
			pos := model.Pos{File: a.File}
			if i > 0 && i-1 < len(a.AliasPos) {
				pos = a.AliasPos[i-1]
			}
			if i > 0 && utf8.RuneCountInString(alias) < 2 {
				// Empty, it names nothing; one character long, it would
				// be found in every "a" and every initial.
				what := "is empty"
				if alias != "" {
					what = "is one character long"
				}
				diags.Add(model.Diagnostic{Pos: pos, Severity: model.Error,
					Message: fmt.Sprintf("alias %q %s", alias, what),
					Hint:    "an alias is a form the articles use for the actor, such as a surname or a title; remove it"})
				continue
			}
			if alias == "" {
				continue
			}
			k := aliasKey(alias)
			if o := owner[k]; o != nil && o != a {
				diags.Add(model.Diagnostic{Pos: pos, Severity: model.Warning,
					Message: fmt.Sprintf("alias %q is also an alias of %s (%s)", alias, o.Name, o.File),
					Hint:    "an alias must name one actor: remove it from one of the two files; the mentions go to " + o.Slug})
				continue
			}
			owner[k] = a
			for _, form := range caseForms(alias) {
				if !index[form] {
					index[form] = true
					strs = append(strs, form)
					am.pats = append(am.pats, aliasPattern{actor: a.Slug, alias: alias})
					fmt.Fprintf(&key, "%s\x00%s\x00%s\x00", form, a.Slug, alias)
				}
			}
		}
	}
	am.key = key.String()
	if am.key == m.matcherKey {
		am.key = m.matcherKey
	}
	m.matcherKey = am.key
	if len(strs) > 0 {
		am.ac = m.automaton(strs)
	}
	return am
}

// automaton returns the automaton for patterns, building it only when
// they differ from the last ones: that takes longer (some 15 ms for the
// default briefing) than matching every article. m must be locked.
func (m *memo) automaton(patterns []string) ahocorasick.AhoCorasick {
	key := strings.Join(patterns, "\x00")
	if m.aliasKey != key || key == "" {
		b := ahocorasick.NewAhoCorasickBuilder(ahocorasick.Opts{MatchKind: ahocorasick.StandardMatch, DFA: true})
		m.ac, m.aliasKey = b.Build(patterns), key
	}
	return m.ac
}

// aliasKey is what makes two aliases the same: equal text up to the case of
// the first letter.
func aliasKey(alias string) string {
	r, n := utf8.DecodeRuneInString(alias)
	return string(unicode.ToLower(r)) + alias[n:]
}

// caseForms returns the forms an alias is matched in.
func caseForms(alias string) []string {
	r, n := utf8.DecodeRuneInString(alias)
	forms := []string{alias}
	if up := unicode.ToUpper(r); up != r {
		forms = append(forms, string(up)+alias[n:])
	}
	first, _, _ := strings.Cut(alias, " ")
	if low := unicode.ToLower(r); low != r && isStopWord(strings.ToLower(first)) {
		forms = append(forms, string(low)+alias[n:])
	}
	return forms
}

// find returns the mentions in text: all alias occurrences on word
// boundaries, leftmost first, the longest at each place, none overlapping;
// and, marked Nested, the longest occurrences of other actors' aliases
// inside them, none overlapping another of its actor's. Mentions are in
// text order, an outer one before those nested in it. Sentence is not set.
func (am *aliasMatcher) find(text string) []model.Mention {
	if len(am.pats) == 0 {
		return nil
	}
	// Overlapping search yields every occurrence, so a long alias that
	// fails the word-boundary test does not hide a shorter one that passes.
	var all []model.Mention
	it := am.ac.IterOverlapping(text)
	for x := it.Next(); x != nil; x = it.Next() {
		start, end := x.Start(), x.End()
		if !wordBoundary(text, start, end) {
			continue
		}
		p := am.pats[x.Pattern()]
		all = append(all, model.Mention{Actor: p.actor, Alias: p.alias, Start: start, End: end})
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].Start != all[j].Start {
			return all[i].Start < all[j].Start
		}
		return all[i].End > all[j].End
	})
	out := make([]model.Mention, 0, len(all))
	outer := -1 // index in out of the mention being looked inside
	for _, x := range all {
		if outer < 0 || x.Start >= out[outer].End {
			out = append(out, x)
			outer = len(out) - 1
			continue
		}
		if x.End > out[outer].End || x.Actor == out[outer].Actor {
			continue // overlaps the outer one, or names its actor again
		}
		overlaps := false
		for _, n := range out[outer+1:] {
			overlaps = overlaps || n.Actor == x.Actor && x.Start < n.End
		}
		if !overlaps {
			x.Nested = true
			out = append(out, x)
		}
	}
	return out
}

// wordBoundary reports whether text[start:end] is not part of a longer word:
// no letter or digit touches it on either side. An apostrophe after it
// ("Gladkov’s") is a boundary.
func wordBoundary(text string, start, end int) bool {
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:start])
		if isWordRune(r) {
			return false
		}
	}
	if end < len(text) {
		r, _ := utf8.DecodeRuneInString(text[end:])
		if isWordRune(r) {
			return false
		}
	}
	return true
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// findMentions fills s.f.Mentions with every alias occurrence in every
// article, in article then text order, and warns about aliases shared by two
// actors and actors that no article names. m keeps the mentions of each
// text for the next build.
func findMentions(s *site, m *memo) {
	diags := &s.f.Diagnostics
	m.mu.Lock()
	defer m.mu.Unlock()
	am := newAliasMatcher(s.Actors, m, diags)
	// The mentions in each text not matched with these aliases yet, on
	// all cores.
	todo := m.unseen(s.Articles, func(_ int, e *textMemo) bool { return e.mentions == nil || e.mentionKey != am.key })
	forEach(len(todo), func(j int) {
		e := todo[j].e
		e.mentions, e.mentionKey = am.mentions(s.docs[todo[j].i]), am.key
	})
	texts := make([]*textMemo, len(s.Articles))
	n := 0
	for i, a := range s.docs {
		texts[i] = m.text(a.Article)
		n += len(texts[i].mentions)
	}
	s.f.Mentions = make([]model.Mention, 0, n)
	count := map[string]int{}
	for i, a := range s.Articles {
		for _, x := range texts[i].mentions {
			x.Article = a.Slug
			s.f.Mentions = append(s.f.Mentions, x)
			count[x.Actor]++
		}
	}
	for _, a := range s.Actors {
		// An actor without a name has an error already, from the loader.
		if count[a.Slug] == 0 && len(s.Articles) > 0 && a.Name != "" {
			diags.Add(model.Diagnostic{Pos: model.Pos{File: a.File}, Severity: model.Warning,
				Message: fmt.Sprintf("actor %q is not mentioned in any article", a.Name),
				Hint:    "add to aliases the exact form the articles use, or remove the actor"})
		}
	}
}

// mentions returns the mentions in article a, each within one sentence,
// with Sentence set and Article not.
func (am *aliasMatcher) mentions(a *doc) []model.Mention {
	out := []model.Mention{} // not nil: found, if nothing
	for _, x := range am.find(a.Text) {
		i := sentenceAt(a.Sentences, x.Start)
		if i < 0 || x.End > a.Sentences[i].End {
			continue // not inside one sentence: scraped junk between them
		}
		x.Sentence = i
		out = append(out, x)
	}
	return out
}

// sentenceAt returns the index of the sentence containing byte offset off,
// or -1.
func sentenceAt(sents []model.Sentence, off int) int {
	i := sort.Search(len(sents), func(i int) bool { return sents[i].End > off })
	if i < len(sents) && sents[i].Start <= off {
		return i
	}
	return -1
}
