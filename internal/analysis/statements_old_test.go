package analysis

import (
	"context"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	"briefing/internal/model"
)

// statementsOld groups the statements of s as joinSimilar does, the
// plain way: every two statements of an actor in different articles that
// share a word the actor's statements use more than once and at most
// maxDF times, and that sameStatement accepts, are one.
func statementsOld(t *testing.T, s *site, c *corpus) []model.StatementGroup {
	attrs, err := attributeAll(context.Background(), s, c.m)
	if err != nil {
		t.Fatal(err)
	}
	ss := newStatementSet(s, attrs)
	for _, a := range s.Actors {
		ignore := c.termIDs(append([]string{a.Name}, a.Aliases...)...)
		var ks []int32
		var ids []int
		df := map[int32]int{}
		for k, st := range ss.list {
			if st.actor == a.Slug {
				ks = append(ks, int32(k))
				ids = append(ids, c.first[st.article]+int(st.sentence))
				for _, t := range c.terms[ids[len(ids)-1]] {
					if !ignore[t] {
						df[t]++
					}
				}
			}
		}
		maxDF := max(minProbeDF, int(2*math.Sqrt(float64(len(ids)))))
		for i, a := range ids {
			for j, b := range ids {
				probed := slices.ContainsFunc(c.terms[a], func(t int32) bool {
					_, in := slices.BinarySearch(c.terms[b], t)
					return in && !ignore[t] && df[t] > 1 && df[t] <= maxDF
				})
				if c.art[a] == c.art[b] || !probed {
					continue
				}
				shared, n := overlapIgnoring(c, a, b, ignore)
				wa, wb := c.weightOf(a, ignore), c.weightOf(b, ignore)
				if den := min(wa, wb); den > 0 && shared > 0 && sameStatement(min(float64(shared)/float64(den), 1), float64(shared)/fixed, n) {
					ss.join(ks[i], ks[j])
				}
			}
		}
	}
	return ss.groups()
}

// TestStatementsAsBefore checks that joining each actor's statements in a
// subset of the corpus, on all cores, gives the groups of the plain way,
// on the default briefing and on a corpus of rewrites of its articles.
func TestStatementsAsBefore(t *testing.T) {
	for _, s := range []*site{seedBriefing(t), newTestSite(t, largeSite(t, 200))} {
		m := new(memo)
		findMentions(s, m)
		c, err := m.corpus(context.Background(), s.docs)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := findStatements(context.Background(), s, c); err != nil {
			t.Fatal(err)
		}
		want := statementsOld(t, s, c)
		joined := 0
		for _, g := range want {
			joined += len(g.Sentences) - 1
		}
		if joined == 0 {
			t.Fatalf("%d articles: no statements joined to compare", len(s.docs))
		}
		if !reflect.DeepEqual(s.f.Statements, want) {
			t.Errorf("%d articles: %d statement groups, want %d (or they differ)", len(s.docs), len(s.f.Statements), len(want))
		}
	}
}

// overlapIgnoring is corpus.overlap leaving out the ignored words.
func overlapIgnoring(c *corpus, a, b int, ignore map[int32]bool) (shared int64, n int) {
	for _, t := range c.terms[a] {
		if _, in := slices.BinarySearch(c.terms[b], t); in && !ignore[t] {
			shared += c.idf[t]
			n++
		}
	}
	for _, p := range c.pairs[a] {
		if _, in := slices.BinarySearch(c.pairs[b], p); in && !ignore[int32(p>>32)] && !ignore[int32(uint32(p))] {
			shared -= c.pairWeight(p)
		}
	}
	return shared, n
}

// TestInLowerAsToLower checks inLower against a look-up of
// strings.ToLower, on every word of the default briefing and on forms of
// the citing words in other cases and scripts.
func TestInLowerAsToLower(t *testing.T) {
	words := []string{"citing", "Citing", "CITING", "QuOtInG", "Cİting", "ÇITING", strings.Repeat("Citing", 6)}
	for _, a := range seedSite(t).docs {
		scanWords(a.Text, func(s, e int) { words = append(words, a.Text[s:e]) })
	}
	for _, w := range words {
		if got, want := inLower(citingWords, w), citingWords[strings.ToLower(w)]; got != want {
			t.Errorf("inLower(%q) = %v, want %v", w, got, want)
		}
	}
}
