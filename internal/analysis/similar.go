package analysis

import (
	"context"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	ahocorasick "github.com/petar-dambovaliev/aho-corasick"

	"briefing/internal/model"
)

// Cross-outlet matching: two sentences of different articles report the
// same thing when they share enough of their rare content words.
//
// A corpus indexes every sentence by its content words (see contentWords).
// To find the sentences similar to one, it looks up only the query's rarest
// words in the inverted index, so the cost grows with the postings of rare
// words, not with the number of sentence pairs, and scores each candidate
// with an IDF-weighted overlap coefficient: the weight of the shared words
// over the weight of the lighter sentence.
const (
	// probeTerms is how many of a query's rarest words are looked up.
	probeTerms = 8
	// minProbeDF is the document frequency under which a word is always
	// worth looking up, however small the corpus.
	minProbeDF = 64
	// fixed scales weights to integers, so that sums do not depend on the
	// order of their terms, and a rebuild with remembered term numbers
	// (see memo) scores exactly as a fresh one.
	fixed = 1 << 40
)

// corpus is an inverted index from content words to the sentences of a set
// of articles. It is read-only once built, so it can be queried
// concurrently.
type corpus struct {
	slugs  map[string]int      // article slug → article index
	first  []int               // article index → id of its first sentence
	refs   []model.SentenceRef // sentence id → its reference
	art    []int32             // sentence id → article index
	terms  [][]int32           // sentence id → sorted distinct term ids
	pairs  [][]uint64          // sentence id → sorted adjacent term pairs (see pairKey)
	post   [][]int32           // term id → ascending sentence ids
	idf    []float64           // term id → inverse document frequency, in (0, 1]
	weight []int64             // sentence id → its weight (see weightOf), fixed-point
	maxDF  int                 // words more frequent than this are not looked up
	vocab  []string            // term id → term
	m      *memo               // the numbering of terms and words
	live   []bool              // word id → used by one of the articles
}

// match is a sentence found similar to another, and how similar.
type match struct {
	Ref   model.SentenceRef
	Score float64
}

// newCorpus indexes the sentences of articles, which must be segmented.
func newCorpus(articles []*model.Article) *corpus {
	c, _ := new(memo).corpus(context.Background(), articles) // cannot be cancelled
	return c
}

// memo keeps, from one build to the next, what the analysis found in each
// article text, so that a preview rebuild redoes only what an edit
// changed: the alias automaton, and each text's mentions, content words
// and names. The results are exactly those of a fresh start. The zero
// value is ready to use; builds sharing a memo run one at a time, and
// a corpus built from it is valid until the next build starts.
type memo struct {
	mu       sync.Mutex
	tok      tokenizer            // numbers terms and words across builds
	texts    map[string]*textMemo // article text → what it holds
	bySlug   map[string]*textMemo // article slug → what its text held when last seen
	liveSize int                  // distinct words of the last build's texts

	aliasKey string // the patterns ac was built from
	ac       ahocorasick.AhoCorasick
	// matcherKey is the last aliasMatcher key. A new key equal to it is
	// replaced by it, so that comparing the key with each text's
	// mentionKey finds the same string at once instead of comparing
	// kilobytes.
	matcherKey string
}

// textMemo is what the analysis found in one article text.
type textMemo struct {
	text       string          // the text itself
	mentionKey string          // the aliases mentions were found with
	mentions   []model.Mention // Article unset
	terms      [][]int32       // content words of each sentence, numbered by memo.tok
	pairs      [][]uint64      // adjacent content words of each sentence
	words      []int32         // distinct words of the text, numbered by memo.tok
	names      []nameUse       // names (see suggestActors), article unset
	named      bool            // whether names is set
	speakersBy string          // the mentionKey speakers were found with
	persons    string          // and the persons among the actors
	speakers   [][]string      // see attribute
	continues  []int
}

// text returns the memo of article a's text, making it if need be.
func (m *memo) text(a *model.Article) *textMemo {
	// Most articles have the text they had when last seen: comparing it
	// is cheaper than hashing it, and free when it is the same string.
	if e := m.bySlug[a.Slug]; e != nil && e.text == a.Text {
		return e
	}
	if m.texts == nil {
		m.texts, m.bySlug = map[string]*textMemo{}, map[string]*textMemo{}
	}
	e := m.texts[a.Text]
	if e == nil {
		e = &textMemo{text: a.Text}
		m.texts[a.Text] = e
	}
	m.bySlug[a.Slug] = e
	return e
}

// corpus indexes the sentences of articles, which must be segmented,
// tokenizing only the texts m has not seen, and forgets the texts that
// are gone. When ctx is done first, it returns ctx's error, and m stays
// usable.
func (m *memo) corpus(ctx context.Context, articles []*model.Article) (*corpus, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.tok.words) > 3*m.liveSize+100_000 {
		// Edits leave words behind; start the numbering afresh.
		m.tok = tokenizer{}
		for _, e := range m.texts {
			e.terms, e.pairs, e.words = nil, nil, nil
		}
	}
	live := make(map[string]*textMemo, len(articles))
	bySlug := make(map[string]*textMemo, len(articles))
	n := 0
	for _, a := range articles {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		e := m.text(a)
		if e.terms == nil || len(e.terms) != len(a.Sentences) {
			m.tokenize(a, e)
		}
		live[a.Text], bySlug[a.Slug] = e, e
		n += len(a.Sentences)
	}
	m.texts, m.bySlug = live, bySlug

	c := &corpus{slugs: make(map[string]int, len(articles)), m: m, vocab: m.tok.vocab}
	c.refs = make([]model.SentenceRef, 0, n)
	c.art = make([]int32, 0, n)
	c.terms = make([][]int32, 0, n)
	c.pairs = make([][]uint64, 0, n)
	c.post = make([][]int32, len(m.tok.vocab))
	c.live = make([]bool, len(m.tok.words))
	for ai, a := range articles {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		e := live[a.Text]
		c.slugs[a.Slug] = ai
		c.first = append(c.first, len(c.refs))
		for si, s := range a.Sentences {
			id := int32(len(c.refs))
			c.refs = append(c.refs, model.SentenceRef{Article: a.Slug, Sentence: si, ID: s.ID})
			c.art = append(c.art, int32(ai))
			c.terms = append(c.terms, e.terms[si])
			c.pairs = append(c.pairs, e.pairs[si])
			for _, t := range e.terms[si] {
				c.post[t] = append(c.post[t], id)
			}
		}
		for _, w := range e.words {
			c.live[w] = true
		}
	}
	m.liveSize = 0
	for _, l := range c.live {
		if l {
			m.liveSize++
		}
	}
	if n == 0 {
		return c, nil
	}
	// Weights are IDF scaled to (0, 1], so thresholds do not depend on the
	// size of the corpus: a word found in one sentence weighs 1.
	c.idf = make([]float64, len(c.post))
	norm := math.Log(1 + float64(n))
	for t, p := range c.post {
		if len(p) > 0 {
			c.idf[t] = math.Log(1+float64(n)/float64(len(p))) / norm
		}
	}
	c.weight = make([]int64, n)
	for i := range c.terms {
		c.weight[i] = c.weightOf(i, nil)
	}
	c.maxDF = max(minProbeDF, int(2*math.Sqrt(float64(n))))
	return c, nil
}

// tokenize fills in the content words of article a's sentences in e.
func (m *memo) tokenize(a *model.Article, e *textMemo) {
	e.terms = make([][]int32, len(a.Sentences))
	e.pairs = make([][]uint64, len(a.Sentences))
	var ids, arena, words []int32
	var pairs []uint64
	for si, s := range a.Sentences {
		ids, pairs = ids[:0], pairs[:0]
		prev := int32(-1)
		m.tok.terms(s.Text, func(t int32, joined bool) {
			ids = append(ids, t)
			if joined && prev >= 0 && prev != t {
				pairs = append(pairs, pairKey(prev, t))
			}
			prev = t
		})
		words = append(words, m.tok.seen...)
		slices.Sort(ids)
		ids = slices.Compact(ids)
		if cap(arena)-len(arena) < len(ids) {
			arena = make([]int32, 0, max(1024, len(ids)))
		}
		arena = append(arena, ids...)
		e.terms[si] = arena[len(arena)-len(ids) : len(arena) : len(arena)]
		if len(pairs) > 0 {
			slices.Sort(pairs)
			e.pairs[si] = slices.Clone(slices.Compact(pairs))
		}
	}
	slices.Sort(words)
	e.words = slices.Clone(slices.Compact(words))
}

// has reports whether the articles use word w, as written.
func (c *corpus) has(w string) bool {
	c.m.mu.Lock()
	x, ok := c.m.tok.words[w]
	c.m.mu.Unlock()
	return ok && int(x.word) < len(c.live) && c.live[x.word]
}

// id returns the corpus id of sentence i of article slug, or -1.
func (c *corpus) id(slug string, i int) int {
	ai, ok := c.slugs[slug]
	if !ok {
		return -1
	}
	id := c.first[ai] + i
	if i < 0 || id >= len(c.refs) || int(c.art[id]) != ai {
		return -1
	}
	return id
}

// similar returns the sentences of other articles that report the same
// thing as sentence i of article slug, best first.
func (c *corpus) similar(slug string, i int) []match {
	q := c.id(slug, i)
	if q < 0 {
		return nil
	}
	return c.search(q, query{accept: same})
}

// query says what a search looks for.
type query struct {
	accept func(score, shared float64, n int) bool // when two sentences are alike
	// ignore holds words to leave out (the speaker's own names when
	// comparing what two reports say they said).
	ignore map[int32]bool
	// within, when not nil, is the only part of the corpus to search.
	within *subset
	// skip, when not nil, passes over sentences without scoring them
	// (those already known to be alike).
	skip func(id int) bool
}

// subset is a part of a corpus indexed on its own, such as the statements
// of one speaker, so that searching it costs what it holds.
type subset struct {
	post   map[int32][]int32 // term → the subset's sentences that use it
	weight map[int32]int64   // sentence → its weight without the ignored words
	maxDF  int
}

// subset indexes sentences ids, leaving out the ignored words.
func (c *corpus) subset(ids []int, ignore map[int32]bool) *subset {
	x := &subset{post: map[int32][]int32{}, weight: make(map[int32]int64, len(ids))}
	for _, id := range ids {
		x.weight[int32(id)] = c.weightOf(id, ignore)
		for _, t := range c.terms[id] {
			if !ignore[t] {
				x.post[t] = append(x.post[t], int32(id))
			}
		}
	}
	x.maxDF = max(minProbeDF, int(2*math.Sqrt(float64(len(ids)))))
	return x
}

// search returns the sentences of other articles that q.accept finds
// similar to sentence s, best first.
func (c *corpus) search(s int, q query) []match {
	postings := func(t int32) []int32 { return c.post[t] }
	weight := func(d int32) (int64, bool) { return c.weight[d], true }
	maxDF := c.maxDF
	if x := q.within; x != nil {
		postings = func(t int32) []int32 { return x.post[t] }
		weight = func(d int32) (int64, bool) { w, ok := x.weight[d]; return w, ok }
		maxDF = x.maxDF
	}
	ws, ok := weight(int32(s))
	if !ok {
		ws = c.weightOf(s, q.ignore)
	}
	// Words that only s uses find nothing; of the others, the rarest are
	// the likeliest to be shared only by sentences that report the same
	// thing. A subset is small enough to look up all of them.
	probe := make([]int32, 0, len(c.terms[s]))
	for _, t := range c.terms[s] {
		if df := len(postings(t)); !q.ignore[t] && df > 1 && df <= maxDF {
			probe = append(probe, t)
		}
	}
	if q.within == nil && len(probe) > probeTerms {
		sort.Slice(probe, func(i, j int) bool {
			x, y := len(postings(probe[i])), len(postings(probe[j]))
			return x < y || x == y && c.vocab[probe[i]] < c.vocab[probe[j]]
		})
		probe = probe[:probeTerms]
	}
	var cands []int32
	for _, t := range probe {
		cands = append(cands, postings(t)...)
	}
	slices.Sort(cands)
	var out []match
	for _, d := range slices.Compact(cands) {
		if c.art[d] == c.art[s] || q.skip != nil && q.skip(int(d)) {
			continue
		}
		wd, _ := weight(d)
		shared, n := c.overlap(s, int(d), q.ignore)
		if den := min(ws, wd); den > 0 && shared > 0 {
			score := min(float64(shared)/float64(den), 1)
			if q.accept(score, float64(shared)/fixed, n) {
				out = append(out, match{Ref: c.refs[d], Score: score})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		x, y := out[i].Ref, out[j].Ref
		if x.Article != y.Article {
			return x.Article < y.Article
		}
		return x.Sentence < y.Sentence
	})
	return out
}

// score returns the IDF-weighted overlap coefficient of sentences a and b,
// the weight and the number of the words they share, leaving out the
// ignored words: the shared weight over the weight of the lighter
// sentence, at most 1.
func (c *corpus) score(a, b int, ignore map[int32]bool) (score, shared float64, n int) {
	wa, wb := c.weight[a], c.weight[b]
	if len(ignore) > 0 {
		wa, wb = c.weightOf(a, ignore), c.weightOf(b, ignore)
	}
	sh, n := c.overlap(a, b, ignore)
	den := min(wa, wb)
	if den <= 0 || sh <= 0 {
		return 0, 0, 0
	}
	return min(float64(sh)/float64(den), 1), float64(sh) / fixed, n
}

// weightOf returns the weight of sentence i: the idf of its words, a
// phrase of two ("armed forces") weighing as its heavier word, leaving out
// the ignored words.
func (c *corpus) weightOf(i int, ignore map[int32]bool) int64 {
	var w int64
	for _, t := range c.terms[i] {
		if !ignore[t] {
			w += c.idfx(t)
		}
	}
	for _, p := range c.pairs[i] {
		if !ignore[int32(p>>32)] && !ignore[int32(uint32(p))] {
			w -= c.pairWeight(p)
		}
	}
	return w
}

// overlap returns the weight and the number of the words sentences a and b
// share, leaving out the ignored words; a phrase both use weighs as its
// heavier word, so that one shared expression does not count double.
func (c *corpus) overlap(a, b int, ignore map[int32]bool) (shared int64, n int) {
	ta, tb := c.terms[a], c.terms[b]
	for i, j := 0, 0; i < len(ta) && j < len(tb); {
		switch {
		case ta[i] < tb[j]:
			i++
		case ta[i] > tb[j]:
			j++
		default:
			if !ignore[ta[i]] {
				shared += c.idfx(ta[i])
				n++
			}
			i++
			j++
		}
	}
	pa, pb := c.pairs[a], c.pairs[b]
	for i, j := 0, 0; i < len(pa) && j < len(pb); {
		switch {
		case pa[i] < pb[j]:
			i++
		case pa[i] > pb[j]:
			j++
		default:
			if !ignore[int32(pa[i]>>32)] && !ignore[int32(uint32(pa[i]))] {
				shared -= c.pairWeight(pa[i])
			}
			i++
			j++
		}
	}
	return shared, n
}

// idfx is the idf of term t in fixed point.
func (c *corpus) idfx(t int32) int64 { return int64(c.idf[t] * fixed) }

// pairWeight is what a phrase of two words weighs less than its words: the
// lighter word, so that the phrase weighs as its heavier word.
func (c *corpus) pairWeight(p uint64) int64 {
	return min(c.idfx(int32(p>>32)), c.idfx(int32(uint32(p))))
}

// pairKey packs two adjacent terms, in either order.
func pairKey(a, b int32) uint64 {
	if a > b {
		a, b = b, a
	}
	return uint64(a)<<32 | uint64(uint32(b))
}

// termIDs returns the ids of the terms of the texts that the corpus knows.
func (c *corpus) termIDs(texts ...string) map[int32]bool {
	out := map[int32]bool{}
	var tok tokenizer
	for _, s := range texts {
		tok.terms(s, func(t int32, _ bool) {
			c.m.mu.Lock()
			id, ok := c.m.tok.ids[tok.vocab[t]]
			c.m.mu.Unlock()
			if ok && int(id) < len(c.post) {
				out[id] = true
			}
		})
	}
	return out
}

// contentWords returns the content words of s, in order: lower-cased, stop
// words removed, possessives and hyphens dropped ("counter-terrorism" is
// "counterterrorism"), numbers kept with number words as digits ("seventy"
// is "70"), British spelling for American ("defense" is "defence"), and
// lightly stemmed ("killed" and "kills" are "kill").
func contentWords(s string) []string {
	var out []string
	var t tokenizer
	t.terms(s, func(id int32, _ bool) { out = append(out, t.vocab[id]) })
	return out
}

// tokenizer turns text into content words and numbers them, and numbers
// the words as written too. It remembers the words it has seen, as most
// words of a corpus recur.
type tokenizer struct {
	buf   []byte
	words map[string]wordEntry // word or name as written → its numbers
	ids   map[string]int32     // term → term id
	vocab []string             // term id → term
	seen  []int32              // the words of the last call of terms
}

// wordEntry numbers a word as written, and its term (-1 for none).
type wordEntry struct{ word, term int32 }

// terms calls f with the id of each content word of s, and whether it
// directly follows the previous one in the text, with one space and no
// stop word between them ("armed forces"). A run of capitalised words,
// possibly joined by "of" or "the" ("Freedom of Russia Legion"), is one
// term: a name counts once, however many words it has, so two sentences do
// not look alike merely because both spell out the same long name.
func (t *tokenizer) terms(s string, f func(id int32, joined bool)) {
	t.seen = t.seen[:0]
	start, end, words := 0, 0, 0 // the current run of capitalised words
	first := int32(-1)           // the term of the run's first word
	conn := -1                   // end of a connector after the run
	last := -1                   // end of the last word that gave a term
	emit := func(id int32, ws, we int) {
		if id >= 0 {
			f(id, last >= 0 && s[last:ws] == " ")
			last = we
		}
	}
	flush := func() {
		switch {
		case words == 1:
			emit(first, start, end)
		case words > 1:
			emit(t.name(s[start:end]), start, end)
		}
		words, conn = 0, -1
	}
	scanWords(s, func(ws, we int) {
		w := s[ws:we]
		id := t.word(w)
		if id >= 0 && isCapitalised(w) {
			switch {
			case words > 0 && conn < 0 && s[end:ws] == " ":
			case words > 0 && conn >= 0 && s[conn:ws] == " ":
			default:
				flush()
				start, first = ws, id
			}
			end = we
			words++
			conn = -1
			if strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "'s") {
				flush()
			}
			return
		}
		if words > 0 && conn < 0 && (w == "of" || w == "the") && s[end:ws] == " " {
			conn = we
			return
		}
		flush()
		emit(id, ws, we)
	})
	flush()
}

// word returns the term id of word w, or -1 for a stop word.
func (t *tokenizer) word(w string) int32 {
	e, ok := t.words[w]
	if !ok {
		e.term = -1
		if b, ok := t.norm(w); ok {
			e.term = t.intern(string(b))
		}
		e = t.remember(w, e.term)
	}
	t.seen = append(t.seen, e.word)
	return e.term
}

// name returns the term id of a multi-word name: lower-cased, possessive
// dropped.
func (t *tokenizer) name(s string) int32 {
	if e, ok := t.words[s]; ok {
		return e.term
	}
	return t.remember(s, t.intern(strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(s, "’s"), "'s")))).term
}

// remember numbers word w, whose term is term.
func (t *tokenizer) remember(w string, term int32) wordEntry {
	if t.words == nil {
		t.words = map[string]wordEntry{}
	}
	e := wordEntry{word: int32(len(t.words)), term: term}
	t.words[w] = e
	return e
}

// intern returns the id of term, numbering it if it is new.
func (t *tokenizer) intern(term string) int32 {
	if id, ok := t.ids[term]; ok {
		return id
	}
	if t.ids == nil {
		t.ids = map[string]int32{}
	}
	id := int32(len(t.vocab))
	t.ids[term] = id
	t.vocab = append(t.vocab, term)
	return id
}

// isCapitalised reports whether w starts with an upper-case letter.
func isCapitalised(w string) bool {
	r, _ := decodeRune(w, 0)
	return unicode.IsUpper(r)
}

// norm returns the content word for word w, or false for a stop word.
func (t *tokenizer) norm(w string) ([]byte, bool) {
	for _, suf := range [...]string{"’s", "'s", "’", "'"} {
		if len(w) > len(suf) && w[len(w)-len(suf):] == suf {
			w = w[:len(w)-len(suf)]
			break
		}
	}
	b := t.buf[:0]
	digits := true
	for _, r := range w {
		if r == '-' || r == '‐' || r == '\'' || r == '’' || r == ',' {
			continue
		}
		b = appendLower(b, r)
		if !unicode.IsDigit(r) && r != '.' {
			digits = false
		}
	}
	t.buf = b
	if digits {
		return b, len(b) > 0
	}
	e, known := lexicon[string(b)]
	switch {
	case len(b) < 2 || known && e.stop:
		return nil, false
	case known && e.final:
		t.buf = append(b[:0], e.to...)
		return t.buf, true
	case known:
		b = append(b[:0], e.to...)
	}
	b = stem(b)
	t.buf = b
	return b, true
}

// lexEntry is what the tokenizer knows of a word: a stop word, or a word to
// replace, finally (a number, a synonym) or before stemming (a spelling).
type lexEntry struct {
	stop  bool
	final bool
	to    string
}

// lexicon merges the word tables, so that each word costs one look-up.
var lexicon = func() map[string]lexEntry {
	m := map[string]lexEntry{}
	for w := range stopWords {
		m[w] = lexEntry{stop: true}
	}
	for w, to := range britishSpelling {
		m[w] = lexEntry{to: to}
	}
	for w, to := range numberWords {
		m[w] = lexEntry{final: true, to: to}
	}
	for w, to := range synonyms {
		m[w] = lexEntry{final: true, to: to}
	}
	return m
}()

// stem strips the commonest English inflections: plurals, -ed, -ing, a
// final e, and "-ize" spellings. It is deliberately light: it only has to
// make two wordings of one report agree, not to find dictionary roots.
func stem(b []byte) []byte {
	has := func(suf string) bool { return len(b) > len(suf)+2 && string(b[len(b)-len(suf):]) == suf }
	switch {
	case has("ies"):
		b = append(b[:len(b)-3], 'y')
	case has("sses"):
		b = b[:len(b)-2]
	case has("s") && !has("ss") && !has("us") && !has("is"):
		b = b[:len(b)-1]
	}
	switch {
	case has("ing"):
		b = undouble(b[:len(b)-3])
	case has("ed"):
		b = undouble(b[:len(b)-2])
	}
	if i := len(b) - 3; i > 2 && string(b[i:]) == "ize" {
		b[i+1] = 's'
	}
	if has("e") {
		b = b[:len(b)-1]
	}
	return b
}

// undouble drops the second of a doubled final consonant ("trapp" → "trap"),
// keeping ll, ss and zz ("kill").
func undouble(b []byte) []byte {
	n := len(b)
	if n > 3 && b[n-1] == b[n-2] && !strings.ContainsRune("aeioulsz", rune(b[n-1])) {
		return b[:n-1]
	}
	return b
}

// scanWords calls f with the byte range of each word of s: a run of
// letters and digits, with apostrophes and hyphens inside it, and decimal
// points and thousands separators between digits.
func scanWords(s string, f func(start, end int)) {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf && !asciiWord[c] {
			i++
			continue
		}
		r, n := decodeRune(s, i)
		if !isWordRune(r) {
			i += n
			continue
		}
		start := i
		prev := r
		i += n
		for i < len(s) {
			if c := s[i]; c < utf8.RuneSelf && asciiWord[c] {
				prev = rune(c)
				i++
				continue
			}
			r, n := decodeRune(s, i)
			if isWordRune(r) {
				prev = r
				i += n
				continue
			}
			if i+n < len(s) {
				next, _ := decodeRune(s, i+n)
				inNumber := (r == '.' || r == ',') && unicode.IsDigit(prev) && unicode.IsDigit(next)
				inWord := (r == '\'' || r == '’' || r == '-' || r == '‐') && isWordRune(next)
				if inNumber || inWord {
					i += n
					continue
				}
			}
			break
		}
		f(start, i)
	}
}

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

func decodeRune(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// isStopWord reports whether the lower-case word w carries no content.
func isStopWord(w string) bool { return stopWords[w] }

// stopWords are English function words, and the reporting verbs that every
// attributed sentence shares.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
a about above after again against all almost along already also although am among an and another any are
around as at be because been before being below between both but by can cannot could did do does doing
done down during each either else even ever every few for from further had has have having he her here hers
herself him himself his how however i if in into is it its itself just least less many may me might more most
much must my myself neither no nor not now of off often on once one's only onto or other others otherwise our
ours ourselves out over own per perhaps quite rather same several shall she should since so some such than
that the their theirs them themselves then there these they this those though through thus to too toward
towards under until up upon us very via was we were what whatever when where whether which while who whom
whose why will with within without would yet you your yours yourself yourselves
dont doesnt didnt isnt arent wasnt werent wont cant couldnt shouldnt wouldnt hasnt havent hadnt
its theyre thats theres weve youre im ive hes shes
mr mrs ms
later earlier meanwhile yesterday today tonight instead finally separately previously
say says said saying tell tells told according`) {
		m[w] = true
	}
	return m
}()

// numberWords maps spelled-out numbers to digits.
var numberWords = map[string]string{
	"zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
	"seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
	"thirteen": "13", "fourteen": "14", "fifteen": "15", "sixteen": "16", "seventeen": "17",
	"eighteen": "18", "nineteen": "19", "twenty": "20", "thirty": "30", "forty": "40",
	"fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80", "ninety": "90",
	"hundred": "100", "thousand": "1000", "million": "1000000", "billion": "1000000000",
}

// synonyms maps the words in which casualty reports differ most to one
// term, so that "one person was killed" and "a civilian had died" agree.
var synonyms = map[string]string{
	"killed": "kill", "kill": "kill", "kills": "kill", "killing": "kill", "dead": "kill",
	"died": "kill", "dies": "kill", "death": "kill", "deaths": "kill",
	"injured": "injur", "injury": "injur", "injuries": "injur", "wounded": "injur",
	"wounding": "injur", "hurt": "injur",
	"civilian": "person", "civilians": "person", "person": "person", "people": "person",
}

// britishSpelling maps common American spellings to British ones, so that
// wire copy and its rewrites agree.
var britishSpelling = map[string]string{
	"defense": "defence", "defenses": "defences", "offense": "offence", "offenses": "offences",
	"armor": "armour", "armored": "armoured", "armors": "armours",
	"center": "centre", "centers": "centres", "honor": "honour", "labor": "labour",
	"favor": "favour", "neighbor": "neighbour", "neighbors": "neighbours", "color": "colour",
	"gray": "grey", "program": "programme", "programs": "programmes",
}

// same decides from a score, the shared weight and the number of shared
// words whether two sentences report the same thing: a close rewording
// (half the lighter sentence, with two rare words' weight), or a long
// shared passage (three rare words' weight, at a third of the lighter
// sentence). Headlines and captions of a few words share a name and a
// word with many sentences; the weight floor keeps them apart.
func same(score, shared float64, n int) bool {
	return n >= 3 && (score >= 0.5 && shared >= 2.2 || score >= 0.35 && shared >= 3)
}

// sameStatement is same for two statements of one speaker with the
// speaker's names left out. It asks for less, because that two reports
// have the same speaker is already evidence that they are one statement:
// "one person was killed" and "a civilian had been killed" share only
// two words.
func sameStatement(score, shared float64, n int) bool {
	return n >= 2 && (score >= 0.5 || score >= 0.35 && shared >= 1.6)
}

// appendLower appends r in lower case to b, without a table lookup for ASCII.
func appendLower(b []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(b, byte(r))
	}
	return utf8.AppendRune(b, unicode.ToLower(r))
}
