package analysis

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"briefing/internal/model"
)

// compare reports each part in which got and want differ.
func compare(t *testing.T, what string, got, want *model.Findings) {
	t.Helper()
	g, w := reflect.ValueOf(*got), reflect.ValueOf(*want)
	for i := range g.NumField() {
		if !reflect.DeepEqual(g.Field(i).Interface(), w.Field(i).Interface()) {
			t.Errorf("%s: %s differ:\ngot  %v\nwant %v", what, g.Type().Field(i).Name, g.Field(i), w.Field(i))
		}
	}
}

// analyze runs a complete analysis and returns its findings.
func analyze(t *testing.T, an *Analyzer, s *model.Site) *model.Findings {
	t.Helper()
	f, err := an.Analyze(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// checkRefs checks that every sentence reference of f points at the
// sentence with its ID.
func checkRefs(t *testing.T, f *model.Findings) {
	t.Helper()
	check := func(where string, r model.SentenceRef) {
		a := f.Articles[r.Article]
		if a == nil || r.Sentence < 0 || r.Sentence >= len(a.Sentences) || a.Sentences[r.Sentence].ID != r.ID {
			t.Errorf("%s: %+v points at no sentence with its ID", where, r)
		}
	}
	for _, g := range f.Statements {
		for _, r := range g.Sentences {
			check("statement of "+g.Actor, r)
		}
	}
	for slug, cf := range f.Claims {
		for _, e := range cf.Evidence {
			for _, r := range e.Sentences {
				check("evidence of "+slug, r)
			}
			for _, r := range e.AlsoReported {
				check("also reported for "+slug, r)
			}
		}
	}
}

// alsoReported reports whether some quote of f is reported elsewhere in a
// sentence for which in is true.
func alsoReportedIn(f *model.Findings, in func(model.SentenceRef) bool) bool {
	for _, cf := range f.Claims {
		for _, e := range cf.Evidence {
			if slices.ContainsFunc(e.AlsoReported, in) {
				return true
			}
		}
	}
	return false
}

func TestQuickUnchangedIsFull(t *testing.T) {
	for _, n := range []int{5, 200} {
		t.Run(fmt.Sprintf("articles=%d", n), func(t *testing.T) {
			an, err := New()
			if err != nil {
				t.Fatal(err)
			}
			want := analyze(t, an, largeSite(t, n))
			got := an.AnalyzeQuick(largeSite(t, n))
			compare(t, "quick after complete", got, want)
			if len(want.Statements) == 0 || len(want.Copies) == 0 || len(want.Diagnostics) == 0 {
				t.Error("nothing found: the test checks nothing")
			}
			if !alsoReportedIn(want, func(model.SentenceRef) bool { return true }) {
				t.Error("no quote is reported elsewhere: the test checks nothing")
			}
		})
	}
}

func TestQuickFirstIsFull(t *testing.T) {
	cold, err := New()
	if err != nil {
		t.Fatal(err)
	}
	want := analyze(t, cold, loadSeeds(t))
	an, err := New()
	if err != nil {
		t.Fatal(err)
	}
	compare(t, "quick without a complete analysis", an.AnalyzeQuick(loadSeeds(t)), want)
	if an.carry == nil {
		t.Error("the complete analysis AnalyzeQuick ran is not carried over")
	}
}

// editSeed replaces article prefix of s with one that has a new first
// paragraph, so that its sentences move down one, and a statement of
// Gladkov's after it.
func editSeed(t *testing.T, s *model.Site, prefix string) *model.Article {
	t.Helper()
	for i, a := range s.Articles {
		if strings.HasPrefix(a.Slug, prefix) {
			edited := *a
			edited.Text = "Residents queued for water on Wednesday morning.\n\n" + a.Text +
				"\n\n“We will rebuild the school in Grayvoron by September,” said Gladkov.\n"
			s.Articles[i] = &edited
			return &edited
		}
	}
	t.Fatalf("no article %s", prefix)
	return nil
}

func TestQuickAfterEdit(t *testing.T) {
	an, err := New()
	if err != nil {
		t.Fatal(err)
	}
	full := analyze(t, an, loadSeeds(t))
	killed := sentenceRef(t, full, "001", "one person was killed and eight injured")

	s := loadSeeds(t)
	editSeed(t, s, "001")
	quick := an.AnalyzeQuick(s)
	checkRefs(t, quick)

	// The carried group still holds the statement, at its new place.
	moved := killed
	moved.Sentence++
	if now := sentenceRef(t, quick, "001", "one person was killed and eight injured"); now != moved {
		t.Fatalf("the edit moved %+v to %+v, want it one down", killed, now)
	}
	groupOf := func(gs []model.StatementGroup, r model.SentenceRef) int {
		return slices.IndexFunc(gs, func(g model.StatementGroup) bool {
			return g.Actor == "vyacheslav-gladkov" && slices.Contains(g.Sentences, r)
		})
	}
	was, is := groupOf(full.Statements, killed), groupOf(quick.Statements, moved)
	if was < 0 || is < 0 {
		t.Fatalf("the statement is in group %d before and %d after the edit", was, is)
	}
	ids := func(g model.StatementGroup) (out []string) {
		for _, r := range g.Sentences {
			out = append(out, r.Article+"#"+r.ID)
		}
		return out
	}
	if got, want := ids(quick.Statements[is]), ids(full.Statements[was]); !slices.Equal(got, want) {
		t.Errorf("the carried group holds %q, want %q", got, want)
	}
	if len(full.Statements[was].Sentences) < 2 {
		t.Error("the group holds one sentence: the test checks nothing")
	}

	// The new statement is a group of its own.
	added := sentenceRef(t, quick, "001", "We will rebuild the school")
	if g := groupOf(quick.Statements, added); g < 0 || len(quick.Statements[g].Sentences) != 1 {
		t.Errorf("the new statement is in group %d of %v, want a group of its own", g, quick.Statements)
	}

	// Quotes keep what the corpus found elsewhere, at the new places.
	shifted := 0
	for c, cf := range full.Claims {
		for i, e := range cf.Evidence {
			got := quick.Claims[c].Evidence[i].AlsoReported
			if len(got) != len(e.AlsoReported) {
				t.Errorf("claim %s quote %d: also reported %v, want %v", c, i, got, e.AlsoReported)
				continue
			}
			for k, r := range e.AlsoReported {
				if got[k].Article != r.Article || got[k].ID != r.ID {
					t.Errorf("claim %s quote %d: also reported %v, want %v", c, i, got[k], r)
				}
				if got[k].Sentence != r.Sentence {
					shifted++
				}
			}
		}
	}
	if shifted == 0 {
		t.Error("no also-reported sentence moved: the test checks nothing")
	}

	// The complete analysis that follows is exact.
	fresh := loadSeeds(t)
	editSeed(t, fresh, "001")
	got := analyze(t, an, fresh)
	cold, err := New()
	if err != nil {
		t.Fatal(err)
	}
	fresh = loadSeeds(t)
	editSeed(t, fresh, "001")
	compare(t, "complete after quick", got, analyze(t, cold, fresh))
}

func TestQuickRemovedArticle(t *testing.T) {
	an, err := New()
	if err != nil {
		t.Fatal(err)
	}
	full := analyze(t, an, loadSeeds(t))
	const gone = "000_237e0d403313492e" // a copy, whose sentences readers see as also reported
	in := func(r model.SentenceRef) bool { return r.Article == gone }
	if !slices.ContainsFunc(full.Copies, func(c model.Copy) bool { return c.Copy == gone || c.Of == gone }) ||
		!slices.ContainsFunc(full.Statements, func(g model.StatementGroup) bool { return slices.ContainsFunc(g.Sentences, in) }) ||
		!alsoReportedIn(full, in) {
		t.Fatalf("%s is not among the copies, statements and also-reported sentences: the test checks nothing", gone)
	}
	s := loadSeeds(t)
	s.Articles = slices.DeleteFunc(s.Articles, func(a *model.Article) bool { return a.Slug == gone })
	quick := an.AnalyzeQuick(s)
	checkRefs(t, quick) // no statement or also-reported sentence is in the removed article
	for _, c := range quick.Copies {
		if c.Copy == gone || c.Of == gone {
			t.Errorf("copy %+v names the removed article", c)
		}
	}
	for _, g := range quick.Statements {
		if len(g.Sentences) == 0 {
			t.Errorf("empty statement group of %s", g.Actor)
		}
	}
	if len(quick.Statements) == 0 {
		t.Error("no statements left: the test checks nothing")
	}
}

func TestAnalyzeCancel(t *testing.T) {
	an, err := New()
	if err != nil {
		t.Fatal(err)
	}
	s := largeSite(t, 300)
	start := time.Now()
	want := analyze(t, an, s)
	took := time.Since(start)

	carried := an.carry
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := an.Analyze(ctx, s); !errors.Is(err, context.Canceled) {
		t.Fatalf("Analyze with a cancelled context: %v, want %v", err, context.Canceled)
	}
	if an.carry != carried {
		t.Error("a cancelled analysis changed what AnalyzeQuick carries over")
	}
	// Cancel at points spread over the analysis, so that each step is
	// caught at work.
	var slowest time.Duration
	for k := range 16 {
		carried := an.carry
		ctx, cancel := context.WithCancel(context.Background())
		fired := make(chan time.Time, 1)
		timer := time.AfterFunc(took*time.Duration(k)/16, func() { fired <- time.Now(); cancel() })
		_, err := an.Analyze(ctx, s)
		returned := time.Now()
		if timer.Stop() || err == nil {
			cancel() // done before the cancel
			continue
		}
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Analyze cancelled at %d/16: %v, want %v", k, err, context.Canceled)
		}
		slowest = max(slowest, returned.Sub(<-fired))
		if an.carry != carried {
			t.Errorf("an analysis cancelled at %d/16 changed what AnalyzeQuick carries over", k)
		}
	}
	t.Logf("a complete analysis of %d articles takes %v; the slowest return after a cancel %v", len(s.Articles), took, slowest)
	// A cancelled analysis returns within milliseconds on a quiet machine;
	// the bound only catches one that runs on to its end (took), with room
	// for a loaded machine's scheduling.
	if slowest > max(took/2, 200*time.Millisecond) {
		t.Errorf("Analyze returned %v after its context was cancelled (a complete analysis takes %v)", slowest, took)
	}
	compare(t, "complete after cancelled", analyze(t, an, s), want)
}

// TestAnalyzeLeavesContent checks that neither analysis changes the
// briefing it reads: builds share loaded values, and pages of an earlier
// build may still be reading them.
func TestAnalyzeLeavesContent(t *testing.T) {
	an, err := New()
	if err != nil {
		t.Fatal(err)
	}
	s := loadSeeds(t)
	analyze(t, an, s)
	editSeed(t, s, "001")
	edited := *s
	edited.Articles = slices.Clone(s.Articles)
	an.AnalyzeQuick(s)
	analyze(t, an, s)
	want := loadSeeds(t)
	editSeed(t, want, "001")
	if !reflect.DeepEqual(s, want) {
		t.Error("the analysis changed the loaded briefing")
	}
	if !slices.Equal(s.Articles, edited.Articles) {
		t.Error("the analysis changed which articles the briefing holds")
	}
}
