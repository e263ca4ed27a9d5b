package analysis

import (
	"context"
	"math"
	"sync"

	ahocorasick "github.com/petar-dambovaliev/aho-corasick"

	"briefing/internal/model"
)

// memo keeps, from one build to the next, what the analysis found in each
// article text, so that a preview rebuild redoes only what an edit
// changed: the alias automaton, and each text's mentions, content words
// and names. The results are exactly those of a fresh start. The zero
// value is ready to use; builds sharing a memo run one at a time, and
// a corpus built from it is valid until the next build starts.
type memo struct {
	mu       sync.Mutex
	tok      tokenizer            // numbers terms and words across builds
	names    vocabulary           // numbers name keys across builds
	texts    map[string]*textMemo // article text → what it holds
	bySlug   map[string]*textMemo // article slug → what its text held when last seen
	liveSize int                  // distinct words of the last build's texts
	// wordUse counts, for each word id of tok, the texts of texts that
	// are tokenized and use the word, so that has need not keep each
	// text's words.
	wordUse []int32
	build   uint32 // counts the calls of corpus

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
	seg        *model.ArticleFindings // its paragraphs and sentences
	lines      []int                  // where its lines start (see doc.pos)
	text       string                 // the text itself
	mentionKey string                 // the aliases mentions were found with
	mentions   []model.Mention        // Article unset
	// The content words of each sentence, numbered by memo.tok, sorted
	// and distinct: sentence i's are terms[termAt[i]:termAt[i+1]]; and
	// likewise the pairs of adjacent content words (see pairKey).
	terms          []int32
	pairs          []uint64
	termAt, pairAt []int32
	names          []nameHit // names (see suggestActors), numbered by memo.names
	named          bool      // whether names is set
	// nameKeys are the keys of names while they are numbered in the text
	// only (see nameFinder.names): tokenizing finds them, findNames
	// numbers them.
	nameKeys   []string
	spans      wordSpans  // the words of each sentence, found while tokenizing
	build      uint32     // the last memo.build that used the text
	speakersBy string     // the mentionKey speakers were found with
	persons    string     // and the persons among the actors
	speakers   [][]string // see attribute
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
func (m *memo) corpus(ctx context.Context, articles []*doc) (*corpus, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.tok.words) > 3*m.liveSize+100_000 {
		// Edits leave words behind; start the numbering afresh.
		m.tok, m.names, m.wordUse = tokenizer{}, vocabulary{}, nil
		for _, e := range m.texts {
			e.terms, e.pairs, e.termAt, e.pairAt = nil, nil, nil, nil
			e.spans = wordSpans{}
			e.names, e.named, e.nameKeys = nil, false, nil
		}
	}
	m.build++
	live := make(map[string]*textMemo, len(articles))
	bySlug := make(map[string]*textMemo, len(articles))
	texts := make([]*textMemo, len(articles)) // each article's
	var todo []*tokenJob
	c := &corpus{slugs: make(map[string]int, len(articles)), m: m, first: make([]int, len(articles))}
	n := 0
	for ai, a := range articles {
		e := m.text(a.Article)
		if len(e.termAt) != len(a.Sentences)+1 && e.build != m.build {
			todo = append(todo, &tokenJob{a: a, e: e})
		}
		e.build = m.build
		live[a.Text], bySlug[a.Slug], texts[ai] = e, e, e
		c.slugs[a.Slug], c.first[ai] = ai, n
		n += len(a.Sentences)
	}
	if err := m.tokenizeAll(ctx, todo); err != nil {
		return nil, err
	}
	for _, e := range m.texts {
		if e.build != m.build {
			m.unuse(e)
		}
	}
	m.texts, m.bySlug = live, bySlug

	c.vocab = m.tok.vocab
	c.refs = make([]model.SentenceRef, n)
	c.art = make([]int32, n)
	c.terms = make([][]int32, n)
	c.pairs = make([][]uint64, n)
	forEach(len(articles), func(ai int) {
		a, e := articles[ai], texts[ai]
		for si, s := range a.Sentences {
			id := c.first[ai] + si
			c.refs[id] = model.SentenceRef{Article: a.Slug, Sentence: si, ID: s.ID}
			c.art[id] = int32(ai)
			c.terms[id] = e.terms[e.termAt[si]:e.termAt[si+1]:e.termAt[si+1]]
			c.pairs[id] = e.pairs[e.pairAt[si]:e.pairAt[si+1]:e.pairAt[si+1]]
		}
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	c.post = postings(c.terms, len(m.tok.vocab))
	m.liveSize = 0
	for _, n := range m.wordUse {
		if n > 0 {
			m.liveSize++
		}
	}
	if n == 0 {
		return c, nil
	}
	// Weights are IDF scaled to (0, 1], so thresholds do not depend on the
	// size of the corpus: a word found in one sentence weighs 1.
	c.idf = make([]int64, len(c.post))
	norm := math.Log(1 + float64(n))
	for t, p := range c.post {
		if len(p) > 0 {
			idf := math.Log(1+float64(n)/float64(len(p))) / norm
			c.idf[t] = int64(idf * fixed)
		}
	}
	c.weight = make([]int64, n)
	forEach(len(articles), func(ai int) {
		for id := c.first[ai]; id < len(c.refs) && c.art[id] == int32(ai); id++ {
			c.weight[id] = c.weightOf(id, nil)
		}
	})
	c.maxDF = max(minProbeDF, int(2*math.Sqrt(float64(n))))
	return c, nil
}

// unuse takes the words of text e, which is going, off m.wordUse, if it
// is tokenized. m.mu must be held.
func (m *memo) unuse(e *textMemo) {
	if len(e.termAt) == 0 || !e.spans.of(len(e.termAt)-1) {
		return
	}
	seen := map[int32]bool{}
	var words [][2]int
	for i := range len(e.termAt) - 1 {
		words = e.spans.appendWords(words[:0], i)
		for _, w := range words {
			id := m.tok.words[e.text[w[0]:w[1]]].word
			if !seen[id] {
				seen[id] = true
				m.wordUse[id]--
			}
		}
	}
}

// unseen is an article whose text m has not analysed yet in some way,
// and the memo of its text.
type unseen struct {
	i int // the article's index
	e *textMemo
}

// unseen returns, for each distinct text among articles, the first
// article with it that need accepts (article i, its text's memo e), and
// the text's memo, so that each text is analysed once, on any core (see
// forEach), whatever articles share it. m.mu must be held.
func (m *memo) unseen(articles []*model.Article, need func(i int, e *textMemo) bool) []unseen {
	var out []unseen
	queued := map[*textMemo]bool{}
	for i, a := range articles {
		if e := m.text(a); !queued[e] && need(i, e) {
			queued[e] = true
			out = append(out, unseen{i, e})
		}
	}
	return out
}
