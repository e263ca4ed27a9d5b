package analysis

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// normalized is a text folded for quote matching, with a map from each byte
// of the folded text back to the byte offset in the original.
type normalized struct {
	text string
	orig []int // orig[i] is the offset in the original of folded byte i; len = len(text)+1
}

// foldQuote folds the differences quote matching ignores, and only those:
// runs of white space become one space, straight and curly quotes and
// apostrophes become straight ones, and every dash form becomes a hyphen.
// Letters, case, digits and all other punctuation are kept as written.
func foldQuote(s string) normalized {
	var b strings.Builder
	orig := make([]int, 0, len(s)+1)
	space := false
	for i, r := range s {
		if unicode.IsSpace(r) {
			if !space {
				b.WriteByte(' ')
				orig = append(orig, i)
			}
			space = true
			continue
		}
		space = false
		switch r {
		case '‘', '’', '‚', '‛', '′', '`', '´':
			r = '\''
		case '“', '”', '„', '‟', '″', '«', '»':
			r = '"'
		case '‐', '‑', '‒', '–', '—', '―', '−', '⁃', '﹘', '﹣', '－':
			r = '-'
		}
		n := utf8.RuneLen(r)
		for k := 0; k < n; k++ {
			orig = append(orig, i)
		}
		b.WriteRune(r)
	}
	orig = append(orig, len(s))
	return normalized{text: b.String(), orig: orig}
}

// findQuote returns the byte range of quote in text, matching as foldQuote
// describes, or ok == false. Leading and trailing white space and a pair of
// quotation marks wrapping the whole quote are not part of it.
func findQuote(text, quote string) (start, end int, ok bool) {
	return findFolded(text, foldQuote(text), quote)
}

// findFolded is findQuote with the text already folded, so that an article
// cited by many quotes is folded once.
func findFolded(text string, t normalized, quote string) (start, end int, ok bool) {
	q := foldQuote(strings.TrimSpace(quote)).text
	if q == "" {
		return 0, 0, false
	}
	i := strings.Index(t.text, q)
	if i < 0 {
		return 0, 0, false
	}
	start = t.orig[i]
	// The end is the original offset just after the last folded byte.
	last := t.orig[i+len(q)-1]
	_, size := utf8.DecodeRuneInString(text[last:])
	return start, last + size, true
}

// closestPassage returns the passage of text most like quote, and its byte
// offset: the run of words, as long as the quote, that shares the most
// words with it in order (case aside), matching the quote's first and last
// words breaking ties, and the earliest of equals.
//
// Scoring every run by its longest common subsequence with the quote
// takes time in the article's length times the quote's squared, which is
// minutes for a long quote of a long article. So runs are first ranked by
// the words they share with the quote in any order, counted in one pass;
// that count bounds the in-order one, so only the best-ranked runs are
// scored, until no run left can beat the best. The scoring stops after
// maxPassageWork word comparisons, with the best run so far: the hint
// costs at most that, plus time linear in the text.
func closestPassage(text, quote string) (string, int) {
	w := wordsOf(text, quote)
	qw, tid, tw := w.quote, w.text, w.spans
	if len(qw) == 0 || len(tw) == 0 {
		return "", 0
	}
	n := min(len(qw), len(tw))

	// shared[s] is how many of the quote's words the run at s holds, each
	// counted as often as the quote has it.
	need := make([]int32, w.distinct)
	for _, w := range qw {
		need[w]++
	}
	have := make([]int32, w.distinct)
	shared := make([]int32, len(tw)-n+1)
	common := int32(0)
	for k, w := range tid {
		if have[w] < need[w] {
			common++
		}
		have[w]++
		if k >= n {
			old := tid[k-n]
			have[old]--
			if have[old] < need[old] {
				common--
			}
		}
		if k >= n-1 {
			shared[k-n+1] = common
		}
	}
	order := make([]int, len(shared))
	for s := range order {
		order[s] = s
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(shared[b], shared[a]) })

	score := func(s int) int {
		// Words in common, in order, count most; matching the quote's
		// first and last words breaks ties, so the passage lines up.
		sc := 4 * lcsWords(qw, tid[s:s+n])
		if tid[s] == qw[0] {
			sc++
		}
		if tid[s+n-1] == qw[len(qw)-1] {
			sc++
		}
		return sc
	}
	best, bestAt := -1, 0
	for work, s := range order {
		if 4*int(shared[s])+2 < best || work > 0 && work*len(qw)*n > maxPassageWork {
			break
		}
		if sc := score(s); sc > best || sc == best && s < bestAt {
			best, bestAt = sc, s
		}
	}
	return text[tw[bestAt].start:tw[bestAt+n-1].end], tw[bestAt].start
}

// passageWords are the words of a quote and of a text, as numbers: two
// words have the same number when they fold to the same (see foldWord).
type passageWords struct {
	quote, text []int32
	spans       []span // of the text's words
	distinct    int    // how many numbers there are
}

func wordsOf(text, quote string) passageWords {
	ids := map[string]int32{}
	id := func(w string) int32 {
		w = foldWord(w)
		n, ok := ids[w]
		if !ok {
			n = int32(len(ids))
			ids[w] = n
		}
		return n
	}
	var pw passageWords
	for _, w := range strings.Fields(foldQuote(quote).text) {
		pw.quote = append(pw.quote, id(w))
	}
	pw.spans = textWords(text)
	pw.text = make([]int32, len(pw.spans))
	for k, w := range pw.spans {
		pw.text[k] = id(text[w.start:w.end])
	}
	pw.distinct = len(ids)
	return pw
}

// maxPassageWork bounds the word comparisons closestPassage makes: a few
// dozen runs of a 400-word quote, a few hundred milliseconds at most.
const maxPassageWork = 10_000_000

// span is a word's byte range in a text.
type span struct{ start, end int }

// textWords returns the ranges of text's words: runs of non-space.
func textWords(text string) []span {
	var tw []span
	inWord := false
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:]) // size, not RuneLen(r): a byte of bad UTF-8 is one
		if unicode.IsSpace(r) {
			inWord = false
		} else {
			if !inWord {
				tw = append(tw, span{start: i})
				inWord = true
			}
			tw[len(tw)-1].end = i + size
		}
		i += size
	}
	return tw
}

// foldWord folds one word as foldQuote does, and its case too: the closest
// passage is found case aside.
func foldWord(w string) string {
	return strings.ToLower(strings.ToUpper(foldQuote(w).text))
}

// lcsWords is the length of the longest common subsequence of a and b.
func lcsWords(a, b []int32) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(cur[j], prev[j+1])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
