package analysis

import (
	"context"

	"briefing/internal/model"
)

// Analyzer runs every analysis step over a site. It holds the loaded
// language models and what the last builds found, so one Analyzer serves
// many builds of a briefing; its methods must not be called concurrently.
type Analyzer struct {
	seg   *Segmenter
	memo  memo   // what the last builds found in each article text
	carry *carry // the corpus-wide findings of the last complete Analyze
}

// New loads the models the analysis needs.
func New() (*Analyzer, error) {
	seg, err := NewSegmenter()
	if err != nil {
		return nil, err
	}
	return &Analyzer{seg: seg}, nil
}

// Analyze segments every article of s and fills in the analysis fields of
// s. It returns the diagnostics it finds; content problems never stop it.
//
// When ctx is done before the analysis completes, Analyze returns ctx's
// error within a few milliseconds and s is left half analysed, to be
// dropped. Only a complete analysis becomes what AnalyzeQuick carries over.
func (an *Analyzer) Analyze(ctx context.Context, s *model.Site) (model.Diagnostics, error) {
	var diags model.Diagnostics
	an.analyzeFiles(s, &diags)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	corp, err := an.memo.corpus(ctx, s.Articles)
	if err != nil {
		return nil, err
	}
	attrs, err := findStatements(ctx, s, corp)
	if err != nil {
		return nil, err
	}
	shares, err := detectCopies(ctx, s, corp)
	if err != nil {
		return nil, err
	}
	suggested, err := suggestActors(ctx, s, corp) // counts a copy and its original once
	if err != nil {
		return nil, err
	}
	for _, x := range suggested {
		diags.Add(x.diag)
	}
	if err := alsoReported(ctx, s, corp); err != nil {
		return nil, err
	}
	countIndependent(s)
	an.carry = newCarry(s, attrs, shares, suggested)
	return diags, nil
}

// analyzeFiles runs the steps that look at one file at a time, whose
// results do not depend on the rest of the corpus: segmentation, the
// checks of articles and claims, and mentions.
func (an *Analyzer) analyzeFiles(s *model.Site, diags *model.Diagnostics) {
	for _, a := range s.Articles {
		if a.Sentences == nil {
			a.Paragraphs, a.Sentences = an.seg.Segment(a.Text)
		}
	}
	checkArticles(s, diags)
	checkClaims(s, diags)
	findMentions(s, &an.memo, diags)
}

// checkArticles reports articles an editor has not described yet and
// derived_from references to unknown articles.
func checkArticles(s *model.Site, diags *model.Diagnostics) {
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
}
