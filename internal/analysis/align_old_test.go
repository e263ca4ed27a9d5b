package analysis

import (
	"reflect"
	"slices"
	"testing"
)

// candidatesOld is corpus.candidates as first written: it skips q's own
// article by each sentence's article, and scores each candidate by
// merging its words and phrases with q's.
func (c *corpus) candidatesOld(q int, min float64, x *alignScratch) []alignMatch {
	probe := x.probe[:0]
	for _, t := range c.terms[q] {
		if len(c.post[t]) > 1 && len(c.post[t]) <= c.maxDF {
			probe = append(probe, t)
		}
	}
	x.probe = probe
	sortByDF(probe, c.post)
	if len(probe) > copyProbe {
		probe = probe[:copyProbe]
	}
	hits, touched := x.hits, x.touched[:0]
	for _, t := range probe {
		for _, d := range c.post[t] {
			if c.art[d] == c.art[q] {
				continue
			}
			if hits[d] == 0 {
				touched = append(touched, d)
			}
			hits[d]++
		}
	}
	x.touched = touched
	var byHits [copyProbe + 1][]int32
	for _, d := range touched {
		if h := hits[d]; h >= 2 {
			byHits[h] = append(byHits[h], d)
		}
		hits[d] = 0
	}
	var out []alignMatch
	scored := 0
	for h := copyProbe; h >= 2 && scored < copyCandidates; h-- {
		ds := byHits[h]
		slices.Sort(ds)
		for _, d := range ds {
			if scored == copyCandidates {
				break
			}
			scored++
			if m, n := c.alignOld(q, d); n >= copyShared && m.score >= min {
				out = append(out, m)
			}
		}
	}
	return out
}

// alignOld returns how sentences q and d overlap (see alignMatch), and
// the number of words they share.
func (c *corpus) alignOld(q int, d int32) (alignMatch, int) {
	shared, n := c.overlap(q, int(d))
	wq, wd := c.weight[q], c.weight[d]
	if shared <= 0 || min(wq, wd) <= 0 {
		return alignMatch{id: d}, 0
	}
	return alignMatch{
		id:       d,
		score:    min(float64(shared)/float64(min(wq, wd)), 1),
		verbatim: min(float64(shared)/float64(max(wq, wd)), 1),
	}, n
}

// TestCandidatesAsBefore checks that looking d's words up among q's, and
// comparing phrases only when the words are enough, proposes exactly the
// candidates, with exactly the scores, that merging both sentences' words
// and phrases did, for every sentence of the seed articles and of a
// corpus of their rewrites, at the threshold of copy detection and at
// others.
func TestCandidatesAsBefore(t *testing.T) {
	for _, s := range seedsAndRewrites(t, 300) {
		c := newCorpus(s.docs)
		x := &alignScratch{hits: make([]uint8, len(c.refs))}
		old := &alignScratch{hits: make([]uint8, len(c.refs))}
		found := 0
		for _, least := range []float64{0, alignScore, 0.5, verbatimScore, 1} {
			for q := range c.refs {
				got := slices.Clone(c.candidates(q, least, x))
				want := c.candidatesOld(q, least, old)
				if len(got) != len(want) || len(got) > 0 && !reflect.DeepEqual(got, want) {
					t.Fatalf("%d articles: sentence %d at %v: candidates %v, want %v", len(s.docs), q, least, got, want)
				}
				found += len(got)
			}
		}
		if found == 0 {
			t.Fatalf("%d articles: no candidates to compare", len(s.docs))
		}
	}
}
