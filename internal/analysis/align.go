package analysis

import (
	"cmp"
	"slices"
	"sort"
)

// Aligning the sentences of an article with those of the others, for
// copy detection (see detectCopies).

// aligned is the alignment of an article with another, by corpus index.
type aligned struct {
	other int32
	alignment
}

// alignScratch is the scratch space of one goroutine aligning articles.
type alignScratch struct {
	hits    []uint8 // one counter per corpus sentence, all zero between calls
	touched []int32
	probe   []int32
	byHits  [copyProbe + 1][]int32
	cands   []alignMatch
	best    []alignMatch
	pairs   []alignPair
	js, vs  []int
}

// alignPair is a sentence i of the copy that aligns with sentence j of
// another article.
type alignPair struct {
	other    int32
	i, j     int32
	verbatim bool
}

// alignArticle returns the alignment of article a with each article one
// of its sentences aligns with, in corpus order; counted holds each
// article's counted sentences, by corpus index.
func (c *corpus) alignArticle(a *doc, counted []int, x *alignScratch) []aligned {
	self := c.slugs[a.Slug]
	x.pairs = x.pairs[:0]
	for i := range a.Sentences {
		q := c.id(a.Slug, i)
		if q < 0 || len(c.terms[q]) < minTerms {
			continue
		}
		// Each other article's best sentence: of the best score, the
		// most verbatim; of those, the first candidate.
		x.best = x.best[:0]
		for _, m := range c.candidates(q, alignScore, x) {
			k := slices.IndexFunc(x.best, func(b alignMatch) bool { return c.art[b.id] == c.art[m.id] })
			switch {
			case k < 0:
				x.best = append(x.best, m)
			case m.score > x.best[k].score || m.score == x.best[k].score && m.verbatim > x.best[k].verbatim:
				x.best[k] = m
			}
		}
		for _, m := range x.best {
			x.pairs = append(x.pairs, alignPair{c.art[m.id], int32(i), int32(c.refs[m.id].Sentence), m.verbatim >= verbatimScore})
		}
	}
	// By other article, each's pairs in the copy's sentence order.
	slices.SortStableFunc(x.pairs, func(p, q alignPair) int { return int(p.other - q.other) })
	var out []aligned
	for from := 0; from < len(x.pairs); {
		other := x.pairs[from].other
		x.js, x.vs = x.js[:0], x.vs[:0]
		to := from
		for ; to < len(x.pairs) && x.pairs[to].other == other; to++ {
			p := x.pairs[to]
			x.js = append(x.js, int(p.j))
			if p.verbatim {
				x.vs = append(x.vs, int(p.j))
			}
		}
		from = to
		ordered := longestIncreasing(x.js)
		slices.Sort(x.js)
		slices.Sort(x.vs)
		out = append(out, aligned{other, alignment{
			counted:  counted[self],
			other:    counted[other],
			aligned:  len(slices.Compact(x.js)),
			evidence: max(ordered, len(slices.Compact(x.vs))),
		}})
	}
	return out
}

// alignMatch is a sentence that may align with another: its corpus id,
// its overlap with the other over the lighter of the two (as in
// corpus.search), and over the heavier, which is high only when each
// sentence has most of its weight in the other.
type alignMatch struct {
	id              int32
	score, verbatim float64
}

// candidates returns the sentences of other articles whose overlap with
// sentence q reaches min. Only q's copyProbe rarest words are looked up, so
// the cost follows the postings of rare words, not the corpus size; a copy
// keeps a sentence's names, numbers and rare words, so it is still found.
// The result lives in x until the next call.
func (c *corpus) candidates(q int, min float64, x *alignScratch) []alignMatch {
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
	// Score only sentences that share at least two of the probed words
	// (one shared rare word is common between any two reports of an
	// event), those sharing the most first, and at most copyCandidates of
	// them: a corpus of near-identical copies would otherwise make this
	// quadratic. Counting by hit count keeps the selection linear.
	byHits := &x.byHits
	for h := range byHits {
		byHits[h] = byHits[h][:0]
	}
	for _, d := range touched {
		if h := hits[d]; h >= 2 {
			byHits[h] = append(byHits[h], d)
		}
		hits[d] = 0
	}
	out := x.cands[:0]
	scored := 0
	for h := copyProbe; h >= 2 && scored < copyCandidates; h-- {
		ds := byHits[h]
		slices.Sort(ds)
		for _, d := range ds {
			if scored == copyCandidates {
				break
			}
			scored++
			if m, n := c.align(q, d); n >= copyShared && m.score >= min {
				out = append(out, m)
			}
		}
	}
	x.cands = out
	return out
}

// sortByDF sorts terms by their number of postings, as sort.Slice does:
// which of the terms of equal frequency come first decides which are
// probed, so the order must stay that of sort.Slice.
func sortByDF(terms []int32, post [][]int32) {
	slices.SortFunc(terms, func(a, b int32) int { return cmp.Compare(len(post[a]), len(post[b])) })
}

// align returns how sentences q and d overlap (see alignMatch), and the
// number of words they share.
func (c *corpus) align(q int, d int32) (alignMatch, int) {
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
