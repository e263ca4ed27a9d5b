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

	used   []int32    // terms in order of first use
	terms  []int32    // content words of each sentence, in order, from termAt[i]
	termAt []int32    // sentence → its first in terms; one more, the end
	pairs  [][2]int32 // adjacent content words of each sentence, from pairAt[i]
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
// scanning each sentence's words once for both.
func (j *tokenJob) tokenize(l *localTokens) {
	tok := &l.tok
	tok.startUses()
	l.nf.start()
	j.termAt = make([]int32, 0, len(j.a.Sentences)+1)
	j.pairAt = make([]int32, 0, len(j.a.Sentences)+1)
	for i, s := range j.a.Sentences {
		j.termAt = append(j.termAt, int32(len(j.terms)))
		j.pairAt = append(j.pairAt, int32(len(j.pairs)))
		prev := int32(-1)
		l.spans = appendWords(l.spans[:0], s.Text)
		j.spans.add(s.Start, l.spans)
		tok.termsOf(s.Text, l.spans, func(t int32, joined bool) {
			j.terms = append(j.terms, t)
			if joined && prev >= 0 && prev != t {
				j.pairs = append(j.pairs, [2]int32{prev, t})
			}
			prev = t
		})
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
	j.names, j.keys = l.nf.finish()
	j.termAt = append(j.termAt, int32(len(j.terms)))
	j.pairAt = append(j.pairAt, int32(len(j.pairs)))
	j.used, j.words = slices.Clone(tok.used), slices.Clone(tok.seen)
}

// store puts what j found, renumbered by l, in its text's memo: each
// sentence's distinct terms and pairs, sorted.
func (j *tokenJob) store(l *localTokens) {
	e := j.e
	terms := make([]int32, 0, len(j.terms))
	termAt := make([]int32, 0, len(j.termAt))
	pairs := make([]uint64, 0, len(j.pairs))
	pairAt := make([]int32, 0, len(j.pairAt))
	for i := range len(j.termAt) - 1 {
		termAt = append(termAt, int32(len(terms)))
		from := len(terms)
		for _, t := range j.terms[j.termAt[i]:j.termAt[i+1]] {
			terms = append(terms, l.term[t])
		}
		slices.Sort(terms[from:])
		terms = append(terms[:from], slices.Compact(terms[from:])...)

		pairAt = append(pairAt, int32(len(pairs)))
		from = len(pairs)
		for _, p := range j.pairs[j.pairAt[i]:j.pairAt[i+1]] {
			pairs = append(pairs, pairKey(l.term[p[0]], l.term[p[1]]))
		}
		slices.Sort(pairs[from:])
		pairs = append(pairs[:from], slices.Compact(pairs[from:])...)
	}
	termAt = append(termAt, int32(len(terms)))
	pairAt = append(pairAt, int32(len(pairs)))
	e.spans = wordSpans{slices.Clone(j.spans.enc), slices.Clone(j.spans.at)}
	if !e.named {
		e.names, e.nameKeys = j.names, j.keys
	}
	e.terms, e.pairs = slices.Clone(terms), slices.Clone(pairs)
	e.pairAt, e.termAt = pairAt, termAt // last: the memo is complete
}
