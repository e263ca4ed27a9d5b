package analysis

import (
	"slices"

	"briefing/internal/model"
)

// What readers see as "also reported", and what only the editor sees.
//
// The corpus matches whole sentences (see same), but a claim cites a quote,
// often a part of a long sentence, and a reader takes every sentence shown
// under a quote for one that reports what the quote says. A sentence that
// shares the other half of the cited sentence ("little green men" under a
// quote about a "defensive corridor"), or only its names, is not one. So a
// sentence the corpus finds is shown to readers only when it also passes
// shows:
//
//   - it carries the quoted words as same asks of two sentences: at least
//     three of the quote's content words, half of the quote's weight with
//     two rare words' weight, or a third of it with three rare words'
//     weight, counting only the words within the quote;
//   - it gives every number the quote gives: a figure is the fact, and a
//     sentence with another toll, or none, reports something else.
//
// On the labelled pairs of testdata/also_reported.tsv the rule is checked
// to keep a precision of 0.9 or better (see TestAlsoReportedPrecision).
// What the corpus finds and shows rejects is not shown: check lists it as
// a suggestion for the editor, who may cite it as evidence.

// alsoFound is what the corpus found for the quoted words of one cited
// sentence: the sentences of other articles shown to readers, and those
// only suggested to the editor, each best first.
type alsoFound struct {
	shown, suggested []model.SentenceRef
}

// quoteKey names the quoted words of a cited sentence across builds.
type quoteKey struct {
	sentenceKey
	quote string // the quoted words within the sentence, as written
}

// quoteTerms returns the distinct ids, ascending, of the content words of
// quote that the corpus knows.
func (c *corpus) quoteTerms(quote string) []int32 {
	ids := c.termIDs(quote)
	out := make([]int32, 0, len(ids))
	for t := range ids {
		out = append(out, t)
	}
	slices.Sort(out)
	return out
}

// carries returns how much of the quoted words q (see quoteTerms) sentence
// d carries: the weight of the words they share over the weight of the
// lighter of q and d, at most 1, the shared weight, and the number of
// shared words. It also reports whether d gives every number q gives.
func (c *corpus) carries(q []int32, d int) (score, shared float64, n int, numbers bool) {
	var wq, sh int64
	numbers = true
	td := c.terms[d]
	for _, t := range q {
		wq += c.idfx(t)
		_, in := slices.BinarySearch(td, t)
		if in {
			sh += c.idfx(t)
			n++
		} else if isNumber(c.vocab[t]) {
			numbers = false
		}
	}
	den := min(wq, c.weight[d])
	if den <= 0 || sh <= 0 {
		return 0, 0, 0, numbers
	}
	return min(float64(sh)/float64(den), 1), float64(sh) / fixed, n, numbers
}

// shows decides whether a sentence the corpus found similar to a cited
// sentence reports what the quote says (see the rule above), from what
// carries returns.
func shows(score, shared float64, n int, numbers bool) bool {
	return numbers && same(score, shared, n)
}

// isNumber reports whether the content word w is a number.
func isNumber(w string) bool {
	return w != "" && w[0] >= '0' && w[0] <= '9'
}

// alsoFor splits the matches the corpus found for a cited sentence into
// those shows accepts for quote, the quoted words within it, and the rest.
func (c *corpus) alsoFor(ms []match, quote string) alsoFound {
	var f alsoFound
	q := c.quoteTerms(quote)
	for _, m := range ms {
		d := c.id(m.Ref.Article, m.Ref.Sentence)
		if shows(c.carries(q, d)) {
			f.shown = append(f.shown, m.Ref)
		} else {
			f.suggested = append(f.suggested, m.Ref)
		}
	}
	return f
}
