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
	order   []uint64 // candidates by hits, most first, then by id
	cands   []alignMatch
	best    []alignMatch
	mark    []uint64 // a bit per term, set for the query's, all zero between calls
	pairs   []alignPair
	byOther []uint64 // see alignArticle
	js, vs  []int
	tails   []int // see longestIncreasing
}

// alignPair is a sentence of the copy that aligns with sentence j of
// another article.
type alignPair struct {
	other    int32
	j        int32
	verbatim bool
}

// alignArticle returns the alignment of article a with each article one
// of its sentences aligns with, in corpus order; counted holds each
// article's counted sentences, by corpus index.
func (c *corpus) alignArticle(a *doc, counted []int, x *alignScratch) []aligned {
	self, ok := c.slugs[a.Slug]
	if !ok {
		return nil
	}
	x.pairs = x.pairs[:0]
	for i := range a.Sentences {
		q := c.idAt(self, i)
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
			x.pairs = append(x.pairs, alignPair{c.art[m.id], int32(c.refs[m.id].Sentence), m.verbatim >= verbatimScore})
		}
	}
	// By other article, each's pairs in the copy's sentence order, which
	// is the order they were found in: sorting other<<32 | index is a
	// sort of integers, cheaper than one of pairs.
	byOther := x.byOther[:0]
	for k, p := range x.pairs {
		byOther = append(byOther, uint64(p.other)<<32|uint64(k))
	}
	slices.Sort(byOther)
	x.byOther = byOther
	var out []aligned
	for from := 0; from < len(byOther); {
		other := x.pairs[uint32(byOther[from])].other
		x.js, x.vs = x.js[:0], x.vs[:0]
		to := from
		for ; to < len(byOther) && byOther[to]>>32 == uint64(other); to++ {
			p := x.pairs[uint32(byOther[to])]
			x.js = append(x.js, int(p.j))
			if p.verbatim {
				x.vs = append(x.vs, int(p.j))
			}
		}
		from = to
		ordered := longestIncreasing(x.js, &x.tails)
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
// sentence q reaches least. Only q's copyProbe rarest words are looked up,
// so the cost follows the postings of rare words, not the corpus size; a
// copy keeps a sentence's names, numbers and rare words, so it is still
// found. The result lives in x until the next call.
func (c *corpus) candidates(q int, least float64, x *alignScratch) []alignMatch {
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
	// q's article's sentences are ids from to to.
	from, to := c.sentencesOf(c.art[q])
	hits, touched := x.hits, x.touched[:0]
	for _, t := range probe {
		for _, d := range c.post[t] {
			if uint32(d-from) < uint32(to-from) {
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
	// event), those sharing the most first, then by id, and at most
	// copyCandidates of them: a corpus of near-identical copies would
	// otherwise make this quadratic. Few share two, so sorting them is
	// cheap.
	order := x.order[:0]
	for _, d := range touched {
		if h := hits[d]; h >= 2 {
			order = append(order, uint64(copyProbe-h)<<32|uint64(d))
		}
		hits[d] = 0
	}
	slices.Sort(order)
	x.order = order
	if len(order) > copyCandidates {
		order = order[:copyCandidates]
	}
	if x.mark == nil {
		x.mark = make([]uint64, (len(c.idf)+63)/64)
	}
	for _, t := range c.terms[q] {
		x.mark[t>>6] |= 1 << (t & 63)
	}
	out := x.cands[:0]
	for _, o := range order {
		if m, ok := c.align(q, int32(uint32(o)), least, x.mark); ok {
			out = append(out, m)
		}
	}
	for _, t := range c.terms[q] {
		x.mark[t>>6] = 0
	}
	x.cands = out
	return out
}

// sentencesOf returns the ids of article ai's sentences: from from to
// to, less to.
func (c *corpus) sentencesOf(ai int32) (from, to int32) {
	from, to = int32(c.first[ai]), int32(len(c.refs))
	if int(ai)+1 < len(c.first) {
		to = int32(c.first[ai+1])
	}
	return from, to
}

// sortByDF sorts terms by their number of postings, as sort.Slice does:
// which of the terms of equal frequency come first decides which are
// probed, so the order must stay that of sort.Slice.
func sortByDF(terms []int32, post [][]int32) {
	slices.SortFunc(terms, func(a, b int32) int { return cmp.Compare(len(post[a]), len(post[b])) })
}

// align returns how sentences q and d overlap (see alignMatch), and
// whether they share copyShared words or more and the score reaches
// least. mark has the bits of q's terms set, so that d's words and
// phrases are looked up rather than merged with q's (which costs a
// mispredicted branch a word); the phrases are looked at only when the
// words are enough, since a shared phrase only lowers the score.
func (c *corpus) align(q int, d int32, least float64, mark []uint64) (alignMatch, bool) {
	var shared int64
	n := 0
	for _, t := range c.terms[d] {
		if marked(mark, t) {
			shared += c.idf[t]
			n++
		}
	}
	wq, wd := c.weight[q], c.weight[d]
	den := min(wq, wd)
	if n < copyShared || shared <= 0 || den <= 0 || min(float64(shared)/float64(den), 1) < least {
		return alignMatch{}, false
	}
	for _, p := range c.pairs[d] {
		// Pairs are distinct, so each shared one is met once.
		if marked(mark, int32(p>>32)) && marked(mark, int32(uint32(p))) && slices.Contains(c.pairs[q], p) {
			shared -= c.pairWeight(p)
		}
	}
	if shared <= 0 {
		return alignMatch{}, false
	}
	m := alignMatch{
		id:       d,
		score:    min(float64(shared)/float64(den), 1),
		verbatim: min(float64(shared)/float64(max(wq, wd)), 1),
	}
	return m, m.score >= least
}

// marked reports whether bit t of mark is set.
func marked(mark []uint64, t int32) bool { return mark[t>>6]&(1<<(t&63)) != 0 }

// longestIncreasing returns the length of the longest strictly increasing
// subsequence of xs (patience sorting, O(n log n)), using tails as
// scratch space.
func longestIncreasing(xs []int, tails *[]int) int {
	ts := (*tails)[:0]
	for _, x := range xs {
		k := sort.SearchInts(ts, x)
		if k == len(ts) {
			ts = append(ts, x)
		} else {
			ts[k] = x
		}
	}
	*tails = ts
	return len(ts)
}
