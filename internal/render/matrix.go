package render

import (
	"slices"

	"briefing/internal/model"
)

// SourceMatrix is the claim-by-source table: one row per claim, one column
// per independent source (an article with its copies), each cell what
// that source's quotes do to the claim.
type SourceMatrix struct {
	Sources []SourceColumn
	Rows    []MatrixRow
}

// SourceColumn is one independent source: an original article and the
// copies of it, which count with it as one.
type SourceColumn struct {
	Original *ArticleView
	Copies   []*ArticleView
}

// MatrixRow is one claim and, for each column, its cell.
type MatrixRow struct {
	Claim *ClaimView
	Cells []MatrixCell
}

// MatrixCell is what one source's quotes do to one claim: the stances they
// take, in model.Stances order, and a link to the first quote. A source
// that the claim does not quote has an empty cell.
type MatrixCell struct {
	Stances []model.Stance
	Path    string
}

// sourceMatrix makes the table for the claims of groups, in their order,
// and every independent source that one of them quotes, in article order.
func (v *views) sourceMatrix(groups []*ClaimGroup) *SourceMatrix {
	original := v.f.OriginalOf()
	col := map[string]int{} // original article slug → column
	m := &SourceMatrix{}
	for _, a := range v.s.Articles {
		o := original(a.Slug)
		if _, ok := col[o]; !ok && v.articles[o] != nil {
			col[o] = len(m.Sources)
			m.Sources = append(m.Sources, SourceColumn{Original: v.articles[o]})
		}
		if o != a.Slug {
			if k, ok := col[o]; ok {
				m.Sources[k].Copies = append(m.Sources[k].Copies, v.articles[a.Slug])
			}
		}
	}
	// Leave out the sources no claim quotes: a large briefing has
	// thousands, and a cell for each in every row would be most of the
	// memory the site takes.
	quoted := make([]bool, len(m.Sources))
	for _, g := range groups {
		for _, cv := range g.Claims {
			for _, q := range cv.Quotes {
				if k, ok := col[original(q.Article.Slug)]; ok {
					quoted[k] = true
				}
			}
		}
	}
	kept := make([]int, len(m.Sources)) // column → kept column
	sources := make([]SourceColumn, 0, len(m.Sources))
	for k, q := range quoted {
		if q {
			kept[k] = len(sources)
			sources = append(sources, m.Sources[k])
		}
	}
	m.Sources = sources
	for _, g := range groups {
		for _, cv := range g.Claims {
			row := MatrixRow{Claim: cv, Cells: make([]MatrixCell, len(m.Sources))}
			for _, q := range cv.Quotes {
				k, ok := col[original(q.Article.Slug)]
				if !ok {
					continue
				}
				c := &row.Cells[kept[k]]
				if c.Path == "" {
					c.Path = q.Path
				}
				c.Stances = addStance(c.Stances, q.Stance)
			}
			m.Rows = append(m.Rows, row)
		}
	}
	return m
}

// addStance adds st to stances, keeping model.Stances order and each once.
func addStance(stances []model.Stance, st model.Stance) []model.Stance {
	if st == "" {
		st = model.Supports
	}
	if slices.Contains(stances, st) {
		return stances
	}
	order := model.Stances()
	stances = append(stances, st)
	slices.SortFunc(stances, func(a, b model.Stance) int { return slices.Index(order, a) - slices.Index(order, b) })
	return stances
}
