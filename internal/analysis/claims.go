package analysis

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"briefing/internal/model"
	"briefing/internal/nearest"
)

// checkClaims resolves every claim's references: actor slugs, article slugs
// and quotes. A quote must occur in its article (see foldQuote); when it does
// not, the error sits at the quote and the hint shows the closest passage.
// Found quotes are tied to the sentences they span, in each claim's
// ClaimFindings.
func checkClaims(s *site) {
	diags := &s.f.Diagnostics
	actorSlugs := make([]string, 0, len(s.Actors))
	for _, a := range s.Actors {
		actorSlugs = append(actorSlugs, a.Slug)
	}
	articleSlugs := make([]string, 0, len(s.Articles))
	for _, a := range s.Articles {
		articleSlugs = append(articleSlugs, a.Slug)
	}
	folded := map[string]normalized{}
	for _, c := range s.Claims {
		claims := map[string]bool{}
		for _, r := range c.ClaimedBy {
			checkActorRef(s, r, "claimed_by", actorSlugs, diags)
			claims[r.Slug] = true
		}
		for _, r := range c.DisputedBy {
			checkActorRef(s, r, "disputed_by", actorSlugs, diags)
			if claims[r.Slug] {
				diags.Warnf(r.Pos, "%s both claims and disputes this claim", r.Slug)
			}
		}
		if len(c.Evidence) == 0 {
			diags.Add(model.Diagnostic{Pos: c.EvidencePos, Severity: model.Warning,
				Message: "claim has no evidence",
				Hint:    "add evidence: a list of {article, quote} with the exact words of the articles that carry it"})
		}
		cf := &model.ClaimFindings{Evidence: make([]model.EvidenceMatch, len(c.Evidence))}
		for i := range c.Evidence {
			checkEvidence(s, &c.Evidence[i], &cf.Evidence[i], articleSlugs, folded, diags)
		}
		s.f.Claims[c.Slug] = cf
	}
}

func checkActorRef(s *site, r model.Ref, key string, slugs []string, diags *model.Diagnostics) {
	if s.Actor(r.Slug) != nil {
		return
	}
	d := model.Diagnostic{Pos: r.Pos, Severity: model.Error,
		Message: fmt.Sprintf("%s names unknown actor %q", key, r.Slug),
		Hint:    "actors are the files in content/actors/"}
	if near := nearest.Word(r.Slug, slugs); near != "" {
		d.Hint = fmt.Sprintf("did you mean %q? (%s)", near, d.Hint)
	} else if a, alias := actorCalled(s.Actors, r.Slug); a != nil {
		d.Hint = fmt.Sprintf("did you mean %q? (%q is one of its names; %s)", a.Slug, alias, d.Hint)
	}
	diags.Add(d)
}

// actorCalled returns the actor one of whose names or aliases the slug
// spells, in full or as its last word ("gladkov" for "Vyacheslav
// Gladkov"), and that name; nil when none or several do.
func actorCalled(actors []*model.Actor, slug string) (*model.Actor, string) {
	words := strings.ReplaceAll(slug, "-", " ")
	var found *model.Actor
	var name string
	for _, a := range actors {
		for _, n := range append([]string{a.Name}, a.Aliases...) {
			last := n[strings.LastIndexByte(n, ' ')+1:]
			if !strings.EqualFold(n, words) && !strings.EqualFold(last, words) {
				continue
			}
			if found != nil && found != a {
				return nil, "" // names two actors: no guess
			}
			found, name = a, n
		}
	}
	return found, name
}

func checkEvidence(s *site, e *model.Evidence, m *model.EvidenceMatch, slugs []string, folded map[string]normalized, diags *model.Diagnostics) {
	if e.Article == "" || strings.TrimSpace(e.Quote) == "" {
		return // reported by the loader
	}
	if utf8.RuneCountInString(strings.TrimSpace(e.Quote)) == 1 {
		diags.Add(model.Diagnostic{Pos: e.QuotePos, Severity: model.Error,
			Message: fmt.Sprintf("quote %q is one character long", strings.TrimSpace(e.Quote)),
			Hint:    "quote the words of the article that carry the claim, usually a whole clause"})
		return
	}
	if n := len(strings.Fields(e.Quote)); n <= 2 {
		diags.Add(model.Diagnostic{Pos: e.QuotePos, Severity: model.Warning,
			Message: fmt.Sprintf("a quote of %s can match almost anywhere in an article", plural(n, "one word", "two words")),
			Hint:    "quote the words of the article that carry the claim, usually a whole clause"})
	}
	a := s.doc(e.Article)
	if a == nil {
		d := model.Diagnostic{Pos: e.ArticlePos, Severity: model.Error,
			Message: fmt.Sprintf("evidence names unknown article %q", e.Article),
			Hint:    "articles are the .txt files in content/articles/"}
		if near := nearest.Word(e.Article, slugs); near != "" {
			d.Hint = fmt.Sprintf("did you mean %q? (%s)", near, d.Hint)
		}
		diags.Add(d)
		return
	}
	t, ok := folded[a.Slug]
	if !ok {
		t = foldQuote(a.Text)
		folded[a.Slug] = t
	}
	start, end, ok := findFolded(a.Text, t, e.Quote)
	if !ok {
		hint := "quotes must match the article word for word; only white space, quote marks and dashes may differ"
		if p, i := closestPassage(a.Text, e.Quote); p != "" {
			hint = fmt.Sprintf("the closest passage, at %s, is:\n  %s\n%s", a.pos(i), p, hint)
		}
		diags.Add(model.Diagnostic{Pos: e.QuotePos, Severity: model.Error,
			Message: fmt.Sprintf("quote not found in %s", a.File), Hint: hint})
		return
	}
	m.Found, m.Start, m.End = true, start, end
	for i, st := range a.Sentences {
		if st.End > start && st.Start < end {
			m.Sentences = append(m.Sentences, model.SentenceRef{Article: a.Slug, Sentence: i, ID: st.ID})
		}
	}
}

// countIndependent sets each claim's IndependentSources and
// ContradictingSources: the number of distinct origins among the articles
// whose found evidence supports, and contradicts, the claim. An article and
// its copies (transitively) are one origin; context quotes count nowhere.
// An article may count on both sides, when the claim quotes it on both. An
// empty stance counts as supports, the loader's default.
func countIndependent(s *site) {
	find := s.f.OriginalOf()
	for _, c := range s.Claims {
		cf := s.f.Claims[c.Slug]
		supports, contradicts := map[string]bool{}, map[string]bool{}
		for i, e := range c.Evidence {
			if !cf.Match(i).Found {
				continue
			}
			switch e.Stance {
			case model.Supports, "":
				supports[find(e.Article)] = true
			case model.Contradicts:
				contradicts[find(e.Article)] = true
			}
		}
		cf.IndependentSources, cf.ContradictingSources = len(supports), len(contradicts)
	}
}

// alsoReported fills each found quote's AlsoReported: the sentences of other
// articles that find says report the quoted words of the cited sentences
// (alsoFound.shown). Sentences the claim already cites are left out. What
// find only suggests becomes a suggestion at the quote, once per claim and
// sentence, unless the claim cites it or shows it under another quote. When
// ctx is done first, it returns ctx's error.
func alsoReported(ctx context.Context, s *site, find func(r model.SentenceRef, quote string) alsoFound) error {
	for _, cl := range s.Claims {
		cf := s.f.Claims[cl.Slug]
		cited := citedBy(cf)
		suggested := make([][]model.SentenceRef, len(cf.Evidence))
		for i := range cf.Evidence {
			if err := ctx.Err(); err != nil {
				return err
			}
			e := &cf.Evidence[i]
			if len(e.Sentences) == 1 {
				// find looks at each sentence once, so only the cited ones
				// are to drop; most often that is none, and the quote
				// shares what find returned.
				f := find(e.Sentences[0], quotedIn(s, e, e.Sentences[0]))
				e.AlsoReported = drop(f.shown, cited)
				suggested[i] = f.suggested
				continue
			}
			seen := map[[2]string]bool{}
			for _, r := range e.Sentences {
				f := find(r, quotedIn(s, e, r))
				for _, o := range f.shown {
					k := [2]string{o.Article, o.ID}
					if cited[k] || seen[k] {
						continue
					}
					seen[k] = true
					e.AlsoReported = append(e.AlsoReported, o)
				}
				suggested[i] = append(suggested[i], f.suggested...)
			}
		}
		suggestCiting(s, cl, cf, cited, suggested)
	}
	return nil
}

// quotedIn returns the words of quote e within its sentence r.
func quotedIn(s *site, e *model.EvidenceMatch, r model.SentenceRef) string {
	a := s.doc(r.Article)
	st := a.Sentences[r.Sentence]
	return a.Text[max(e.Start, st.Start):min(e.End, st.End)]
}

// suggestCiting adds a suggestion at claim cl's quote for each sentence
// suggested for it (by quote) that the claim neither cites nor shows, once
// per sentence: for the first citeSuggestions of a quote one each, for the
// rest of that quote one more that counts them, so that a quote reported
// by hundreds of articles does not bury the other diagnostics.
func suggestCiting(s *site, cl *model.Claim, cf *model.ClaimFindings, cited map[[2]string]bool, suggested [][]model.SentenceRef) {
	done := maps.Clone(cited)
	for _, e := range cf.Evidence {
		for _, r := range e.AlsoReported {
			done[[2]string{r.Article, r.ID}] = true
		}
	}
	for i, refs := range suggested {
		shown, more := 0, 0
		var where []string // where the first few of the rest are
		for _, r := range refs {
			k := [2]string{r.Article, r.ID}
			if done[k] {
				continue
			}
			done[k] = true
			a := s.doc(r.Article)
			st := a.Sentences[r.Sentence]
			if shown == citeSuggestions {
				if more++; len(where) < citeSuggestions {
					where = append(where, a.pos(st.Start).String())
				}
				continue
			}
			shown++
			s.f.Diagnostics.Add(model.Diagnostic{Pos: cl.Evidence[i].QuotePos, Severity: model.Suggestion,
				// Concatenated, not formatted: a large briefing has thousands.
				Message: "the sentence at " + a.pos(st.Start).String() + " may also report this quote",
				Hint: "it reads:\n  " + st.Text + "\nthe generator is not sure enough to show it to readers; if it reports the claim, " +
					"cite it: add {article: " + a.Slug + ", quote: …} to the evidence with the words that carry the claim"})
		}
		if more > 0 {
			s.f.Diagnostics.Add(model.Diagnostic{Pos: cl.Evidence[i].QuotePos, Severity: model.Suggestion,
				Message: fmt.Sprintf("and %d more %s may also report this quote", more, plural(more, "sentence", "sentences")),
				Hint: "among them the " + plural(len(where), "sentence", "sentences") + " at " + strings.Join(where, ", ") +
					"; cite those that report the claim, as for the sentences above"})
		}
	}
}

// citeSuggestions is how many sentences that may also report a quote are
// suggested one by one; the rest are counted in one more suggestion.
const citeSuggestions = 3

// drop returns refs less the sentences in out, by article and sentence ID:
// refs itself, clipped, when none is, and nil when all are.
func drop(refs []model.SentenceRef, out map[[2]string]bool) []model.SentenceRef {
	return filterRefs(refs, func(r model.SentenceRef) (model.SentenceRef, bool) {
		return r, !out[[2]string{r.Article, r.ID}]
	})
}

// filterRefs returns what f makes of each of refs, leaving out those it
// rejects. When f keeps every one unchanged, as it most often does, it
// returns refs itself, clipped, and allocates nothing; when it keeps none,
// nil.
func filterRefs(refs []model.SentenceRef, f func(model.SentenceRef) (model.SentenceRef, bool)) []model.SentenceRef {
	var out []model.SentenceRef
	for i, r := range refs {
		nr, ok := f(r)
		if ok && nr == r && out == nil {
			continue // the same so far: refs[:i+1] may yet be all of it
		}
		if out == nil {
			out = make([]model.SentenceRef, i, len(refs))
			copy(out, refs)
		}
		if ok {
			out = append(out, nr)
		}
	}
	switch {
	case out == nil:
		return slices.Clip(refs)
	case len(out) == 0:
		return nil
	}
	return out
}

// citedBy returns the sentences a claim's evidence spans, by article
// and sentence ID.
func citedBy(cf *model.ClaimFindings) map[[2]string]bool {
	cited := map[[2]string]bool{}
	for _, e := range cf.Evidence {
		for _, r := range e.Sentences {
			cited[[2]string{r.Article, r.ID}] = true
		}
	}
	return cited
}
