package analysis

import (
	"slices"
	"testing"
)

// TestTokenizeAllAsOneCore checks that tokenizing the corpus on all cores
// numbers terms exactly as one tokenizer does, text after text, and finds
// the same content words, pairs and words in each sentence, on the seed
// articles and on a corpus of their rewrites.
func TestTokenizeAllAsOneCore(t *testing.T) {
	for _, s := range seedsAndRewrites(t, 400) {
		c := newCorpus(s.docs)
		var tok tokenizer // the reference: one tokenizer, text after text
		id := 0
		for _, a := range s.docs {
			tok.startUses()
			for _, st := range a.Sentences {
				var terms []int32
				var pairs []uint64
				prev := int32(-1)
				tok.terms(st.Text, func(t int32, joined bool) {
					terms = append(terms, t)
					if joined && prev >= 0 && prev != t {
						pairs = append(pairs, pairKey(prev, t))
					}
					prev = t
				})
				slices.Sort(terms)
				slices.Sort(pairs)
				if !slices.Equal(c.terms[id], slices.Compact(terms)) || !slices.Equal(c.pairs[id], slices.Compact(pairs)) {
					t.Fatalf("%s sentence %d: terms %v pairs %v, want %v %v", a.Slug, id, c.terms[id], c.pairs[id], terms, pairs)
				}
				id++
			}
			for _, w := range tok.seen {
				if w := tok.forms[w]; !c.has(w) {
					t.Fatalf("%s: the corpus does not have word %q", a.Slug, w)
				}
			}
		}
		if !slices.Equal(c.vocab, tok.vocab) {
			t.Errorf("%d articles: the terms are numbered otherwise than by one tokenizer", len(s.docs))
		}
		if len(c.m.tok.words) != len(tok.words) || len(c.m.tok.forms) != len(tok.words) {
			t.Errorf("%d articles: %d words (%d forms), want %d", len(s.docs), len(c.m.tok.words), len(c.m.tok.forms), len(tok.words))
		}
	}
}
