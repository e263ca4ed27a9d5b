package analysis

import (
	"context"
	"flag"
	"fmt"
	"hash/fnv"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"briefing/internal/content"
	"briefing/internal/model"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// checkGolden compares got with testdata/name, or rewrites the file with
// -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := "testdata/" + name
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs (run go test -update after checking the change):\n%s", path, lineDiff(string(want), got))
	}
}

// lineDiff lists the lines only in want (-) and only in got (+).
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for _, l := range w {
		if !slices.Contains(g, l) {
			b.WriteString("- " + l + "\n")
		}
	}
	for _, l := range g {
		if !slices.Contains(w, l) {
			b.WriteString("+ " + l + "\n")
		}
	}
	return b.String()
}

// seedBriefing loads the default briefing (articles, actors, claims) and
// segments its articles, as Analyze would.
func seedBriefing(t testing.TB) *site {
	t.Helper()
	return newTestSite(t, loadSeeds(t))
}

// loadSeeds loads the default briefing.
func loadSeeds(t testing.TB) *model.Site {
	t.Helper()
	s, diags := content.Load(os.DirFS("../.."))
	if err := diags.Errors(); err != nil {
		t.Fatal(err)
	}
	if len(s.Articles) == 0 || len(s.Actors) == 0 {
		t.Fatal("the default briefing has no articles or actors")
	}
	return s
}

// sentenceRef finds the sentence of article prefix (a slug prefix such as
// "002") that contains text.
func sentenceRef(t testing.TB, f *model.Findings, prefix, text string) model.SentenceRef {
	t.Helper()
	for slug, a := range f.Articles {
		if !strings.HasPrefix(slug, prefix) {
			continue
		}
		for i, st := range a.Sentences {
			if strings.Contains(st.Text, text) {
				return model.SentenceRef{Article: slug, Sentence: i, ID: st.ID}
			}
		}
	}
	t.Fatalf("no sentence of %s contains %q", prefix, text)
	return model.SentenceRef{}
}

func TestContentWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"The governor said he was lifting the counter-terrorism regime.", []string{"governor", "lift", "counterterrorism", "regim"}},
		{"more than seventy fighters had been killed", []string{"70", "fighter", "kill"}},
		{"security forces had killed 70 fighters", []string{"security", "forc", "kill", "70", "fighter"}},
		{"1,000 armored vehicles", []string{"1000", "armour", "vehicl"}},
		{"the Russian defense ministry", []string{"russian", "defenc", "ministry"}},
		{"units of the Freedom of Russia Legion were trapped", []string{"unit", "freedom of russia legion", "trap"}},
		{"Russia’s Belgorod region", []string{"russia", "belgorod", "region"}},
		{"one person was killed and eight injured", []string{"1", "person", "kill", "8", "injur"}},
		{"a civilian had died; two were wounded", []string{"person", "kill", "2", "injur"}},
		{"“Mopping up” operations", []string{"mop", "operation"}},
	}
	for _, tt := range tests {
		if got := contentWords(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("contentWords(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSimilarSeeds(t *testing.T) {
	s := seedBriefing(t)
	c := newCorpus(s.docs)
	tests := []struct {
		name       string
		from, text string
		want       []string // article prefix: sentence text, expected among the matches
		not        []string // … and expected not to be
	}{
		{"a reworded sentence is found", "002", "trapped and liquidated",
			[]string{"000: the Russian defense ministry asserted that it had “trapped and liquidated”"}, nil},
		{"the casualty figures across outlets", "002", "said more than 70",
			[]string{"001: security forces had killed 70 fighters"}, nil},
		{"a headline that shares a place and a side is not", "004", "‘liberate’ border region",
			nil, []string{"003: The Freedom of Russia Legion, which describes itself"}},
		{"sentences sharing only Belgorod and Russian are not", "003", "But clashes are increasing along the border",
			nil, []string{"001: After previous incidents including drone strikes", "002: The governor of Russia’s Belgorod region"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := sentenceRef(t, s.f, tt.from, tt.text)
			got := map[model.SentenceRef]bool{}
			for _, m := range c.similar(q.Article, q.Sentence) {
				got[m.Ref] = true
				if m.Ref.Article == q.Article {
					t.Errorf("match %v is in the query's own article", m.Ref)
				}
			}
			for _, w := range tt.want {
				prefix, text, _ := strings.Cut(w, ": ")
				if r := sentenceRef(t, s.f, prefix, text); !got[r] {
					t.Errorf("similar(%s) misses %s", tt.text, w)
				}
			}
			for _, w := range tt.not {
				prefix, text, _ := strings.Cut(w, ": ")
				if r := sentenceRef(t, s.f, prefix, text); got[r] {
					t.Errorf("similar(%s) finds %s", tt.text, w)
				}
			}
		})
	}
}

func TestSimilarBestFirst(t *testing.T) {
	s := seedBriefing(t)
	c := newCorpus(s.docs)
	for _, a := range s.docs {
		for i := range a.Sentences {
			ms := c.similar(a.Slug, i)
			if !slices.IsSortedFunc(ms, func(x, y match) int {
				switch {
				case x.Score > y.Score:
					return -1
				case x.Score < y.Score:
					return 1
				}
				return 0
			}) {
				t.Errorf("similar(%s, %d) is not sorted best first: %v", a.Slug, i, ms)
			}
		}
	}
	if ms := c.similar("no-such-article", 0); ms != nil {
		t.Errorf("similar of an unknown article = %v, want nil", ms)
	}
}

// largeSite returns a site of n articles made from the seeds: the seeds
// themselves, then rewrites in which the names and many words carry an
// event number, so that the corpus looks like many events reported by
// several outlets each rather than like one event copied many times.
func largeSite(t testing.TB, n int) *model.Site {
	s := loadSeeds(t)
	seeds := s.Articles
	keep := map[string]bool{} // alias words stay, so that actors are still named
	for _, a := range s.Actors {
		for _, al := range append([]string{a.Name}, a.Aliases...) {
			for _, w := range strings.Fields(al) {
				keep[w] = true
			}
		}
	}
	for e := 1; len(s.Articles) < n; e++ {
		for _, a := range seeds {
			if len(s.Articles) >= n {
				break
			}
			text := rewrite(a.Text, e, keep)
			b := &model.Article{Slug: fmt.Sprintf("%s-e%d", a.Slug, e), File: a.File, Text: text, TextPos: a.TextPos}
			s.Articles = append(s.Articles, b)
		}
	}
	return s
}

// rewrite marks words of text with event number e: every capitalised word
// that is not an alias word (the names and places of another event), and a
// quarter of the longer lower-case words (its own vocabulary).
func rewrite(text string, e int, keep map[string]bool) string {
	var b strings.Builder
	at := 0
	scanWords(text, func(s, end int) {
		w := text[s:end]
		b.WriteString(text[at:s])
		b.WriteString(w)
		at = end
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case keep[w] || isStopWord(strings.ToLower(w)):
		case unicode.IsUpper(r):
			fmt.Fprintf(&b, "x%d", e)
		case len(w) > 4:
			h := fnv.New32a()
			fmt.Fprintf(h, "%s%d", w, e)
			if h.Sum32()%4 == 0 {
				fmt.Fprintf(&b, "q%d", e)
			}
		}
	})
	b.WriteString(text[at:])
	return b.String()
}

// BenchmarkAnalyze times the analysis of sites of growing size: all of it
// (Analyze, with what the previous run found in each article kept, as in
// the preview server), the quick analysis after a save (AnalyzeQuick,
// with one article edited each time), and the actor steps (mentions, the
// corpus, attribution with grouping, suggestions) from scratch, as in
// "briefing build", and again with their memo warm, step by step, and
// the claims' steps (quotes, also-reported sentences, independent
// counts). segment-cold segments every article afresh; everywhere else
// the articles are segmented beforehand, as the analyzer keeps the
// sentences of a text it has seen. With -short it stops at 1,000
// articles, without it goes on to 10,000.
func BenchmarkAnalyze(b *testing.B) {
	ctx := context.Background()
	an, err := New()
	if err != nil {
		b.Fatal(err)
	}
	actors := func(s *site, m *memo) {
		findMentions(s, m)
		c, err := m.corpus(ctx, s.docs)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := findStatements(ctx, s, c); err != nil {
			b.Fatal(err)
		}
		if _, err := suggestActors(ctx, s, c); err != nil {
			b.Fatal(err)
		}
	}
	sizes := []int{5, 100, 1000}
	if !testing.Short() {
		sizes = append(sizes, 10000)
	}
	for _, n := range sizes {
		s := largeSite(b, n)
		name := func(step string) string { return fmt.Sprintf("articles=%d/%s", n, step) }
		b.Run(name("segment-cold"), func(b *testing.B) {
			for b.Loop() {
				fresh := &Analyzer{seg: an.seg}
				fresh.newSite(s)
			}
		})
		an.newSite(s) // segments the articles, as the old sentences of a build are kept
		b.Run(name("analyze"), func(b *testing.B) {
			for b.Loop() {
				if _, err := an.Analyze(ctx, s); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(name("quick"), func(b *testing.B) {
			if _, err := an.Analyze(ctx, s); err != nil {
				b.Fatal(err)
			}
			var undo func()
			i := 0
			for b.Loop() {
				if undo != nil {
					undo()
				}
				undo = editArticle(s, i*37%len(s.Articles),
					fmt.Sprintf("\n\n“Shelter %d stays open,” said Gladkov.", i))
				an.AnalyzeQuick(s)
				i++
			}
			undo()
		})
		st := an.newSite(s)
		b.Run(name("actors-cold"), func(b *testing.B) {
			for b.Loop() {
				actors(st, new(memo))
			}
		})
		var m memo
		actors(st, &m)
		b.Run(name("actors-warm"), func(b *testing.B) {
			for b.Loop() {
				actors(st, &m)
			}
		})
		b.Run(name("mentions-warm"), func(b *testing.B) {
			for b.Loop() {
				findMentions(st, &m)
			}
		})
		b.Run(name("corpus-warm"), func(b *testing.B) {
			for b.Loop() {
				if _, err := m.corpus(ctx, st.docs); err != nil {
					b.Fatal(err)
				}
			}
		})
		c, err := m.corpus(ctx, st.docs)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name("statements"), func(b *testing.B) {
			for b.Loop() {
				if _, err := findStatements(ctx, st, c); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(name("suggestions-warm"), func(b *testing.B) {
			for b.Loop() {
				if _, err := suggestActors(ctx, st, c); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(name("copies"), func(b *testing.B) {
			for b.Loop() {
				if _, _, err := detectCopies(ctx, st, c); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(name("quotes"), func(b *testing.B) {
			for b.Loop() {
				st.f.Diagnostics = nil
				checkClaims(st)
			}
		})
		checkClaims(st)
		b.Run(name("also-reported"), func(b *testing.B) {
			for b.Loop() {
				st.f.Diagnostics = nil
				err := alsoReported(ctx, st, func(r model.SentenceRef, quote string) alsoFound {
					return c.alsoFor(c.similar(r.Article, r.Sentence), quote)
				})
				if err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(name("independent"), func(b *testing.B) {
			for b.Loop() {
				countIndependent(st)
				checkStatuses(st)
			}
		})
	}
}

// editArticle replaces article i of s with one whose text has text
// appended, as a save would, and returns a function that undoes the edit.
func editArticle(s *model.Site, i int, text string) (undo func()) {
	old := s.Articles[i]
	edited := *old
	edited.Text += text
	s.Articles[i] = &edited
	return func() { s.Articles[i] = old }
}

// TestMemoWarmIsCold checks that what a memo keeps from earlier builds
// changes no result: a build after edits gives what a fresh build gives.
func TestMemoWarmIsCold(t *testing.T) {
	type result struct {
		mentions   []model.Mention
		statements []model.StatementGroup
		diags      model.Diagnostics
		similar    [][]match
	}
	run := func(s *site, m *memo) result {
		var r result
		findMentions(s, m)
		r.diags = s.f.Diagnostics
		c, err := m.corpus(context.Background(), s.docs)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := findStatements(context.Background(), s, c); err != nil {
			t.Fatal(err)
		}
		found, err := suggestActors(context.Background(), s, c)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range found {
			r.diags.Add(x.diag)
		}
		for _, a := range s.docs {
			for i := range a.Sentences {
				r.similar = append(r.similar, c.similar(a.Slug, i))
			}
		}
		r.mentions = slices.Clone(s.f.Mentions)
		r.statements = slices.Clone(s.f.Statements)
		return r
	}

	var warm memo
	// An earlier state of the briefing: one article reworded, one gone,
	// and an actor with an alias fewer and a different kind.
	before := loadSeeds(t)
	a := *before.Articles[2]
	a.Text = strings.ReplaceAll(a.Text, "civilian", "resident") + "\n\nSome humvees of Novaya Tavolzhanka were said to be gone."
	before.Articles[2] = &a
	before.Articles = slices.Delete(before.Articles, 4, 5)
	for i, g := range before.Actors {
		if g.Slug == "vyacheslav-gladkov" {
			changed := *g
			changed.Aliases, changed.Kind = g.Aliases[1:], "organisation"
			before.Actors[i] = &changed
		}
	}
	run(newTestSite(t, before), &warm)

	got := run(seedBriefing(t), &warm)
	want := run(seedBriefing(t), new(memo))
	if !reflect.DeepEqual(got.mentions, want.mentions) {
		t.Error("mentions differ between a warm and a cold build")
	}
	if !reflect.DeepEqual(got.statements, want.statements) {
		t.Error("statements differ between a warm and a cold build")
	}
	if !reflect.DeepEqual(got.diags, want.diags) {
		t.Errorf("diagnostics differ between a warm and a cold build:\nwarm %v\ncold %v", got.diags, want.diags)
	}
	if !reflect.DeepEqual(got.similar, want.similar) {
		t.Error("similar sentences differ between a warm and a cold build")
	}
	if len(want.statements) == 0 || len(want.mentions) == 0 {
		t.Error("nothing found: the test checks nothing")
	}
}
