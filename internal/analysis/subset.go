package analysis

import (
	"math"
	"slices"
)

// subset is a part of a corpus indexed on its own, such as the statements
// of one speaker, without some words (the speaker's own names), so that
// searching it costs what it holds. Its members are numbered from 0 in
// the order they were given, its terms from 0 in the order the members
// first use them. A subset is used by one goroutine at a time.
type subset struct {
	c      *corpus
	art    []int32    // member → its article
	terms  [][]int32  // member → its terms, less the ignored, by subset number
	pairs  [][]uint64 // member → its sorted pairs, less those with an ignored word
	weight []int64    // member → its weight without the ignored words
	idf    []int64    // term → its idf in the corpus
	post   [][]int32  // term → the members that use it, ascending
	maxDF  int        // terms more frequent than this are not looked up

	// The scratch space of alike, by member: the last search that met
	// it, and what it shares with the searched member by the words
	// looked up; and the members that search met, in the order it met
	// them. By term: the idf of the searched member's frequent terms, 0
	// for the others.
	met      []uint32
	pass     uint32
	shared   []int64
	n        []int32
	touched  []int32
	frequent []int64
}

// subset indexes sentences ids, leaving out the ignored words.
func (c *corpus) subset(ids []int, ignore map[int32]bool) *subset {
	x := &subset{c: c, art: make([]int32, len(ids)),
		terms: make([][]int32, len(ids)), pairs: make([][]uint64, len(ids)), weight: make([]int64, len(ids)),
		met: make([]uint32, len(ids)), shared: make([]int64, len(ids)), n: make([]int32, len(ids))}
	// Each term's subset number, -1 for the ignored ones, so that one
	// lookup tells both.
	number := make(map[int32]int32, len(ignore))
	var ignored []int32
	for t, ig := range ignore {
		if ig {
			number[t] = -1
			ignored = append(ignored, t)
		}
	}
	hasIgnored := func(p uint64) bool {
		return slices.Contains(ignored, int32(p>>32)) || slices.Contains(ignored, int32(uint32(p)))
	}
	size := 0
	for _, id := range ids {
		size += len(c.terms[id])
	}
	all := make([]int32, 0, size) // the members' terms, in one array
	var df []int32                // term → the members that use it
	for k, id := range ids {
		x.art[k] = c.art[id]
		var w int64
		from := len(all)
		names := false // whether the sentence uses an ignored word
		for _, t := range c.terms[id] {
			l, ok := number[t]
			if !ok {
				l = int32(len(x.idf))
				number[t] = l
				x.idf = append(x.idf, c.idf[t])
				df = append(df, 0)
			}
			if l < 0 {
				names = true
				continue
			}
			all = append(all, l)
			df[l]++
			w += c.idf[t]
		}
		x.terms[k] = all[from:len(all):len(all)]
		// A phrase is of two of the sentence's words, so a statement
		// without the ignored words keeps the corpus's phrases.
		x.pairs[k] = c.pairs[id]
		if names && slices.ContainsFunc(x.pairs[k], hasIgnored) {
			x.pairs[k] = slices.DeleteFunc(slices.Clone(x.pairs[k]), hasIgnored)
		}
		for _, p := range x.pairs[k] {
			w -= c.pairWeight(p)
		}
		x.weight[k] = w // as c.weightOf(id, ignore), whose sum is exact
	}
	// The postings share one array, each list as long as its term's
	// frequency.
	x.post = make([][]int32, len(df))
	flat := make([]int32, len(all))
	off := 0
	for t, n := range df {
		x.post[t] = flat[off : off : int(n)+off]
		off += int(n)
	}
	for k, ts := range x.terms {
		for _, t := range ts {
			x.post[t] = append(x.post[t], int32(k))
		}
	}
	x.frequent = make([]int64, len(x.idf))
	x.maxDF = max(minProbeDF, int(2*math.Sqrt(float64(len(ids)))))
	return x
}

// alike calls f with each member after k, of another article, that accept
// finds similar to member k, leaving out the ignored words; it passes
// over the members skip reports (those already known to be alike)
// without scoring them. Similarity is symmetric, so the members before k
// have met k in their own search. A subset is small enough to look up all
// of k's words but the frequent ones, which only add to the weight shared
// with the members the others find.
//
// accept must be monotone: accepting a score and a shared weight, it
// accepts any larger ones for the same number of words, so that a member
// whose words alone, before their phrases are counted once, are not
// enough is passed over without comparing their phrases.
func (x *subset) alike(k int, accept func(score, shared float64, n int) bool, skip func(m int) bool, f func(m int)) {
	x.pass++
	touched := x.touched[:0]
	var frequent []int32
	for _, t := range x.terms[k] {
		p := x.post[t]
		if len(p) <= 1 {
			continue // only k uses it
		}
		if len(p) > x.maxDF {
			frequent = append(frequent, t)
			continue
		}
		idf := x.idf[t]
		at, _ := slices.BinarySearch(p, int32(k+1))
		for _, m := range p[at:] {
			if x.met[m] != x.pass {
				x.met[m] = x.pass
				x.shared[m], x.n[m] = 0, 0
				touched = append(touched, m)
			}
			x.shared[m] += idf
			x.n[m]++
		}
	}
	x.touched = touched
	for _, t := range frequent {
		x.frequent[t] = x.idf[t]
	}
	for _, m := range touched {
		if x.art[m] == x.art[k] || skip(int(m)) {
			continue
		}
		shared, n := x.shared[m], x.n[m]
		if len(frequent) > 0 {
			for _, t := range x.terms[m] {
				if w := x.frequent[t]; w != 0 {
					shared += w
					n++
				}
			}
		}
		den := min(x.weight[k], x.weight[m])
		if den <= 0 || shared <= 0 || !accept(min(float64(shared)/float64(den), 1), float64(shared)/fixed, int(n)) {
			continue // and so with its phrases counted once
		}
		shared -= x.c.sharedPairs(x.pairs[k], x.pairs[m])
		if shared > 0 && accept(min(float64(shared)/float64(den), 1), float64(shared)/fixed, int(n)) {
			f(int(m))
		}
	}
	for _, t := range frequent {
		x.frequent[t] = 0
	}
}
