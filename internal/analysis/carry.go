package analysis

import (
	"slices"
	"strings"

	"briefing/internal/model"
)

// carry is what a complete analysis found across the corpus, kept so that
// AnalyzeQuick can carry it over to a later state of the briefing. Sentences
// are kept by ID, which depends on their text only, so that they can be
// found again after an edit has moved them. A carry shares nothing the
// analysed site can reach (the pages of that build may still be reading
// it), and nothing changes it once made.
type carry struct {
	statements map[string][]carriedStatement // article → its statements
	groups     int                           // how many statement groups there are
	shares     copyShares                    // see detectCopies
	detected   []model.Copy                  // the copies the editor has not declared
	also       map[evidenceKey][]model.SentenceRef
	cited      map[string]map[[2]string]bool // claim → what it cited, which also leaves out
	suggested  []suggested
	aliases    string // the fingerprint of the aliases that cover no suggestion
}

// carriedStatement is a sentence attributed to an actor, and the number of
// its statement group. An article's are in sentence order, then in the
// order of their speakers, as attributeAll gives them.
type carriedStatement struct {
	actor, sentence string // actor slug, sentence ID
	group           int32
}

// evidenceKey is a found quote: its claim, its article and the IDs of the
// sentences it spans. While these stay, the quote says what it said.
type evidenceKey string

func evidenceKeyOf(claim, article string, m *model.EvidenceMatch) evidenceKey {
	var b strings.Builder
	b.WriteString(claim)
	b.WriteByte(0)
	b.WriteString(article)
	for _, r := range m.Sentences {
		b.WriteByte(0)
		b.WriteString(r.ID)
	}
	return evidenceKey(b.String())
}

// newCarry records what Analyze found across the corpus of s: its statement
// groups (attrs is the attribution of s's articles), its copies and the
// alignments shares they were found from, each found quote's AlsoReported,
// and the suggestions.
func newCarry(s *site, attrs []attribution, shares copyShares, suggested []suggested) *carry {
	c := &carry{
		statements: make(map[string][]carriedStatement, len(s.Articles)),
		groups:     len(s.f.Statements),
		shares:     shares,
		also:       map[evidenceKey][]model.SentenceRef{},
		cited:      make(map[string]map[[2]string]bool, len(s.Claims)),
		suggested:  suggested,
		aliases:    newAliasIndex(s.Actors).fingerprint(),
	}
	group := map[[3]string]int32{} // actor, article, sentence ID → group
	for g, st := range s.f.Statements {
		for _, r := range st.Sentences {
			group[[3]string{st.Actor, r.Article, r.ID}] = int32(g)
		}
	}
	for ai, a := range s.docs {
		var stmts []carriedStatement
		for i, sp := range attrs[ai].speakers {
			for _, actor := range sp {
				if g, ok := group[[3]string{actor, a.Slug, a.Sentences[i].ID}]; ok {
					stmts = append(stmts, carriedStatement{actor, a.Sentences[i].ID, g})
				}
			}
		}
		if len(stmts) > 0 {
			c.statements[a.Slug] = stmts
		}
	}
	for _, cp := range s.f.Copies {
		if !cp.Editor {
			c.detected = append(c.detected, cp)
		}
	}
	for _, cl := range s.Claims {
		cf := s.f.Claims[cl.Slug]
		c.cited[cl.Slug] = citedBy(cf)
		for i := range cf.Evidence {
			if m := &cf.Evidence[i]; m.Found && len(m.AlsoReported) > 0 {
				c.also[evidenceKeyOf(cl.Slug, cl.Evidence[i].Article, m)] = slices.Clone(m.AlsoReported)
			}
		}
	}
	return c
}
