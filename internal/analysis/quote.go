package analysis

import (
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

// closestPassage returns the passage of text most like quote: the run of
// words, as long as the quote, that shares the most words with it in order.
func closestPassage(text, quote string) string {
	qw := strings.Fields(foldQuote(quote).text)
	type word struct {
		w          string
		start, end int
	}
	var tw []word
	inWord := false
	for i, r := range text {
		if unicode.IsSpace(r) {
			inWord = false
			continue
		}
		if !inWord {
			tw = append(tw, word{start: i})
			inWord = true
		}
		tw[len(tw)-1].end = i + utf8.RuneLen(r)
	}
	if len(qw) == 0 || len(tw) == 0 {
		return ""
	}
	for k := range tw {
		tw[k].w = foldQuote(text[tw[k].start:tw[k].end]).text
	}
	n := min(len(qw), len(tw))
	best, bestAt := -1, 0
	for s := 0; s+n <= len(tw); s++ {
		// Words in common, in order, count most; matching the quote's
		// first and last words breaks ties, so the passage lines up.
		score := 4 * lcsWords(qw, tw[s:s+n], func(w word) string { return w.w })
		if tw[s].w == qw[0] {
			score++
		}
		if tw[s+n-1].w == qw[len(qw)-1] {
			score++
		}
		if score > best {
			best, bestAt = score, s
		}
	}
	return text[tw[bestAt].start:tw[bestAt+n-1].end]
}

// lcsWords is the length of the longest common subsequence of a and b's words.
func lcsWords[T any](a []string, b []T, word func(T) string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			if strings.EqualFold(a[i], word(b[j])) {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(cur[j], prev[j+1])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
