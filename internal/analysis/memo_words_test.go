package analysis

import (
	"context"
	"slices"
	"strings"
	"testing"

	"briefing/internal/model"
)

// TestHasAfterEdits checks that the corpus knows which words its articles
// use, as written, when the memo counts the texts that use each word
// across builds: texts reworded, gone, back, and shared by two articles.
func TestHasAfterEdits(t *testing.T) {
	seeds := func() *model.Site { return loadSeeds(t) }
	edited := func() *model.Site {
		s := seeds()
		a := *s.Articles[2]
		a.Text = strings.ReplaceAll(a.Text, "civilian", "resident") + "\n\nSome humvees of Novaya Tavolzhanka were said to be gone."
		s.Articles[2] = &a
		s.Articles = slices.Delete(s.Articles, 4, 5)
		return s
	}
	shared := func() *model.Site { // article 3's text twice, article 2's gone
		s := seeds()
		b := *s.Articles[3]
		b.Slug = "copy-of-" + b.Slug
		s.Articles = append(slices.Delete(s.Articles, 2, 3), &b)
		return s
	}
	var m memo
	for step, s := range []*model.Site{edited(), seeds(), shared(), edited(), shared()} {
		st := newTestSite(t, s)
		c, err := m.corpus(context.Background(), st.docs)
		if err != nil {
			t.Fatal(err)
		}
		used := map[string]bool{}
		for _, a := range st.docs {
			scanWords(a.Text, func(s, e int) { used[a.Text[s:e]] = true })
		}
		for _, w := range slices.Concat(m.tok.forms, []string{"resident", "humvees", "civilian", "unheardof"}) {
			if c.has(w) != used[w] {
				t.Fatalf("build %d: has(%q) = %v, want %v", step, w, c.has(w), used[w])
			}
		}
	}
}
