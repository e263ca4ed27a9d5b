package analysis

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// longArticle returns a generated article of n words from a vocabulary of
// a few thousand, and a misquote of q words taken from its middle with
// every tenth word changed, as an editor's paraphrase would be.
func longArticle(n, q int) (text, quote, want string) {
	rng := rand.New(rand.NewPCG(1, 2))
	words := make([]string, n)
	for i := range words {
		words[i] = "w" + strings.Repeat("x", rng.IntN(3)) + string(rune('a'+rng.IntN(26))) + string(rune('a'+rng.IntN(26))) + string(rune('a'+rng.IntN(6)))
	}
	at := n/2 - q/2
	want = strings.Join(words[at:at+q], " ")
	mis := make([]string, q)
	for i := range mis {
		mis[i] = words[at+i]
		if i%10 == 5 {
			mis[i] = "changed"
		}
	}
	return strings.Join(words, " "), strings.Join(mis, " "), want
}

// TestClosestPassageLong guards against the hint taking quadratic time and
// more: a 400-word misquote of a 20,000-word article took 36 s.
func TestClosestPassageLong(t *testing.T) {
	text, quote, want := longArticle(20000, 400)
	start := time.Now()
	got, _ := closestPassage(text, quote)
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("closestPassage took %v", took)
	}
	if got != want {
		t.Errorf("closestPassage found the wrong passage:\n%.80s…\nwant\n%.80s…", got, want)
	}
}

func BenchmarkClosestPassage(b *testing.B) {
	for _, size := range []struct {
		name string
		n, q int
	}{{"article=2000/quote=40", 2000, 40}, {"article=20000/quote=400", 20000, 400}} {
		text, quote, _ := longArticle(size.n, size.q)
		b.Run(size.name, func(b *testing.B) {
			for b.Loop() {
				closestPassage(text, quote)
			}
		})
	}
}
