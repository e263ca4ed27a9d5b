package analysis

import (
	"slices"
	"testing"

	"briefing/internal/model"
)

// TestNamesAsOldFinder checks that the name finder, which looks each word
// up once, finds the names, keys and contexts that the finder that looked
// up each set in turn found, on the seed articles, on a corpus of their
// rewrites, and on sentences made to catch the sets' corners.
func TestNamesAsOldFinder(t *testing.T) {
	sites := seedsAndRewrites(t, 400)
	odd := newTestSite(t, &model.Site{Articles: []*model.Article{{Slug: "odd", Text: "THE Interior Ministry said. " +
		"The interior ministry of THE Republic said. The interior mINISTRY and Kyiv oF Lviv said. In the OF Legion, the Of legion. " +
		"Anyone in Kyiv Region said. President Zelensky’s office, the presidential office, said on Telegram. " +
		"The Ministry Of Defence, the Ministry of the Defence said. Monday-Night Football of Mi-8 and Ukraine-aligned X. " +
		"Vice President Xavierabcdefghijklmnopqrstuvwxyzabcdef and the ministryabcdefghijklmnopqrstuvwxyzab ministry said.\n"}}})
	sites = append(sites, odd)
	var nf nameFinder
	n := 0
	for _, s := range sites {
		for _, a := range s.docs {
			hits, keys := nf.names(a)
			oldHits, oldKeys := oldNames(a)
			if !slices.Equal(hits, oldHits) || !slices.Equal(keys, oldKeys) {
				t.Fatalf("%s: names %v %q, want %v %q", a.Slug, hits, keys, oldHits, oldKeys)
			}
			n += len(hits)
		}
	}
	if n < 1000 {
		t.Fatalf("only %d names to compare", n)
	}
}

// TestNamesWhileTokenizing checks that the names found while the corpus
// is tokenized, with each word's class looked up once per distinct word,
// are numbered and kept as the names found on their own are.
func TestNamesWhileTokenizing(t *testing.T) {
	for _, s := range seedsAndRewrites(t, 400) {
		c := newCorpus(s.docs)
		got, err := c.m.findNames(t.Context(), s)
		if err != nil {
			t.Fatal(err)
		}
		var m memo // finds the names on their own
		for _, a := range s.docs {
			m.text(a.Article)
		}
		want, err := m.findNames(t.Context(), s)
		if err != nil {
			t.Fatal(err)
		}
		for i, a := range s.docs {
			if !slices.Equal(got[i], want[i]) {
				t.Fatalf("%s: names %v, want %v", a.Slug, got[i], want[i])
			}
		}
		if !slices.Equal(c.m.names.vocab, m.names.vocab) {
			t.Fatal("the names are numbered otherwise")
		}
		if len(m.names.vocab) < 10 {
			t.Fatalf("only %d names", len(m.names.vocab))
		}
	}
}
