package analysis

import "testing"

// NewStockSegmenter returns a Segmenter that finds sentence breaks with
// the stock english.NewSentenceTokenizer, as Segment did before newPunkt,
// for the tests of package analysis_test.
func NewStockSegmenter(t testing.TB) *Segmenter { return newStockSegmenter(t) }
