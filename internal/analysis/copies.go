package analysis

import (
	"context"
	"slices"
	"sort"

	"briefing/internal/model"
	"briefing/internal/parallel"
)

// Source independence: an article many of whose sentences are
// near-verbatim or aligned rewrites of another's is a copy or rewrite of
// it.
//
// For every sentence of an article, the corpus proposes sentences of other
// articles that share its rare words; a pair counts when its weighted word
// overlap reaches alignScore, which is looser than matchScore because a
// rewrite swaps words for synonyms ("asserted" for "claimed", "warriors" for
// "fighters") and keeps the names, numbers and rare words. Two reports that
// merely cover the same facts align that loosely too, so the pairs are
// evidence of copying in two cases only:
//
//   - they are in the same order in both articles (the longest increasing
//     run): a rewrite follows its original, an independent report has its
//     own order;
//   - they are near-verbatim (verbatimScore), in any order, each sentence
//     of the other article counted once: a wire story republished after an
//     update has the new development on top and paragraphs moved, but its
//     sentences word for word.
//
// Independent reports share a quoted statement or two near-verbatim; a copy
// needs at least copyMin such sentences, and copyShare of the shorter
// article's, so that a short copy of four sentences is found and two
// reports quoting the same two statements are not.
const (
	alignScore = 0.3
	// verbatimScore is the least overlap over the heavier sentence of a
	// pair for it to be near-verbatim: each sentence has most of its
	// weight in the other, where a quote taken up in another report's own
	// words has only about half.
	verbatimScore = 0.7
	// copyShare is the least share of the shorter article's counted
	// sentences that must be evidence of copying.
	copyShare = 0.4
	// copyMin is the least number of sentences that are evidence of
	// copying.
	copyMin = 3
	// minTerms is the least number of content words for a sentence to be
	// counted: captions, bylines and scraping junk are left out.
	minTerms = 4
	// copyShared is the least number of content words an aligned pair
	// of sentences shares.
	copyShared = 3
	// copyProbe is how many of a sentence's rarest words are looked up.
	copyProbe = 10
	// copyCandidates bounds the sentences scored against each sentence.
	copyCandidates = 48
)

// alignment is what one article, the copy, shares with another, the
// original.
type alignment struct {
	counted int // the copy's counted sentences (see minTerms)
	other   int // the original's counted sentences
	// aligned is how many of the copy's sentences align with one of the
	// original's, in any order, each of the original's counted once.
	aligned int
	// evidence is how many of them are evidence of copying: the more of
	// those in the same order in both and those near-verbatim.
	evidence int
}

// share is the share of the copy's counted sentences that align with the
// original's, in any order.
func (a alignment) share() float64 {
	if a.counted == 0 {
		return 0
	}
	return float64(a.aligned) / float64(a.counted)
}

// copyShares maps a pair of articles (copy, of) to their alignment, for
// every pair with at least one aligned sentence. It holds every pair an
// editor may declare a copy, so that the share of a declared copy is
// measured, not only that of a detected one.
type copyShares map[[2]string]alignment

// share returns the share of article cp's counted sentences that align
// with article of's, in any order; 0 when none does.
func (sh copyShares) share(cp, of string) float64 {
	return sh[[2]string{cp, of}].share()
}

// detectCopies fills s.f.Copies (see pickCopies) from the alignments the
// corpus finds, and returns those and the candidates picked from. It
// aligns the articles on all cores. When ctx is done first, it returns
// ctx's error and leaves s.f.Copies as it was.
func detectCopies(ctx context.Context, s *site, c *corpus) (copyShares, []copyCandidate, error) {
	counted := make([]int, len(s.docs))
	for ai, a := range s.docs {
		self, ok := c.slugs[a.Slug]
		if !ok {
			continue
		}
		for i := range a.Sentences {
			if q := c.idAt(self, i); q >= 0 && len(c.terms[q]) >= minTerms {
				counted[ai]++
			}
		}
	}
	found := make([][]aligned, len(s.docs))
	scratch := make([]*alignScratch, parallel.Workers(len(s.docs)))
	err := parallel.EachWorker(len(s.docs), func(w, ai int) error {
		if counted[ai] == 0 {
			return ctx.Err()
		}
		if scratch[w] == nil {
			scratch[w] = &alignScratch{hits: make([]uint8, len(c.refs))}
		}
		found[ai] = c.alignArticle(s.docs[ai], counted, scratch[w])
		return ctx.Err()
	})
	if err != nil {
		return nil, nil, err
	}
	n := 0
	for _, f := range found {
		n += len(f)
	}
	shares := make(copyShares, n)
	for ai, f := range found {
		for _, x := range f {
			shares[[2]string{s.docs[ai].Slug, c.refs[c.first[x.other]].Article}] = x.alignment
		}
	}
	cands := shares.candidates(s)
	copies, err := pickCopies(ctx, s, shares, cands)
	if err != nil {
		return nil, nil, err
	}
	s.f.Copies = copies
	return shares, cands, nil
}

// copyCandidate is an article that copies another, unless the editor says
// otherwise.
type copyCandidate struct {
	copy, of string
	share    float64
}

// candidates returns the pairs of articles of s whose alignment makes the
// first a copy of the second: enough of their sentences, seen from either
// article, are evidence of copying (copyMin, and copyShare of the shorter
// article), and the first was published after the second. When s does not
// date both, or dates them the same, the second's share of the first
// must be smaller than the first's share of the second (on a tie, the
// later slug is the copy): a short copy is mostly the original's text.
// They are sorted by copy, then best first: by share, then by the earlier
// slug of the original.
func (sh copyShares) candidates(s *site) []copyCandidate {
	var out []copyCandidate
	for k, al := range sh {
		back := sh[[2]string{k[1], k[0]}]
		ev := max(al.evidence, back.evidence)
		if ev < copyMin || float64(ev) < copyShare*float64(min(al.counted, al.other)) {
			continue
		}
		share, backShare := al.share(), back.share()
		if order := s.publishedOrder(k[0], k[1]); order < 0 || order == 0 && (backShare > share || backShare == share && k[0] < k[1]) {
			continue
		}
		out = append(out, copyCandidate{k[0], k[1], share})
	}
	sort.Slice(out, func(i, j int) bool {
		x, y := out[i], out[j]
		if x.copy != y.copy {
			return x.copy < y.copy
		}
		if x.share != y.share {
			return x.share > y.share
		}
		return x.of < y.of
	})
	return out
}

// publishedOrder compares when articles a and b of s were published: -1
// when a was published before b, +1 after, and 0 when at the same time or
// s does not date both.
func (s *site) publishedOrder(a, b string) int {
	x, y := s.doc(a), s.doc(b)
	if x == nil || y == nil || x.Published.IsZero() || y.Published.IsZero() {
		return 0
	}
	return x.Published.Compare(y.Published)
}

// pickCopies returns the copies among s's articles: the editor's
// derived_from first, then, by slug, the copies of cands (see
// copyShares.candidates) between articles s has that the editor has not
// already declared. When ctx is done first, it returns ctx's error.
func pickCopies(ctx context.Context, s *site, shares copyShares, cands []copyCandidate) ([]model.Copy, error) {
	copies := editorCopies(s, shares)
	d := declare(copies)
	// A copy has one original: of the articles it aligns with, the one
	// that shares most of its text, its first candidate. An article the
	// editor has declared a copy is not re-detected.
	editor := len(copies)
	for n, c := range cands {
		if n%1024 == 1023 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if len(copies) > editor && copies[len(copies)-1].Copy == c.copy {
			continue // its original is picked
		}
		if d.covers(c.copy, c.of) || s.doc(c.copy) == nil || s.doc(c.of) == nil {
			continue
		}
		copies = append(copies, model.Copy{Copy: c.copy, Of: c.of, Share: c.share})
	}
	return copies, nil
}

// editorCopies returns the copies the editor declares with derived_from,
// with the shares measured in shares, leaving out those of unknown
// articles.
func editorCopies(s *site, shares copyShares) []model.Copy {
	var copies []model.Copy
	broken := derivedCycles(s.Site)
	for _, a := range s.Articles {
		if _, cut := broken[a.Slug]; cut {
			continue // a cycle, reported by checkArticles
		}
		if a.DerivedFrom != "" && s.doc(a.DerivedFrom) != nil {
			copies = append(copies, model.Copy{Copy: a.Slug, Of: a.DerivedFrom, Share: shares.share(a.Slug, a.DerivedFrom), Editor: true})
		}
	}
	return copies
}

// derivedCycles returns the cycles of the editor's derived_from: an
// article that names itself, or a that names b that names a. Each cycle
// is keyed by the article at which it is cut, the one of smallest slug,
// and lists the slugs around the cycle from it. Leaving out the cut
// article's declaration leaves chains that end in an original.
func derivedCycles(s *model.Site) map[string][]string {
	const (
		unseen = iota
		walking
		done
	)
	state := make(map[string]int, len(s.Articles))
	bySlug := make(map[string]*model.Article, len(s.Articles))
	for _, a := range s.Articles {
		bySlug[a.Slug] = a
	}
	cycles := map[string][]string{}
	for _, a := range s.Articles {
		var path []string
		cur := a
		for cur != nil && state[cur.Slug] == unseen {
			state[cur.Slug] = walking
			path = append(path, cur.Slug)
			cur = bySlug[cur.DerivedFrom]
		}
		if cur != nil && state[cur.Slug] == walking {
			cycle := path[slices.Index(path, cur.Slug):]
			low := slices.Index(cycle, slices.Min(cycle))
			cycles[cycle[low]] = append(slices.Clone(cycle[low:]), cycle[:low]...)
		}
		for _, p := range path {
			state[p] = done
		}
	}
	return cycles
}

// declarations are what the editor's copies say about detected ones.
type declarations struct {
	pairs  map[[2]string]bool // pairs the editor related, both ways
	copies map[string]bool    // articles the editor declared copies
}

func declare(editor []model.Copy) declarations {
	d := declarations{pairs: map[[2]string]bool{}, copies: map[string]bool{}}
	for _, c := range editor {
		d.pairs[[2]string{c.Copy, c.Of}] = true
		d.pairs[[2]string{c.Of, c.Copy}] = true
		d.copies[c.Copy] = true
	}
	return d
}

// covers reports whether the editor has already said whether article cp
// copies article of: the editor related the two, or declared what cp
// copies.
func (d declarations) covers(cp, of string) bool {
	return d.pairs[[2]string{cp, of}] || d.copies[cp]
}
