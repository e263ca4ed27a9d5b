package analysis

import (
	"context"
	"slices"

	"briefing/internal/model"
)

// carry is what a complete analysis found across the corpus, kept so that
// AnalyzeQuick can reuse it for what survives in a later state of the
// briefing. Sentences are kept by article slug and sentence ID, which
// depends on their text only, so that they are found again after an edit
// has moved them. Nothing changes a carry once made.
type carry struct {
	groups    map[string][]carriedStatement // article → its statements, in statementSet order
	numGroups int
	shares    copyShares             // see detectCopies
	cands     []copyCandidate        // shares.candidates(s)
	also      map[quoteKey]alsoFound // what the corpus found for each cited sentence's quoted words
	suggested []suggested
	aliases   string // the fingerprint of the aliases that cover no suggestion
}

// carriedStatement is an actor's sentence, by ID, and its group.
type carriedStatement struct {
	actor, sentence string
	group           int32
}

// sentenceKey names a sentence across builds.
type sentenceKey struct{ article, id string }

func keyOf(r model.SentenceRef) sentenceKey { return sentenceKey{r.Article, r.ID} }

// newCarry records what Analyze found across the corpus of s: its
// statement groups, the alignments shares and candidates cands its copies
// were picked from (see detectCopies), what the corpus found for the quoted words of each cited sentence, and
// the suggestions.
func newCarry(s *site, ss *statementSet, shares copyShares, cands []copyCandidate, also map[quoteKey]alsoFound, suggested []suggested) *carry {
	c := &carry{
		groups:    make(map[string][]carriedStatement, len(s.docs)),
		numGroups: len(s.f.Statements),
		shares:    shares,
		cands:     cands,
		also:      also,
		suggested: suggested,
		aliases:   newAliasIndex(s.Actors).fingerprint(),
	}
	type key struct{ actor, article string }
	sentences := map[key][]int{} // actor's statements of an article → their groups, by sentence
	for g, st := range s.f.Statements {
		for _, r := range st.Sentences {
			k := key{st.Actor, r.Article}
			sentences[k] = append(sentences[k], r.Sentence, g)
		}
	}
	for _, st := range ss.list {
		d := s.docs[st.article]
		gs := sentences[key{st.actor, d.Slug}]
		for i := 0; i < len(gs); i += 2 {
			if gs[i] == int(st.sentence) {
				c.groups[d.Slug] = append(c.groups[d.Slug], carriedStatement{st.actor, d.Sentences[st.sentence].ID, int32(gs[i+1])})
				break
			}
		}
	}
	return c
}

// AnalyzeQuick returns the findings of s as Analyze does, but in a few
// milliseconds for a thousand articles, for the preview to show at once.
// It runs the same steps. What depends on one file only it finds afresh:
// sentences, the checks of articles and claims, mentions, and who speaks
// in each sentence. Where a step looks across the corpus, it takes what
// the last complete Analyze found for what survives, in place of asking
// the corpus:
//
//   - statements that were in one group join again;
//   - copies are picked from the alignments the last Analyze found
//     between articles s still has;
//   - the quoted words of a cited sentence are reported elsewhere, shown
//     or suggested, where they were then;
//   - suggestions are the last Analyze's, less those an actor now covers
//     and those placed in an article that is gone.
//
// So on an unchanged briefing AnalyzeQuick gives exactly what Analyze
// gives, and after an edit what is new across the corpus waits for the
// next complete Analyze. Before the first complete Analyze, AnalyzeQuick
// runs one.
func (an *Analyzer) AnalyzeQuick(s *model.Site) *model.Findings {
	c := an.carry
	if c == nil {
		f, _ := an.Analyze(context.Background(), s) // never cancelled
		return f
	}
	ctx := context.Background() // never cancelled
	st := an.analyzeFiles(s)
	attrs, _ := attributeAll(ctx, st, &an.memo)
	ss := newStatementSet(st, attrs)
	c.joinGroups(ss)
	st.f.Statements = ss.groups()
	st.f.Copies, _ = pickCopies(ctx, st, c.shares, c.cands)
	c.addSuggestions(st)
	x := newSentenceIndex(st)
	alsoReported(ctx, st, func(r model.SentenceRef, quote string) alsoFound {
		f := c.also[quoteKey{keyOf(r), quote}]
		return alsoFound{x.keep(f.shown), x.keep(f.suggested)}
	})
	countIndependent(st)
	checkStatuses(st)
	checkTitles(st)
	return st.f
}

// joinGroups joins the statements of ss that were in one group.
func (c *carry) joinGroups(ss *statementSet) {
	first := make([]int32, c.numGroups) // carried group → 1 + its first statement in ss
	k := 0                              // the statement of ss
	for ai, d := range ss.s.docs {
		was := c.groups[d.Slug]
		var byKey map[[2]string]int32 // actor, sentence ID → group; made when first needed
		for j := 0; k < len(ss.list) && int(ss.list[k].article) == ai; j, k = j+1, k+1 {
			st := ss.list[k]
			id := d.Sentences[st.sentence].ID
			g, ok := int32(0), false
			switch {
			case j < len(was) && was[j].actor == st.actor && was[j].sentence == id:
				g, ok = was[j].group, true // as it was, as most are
			case len(was) > 0:
				if byKey == nil {
					byKey = make(map[[2]string]int32, len(was))
					for _, w := range was {
						byKey[[2]string{w.actor, w.sentence}] = w.group
					}
				}
				g, ok = byKey[[2]string{st.actor, id}]
			}
			if !ok {
				continue
			}
			if f := first[g]; f > 0 {
				ss.join(int32(k), f-1)
			} else {
				first[g] = int32(k) + 1
			}
		}
	}
}

// addSuggestions adds c's suggestions to s's diagnostics, less those an
// actor now covers and those placed in an article that is gone.
func (c *carry) addSuggestions(s *site) {
	diags := &s.f.Diagnostics
	aliases := newAliasIndex(s.Actors)
	same := aliases.fingerprint() == c.aliases // then none covers a suggestion
	files := make(map[string]bool, len(s.Articles))
	for _, a := range s.Articles {
		files[a.File] = true
	}
	*diags = slices.Grow(*diags, len(c.suggested))
	for _, x := range c.suggested {
		if files[x.diag.Pos.File] && (same || !aliases.covers(x.key)) {
			diags.Add(x.diag)
		}
	}
}

// sentenceIndex finds the sentences of a site by article and sentence ID.
type sentenceIndex struct {
	s   *site
	ids map[string]map[string]int // article → sentence ID → index; made when first needed
}

func newSentenceIndex(s *site) *sentenceIndex {
	return &sentenceIndex{s: s, ids: map[string]map[string]int{}}
}

// keep returns refs pointing at the sentences that have their IDs now,
// less those that are gone (see filterRefs).
func (x *sentenceIndex) keep(refs []model.SentenceRef) []model.SentenceRef {
	return filterRefs(refs, x.find)
}

// find returns r pointing at the sentence of its article that has its ID,
// and false when there is none.
func (x *sentenceIndex) find(r model.SentenceRef) (model.SentenceRef, bool) {
	a := x.s.doc(r.Article)
	if a == nil {
		return r, false
	}
	if r.Sentence >= 0 && r.Sentence < len(a.Sentences) && a.Sentences[r.Sentence].ID == r.ID {
		return r, true // the article has not changed, or not before r
	}
	ids, ok := x.ids[r.Article]
	if !ok {
		ids = make(map[string]int, len(a.Sentences))
		for i, st := range a.Sentences {
			ids[st.ID] = i
		}
		x.ids[r.Article] = ids
	}
	i, ok := ids[r.ID]
	r.Sentence = i
	return r, ok
}
