package render

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"briefing/internal/corpus"
)

// plainStartOld is plainStart as it was before it collapsed the white
// space itself, stopping at the length it cuts to: the reference
// TestPlainStartAsBefore holds it to.
func plainStartOld(md string, max int) string {
	para, _, _ := strings.Cut(strings.TrimSpace(md), "\n\n")
	return cutWords(strings.Join(strings.Fields(mdMarks.Replace(mdLinkTarget.ReplaceAllString(para, "]"))), " "), max)
}

// TestPlainStartAsBefore checks that plainStart gives what plainStartOld
// gave, at several lengths, on every file of a generated briefing, each
// paragraph of them first in turn, and on text of every kind of byte
// either treats apart.
func TestPlainStartAsBefore(t *testing.T) {
	files := generatedFiles(t, corpus.Options{Articles: 30, Actors: 6, Claims: 10, Seed: 9})
	var texts []string
	for _, name := range slices.Sorted(maps.Keys(files)) {
		paras := strings.Split(files[name], "\n\n")
		for i := range paras {
			texts = append(texts, strings.Join(paras[i:], "\n\n"))
		}
	}
	texts = append(texts, "", " ", "\n\n", "a", "*", "**bold** _it_ `code` [link](x) # head", "[a](b) ](c) [d]( e )",
		"tab\there\vthere\fthen\rnow", "nbsp\u00a0nel\u0085em\u2003ideo\u3000end", "\xc2*\xa0 \xc2\xa0 x\xffy \x00",
		"é, ü; ★: 一二三, ", "word, word; word: "+strings.Repeat("long ", 60), strings.Repeat("é", 150), strings.Repeat("x", 300),
		"  lead and trail  \n\n second")
	for _, text := range texts {
		for _, max := range []int{0, 1, 5, 12, 50, 200} {
			if got, want := plainStart(text, max), plainStartOld(text, max); got != want {
				t.Errorf("plainStart(%.80q, %d) = %q, want %q", text, max, got, want)
			}
		}
	}
}
