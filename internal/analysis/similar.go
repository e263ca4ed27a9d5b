package analysis

import (
	"cmp"
	"context"
	"slices"
	"sort"
	"strings"

	"briefing/internal/model"
)

// Cross-outlet matching: two sentences of different articles report the
// same thing when they share enough of their rare content words.
//
// A corpus indexes every sentence by its content words (see contentWords).
// To find the sentences similar to one, it looks up only the query's rarest
// words in the inverted index, so the cost grows with the postings of rare
// words, not with the number of sentence pairs, and scores each candidate
// with an IDF-weighted overlap coefficient: the weight of the shared words
// over the weight of the lighter sentence.
const (
	// probeTerms is how many of a query's rarest words are looked up.
	probeTerms = 8
	// minProbeDF is the document frequency under which a word is always
	// worth looking up, however small the corpus.
	minProbeDF = 64
	// fixed scales weights to integers, so that sums do not depend on the
	// order of their terms, and a rebuild with remembered term numbers
	// (see memo) scores exactly as a fresh one.
	fixed = 1 << 40
)

// corpus is an inverted index from content words to the sentences of a set
// of articles. It is read-only once built, so it can be queried
// concurrently.
type corpus struct {
	slugs  map[string]int      // article slug → article index
	first  []int               // article index → id of its first sentence
	refs   []model.SentenceRef // sentence id → its reference
	art    []int32             // sentence id → article index
	terms  [][]int32           // sentence id → sorted distinct term ids
	pairs  [][]uint64          // sentence id → sorted adjacent term pairs (see pairKey)
	post   [][]int32           // term id → ascending sentence ids
	idf    []int64             // term id → inverse document frequency, in (0, 1], fixed-point
	weight []int64             // sentence id → its weight (see weightOf), fixed-point
	maxDF  int                 // words more frequent than this are not looked up
	vocab  []string            // term id → term
	m      *memo               // the numbering of terms and words
}

// match is a sentence found similar to another, and how similar.
type match struct {
	Ref   model.SentenceRef
	Score float64
}

// newCorpus indexes the sentences of articles, which must be segmented.
func newCorpus(articles []*doc) *corpus {
	c, _ := new(memo).corpus(context.Background(), articles) // cannot be cancelled
	return c
}

// has reports whether the articles use word w, as written.
func (c *corpus) has(w string) bool {
	c.m.mu.Lock()
	defer c.m.mu.Unlock()
	return c.uses(w)
}

// uses is has for a caller that holds c.m.mu.
func (c *corpus) uses(w string) bool {
	x, ok := c.m.tok.words[w]
	return ok && int(x.word) < len(c.m.wordUse) && c.m.wordUse[x.word] > 0
}

// id returns the corpus id of sentence i of article slug, or -1.
func (c *corpus) id(slug string, i int) int {
	ai, ok := c.slugs[slug]
	if !ok {
		return -1
	}
	return c.idAt(ai, i)
}

// idAt returns the corpus id of sentence i of article ai, or -1.
func (c *corpus) idAt(ai, i int) int {
	id := c.first[ai] + i
	if i < 0 || id >= len(c.refs) || int(c.art[id]) != ai {
		return -1
	}
	return id
}

// similar returns the sentences of other articles that report the same
// thing as sentence i of article slug, best first.
func (c *corpus) similar(slug string, i int) []match {
	q := c.id(slug, i)
	if q < 0 {
		return nil
	}
	return c.search(q, same)
}

// search returns the sentences of other articles that accept finds
// similar to sentence s, best first. accept must be monotone (see
// subset.alike).
func (c *corpus) search(s int, accept func(score, shared float64, n int) bool) []match {
	// Words that only s uses find nothing; of the others, the rarest are
	// the likeliest to be shared only by sentences that report the same
	// thing.
	probe := make([]int32, 0, len(c.terms[s]))
	for _, t := range c.terms[s] {
		if df := len(c.post[t]); df > 1 && df <= c.maxDF {
			probe = append(probe, t)
		}
	}
	if len(probe) > probeTerms {
		// Terms have distinct words, so the order is total.
		slices.SortFunc(probe, func(a, b int32) int {
			if x, y := len(c.post[a]), len(c.post[b]); x != y {
				return cmp.Compare(x, y)
			}
			return strings.Compare(c.vocab[a], c.vocab[b])
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
		// The words first: the phrases they share only lower the score,
		// and accept is monotone (see subset.alike).
		shared, n := c.overlapOf(c.terms[s], c.terms[d], nil, nil)
		den := min(c.weight[s], c.weight[d])
		if den <= 0 || shared <= 0 || !accept(min(float64(shared)/float64(den), 1), float64(shared)/fixed, n) {
			continue
		}
		shared -= c.sharedPairs(c.pairs[s], c.pairs[d])
		if score := min(float64(shared)/float64(den), 1); shared > 0 && accept(score, float64(shared)/fixed, n) {
			out = append(out, match{Ref: c.refs[d], Score: score})
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

// weightOf returns the weight of sentence i: the idf of its words, a
// phrase of two ("armed forces") weighing as its heavier word, leaving out
// the ignored words.
func (c *corpus) weightOf(i int, ignore map[int32]bool) int64 {
	var w int64
	for _, t := range c.terms[i] {
		if !ignore[t] {
			w += c.idfx(t)
		}
	}
	for _, p := range c.pairs[i] {
		if !ignore[int32(p>>32)] && !ignore[int32(uint32(p))] {
			w -= c.pairWeight(p)
		}
	}
	return w
}

// overlap returns the weight and the number of the words sentences a and b
// share; a phrase both use weighs as its heavier word, so that one shared
// expression does not count double.
func (c *corpus) overlap(a, b int) (shared int64, n int) {
	return c.overlapOf(c.terms[a], c.terms[b], c.pairs[a], c.pairs[b])
}

// overlapOf is overlap for two sentences' sorted terms ta and tb and
// sorted pairs pa and pb.
func (c *corpus) overlapOf(ta, tb []int32, pa, pb []uint64) (shared int64, n int) {
	for i, j := 0, 0; i < len(ta) && j < len(tb); {
		switch {
		case ta[i] < tb[j]:
			i++
		case ta[i] > tb[j]:
			j++
		default:
			shared += c.idf[ta[i]]
			n++
			i++
			j++
		}
	}
	return shared - c.sharedPairs(pa, pb), n
}

// sharedPairs returns what the phrases of sorted pairs pa and pb that
// both use weigh less than their words (see pairWeight).
func (c *corpus) sharedPairs(pa, pb []uint64) (w int64) {
	for i, j := 0, 0; i < len(pa) && j < len(pb); {
		switch {
		case pa[i] < pb[j]:
			i++
		case pa[i] > pb[j]:
			j++
		default:
			w += c.pairWeight(pa[i])
			i++
			j++
		}
	}
	return w
}

// idfx is the idf of term t in fixed point.
func (c *corpus) idfx(t int32) int64 { return c.idf[t] }

// pairWeight is what a phrase of two words weighs less than its words: the
// lighter word, so that the phrase weighs as its heavier word.
func (c *corpus) pairWeight(p uint64) int64 {
	return min(c.idfx(int32(p>>32)), c.idfx(int32(uint32(p))))
}

// pairKey packs two adjacent terms, in either order.
func pairKey(a, b int32) uint64 {
	if a > b {
		a, b = b, a
	}
	return uint64(a)<<32 | uint64(uint32(b))
}

// termIDs returns the ids of the terms of the texts that the corpus knows.
func (c *corpus) termIDs(texts ...string) map[int32]bool {
	out := map[int32]bool{}
	var tok tokenizer
	for _, s := range texts {
		tok.terms(s, func(t int32, _ bool) {
			c.m.mu.Lock()
			id, ok := c.m.tok.ids[tok.vocab[t]]
			c.m.mu.Unlock()
			if ok && int(id) < len(c.post) {
				out[id] = true
			}
		})
	}
	return out
}

// same decides from a score, the shared weight and the number of shared
// words whether two sentences report the same thing: a close rewording
// (half the lighter sentence, with two rare words' weight), or a long
// shared passage (three rare words' weight, at a third of the lighter
// sentence). Headlines and captions of a few words share a name and a
// word with many sentences; the weight floor keeps them apart.
func same(score, shared float64, n int) bool {
	return n >= 3 && (score >= 0.5 && shared >= 2.2 || score >= 0.35 && shared >= 3)
}

// sameStatement is same for two statements of one speaker with the
// speaker's names left out. It asks for less, because that two reports
// have the same speaker is already evidence that they are one statement:
// "one person was killed" and "a civilian had been killed" share only
// two words.
func sameStatement(score, shared float64, n int) bool {
	return n >= 2 && (score >= 0.5 || score >= 0.35 && shared >= 1.6)
}
