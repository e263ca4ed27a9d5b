package analysis

import "briefing/internal/parallel"

// postings returns, for each of the vocab terms, the ids of the sentences
// that use it, ascending: terms[id] are the distinct terms of sentence id.
// The lists share one array, each exactly as long as its term's document
// frequency.
//
// The sentences are cut into one run per core. Each core counts the terms
// of its run; the counts give each run's place in each term's list, where
// each core then writes its run's ids, in the order one core would.
func postings(terms [][]int32, vocab int) [][]int32 {
	runs := parallel.Workers(len(terms))
	run := func(k int) (from, to int) { return k * len(terms) / runs, (k + 1) * len(terms) / runs }
	count := make([][]int32, runs) // run → term → its sentences in the run
	forEach(runs, func(k int) {
		count[k] = make([]int32, vocab)
		from, to := run(k)
		for _, ts := range terms[from:to] {
			for _, t := range ts {
				count[k][t]++
			}
		}
	})
	// Turn each count into where the run's ids of the term go.
	post := make([][]int32, vocab)
	at := make([]int, vocab+1)
	off := 0
	for t := range vocab {
		at[t] = off
		for k := range runs {
			n := int(count[k][t])
			count[k][t] = int32(off)
			off += n
		}
	}
	at[vocab] = off
	all := make([]int32, off)
	forEach(runs, func(k int) {
		next := count[k]
		from, to := run(k)
		for id, ts := range terms[from:to] {
			for _, t := range ts {
				all[next[t]] = int32(from + id)
				next[t]++
			}
		}
	})
	for t := range vocab {
		post[t] = all[at[t]:at[t+1]:at[t+1]]
	}
	return post
}
