package analysis

import (
	"reflect"
	"testing"
)

// oldPostings is postings as one core built them, sentence after
// sentence: the reference the test compares with.
func oldPostings(terms [][]int32, vocab int) [][]int32 {
	df := make([]int32, vocab)
	for _, ts := range terms {
		for _, t := range ts {
			df[t]++
		}
	}
	post := make([][]int32, vocab)
	total := 0
	for _, k := range df {
		total += int(k)
	}
	all, off := make([]int32, total), 0
	for t, k := range df {
		post[t] = all[off : off : off+int(k)]
		off += int(k)
	}
	for id, ts := range terms {
		for _, t := range ts {
			post[t] = append(post[t], int32(id))
		}
	}
	return post
}

// TestPostingsAsOneCore checks that the postings made on all cores are
// those one core made, capacities included, on the seed articles, on a
// corpus of their rewrites, and on corpora with no sentence, no term, or
// fewer sentences than cores.
func TestPostingsAsOneCore(t *testing.T) {
	cases := [][][]int32{nil, {{}}, {{0}}, {{1, 2}, {}, {0, 2}}}
	vocabs := []int{0, 0, 1, 3}
	for _, s := range seedsAndRewrites(t, 300) {
		c := newCorpus(s.docs)
		cases, vocabs = append(cases, c.terms), append(vocabs, len(c.vocab))
	}
	for i, terms := range cases {
		got, want := postings(terms, vocabs[i]), oldPostings(terms, vocabs[i])
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("case %d: postings differ", i)
		}
		for k := range got {
			if cap(got[k]) != cap(want[k]) {
				t.Fatalf("case %d: term %d has room for %d, want %d", i, k, cap(got[k]), cap(want[k]))
			}
		}
	}
}
