package analysis

import (
	"strings"
	"testing"
)

// TestSpeechKindAsLookUp checks that the shapes of the words of speech
// rule out no word of speech: every word of the corpus and every word
// of speech gets the kind the table gives it.
func TestSpeechKindAsLookUp(t *testing.T) {
	words := []string{"", strings.Repeat("s", 64), strings.Repeat("s", 63)}
	for w := range speechWords {
		words = append(words, w, strings.ToUpper(w), w+"s")
	}
	for _, s := range seedsAndRewrites(t, 200) {
		for _, a := range s.docs {
			scanWords(a.Text, func(s, e int) { words = append(words, a.Text[s:e]) })
		}
	}
	for _, w := range words {
		if got, want := speechKindOf(w), speechWords[w]; got != want {
			t.Fatalf("speechKindOf(%q) = %d, want %d", w, got, want)
		}
	}
}
