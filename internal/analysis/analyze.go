package analysis

import (
	"context"
	"sort"
	"strings"
	"unicode/utf8"

	"briefing/internal/model"
)

// Analyzer runs every analysis step over a briefing. It holds the loaded
// language models and what the last builds found, so one Analyzer serves
// many builds of a briefing; its methods must not be called concurrently.
type Analyzer struct {
	seg    *Segmenter
	memo   memo       // what the last builds found in each article text
	carry  *carry     // the corpus-wide findings of the last complete Analyze
	onStep func(Step) // told of each step as it starts (see ReportSteps)
}

// New loads the models the analysis needs.
func New() (*Analyzer, error) {
	seg, err := NewSegmenter()
	if err != nil {
		return nil, err
	}
	return &Analyzer{seg: seg}, nil
}

// Forget drops what an keeps for the next build: what the last builds
// found in each article text, and the corpus-wide findings of the last
// complete analysis. The findings already returned stay as they are. A
// one-off build calls it once Analyze has returned, so that the memory
// is freed before the site is rendered; a later Analyze starts afresh,
// and a later AnalyzeQuick runs a complete analysis.
func (an *Analyzer) Forget() {
	an.memo = memo{}
	an.carry = nil
}

// site is a briefing under analysis: the loaded content, which the
// analysis only reads, each article with its sentences, and the findings
// the steps fill in.
type site struct {
	*model.Site
	docs   []*doc // s.Articles with their sentences, in the same order
	bySlug map[string]*doc
	f      *model.Findings
}

// doc is an article with what segmenting its text found.
type doc struct {
	*model.Article
	*model.ArticleFindings
	lines []int // the offset in Text at which each line starts
}

// pos returns the file position of byte offset off of d's text.
func (d *doc) pos(off int) model.Pos {
	off = max(0, min(off, len(d.Text)))
	i := sort.Search(len(d.lines), func(i int) bool { return d.lines[i] > off }) - 1
	col := utf8.RuneCountInString(d.Text[d.lines[i]:off]) + 1
	if i == 0 {
		col += d.TextPos.Col - 1
	}
	return model.Pos{File: d.File, Line: d.TextPos.Line + i, Col: col}
}

// lineStarts returns the offset at which each line of text starts.
func lineStarts(text string) []int {
	lines := make([]int, 1, 1+strings.Count(text, "\n"))
	for off := 0; ; {
		i := strings.IndexByte(text[off:], '\n')
		if i < 0 {
			return lines
		}
		off += i + 1
		lines = append(lines, off)
	}
}

// doc returns the article with the given slug, or nil.
func (s *site) doc(slug string) *doc { return s.bySlug[slug] }

// Analyze analyses the briefing s and returns what it finds, diagnostics
// included; content problems never stop it. It never changes s.
//
// When ctx is done before the analysis completes, Analyze returns ctx's
// error within a few milliseconds. Only a complete analysis becomes what
// AnalyzeQuick carries over.
func (an *Analyzer) Analyze(ctx context.Context, s *model.Site) (*model.Findings, error) {
	return an.analyze(ctx, s, true)
}

// AnalyzeOnce is Analyze for a build that no other follows on an, as
// "briefing build" makes: it keeps nothing for a next build, and calls
// Forget before it returns, so that the caller has that memory.
func (an *Analyzer) AnalyzeOnce(ctx context.Context, s *model.Site) (*model.Findings, error) {
	defer an.Forget()
	return an.analyze(ctx, s, false)
}

// analyze is Analyze, which keeps what a quick analysis can carry over
// only when keep is set.
func (an *Analyzer) analyze(ctx context.Context, s *model.Site, keep bool) (*model.Findings, error) {
	st := an.analyzeFiles(s)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	an.step(StepIndex)
	corp, err := an.memo.corpus(ctx, st.docs)
	if err != nil {
		return nil, err
	}
	an.step(StepStatements)
	stmts, err := findStatements(ctx, st, corp)
	if err != nil {
		return nil, err
	}
	an.step(StepCopies)
	shares, cands, err := detectCopies(ctx, st, corp)
	if err != nil {
		return nil, err
	}
	an.step(StepSuggestions)
	suggested, err := suggestActors(ctx, st, corp) // counts a copy and its original once
	if err != nil {
		return nil, err
	}
	for _, x := range suggested {
		st.f.Diagnostics.Add(x.diag)
	}
	an.step(StepEvidence)
	matches := map[sentenceKey][]match{}
	found := map[quoteKey]alsoFound{} // kept for AnalyzeQuick
	err = alsoReported(ctx, st, func(r model.SentenceRef, quote string) alsoFound {
		k := quoteKey{keyOf(r), quote}
		f, ok := found[k]
		if !ok {
			ms, ok := matches[k.sentenceKey]
			if !ok {
				ms = corp.similar(r.Article, r.Sentence)
				matches[k.sentenceKey] = ms
			}
			f = corp.alsoFor(ms, quote)
			found[k] = f
		}
		return f
	})
	if err != nil {
		return nil, err
	}
	countIndependent(st)
	checkStatuses(st)
	checkTitles(st)
	if keep {
		an.carry = newCarry(st, stmts, shares, cands, found, suggested)
	}
	return st.f, nil
}

// analyzeFiles starts the analysis of s with the steps that look at one
// file at a time, whose results do not depend on the rest of the corpus:
// segmentation, the checks of articles and claims, and mentions.
func (an *Analyzer) analyzeFiles(s *model.Site) *site {
	an.step(StepSentences)
	st := an.newSite(s)
	an.step(StepMentions)
	checkArticles(st)
	checkClaims(st)
	findMentions(st, &an.memo)
	return st
}

// newSite starts the analysis of s: it segments each article, on all
// cores, reusing the sentences of a text an earlier build segmented, and
// makes the findings that the steps fill in.
func (an *Analyzer) newSite(s *model.Site) *site {
	st := &site{Site: s, docs: make([]*doc, len(s.Articles)), bySlug: make(map[string]*doc, len(s.Articles)), f: &model.Findings{
		Articles: make(map[string]*model.ArticleFindings, len(s.Articles)),
		Claims:   make(map[string]*model.ClaimFindings, len(s.Claims)),
	}}
	an.memo.mu.Lock()
	todo := an.memo.unseen(s.Articles, func(_ int, e *textMemo) bool { return e.seg == nil })
	forEach(len(todo), func(j int) {
		e := todo[j].e
		seg := new(model.ArticleFindings)
		seg.Paragraphs, seg.Sentences = an.seg.Segment(e.text)
		markFurniture(e.text, seg.Paragraphs, seg.Sentences)
		e.seg, e.lines = seg, lineStarts(e.text)
	})
	for i, a := range s.Articles {
		e := an.memo.text(a)
		st.docs[i] = &doc{a, e.seg, e.lines}
		st.bySlug[a.Slug] = st.docs[i]
		st.f.Articles[a.Slug] = e.seg
	}
	an.memo.mu.Unlock()
	return st
}

// checkArticles reports articles an editor has not described yet and
// derived_from references to unknown articles.
func checkArticles(s *site) {
	diags := &s.f.Diagnostics
	for _, a := range s.Articles {
		if a.Meta == "" && a.Outlet == "" && a.Origin == "" {
			diags.Add(model.Diagnostic{Pos: model.Pos{File: a.File}, Severity: model.Warning,
				Message: "article has no metadata",
				Hint:    "add " + a.Slug + ".md beside it with at least title and outlet"})
		}
		if a.DerivedFrom != "" && s.Article(a.DerivedFrom) == nil {
			diags.Errorf(a.DerivedPos, "derived_from names unknown article %q", a.DerivedFrom)
		}
	}
	cycles := derivedCycles(s.Site)
	for _, a := range s.Articles {
		cycle, ok := cycles[a.Slug]
		switch {
		case !ok:
		case len(cycle) == 1:
			diags.Add(model.Diagnostic{Pos: a.DerivedPos, Severity: model.Error,
				Message: "derived_from names the article itself",
				Hint:    "derived_from names the article this one copies; remove it if this is the original"})
		default:
			diags.Add(model.Diagnostic{Pos: a.DerivedPos, Severity: model.Error,
				Message: "derived_from makes a cycle: " + strings.Join(append(cycle, cycle[0]), " → "),
				Hint:    "a copy has one original, which copies nothing; remove derived_from from the original"})
		}
	}
}
