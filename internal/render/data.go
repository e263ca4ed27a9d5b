package render

import (
	"time"

	"briefing/internal/model"
)

// The briefing as data: site/briefing.json. Field names are the documented
// format (see README); keep them stable.

type dataSite struct {
	Title    string        `json:"title"`
	BaseURL  string        `json:"base_url"`
	Articles []dataArticle `json:"articles"`
	Actors   []dataActor   `json:"actors"`
	Claims   []dataClaim   `json:"claims"`
}

type dataArticle struct {
	Slug        string     `json:"slug"`
	Title       string     `json:"title"`
	TitleBy     string     `json:"title_by,omitempty"` // "editor" when the editor wrote the title
	Outlet      string     `json:"outlet,omitempty"`
	Origin      string     `json:"origin,omitempty"`
	Author      string     `json:"author,omitempty"`
	Published   string     `json:"published,omitempty"`
	URL         string     `json:"url,omitempty"`
	Language    string     `json:"language,omitempty"`
	Sentences   int        `json:"sentences"`
	Copies      []dataCopy `json:"copies"`
	DerivedFrom string     `json:"derived_from,omitempty"`
}

type dataCopy struct {
	Of     string  `json:"of"`
	Share  float64 `json:"share"`
	Source string  `json:"source"` // "editor" (derived_from) or "detected"
}

type dataActor struct {
	Slug       string              `json:"slug"`
	Name       string              `json:"name"`
	Kind       string              `json:"kind,omitempty"`
	Side       string              `json:"side,omitempty"`
	Role       string              `json:"role,omitempty"`
	Aliases    []string            `json:"aliases"`
	Mentions   []model.SentenceRef `json:"mentions"`
	Statements []dataStatement     `json:"statements"`
}

type dataStatement struct {
	Outlets   int            `json:"outlets"`
	Sentences []dataSentence `json:"sentences"`
}

type dataSentence struct {
	Article  string `json:"article"`
	Sentence string `json:"sentence"`
	Text     string `json:"text"`
}

type dataClaim struct {
	Slug                 string              `json:"slug"`
	Title                string              `json:"title"`
	Status               string              `json:"status"`
	ClaimedBy            []string            `json:"claimed_by"`
	DisputedBy           []string            `json:"disputed_by"`
	Evidence             []dataEvidence      `json:"evidence"`
	AlsoReported         []model.SentenceRef `json:"also_reported"`
	IndependentSources   int                 `json:"independent_sources"`   // independent origins of the supporting evidence
	ContradictingSources int                 `json:"contradicting_sources"` // independent origins of the contradicting evidence
	Updated              string              `json:"updated,omitempty"`
}

type dataEvidence struct {
	Article   string   `json:"article"`
	Quote     string   `json:"quote"`
	Stance    string   `json:"stance"`    // supports, contradicts or context; always written
	Sentence  string   `json:"sentence"`  // anchor of the first sentence the quote spans
	Sentences []string `json:"sentences"` // anchors of every sentence it spans
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// dataJSON encodes the briefing as data.
func (v *views) dataJSON() ([]byte, error) {
	d := dataSite{Title: v.info.Title, BaseURL: v.cfg.BaseURL,
		Articles: []dataArticle{}, Actors: []dataActor{}, Claims: []dataClaim{}}
	copies := map[string][]model.Copy{} // by the copy's slug, in the findings' order
	for _, c := range v.f.Copies {
		copies[c.Copy] = append(copies[c.Copy], c)
	}
	for _, a := range v.s.Articles {
		da := dataArticle{Slug: a.Slug, Title: a.Title, TitleBy: a.TitleBy, Outlet: a.Outlet, Origin: a.Origin, Author: a.Author,
			Published: day(a.Published), URL: a.URL, Language: a.Language, Sentences: len(v.f.Article(a.Slug).Sentences),
			Copies: []dataCopy{}, DerivedFrom: a.DerivedFrom}
		for _, c := range copies[a.Slug] {
			src := "detected"
			if c.Editor {
				src = "editor"
			}
			da.Copies = append(da.Copies, dataCopy{Of: c.Of, Share: float64(int(c.Share*1000+0.5)) / 1000, Source: src})
		}
		d.Articles = append(d.Articles, da)
	}
	for _, a := range v.s.Actors {
		da := dataActor{Slug: a.Slug, Name: a.Name, Kind: string(a.Kind), Side: a.Side, Role: a.Role,
			Aliases: nonNil(a.Aliases), Mentions: []model.SentenceRef{}, Statements: []dataStatement{}}
		for _, m := range v.actors[a.Slug].mentions {
			da.Mentions = append(da.Mentions, v.ref(m.Article, m.Sentence))
		}
		for _, st := range v.actors[a.Slug].Statements {
			ds := dataStatement{Outlets: st.Outlets}
			for _, s := range st.Versions {
				ds.Sentences = append(ds.Sentences, dataSentence{Article: s.Article.Slug, Sentence: s.ID, Text: s.Text})
			}
			da.Statements = append(da.Statements, ds)
		}
		d.Actors = append(d.Actors, da)
	}
	for _, c := range v.s.Claims {
		cf := v.f.Claim(c.Slug)
		dc := dataClaim{Slug: c.Slug, Title: c.Title, Status: string(c.Status),
			ClaimedBy: []string{}, DisputedBy: []string{}, Evidence: []dataEvidence{}, AlsoReported: []model.SentenceRef{},
			IndependentSources: cf.IndependentSources, ContradictingSources: cf.ContradictingSources, Updated: day(c.Updated)}
		for _, r := range c.ClaimedBy {
			dc.ClaimedBy = append(dc.ClaimedBy, r.Slug)
		}
		for _, r := range c.DisputedBy {
			dc.DisputedBy = append(dc.DisputedBy, r.Slug)
		}
		seen := map[string]bool{}
		for i, e := range c.Evidence {
			m := cf.Match(i)
			de := dataEvidence{Article: e.Article, Quote: e.Quote, Stance: string(e.Stance), Sentences: []string{}}
			if de.Stance == "" {
				de.Stance = string(model.Supports) // the loader's default
			}
			for _, s := range m.Sentences {
				de.Sentences = append(de.Sentences, s.ID)
			}
			if len(de.Sentences) > 0 {
				de.Sentence = de.Sentences[0]
			}
			dc.Evidence = append(dc.Evidence, de)
			for _, r := range m.AlsoReported {
				if k := r.Article + "#" + r.ID; !seen[k] {
					seen[k] = true
					dc.AlsoReported = append(dc.AlsoReported, r)
				}
			}
		}
		d.Claims = append(d.Claims, dc)
	}
	return marshalIndent(d)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
