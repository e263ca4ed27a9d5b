package content

import (
	"slices"

	"briefing/internal/model"
)

// A Loader's parses are never handed out; each Load returns copies. The
// build writes into what Load returns (the analysis sets each article's
// Paragraphs and Sentences, each claim's IndependentSources and, through
// &claim.Evidence[i], each quote's Found, Start, End, Sentences and
// AlsoReported), and the pages of the previous build may still be reading
// the previous load's values meanwhile.
//
// So every Load gets its own Page, Article, Actor and Claim structs and its
// own Evidence slice per claim. The other slices are shared by the parse
// and every load's copy: Actor.Aliases, AliasPos and Links, and
// Claim.ClaimedBy and DisputedBy. That is safe because nothing writes
// their elements: the analysis and the renderer only range over them or
// copy them (grep the analysis for Aliases, ClaimedBy, DisputedBy, Links),
// and a parse never changes once made. They are clipped, so that an append
// to one load's slice copies it rather than writing into the shared array.
// Strings are immutable, and the Markdown, Pos and time.Time fields are
// values.

func clonePage(p *model.Page) *model.Page {
	c := *p
	return &c
}

func cloneArticle(a *model.Article) *model.Article {
	c := *a // the parse has no Paragraphs or Sentences yet
	return &c
}

func cloneActor(a *model.Actor) *model.Actor {
	c := *a
	c.Aliases, c.AliasPos, c.Links = slices.Clip(c.Aliases), slices.Clip(c.AliasPos), slices.Clip(c.Links)
	return &c
}

func cloneClaim(cl *model.Claim) *model.Claim {
	c := *cl
	c.ClaimedBy, c.DisputedBy = slices.Clip(c.ClaimedBy), slices.Clip(c.DisputedBy)
	c.Evidence = slices.Clone(c.Evidence) // the parse's items have no Sentences or AlsoReported yet
	return &c
}
