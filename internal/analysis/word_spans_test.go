package analysis

import (
	"slices"
	"strings"
	"testing"

	"briefing/internal/model"
)

// TestWordSpansAsScan checks that the words kept while tokenizing are
// those that scanning each sentence finds, on the seed articles, on a
// corpus of their rewrites, and on words and gaps too long for a byte.
func TestWordSpansAsScan(t *testing.T) {
	long := "Kyiv" + strings.Repeat(" ", 300) + strings.Repeat("x", 200) + "  said.\n\n" + strings.Repeat("y", 70000) + " said."
	sites := append(seedsAndRewrites(t, 200), newTestSite(t, &model.Site{Articles: []*model.Article{{Slug: "long", Text: long}}}))
	words := 0
	for _, s := range sites {
		c := newCorpus(s.docs)
		for _, a := range s.docs {
			spans := &c.m.text(a.Article).spans
			if !spans.of(len(a.Sentences)) {
				t.Fatalf("%s: no words kept", a.Slug)
			}
			for i, st := range a.Sentences {
				var want [][2]int
				scanWords(st.Text, func(s, e int) { want = append(want, [2]int{st.Start + s, st.Start + e}) })
				if got := spans.appendWords(nil, i); !slices.Equal(got, want) {
					t.Fatalf("%s sentence %d: words %v, want %v", a.Slug, i, got, want)
				}
				words += len(want)
			}
		}
	}
	if words < 10000 {
		t.Fatalf("only %d words", words)
	}
}
