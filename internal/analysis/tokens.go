package analysis

import (
	"context"
	"slices"

	"briefing/internal/parallel"
)

// Tokenizing the corpus on all cores, numbered as one core would number it.
//
// Term ids decide ties between equally rare words (see sortByDF), so they
// must not depend on which core tokenized which text: the memo numbers
// terms in the order a single tokenizer would meet them, text after text.
// Each goroutine tokenizes its texts with a tokenizer of its own, which
// numbers terms and words its own way, and lists each text's terms in the
// order of their first use. Then, text after text, the terms new to the
// memo get the memo's next ids; and the texts' content words are renumbered
// on all cores. Word ids only mark which words the articles use, so each
// goroutine's words are numbered together.

// tokenJob is a text to tokenize and what its goroutine found in it,
// numbered by that goroutine's tokenizer.
type tokenJob struct {
	a *doc
	e *textMemo
	w int // the goroutine

	used   []int32  // terms in order of first use
	terms  []int32  // distinct content words of each sentence, from termAt[i]
	termAt []int32  // sentence → its first in terms; one more, the end
	pairs  []uint64 // distinct adjacent content words (see pairKey), from pairAt[i]
	pairAt []int32
	words  []int32 // distinct words, in order of first use
	names  []nameHit
	keys   []string  // names' keys, numbered in the text (see nameFinder.names)
	spans  wordSpans // the words of each sentence
}

// localTokens is one goroutine's tokenizer and how its ids map to the
// memo's, -1 where not known yet.
type localTokens struct {
	tok         tokenizer
	term, words []int32
	nf          nameFinder
	cls         []nameClass // word id → its class, 0 where not known yet
	spans       []wordSpan
	wordCls     []nameClass // the classes of a sentence's words
	// What tokenizing a text finds is gathered here, then copied to its
	// job at its final size: all the jobs are held until they are
	// numbered, and their slack would weigh on the peak memory.
	job tokenJob
}

// tokenizeAll fills in the content words, adjacent pairs and distinct
// words of each text of jobs (one job per text), numbered by m.tok as if
// m.tok had tokenized them one after the other. m.mu must be held. When
// ctx is done while the texts are tokenized, it returns ctx's error and
// leaves the numbering and the texts' memos as they were.
func (m *memo) tokenizeAll(ctx context.Context, jobs []*tokenJob) error {
	local := make([]*localTokens, parallel.Workers(len(jobs)))
	err := parallel.EachWorker(len(jobs), func(w, j int) error {
		if local[w] == nil {
			local[w] = &localTokens{}
		}
		jobs[j].w = w
		jobs[j].tokenize(local[w])
		return ctx.Err()
	})
	if err != nil {
		return err
	}
	// Number the new terms text after text, as one tokenizer would, then
	// the new words.
	for _, j := range jobs {
		l := local[j.w]
		l.term = grow(l.term, len(l.tok.vocab))
		for _, t := range j.used {
			if l.term[t] < 0 {
				l.term[t] = m.tok.intern(l.tok.vocab[t])
			}
		}
	}
	for _, l := range local {
		if l == nil {
			continue
		}
		l.words = grow(l.words, len(l.tok.forms))
		for w, form := range l.tok.forms {
			e, ok := m.tok.words[form]
			if !ok {
				term := l.tok.words[form].term
				if term >= 0 {
					term = l.term[term]
				}
				e = m.tok.remember(form, term)
			}
			l.words[w] = e.word
		}
	}
	forEach(len(jobs), func(j int) { jobs[j].store(local[jobs[j].w]) })
	m.wordUse = append(m.wordUse, make([]int32, len(m.tok.forms)-len(m.wordUse))...)
	for _, j := range jobs {
		for _, w := range j.words {
			m.wordUse[local[j.w].words[w]]++
		}
	}
	return nil
}

// grow returns ids extended with -1 to length n.
func grow(ids []int32, n int) []int32 {
	for len(ids) < n {
		ids = append(ids, -1)
	}
	return ids
}

// tokenize finds the content words and the names of j's text with l,
// scanning each sentence's words once for both. Each sentence's terms and
// pairs are made distinct here, in l's numbering: renumbering them keeps
// them distinct, so store need only sort them.
func (j *tokenJob) tokenize(l *localTokens) {
	tok := &l.tok
	tok.startUses()
	l.nf.start()
	b := &l.job
	b.terms, b.termAt, b.pairs, b.pairAt = b.terms[:0], b.termAt[:0], b.pairs[:0], b.pairAt[:0]
	b.spans.enc, b.spans.at = b.spans.enc[:0], b.spans.at[:0]
	for i, s := range j.a.Sentences {
		b.termAt = append(b.termAt, int32(len(b.terms)))
		b.pairAt = append(b.pairAt, int32(len(b.pairs)))
		terms, pairs := len(b.terms), len(b.pairs)
		prev := int32(-1)
		l.spans = appendWords(l.spans[:0], s.Text)
		b.spans.add(s.Start, l.spans)
		tok.termsOf(s.Text, l.spans, func(t int32, joined bool) {
			b.terms = append(b.terms, t)
			if joined && prev >= 0 && prev != t {
				b.pairs = append(b.pairs, pairKey(prev, t))
			}
			prev = t
		})
		b.terms = distinct(b.terms, terms)
		b.pairs = distinct(b.pairs, pairs)
		if l.nf.inProse(j.a, i) {
			if n := len(tok.forms); len(l.cls) < n {
				l.cls = append(l.cls, make([]nameClass, n-len(l.cls))...)
			}
			l.wordCls = l.wordCls[:0]
			for k, id := range tok.wordIDs {
				if l.cls[id] == 0 {
					l.cls[id] = classOf(s.Text[l.spans[k][0]:l.spans[k][1]])
				}
				l.wordCls = append(l.wordCls, l.cls[id])
			}
			l.nf.sentence(s, l.spans, l.wordCls)
		}
	}
	b.termAt = append(b.termAt, int32(len(b.terms)))
	b.pairAt = append(b.pairAt, int32(len(b.pairs)))
	j.terms, j.termAt = slices.Clone(b.terms), slices.Clone(b.termAt)
	j.pairs, j.pairAt = slices.Clone(b.pairs), slices.Clone(b.pairAt)
	j.spans = wordSpans{slices.Clone(b.spans.enc), slices.Clone(b.spans.at)}
	j.names, j.keys = l.nf.finish()
	j.used, j.words = slices.Clone(tok.used), slices.Clone(tok.seen)
}

// distinct sorts xs[from:] and drops its repeats.
func distinct[T int32 | uint64](xs []T, from int) []T {
	slices.Sort(xs[from:])
	return append(xs[:from], slices.Compact(xs[from:])...)
}

// store puts what j found, renumbered by l, in its text's memo: each
// sentence's distinct terms and pairs, sorted. It renumbers j's own
// slices, which the memo then keeps.
func (j *tokenJob) store(l *localTokens) {
	e := j.e
	for i := range len(j.termAt) - 1 {
		terms := j.terms[j.termAt[i]:j.termAt[i+1]]
		for k, t := range terms {
			terms[k] = l.term[t]
		}
		slices.Sort(terms)
		pairs := j.pairs[j.pairAt[i]:j.pairAt[i+1]]
		for k, p := range pairs {
			pairs[k] = pairKey(l.term[int32(p>>32)], l.term[int32(uint32(p))])
		}
		slices.Sort(pairs)
	}
	e.spans = j.spans
	if !e.named {
		e.names, e.nameKeys = j.names, j.keys
	}
	e.terms, e.pairs = j.terms, j.pairs
	e.pairAt, e.termAt = j.pairAt, j.termAt // last: the memo is complete
}
