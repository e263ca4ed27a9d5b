package analysis_test

import (
	"reflect"
	"testing"

	"briefing/internal/analysis"
	"briefing/internal/corpus"
)

// TestSegmentMatchesStockOnGeneratedCorpus: Segment gives the same
// paragraphs and sentences, offsets and IDs, as with the stock English
// tokenizer on the default articles and on a generated corpus. The
// corpus package segments its seeds with package analysis, so this test
// lives outside it.
func TestSegmentMatchesStockOnGeneratedCorpus(t *testing.T) {
	seeds, err := corpus.ReadSeeds("../../content/articles")
	if err != nil {
		t.Fatal(err)
	}
	n := 600
	if testing.Short() {
		n = 100
	}
	c, err := corpus.Generate(seeds, corpus.Options{Articles: n, Actors: 20, Claims: 20, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	texts := append([]string(nil), seeds...)
	for _, a := range c.Articles {
		texts = append(texts, a.Text())
	}
	quick, err := analysis.NewSegmenter()
	if err != nil {
		t.Fatal(err)
	}
	slow := analysis.NewStockSegmenter(t)
	for i, text := range texts {
		gp, gs := quick.Segment(text)
		wp, ws := slow.Segment(text)
		if !reflect.DeepEqual(gp, wp) || !reflect.DeepEqual(gs, ws) {
			t.Errorf("text %d: Segment differs from the stock tokenizer's:\n got %v\n%v\nwant %v\n%v", i, gp, gs, wp, ws)
		}
	}
}
