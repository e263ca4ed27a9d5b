package analysis

import (
	"context"
	"slices"
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

// copyShares maps a pair of articles (copy, of) to the share of copy's
// counted sentences that align, in order, with of's; only pairs with at
// least copyMin aligned sentences are in it.
type copyShares map[[2]string]float64

// detectCopies fills s.f.Copies (see pickCopies) from the alignments the
// corpus finds, and returns those. When ctx is done first, it returns
// ctx's error and leaves s.f.Copies as it was.
func detectCopies(ctx context.Context, s *site, c *corpus) (copyShares, error) {
	type pair struct{ i, j int }
	shares := copyShares{}
	hits := make([]uint8, len(c.refs))
	for _, a := range s.docs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		pairs := map[string][]pair{} // other article → aligned candidates
		counted := 0
		for i := range a.Sentences {
			q := c.id(a.Slug, i)
			if q < 0 || len(c.terms[q]) < minTerms {
				continue
			}
			counted++
			best := map[int32]match{}
			for _, m := range c.candidates(q, alignScore, hits) {
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
	copies, err := pickCopies(ctx, s, shares, shares.candidates())
	if err != nil {
		return nil, err
	}
	s.f.Copies = copies
	return shares, nil
}

// copyCandidate is an article that copies another, unless the editor says
// otherwise.
type copyCandidate struct {
	copy, of string
	share    float64
}

// candidates returns the pairs of articles whose shares make the first a
// copy of the second: the first's share is large enough, and the second's
// share of the first is smaller (on a tie, the later slug is the copy).
// They are sorted by copy, then best first: by share, then by the earlier
// slug of the original.
func (sh copyShares) candidates() []copyCandidate {
	var out []copyCandidate
	for k, share := range sh {
		if share < copyShare {
			continue
		}
		if back := sh[[2]string{k[1], k[0]}]; back > share || (back == share && k[0] < k[1]) {
			continue
		}
		out = append(out, copyCandidate{k[0], k[1], share})
	}
	sort.Slice(out, func(i, j int) bool {
		x, y := out[i], out[j]
		if x.copy != y.copy {
			return x.copy < y.copy
		}
		if x.share != y.share {
			return x.share > y.share
		}
		return x.of < y.of
	})
	return out
}

// pickCopies returns the copies among s's articles: the editor's
// derived_from first, then, by slug, the copies of cands (see
// copyShares.candidates) between articles s has that the editor has not
// already declared. When ctx is done first, it returns ctx's error.
func pickCopies(ctx context.Context, s *site, shares copyShares, cands []copyCandidate) ([]model.Copy, error) {
	copies := editorCopies(s, shares)
	d := declare(copies)
	// A copy has one original: of the articles it aligns with, the one
	// that shares most of its text, its first candidate. An article the
	// editor has declared a copy is not re-detected.
	editor := len(copies)
	for n, c := range cands {
		if n%1024 == 1023 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if len(copies) > editor && copies[len(copies)-1].Copy == c.copy {
			continue // its original is picked
		}
		if d.covers(c.copy, c.of) || s.doc(c.copy) == nil || s.doc(c.of) == nil {
			continue
		}
		copies = append(copies, model.Copy{Copy: c.copy, Of: c.of, Share: c.share})
	}
	return copies, nil
}

// editorCopies returns the copies the editor declares with derived_from,
// with the shares that shares shows, leaving out those of unknown articles.
func editorCopies(s *site, shares copyShares) []model.Copy {
	var copies []model.Copy
	for _, a := range s.Articles {
		if a.DerivedFrom != "" && s.Article(a.DerivedFrom) != nil {
			k := [2]string{a.Slug, a.DerivedFrom}
			copies = append(copies, model.Copy{Copy: a.Slug, Of: a.DerivedFrom, Share: shares[k], Editor: true})
		}
	}
	return copies
}

// declarations are what the editor's copies say about detected ones.
type declarations struct {
	pairs  map[[2]string]bool // pairs the editor related, both ways
	copies map[string]bool    // articles the editor declared copies
}

func declare(editor []model.Copy) declarations {
	d := declarations{pairs: map[[2]string]bool{}, copies: map[string]bool{}}
	for _, c := range editor {
		d.pairs[[2]string{c.Copy, c.Of}] = true
		d.pairs[[2]string{c.Of, c.Copy}] = true
		d.copies[c.Copy] = true
	}
	return d
}

// covers reports whether the editor has already said whether article cp
// copies article of: the editor related the two, or declared what cp
// copies.
func (d declarations) covers(cp, of string) bool {
	return d.pairs[[2]string{cp, of}] || d.copies[cp]
}

// candidates returns the sentences of other articles whose overlap with
// sentence q reaches min. Only q's copyProbe rarest words are looked up, so
// the cost follows the postings of rare words, not the corpus size; a copy
// keeps a sentence's names, numbers and rare words, so it is still found.
// hits is scratch space of one counter per corpus sentence, all zero on
// entry and on return.
func (c *corpus) candidates(q int, min float64, hits []uint8) []match {
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
	var touched []int32
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
	// Score only sentences that share at least two of the probed words
	// (one shared rare word is common between any two reports of an
	// event), those sharing the most first, and at most copyCandidates of
	// them: a corpus of near-identical copies would otherwise make this
	// quadratic. Counting by hit count keeps the selection linear.
	var byHits [copyProbe + 1][]int32
	for _, d := range touched {
		if h := hits[d]; h >= 2 {
			byHits[h] = append(byHits[h], d)
		}
		hits[d] = 0
	}
	var out []match
	scored := 0
	for h := copyProbe; h >= 2 && scored < copyCandidates; h-- {
		ds := byHits[h]
		slices.Sort(ds)
		for _, d := range ds {
			if scored == copyCandidates {
				break
			}
			scored++
			if score, _, n := c.score(q, int(d), nil); n >= copyShared && score >= min {
				out = append(out, match{Ref: c.refs[d], Score: score})
			}
		}
	}
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
