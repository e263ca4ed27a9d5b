package analysis

import (
	"sort"

	"briefing/internal/model"
)

// Source independence: an article whose sentences largely align, in order,
// with another's is a copy or rewrite of it.
//
// For every sentence of an article, the corpus proposes sentences of other
// articles that share its rare words; a pair counts when its weighted word
// overlap reaches alignScore, which is looser than matchScore because a
// rewrite swaps words for synonyms ("asserted" for "claimed", "warriors" for
// "fighters") and keeps the names, numbers and rare words. Of the pairs
// between two articles, only those in the same order in both count (the
// longest increasing run), so two reports that merely cover the same facts,
// in their own order and words, are not taken for copies.
const (
	alignScore = 0.3
	// copyShare is the least share of an article's sentences that must
	// align with another's for it to count as a copy.
	copyShare = 0.4
	// copyMin is the least number of aligned sentences.
	copyMin = 3
	// minTerms is the least number of content words for a sentence to be
	// counted: captions, bylines and scraping junk are left out.
	minTerms = 4
	// copyShared is the least number of content words an aligned pair
	// of sentences shares.
	copyShared = 3
	// copyProbe is how many of a sentence's rarest words are looked up.
	copyProbe = 10
	// copyCandidates bounds the sentences scored against each sentence.
	copyCandidates = 48
)

// detectCopies fills s.Copies: the editor's derived_from first, then the
// detected copies that the editor has not already declared.
func detectCopies(s *model.Site, c *corpus) {
	type pair struct{ i, j int }
	shares := map[[2]string]float64{} // copy, of → share of copy aligned
	for _, a := range s.Articles {
		pairs := map[string][]pair{} // other article → aligned candidates
		counted := 0
		for i := range a.Sentences {
			q := c.id(a.Slug, i)
			if q < 0 || len(c.terms[q]) < minTerms {
				continue
			}
			counted++
			best := map[int32]match{}
			for _, m := range c.candidates(q, alignScore) {
				ai := c.art[c.id(m.Ref.Article, m.Ref.Sentence)]
				if b, ok := best[ai]; !ok || m.Score > b.Score {
					best[ai] = m
				}
			}
			for _, m := range best {
				pairs[m.Ref.Article] = append(pairs[m.Ref.Article], pair{i, m.Ref.Sentence})
			}
		}
		if counted == 0 {
			continue
		}
		for other, ps := range pairs {
			js := make([]int, len(ps))
			for k, p := range ps {
				js[k] = p.j
			}
			if n := longestIncreasing(js); n >= copyMin {
				shares[[2]string{a.Slug, other}] = float64(n) / float64(counted)
			}
		}
	}

	s.Copies = nil
	declared := map[[2]string]bool{}
	for _, a := range s.Articles {
		if a.DerivedFrom != "" && s.Article(a.DerivedFrom) != nil {
			k := [2]string{a.Slug, a.DerivedFrom}
			declared[k] = true
			declared[[2]string{a.DerivedFrom, a.Slug}] = true
			s.Copies = append(s.Copies, model.Copy{Copy: a.Slug, Of: a.DerivedFrom, Share: shares[k], Editor: true})
		}
	}
	keys := make([][2]string, 0, len(shares))
	for k := range shares {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i][0] != keys[j][0] {
			return keys[i][0] < keys[j][0]
		}
		return keys[i][1] < keys[j][1]
	})
	for _, k := range keys {
		share := shares[k]
		if share < copyShare || declared[k] {
			continue
		}
		// Of two articles that align, the copy is the one more of whose
		// text is the other's; on a tie, the later slug.
		back := shares[[2]string{k[1], k[0]}]
		if back > share || (back == share && k[0] < k[1]) {
			continue
		}
		s.Copies = append(s.Copies, model.Copy{Copy: k[0], Of: k[1], Share: share})
	}
}

// candidates returns the sentences of other articles whose overlap with
// sentence q reaches min. Only q's copyProbe rarest words are looked up, so
// the cost follows the postings of rare words, not the corpus size; a copy
// keeps a sentence's names, numbers and rare words, so it is still found.
func (c *corpus) candidates(q int, min float64) []match {
	probe := make([]int32, 0, len(c.terms[q]))
	for _, t := range c.terms[q] {
		if len(c.post[t]) > 1 && len(c.post[t]) <= c.maxDF {
			probe = append(probe, t)
		}
	}
	sort.Slice(probe, func(i, j int) bool { return len(c.post[probe[i]]) < len(c.post[probe[j]]) })
	if len(probe) > copyProbe {
		probe = probe[:copyProbe]
	}
	// Score only sentences that share at least two of the probed words:
	// one shared rare word is common between any two reports of an event.
	hits := map[int32]int{}
	for _, t := range probe {
		for _, d := range c.post[t] {
			if c.art[d] != c.art[q] {
				hits[d]++
			}
		}
	}
	var ds []int32
	for d, h := range hits {
		if h >= 2 {
			ds = append(ds, d)
		}
	}
	// Bound the work per sentence: score the copyCandidates sentences that
	// share the most probed words (a corpus of near-identical copies would
	// otherwise make this quadratic).
	if len(ds) > copyCandidates {
		sort.Slice(ds, func(i, j int) bool {
			if hits[ds[i]] != hits[ds[j]] {
				return hits[ds[i]] > hits[ds[j]]
			}
			return ds[i] < ds[j]
		})
		ds = ds[:copyCandidates]
	}
	var out []match
	for _, d := range ds {
		if score, _, n := c.score(q, int(d), nil); n >= copyShared && score >= min {
			out = append(out, match{Ref: c.refs[d], Score: score})
		}
	}
	// Map order is random; the caller keeps the first best match.
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		if out[i].Ref.Article != out[j].Ref.Article {
			return out[i].Ref.Article < out[j].Ref.Article
		}
		return out[i].Ref.Sentence < out[j].Ref.Sentence
	})
	return out
}

// longestIncreasing returns the length of the longest strictly increasing
// subsequence of xs (patience sorting, O(n log n)).
func longestIncreasing(xs []int) int {
	var tails []int
	for _, x := range xs {
		k := sort.SearchInts(tails, x)
		if k == len(tails) {
			tails = append(tails, x)
		} else {
			tails[k] = x
		}
	}
	return len(tails)
}
