package analysis

import (
	"context"
	"slices"

	"briefing/internal/model"
)

// AnalyzeQuick returns the findings of s as Analyze does, but in
// a few milliseconds for a thousand articles, for the preview to show at
// once. What depends on one file only it finds afresh: sentences, the
// checks of articles and claims, mentions, and who speaks in each
// sentence. What depends on the whole corpus it carries over from the last
// complete Analyze, found again in s by sentence ID:
//
//   - a statement stays in the group that held the same actor's same
//     sentence of the same article; a quotation joins the statement it
//     continues; any other statement is a group of its own;
//   - copies are the editor's, as Analyze finds them, and those the last
//     Analyze detected between articles s still has, unless the editor
//     now says otherwise (see pickCopies);
//   - a quote keeps its AlsoReported while it spans the same sentences,
//     less the sentences that are gone or that the claim now cites, and
//     has none otherwise;
//   - suggestions are the last Analyze's, at the places they gave then,
//     less those an actor now covers and those placed in an article that
//     is gone.
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
	st := an.analyzeFiles(s)
	attrs, _ := attributeAll(context.Background(), st, &an.memo) // never cancelled
	c.carryStatements(st, attrs)
	st.f.Copies = c.carryCopies(st)
	c.carrySuggestions(st)
	c.carryAlsoReported(st)
	countIndependent(st)
	return st.f
}

// carryCopies returns the copies among s's articles, as AnalyzeQuick says.
func (c *carry) carryCopies(s *site) []model.Copy {
	copies := editorCopies(s, c.shares)
	d := declare(copies)
	exists := make(map[string]bool, len(s.Articles))
	for _, a := range s.Articles {
		exists[a.Slug] = true
	}
	for _, cp := range c.detected {
		if exists[cp.Copy] && exists[cp.Of] && !d.covers(cp.Copy, cp.Of) {
			copies = append(copies, cp)
		}
	}
	return copies
}

// carryAlsoReported fills each quote's AlsoReported from c, as AnalyzeQuick
// says.
func (c *carry) carryAlsoReported(s *site) {
	var x *sentenceIndex
	for _, cl := range s.Claims {
		cf := s.f.Claims[cl.Slug]
		var newly map[[2]string]bool // the sentences the claim cites now but did not then
		looked := false
		for i := range cf.Evidence {
			e := &cf.Evidence[i]
			if !e.Found {
				continue
			}
			refs := c.also[evidenceKeyOf(cl.Slug, cl.Evidence[i].Article, e)]
			if len(refs) == 0 {
				continue
			}
			if x == nil {
				x = newSentenceIndex(s)
			}
			if !looked {
				newly, looked = citedBy(cf), true
				for k := range c.cited[cl.Slug] {
					delete(newly, k)
				}
			}
			e.AlsoReported = x.keep(refs, newly)
		}
	}
}

// carrySuggestions adds c's suggestions to diags, as AnalyzeQuick says.
func (c *carry) carrySuggestions(s *site) {
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
	articles map[string]*doc
	ids      map[string]map[string]int // article → sentence ID → index; made when first needed
}

func newSentenceIndex(s *site) *sentenceIndex {
	x := &sentenceIndex{articles: make(map[string]*doc, len(s.docs)), ids: map[string]map[string]int{}}
	for _, a := range s.docs {
		x.articles[a.Slug] = a
	}
	return x
}

// keep returns refs pointing at the sentences that have their IDs, less
// those that are gone and those in drop (by article and sentence ID). When
// that is all of refs, unchanged, it returns refs itself, clipped, so
// that an append to it copies it.
func (x *sentenceIndex) keep(refs []model.SentenceRef, drop map[[2]string]bool) []model.SentenceRef {
	var out []model.SentenceRef
	for i, r := range refs {
		nr, ok := x.find(r)
		ok = ok && !drop[[2]string{r.Article, r.ID}]
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
	if out == nil {
		return slices.Clip(refs)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// find returns r pointing at the sentence of its article that has its ID,
// and false when there is none.
func (x *sentenceIndex) find(r model.SentenceRef) (model.SentenceRef, bool) {
	a := x.articles[r.Article]
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
