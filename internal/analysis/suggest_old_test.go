package analysis

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"sort"
	"strings"
	"testing"
	"unicode"

	"briefing/internal/model"
)

// The suggestions as first written: every use a struct of strings, the
// candidates in a map by key. Kept to compare the compact ones with.

type oldUse struct {
	article    *doc
	form, key  string
	start      int
	place, med bool
}

func suggestOld(s *site, c *corpus) []suggested {
	type cand struct {
		key   string
		forms map[string]int
		uses  []oldUse
		also  []string
	}
	form := func(x *cand) string {
		best, n := "", 0
		for f, k := range x.forms {
			if k > n || k == n && f < best {
				best, n = f, k
			}
		}
		return best
	}
	cands := map[string]*cand{}
	var nf oldNameFinder
	for _, a := range s.docs {
		for _, p := range a.Paragraphs {
			for i := p.First; i <= p.Last && !isFurniture(a, p); i++ {
				if mostlyCapitals(a.Sentences[i].Text) {
					continue
				}
				nf.find(a, a.Sentences[i], func(f string, n nameUse) {
					u := oldUse{a, f, nameKey(f), n.start, n.place, n.medium}
					if first, rest, ok := strings.Cut(f, " "); n.initial && ok && c.has(strings.ToLower(first)) {
						u.form, u.key, u.start = rest, nameKey(rest), u.start+len(first)+1
					}
					if u.key == "" {
						return
					}
					if cands[u.key] == nil {
						cands[u.key] = &cand{key: u.key, forms: map[string]int{}}
					}
					cands[u.key].forms[u.form]++
					cands[u.key].uses = append(cands[u.key].uses, u)
				})
			}
		}
	}
	full := map[string]*cand{}
	for key, x := range cands {
		if !isName(key, c.has) {
			delete(cands, key)
			continue
		}
		if w := strings.Fields(key); len(w) >= 2 && len(w) <= 3 && !strings.Contains(key, " of ") {
			if b := full[w[len(w)-1]]; b == nil || len(x.uses) > len(b.uses) || len(x.uses) == len(b.uses) && x.key < b.key {
				full[w[len(w)-1]] = x
			}
		}
	}
	for key, x := range cands {
		if f := full[key]; f != nil && !strings.Contains(key, " ") {
			f.uses = append(f.uses, x.uses...)
			f.also = append(f.also, form(x))
			delete(cands, key)
		}
	}
	aliases := newAliasIndex(s.Actors)
	original := s.f.OriginalOf()
	var out []suggested
	for _, x := range cands {
		named := map[string]bool{}
		places, media := 0, 0
		for _, u := range x.uses {
			named[u.article.Slug] = true
			if u.place {
				places++
			}
			if u.med {
				media++
			}
		}
		independent := 0
		for _, u := range x.uses {
			if o := original(u.article.Slug); o == u.article.Slug || !named[o] {
				independent++
			}
		}
		if independent < minNamed || 2*places >= len(x.uses) || aliases.covers(x.key) {
			continue
		}
		sort.SliceStable(x.uses, func(i, j int) bool {
			a, b := x.uses[i], x.uses[j]
			return a.article.Slug < b.article.Slug || a.article.Slug == b.article.Slug && a.start < b.start
		})
		var at []string
		for _, u := range x.uses[:min(3, len(x.uses))] {
			at = append(at, u.article.pos(u.start).String())
		}
		if len(x.uses) > 3 {
			at = append(at, "…")
		}
		f := form(x)
		msg := fmt.Sprintf("%q is named %d times in %d %s but has no actor file", f, len(x.uses), len(named), plural(len(named), "article", "articles"))
		if len(x.also) > 0 {
			msg += fmt.Sprintf(" (also as %s)", quoteAll(x.also))
		}
		d := suggested{key: x.key}
		d.diag.Pos, d.diag.Severity, d.diag.Message = x.uses[0].article.pos(x.uses[0].start), model.Suggestion, msg
		d.diag.Hint = "named at " + strings.Join(at, ", ") + "\nadd content/actors/" + slugify(f) + ".md with it among the aliases"
		if 2*media > len(x.uses) {
			d.key = "\xff" + d.key // the platforms last
		}
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].key < out[j].key })
	for i := range out {
		out[i].key = strings.TrimPrefix(out[i].key, "\xff")
	}
	return out
}

// TestSuggestAsBefore checks that the compact names and candidates give
// exactly the suggestions the first implementation gave, on the default
// briefing, with its actors and without (so that surnames are merged into
// full names), and on a corpus of rewrites of its articles, with their
// copies.
func TestSuggestAsBefore(t *testing.T) {
	bare := seedBriefing(t)
	bare.Actors = nil
	for _, s := range []*site{seedBriefing(t), bare, newTestSite(t, largeSite(t, 300))} {
		c := newCorpus(s.docs)
		if _, _, err := detectCopies(context.Background(), s, c); err != nil {
			t.Fatal(err)
		}
		got, err := suggestActors(context.Background(), s, c)
		if err != nil {
			t.Fatal(err)
		}
		want := suggestOld(s, c)
		if len(want) == 0 {
			t.Fatalf("%d articles: no suggestions to compare", len(s.docs))
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%d articles: %d suggestions, want %d (or they differ)", len(s.docs), len(got), len(want))
			for i := range min(len(got), len(want)) {
				if !reflect.DeepEqual(got[i], want[i]) {
					t.Errorf("first difference:\n%+v\nwant\n%+v", got[i], want[i])
					break
				}
			}
		}
	}
}

// TestMostlyCapitalsAsRunes checks the ASCII shortcut of mostlyCapitals
// against the plain count over runes, on every sentence of the default
// briefing and of a generated corpus, in capitals too, on random mixes,
// and on text in other scripts and invalid UTF-8.
func TestMostlyCapitalsAsRunes(t *testing.T) {
	plain := func(s string) bool {
		up, letters := 0, 0
		for _, r := range s {
			if unicode.IsLetter(r) {
				letters++
				if unicode.IsUpper(r) {
					up++
				}
			}
		}
		return letters > 8 && up*10 > letters*6
	}
	texts := []string{"CLICK HERE TO READ MORE", "ЗАЯВЛЕНИЕ МИНИСТЕРСТВА обороны", "ÉTAT DE SIÈGE À PARIS", "\xff\xfeABCDEFGHIJ", "ǅǅǅǅǅǅǅǅǅǅ abc"}
	for _, s := range seedsAndRewrites(t, 200) {
		for _, a := range s.docs {
			for _, st := range a.Sentences {
				texts = append(texts, st.Text, strings.ToUpper(st.Text))
			}
		}
	}
	// Random mixes near the threshold, ASCII runs of every length among
	// other scripts and invalid bytes.
	r := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"A", "Z", "a", "z", "@", "[", "`", "{", " ", "9", "É", "é", "Я", "я", "\xff", "ǅ", "\x80"}
	for range 20000 {
		var b strings.Builder
		for range r.IntN(40) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		if got, want := mostlyCapitals(s), plain(s); got != want {
			t.Errorf("mostlyCapitals(%q) = %v, want %v", s, got, want)
		}
	}
}
