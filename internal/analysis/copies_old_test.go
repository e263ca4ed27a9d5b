package analysis

import (
	"context"
	"maps"
	"slices"
	"sort"
	"testing"
)

// The alignment of articles as it was first written, one article after
// another, with maps, to compare the parallel one with. (Its candidates
// differ only in their sort, which TestSortByDFAsSortSlice compares.)

func sharesOld(s *site, c *corpus) copyShares {
	type pair struct {
		i, j     int
		verbatim bool
	}
	counted := make(map[string]int, len(s.docs))
	for _, a := range s.docs {
		for i := range a.Sentences {
			if q := c.id(a.Slug, i); q >= 0 && len(c.terms[q]) >= minTerms {
				counted[a.Slug]++
			}
		}
	}
	shares := copyShares{}
	x := &alignScratch{hits: make([]uint8, len(c.refs))}
	var js, vs []int
	for _, a := range s.docs {
		if counted[a.Slug] == 0 {
			continue
		}
		pairs := map[string][]pair{}
		for i := range a.Sentences {
			q := c.id(a.Slug, i)
			if q < 0 || len(c.terms[q]) < minTerms {
				continue
			}
			best := map[int32]alignMatch{}
			for _, m := range c.candidatesOld(q, alignScore, x) {
				ai := c.art[m.id]
				if b, ok := best[ai]; !ok || m.score > b.score || m.score == b.score && m.verbatim > b.verbatim {
					best[ai] = m
				}
			}
			for _, m := range best {
				r := c.refs[m.id]
				pairs[r.Article] = append(pairs[r.Article], pair{i, r.Sentence, m.verbatim >= verbatimScore})
			}
		}
		for other, ps := range pairs {
			js, vs = js[:0], vs[:0]
			for _, p := range ps {
				js = append(js, p.j)
				if p.verbatim {
					vs = append(vs, p.j)
				}
			}
			ordered := longestIncreasing(js, new([]int))
			slices.Sort(js)
			slices.Sort(vs)
			shares[[2]string{a.Slug, other}] = alignment{
				counted:  counted[a.Slug],
				other:    counted[other],
				aligned:  len(slices.Compact(js)),
				evidence: max(ordered, len(slices.Compact(vs))),
			}
		}
	}
	return shares
}

// TestDetectCopiesAsBefore checks that aligning the articles on all cores,
// with flat scratch space, finds exactly the alignments the first
// implementation found, on the seed articles and on a corpus of their
// rewrites (many copies, many ties among rare words).
func TestDetectCopiesAsBefore(t *testing.T) {
	for _, s := range seedsAndRewrites(t, 300) {
		c := newCorpus(s.docs)
		got, _, err := detectCopies(context.Background(), s, c)
		if err != nil {
			t.Fatal(err)
		}
		want := sharesOld(s, c)
		if len(want) == 0 {
			t.Fatalf("%d articles: no alignments to compare", len(s.docs))
		}
		if !maps.Equal(got, want) {
			t.Errorf("%d articles: %d alignments, want %d (or they differ)", len(s.docs), len(got), len(want))
		}
	}
}

// seedsAndRewrites returns the seed articles, and a corpus of n of their
// rewrites (see largeSite), segmented, for comparing two implementations.
func seedsAndRewrites(t *testing.T, n int) []*site {
	return []*site{seedSite(t), newTestSite(t, largeSite(t, n))}
}

// TestSortByDFAsSortSlice checks that sortByDF orders the probed words of
// every sentence as sort.Slice did, ties included: which of equally rare
// words are probed decides what aligns.
func TestSortByDFAsSortSlice(t *testing.T) {
	c := newCorpus(newTestSite(t, largeSite(t, 300)).docs)
	ties := 0
	for q := range c.terms {
		a := slices.Clone(c.terms[q])
		b := slices.Clone(a)
		sort.Slice(a, func(i, j int) bool { return len(c.post[a[i]]) < len(c.post[a[j]]) })
		sortByDF(b, c.post)
		if !slices.Equal(a, b) {
			t.Fatalf("sentence %d: sortByDF gives %v, sort.Slice %v", q, b, a)
		}
		for i := 1; i < len(a); i++ {
			if len(c.post[a[i]]) == len(c.post[a[i-1]]) {
				ties++
			}
		}
	}
	if ties == 0 {
		t.Fatal("no ties to compare")
	}
}
