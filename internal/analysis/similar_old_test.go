package analysis

import (
	"reflect"
	"slices"
	"sort"
	"testing"
)

// searchOld is corpus.search as first written: it merges each
// candidate's words and phrases with the query's before asking accept.
func (c *corpus) searchOld(s int, accept func(score, shared float64, n int) bool) []match {
	probe := make([]int32, 0, len(c.terms[s]))
	for _, t := range c.terms[s] {
		if df := len(c.post[t]); df > 1 && df <= c.maxDF {
			probe = append(probe, t)
		}
	}
	if len(probe) > probeTerms {
		sort.Slice(probe, func(i, j int) bool {
			x, y := len(c.post[probe[i]]), len(c.post[probe[j]])
			return x < y || x == y && c.vocab[probe[i]] < c.vocab[probe[j]]
		})
		probe = probe[:probeTerms]
	}
	var cands []int32
	for _, t := range probe {
		cands = append(cands, c.post[t]...)
	}
	slices.Sort(cands)
	var out []match
	for _, d := range slices.Compact(cands) {
		if c.art[d] == c.art[s] {
			continue
		}
		shared, n := c.overlap(s, int(d))
		if den := min(c.weight[s], c.weight[d]); den > 0 && shared > 0 {
			score := min(float64(shared)/float64(den), 1)
			if accept(score, float64(shared)/fixed, n) {
				out = append(out, match{Ref: c.refs[d], Score: score})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		x, y := out[i].Ref, out[j].Ref
		if x.Article != y.Article {
			return x.Article < y.Article
		}
		return x.Sentence < y.Sentence
	})
	return out
}

// TestSearchAsBefore checks that comparing phrases only for candidates
// whose words are enough finds exactly what the first search found, for
// every sentence of the seed articles and of a corpus of their rewrites.
func TestSearchAsBefore(t *testing.T) {
	for _, s := range seedsAndRewrites(t, 200) {
		c := newCorpus(s.docs)
		found := 0
		for q := range c.refs {
			got, want := c.search(q, same), c.searchOld(q, same)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%d articles: sentence %d: found %v, want %v", len(s.docs), q, got, want)
			}
			found += len(got)
		}
		if found == 0 {
			t.Fatalf("%d articles: nothing found to compare", len(s.docs))
		}
	}
}
