package analysis

import (
	"briefing/internal/model"
)

// Analyzer runs every analysis step over a site. It holds the loaded
// language models, so one Analyzer serves many builds.
type Analyzer struct {
	seg  *Segmenter
	memo memo // what the last builds found in each article text
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
func (an *Analyzer) Analyze(s *model.Site) model.Diagnostics {
	var diags model.Diagnostics
	for _, a := range s.Articles {
		if a.Sentences == nil {
			a.Paragraphs, a.Sentences = an.seg.Segment(a.Text)
		}
	}
	checkArticles(s, &diags)
	checkClaims(s, &diags)
	findMentions(s, &an.memo, &diags)
	corp := an.memo.corpus(s.Articles)
	findStatements(s, corp)
	detectCopies(s, corp)
	suggestActors(s, corp, &diags) // counts a copy and its original once
	alsoReported(s, corp)
	countIndependent(s)
	return diags
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
