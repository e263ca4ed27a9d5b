package corpus

import (
	"math/rand/v2"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"briefing/internal/analysis"
	"briefing/internal/model"
)

// seedSentences returns the sentences of the seed texts that read as
// prose: long enough, mostly lower-case, ending a sentence, with their
// white space made single spaces, each once, in the order met. The texts
// are split by the generator's own segmenter.
func seedSentences(seeds []string) ([]string, error) {
	seg, err := analysis.NewSegmenter()
	if err != nil {
		return nil, err
	}
	var out []string
	seen := map[string]bool{}
	for _, text := range seeds {
		_, sents := seg.Segment(text)
		for _, st := range sents {
			if s := model.CollapseSpace(st.Text); prose(s) && !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	return out, nil
}

// prose reports whether s is a sentence of running text rather than page
// furniture: eight words or more, at most 400 bytes, ending a sentence,
// more lower-case than upper-case letters, no link or copyright line.
func prose(s string) bool {
	if len(s) > 400 || len(strings.Fields(s)) < 8 || strings.Contains(s, "http") || strings.Contains(s, "©") {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s, "\"”’'"))
	if last != '.' && last != '?' && last != '!' {
		return false
	}
	lower, upper := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsLower(r):
			lower++
		case unicode.IsUpper(r):
			upper++
		}
	}
	return lower > 3*upper
}

// keepNames are capitalised words that stay as they are in every story.
var keepNames = []string{
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
	"January", "February", "March", "April", "May", "June", "July", "August",
	"September", "October", "November", "December", "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec",
}

// properNouns returns the words of the seeds that are names: capitalised,
// not all capitals, and never written in lower case in the seeds.
func properNouns(seeds []string) map[string]bool {
	lower := map[string]bool{}
	capital := map[string]bool{}
	for _, text := range seeds {
		eachWord(text, func(start, end int) {
			w := text[start:end]
			r, _ := utf8.DecodeRuneInString(w)
			switch {
			case unicode.IsLower(r):
				lower[w] = true
			case unicode.IsUpper(r) && utf8.RuneCountInString(w) > 1 && strings.ToUpper(w) != w:
				capital[w] = true
			}
		})
	}
	proper := map[string]bool{}
	for w := range capital {
		if !lower[strings.ToLower(w)] && !slices.Contains(keepNames, w) {
			proper[w] = true
		}
	}
	return proper
}

// eachWord calls f with the start and end of every run of letters of
// text.
func eachWord(text string, f func(start, end int)) {
	start := -1
	for i, r := range text {
		switch {
		case unicode.IsLetter(r):
			if start < 0 {
				start = i
			}
		case start >= 0:
			f(start, i)
			start = -1
		}
	}
	if start >= 0 {
		f(start, len(text))
	}
}

// rename returns s with every word that proper holds replaced by
// name(word).
func rename(s string, proper map[string]bool, name func(string) string) string {
	var b strings.Builder
	at := 0
	eachWord(s, func(start, end int) {
		if w := s[start:end]; proper[w] {
			b.WriteString(s[at:start])
			b.WriteString(name(w))
			at = end
		}
	})
	b.WriteString(s[at:])
	return b.String()
}

var (
	onsets = []string{"b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "dr", "kr", "st", "tr", "sh", "ch"}
	vowels = []string{"a", "e", "i", "o", "u", "a", "o", "ai", "ei", "ou"}
	codas  = []string{"", "", "", "n", "r", "l", "s", "k", "v", "sk", "nt"}
)

// madeUpWord returns a pronounceable capitalised word of two or three
// syllables.
func madeUpWord(rng *rand.Rand) string {
	var b strings.Builder
	for range 2 + rng.IntN(2) {
		b.WriteString(pick(rng, onsets))
		b.WriteString(pick(rng, vowels))
	}
	b.WriteString(pick(rng, codas))
	w := b.String()
	return strings.ToUpper(w[:1]) + w[1:]
}

// headline returns the first words of s, at most max, as a title: without
// closing punctuation or quotes.
func headline(s string, max int) string {
	words := strings.Fields(s)
	if len(words) > max {
		words = words[:max]
	}
	t := strings.TrimRight(strings.Join(words, " "), ".,;:!?\"“”‘’'")
	if t == "" {
		return s
	}
	return t
}

// quoted returns s made fit to stand inside double quotes: its own double
// quotes made single.
func quoted(s string) string {
	return strings.NewReplacer("“", "‘", "”", "’", `"`, "'").Replace(s)
}
