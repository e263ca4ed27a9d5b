package analysis

import "math"

// subset is a part of a corpus indexed on its own, such as the statements
// of one speaker, without some words (the speaker's own names), so that
// searching it costs what it holds. Its members are numbered from 0 in
// the order they were given. A subset is used by one goroutine at a time.
type subset struct {
	c      *corpus
	ids    []int             // member → its corpus id
	terms  [][]int32         // member → its sorted terms, less the ignored
	pairs  [][]uint64        // member → its sorted pairs, less those with an ignored word
	weight []int64           // member → its weight without the ignored words
	post   map[int32][]int32 // term → the members that use it, ascending
	maxDF  int               // terms more frequent than this are not looked up
	met    []uint32          // member → the last search that met it
	pass   uint32            // the current search
}

// subset indexes sentences ids, leaving out the ignored words.
func (c *corpus) subset(ids []int, ignore map[int32]bool) *subset {
	x := &subset{c: c, ids: ids, post: map[int32][]int32{},
		terms: make([][]int32, len(ids)), pairs: make([][]uint64, len(ids)),
		weight: make([]int64, len(ids)), met: make([]uint32, len(ids))}
	for k, id := range ids {
		x.weight[k] = c.weightOf(id, ignore)
		for _, t := range c.terms[id] {
			if !ignore[t] {
				x.terms[k] = append(x.terms[k], t)
				x.post[t] = append(x.post[t], int32(k))
			}
		}
		for _, p := range c.pairs[id] {
			if !ignore[int32(p>>32)] && !ignore[int32(uint32(p))] {
				x.pairs[k] = append(x.pairs[k], p)
			}
		}
	}
	x.maxDF = max(minProbeDF, int(2*math.Sqrt(float64(len(ids)))))
	return x
}

// alike calls f with each member of other articles that accept finds
// similar to member k, leaving out the ignored words: a subset is small
// enough to look up all of k's words. It passes over the members skip
// reports (those already known to be alike) without scoring them.
func (x *subset) alike(k int, accept func(score, shared float64, n int) bool, skip func(m int) bool, f func(m int)) {
	c := x.c
	x.pass++
	art := c.art[x.ids[k]]
	for _, t := range x.terms[k] {
		p := x.post[t]
		if len(p) <= 1 || len(p) > x.maxDF {
			continue // only k uses it, or too many do
		}
		for _, m := range p {
			if x.met[m] == x.pass {
				continue
			}
			x.met[m] = x.pass
			if c.art[x.ids[m]] == art || skip(int(m)) {
				continue
			}
			shared, n := c.overlapOf(x.terms[k], x.terms[m], x.pairs[k], x.pairs[m])
			if den := min(x.weight[k], x.weight[m]); den > 0 && shared > 0 {
				if accept(min(float64(shared)/float64(den), 1), float64(shared)/fixed, n) {
					f(int(m))
				}
			}
		}
	}
}
