package model

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// originalBySteps is how OriginalOf followed the chains on each call, kept
// to check the one that follows them once.
func originalBySteps(f *Findings) func(string) string {
	of := map[string]string{}
	for _, c := range f.Copies {
		if _, ok := of[c.Copy]; !ok {
			of[c.Copy] = c.Of
		}
	}
	return func(slug string) string {
		for range len(of) + 1 {
			next, ok := of[slug]
			if !ok || next == slug {
				return slug
			}
			slug = next
		}
		least := slug
		for next := of[slug]; next != slug; next = of[next] {
			least = min(least, next)
		}
		return least
	}
}

// TestOriginalOf compares OriginalOf with following the chains on each
// call, on random copy relations with chains, cycles, self-copies and
// articles that copy two others.
func TestOriginalOf(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for round := range 500 {
		n := 1 + rng.IntN(30)
		f := &Findings{}
		for range rng.IntN(2 * n) {
			f.Copies = append(f.Copies, Copy{Copy: fmt.Sprint("a", rng.IntN(n)), Of: fmt.Sprint("a", rng.IntN(n))})
		}
		got, want := f.OriginalOf(), originalBySteps(f)
		for i := range n + 2 {
			slug := fmt.Sprint("a", i)
			if g, w := got(slug), want(slug); g != w {
				t.Fatalf("round %d: OriginalOf(%s) = %s, want %s; copies %v", round, slug, g, w, f.Copies)
			}
		}
	}
}
