package analysis

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"briefing/internal/model"
)

// labelled is one pair of testdata/also_reported.tsv, or one written for a
// test: a claim's quote, the cited sentence, a sentence of another article,
// and whether that sentence reports what the quote says.
type labelled struct {
	claim    string
	evidence int
	cited    model.SentenceRef // article and ID
	cand     model.SentenceRef // article and ID
	same     bool
	reason   string
}

// readLabelled reads testdata/also_reported.tsv.
func readLabelled(t *testing.T) []labelled {
	t.Helper()
	f, err := os.Open("testdata/also_reported.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ref := func(s string) model.SentenceRef {
		a, id, _ := strings.Cut(s, "#")
		return model.SentenceRef{Article: a, ID: id}
	}
	var out []labelled
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		if sc.Text() == "" || strings.HasPrefix(sc.Text(), "#") {
			continue
		}
		x := strings.Split(sc.Text(), "\t")
		ei, err := strconv.Atoi(x[1])
		if len(x) != 7 || err != nil || x[4] != "yes" && x[4] != "no" {
			t.Fatalf("also_reported.tsv:%d: want claim, evidence, cited, candidate, yes|no, found, reason", line)
		}
		out = append(out, labelled{x[0], ei, ref(x[2]), ref(x[3]), x[4] == "yes", x[6]})
	}
	return out
}

// verdicts is what the matcher and the display rule decide for labelled
// pairs.
type verdicts struct {
	an    *Analyzer
	st    *site
	f     *model.Findings
	c     *corpus
	found map[sentenceKey]map[sentenceKey]bool // cited → what the matcher finds
}

func newVerdicts(t *testing.T, s *model.Site) *verdicts {
	t.Helper()
	an, err := New()
	if err != nil {
		t.Fatal(err)
	}
	f, err := an.Analyze(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	st := an.newSite(s)
	return &verdicts{an: an, st: st, f: f, c: newCorpus(st.docs), found: map[sentenceKey]map[sentenceKey]bool{}}
}

// index returns the position of the sentence with r's ID in r's article.
func (v *verdicts) index(t *testing.T, r model.SentenceRef) int {
	t.Helper()
	if a := v.st.doc(r.Article); a != nil {
		for i, s := range a.Sentences {
			if s.ID == r.ID {
				return i
			}
		}
	}
	t.Fatalf("no sentence %s#%s", r.Article, r.ID)
	return -1
}

// judge returns whether the matcher finds p's candidate for its cited
// sentence, and whether the display rule shows it under p's quote.
func (v *verdicts) judge(t *testing.T, p labelled) (matched, shown bool) {
	t.Helper()
	cf := v.f.Claims[p.claim]
	if cf == nil || p.evidence >= len(cf.Evidence) {
		t.Fatalf("no evidence %d in claim %s", p.evidence, p.claim)
	}
	e := &cf.Evidence[p.evidence]
	ci, di := v.index(t, p.cited), v.index(t, p.cand)
	p.cited.Sentence, p.cand.Sentence = ci, di
	ck := keyOf(p.cited)
	if v.found[ck] == nil {
		v.found[ck] = map[sentenceKey]bool{}
		for _, m := range v.c.similar(p.cited.Article, ci) {
			v.found[ck][keyOf(m.Ref)] = true
		}
	}
	if !v.found[ck][keyOf(p.cand)] {
		return false, false
	}
	q := v.c.quoteTerms(quotedIn(v.st, e, p.cited))
	return true, shows(v.c.carries(q, v.c.id(p.cand.Article, di)))
}

// tally counts decisions against labels.
type tally struct{ tp, fp, fn int }

func (x *tally) add(said, same bool) {
	switch {
	case said && same:
		x.tp++
	case said:
		x.fp++
	case same:
		x.fn++
	}
}

func (x tally) precision() float64 { return ratio(x.tp, x.tp+x.fp) }
func (x tally) recall() float64    { return ratio(x.tp, x.tp+x.fn) }
func (x tally) String() string {
	return fmt.Sprintf("precision %.2f (%d/%d), recall %.2f (%d/%d)",
		x.precision(), x.tp, x.tp+x.fp, x.recall(), x.tp, x.tp+x.fn)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// score judges pairs and logs a table of them, returning the tallies of
// the matcher and of the display rule.
func (v *verdicts) score(t *testing.T, pairs []labelled) (matcher, display tally) {
	t.Helper()
	yn := map[bool]string{true: "yes", false: "no"}
	t.Logf("%-4s %-7s %-7s %s", "same", "matcher", "display", "pair")
	for _, p := range pairs {
		m, d := v.judge(t, p)
		matcher.add(m, p.same)
		display.add(d, p.same)
		if m || p.same {
			t.Logf("%-4s %-7s %-7s %s/%d → %s: %s", yn[p.same], yn[m], yn[d], p.claim, p.evidence, p.cand.Article[:3], p.reason)
		}
	}
	return matcher, display
}

// The display rule must be right nine times in ten on the labelled set;
// the matcher's looser finds go to the editor as suggestions.
func TestAlsoReportedPrecision(t *testing.T) {
	pairs := readLabelled(t)
	if len(pairs) < 40 {
		t.Fatalf("the labelled set has %d pairs, want at least 40", len(pairs))
	}
	v := newVerdicts(t, loadSeeds(t))
	matcher, display := v.score(t, pairs)
	t.Logf("%d labelled pairs", len(pairs))
	t.Logf("matcher (same):        %v", matcher)
	t.Logf("display (same, shows): %v", display)
	if p := display.precision(); p < 0.9 {
		t.Errorf("display precision %.2f, want at least 0.9", p)
	}
	if r := display.recall(); r < 0.4 {
		t.Errorf("display recall %.2f, want at least 0.4", r)
	}

	// The set must hold every pair the matcher finds for the claims'
	// quotes, or its precision says nothing of what readers see.
	labelledPair := map[[3]string]bool{}
	for _, p := range pairs {
		labelledPair[[3]string{fmt.Sprint(p.claim, "/", p.evidence), p.cited.Article + "#" + p.cited.ID, p.cand.Article + "#" + p.cand.ID}] = true
	}
	for _, cl := range v.st.Claims {
		for i, e := range v.f.Claims[cl.Slug].Evidence {
			for _, r := range e.Sentences {
				for _, m := range v.c.similar(r.Article, r.Sentence) {
					k := [3]string{fmt.Sprint(cl.Slug, "/", i), r.Article + "#" + r.ID, m.Ref.Article + "#" + m.Ref.ID}
					if !labelledPair[k] {
						t.Errorf("the matcher finds %s → %s for %s, which the labelled set lacks", k[1], k[2], k[0])
					}
				}
			}
		}
	}
}

// written are pairs made up for the test, in the patterns of the labelled
// set, so that the rule is seen to work beyond the examples it was checked
// on: the same fact in other words and other number formats, and other
// facts that share names, places and numbers. Each candidate is a
// sentence of an article added to the default briefing.
var written = []struct {
	claim    string
	evidence int
	text     string
	same     bool
	reason   string
}{
	{"seventy-fighters-killed", 0, "Russia's defence ministry said over seventy Ukrainian fighters were killed, with 4 armoured vehicles and 5 pickup trucks destroyed.", true, "the toll in other number formats"},
	{"militia-numbers-80-to-500", 0, "By conservative estimates the militia has eighty fighters.", true, "80 spelled out"},
	{"militia-numbers-80-to-500", 1, "Pro-Kremlin military bloggers close to the defense ministry put the number at up to 500.", true, "the bloggers' 500, reworded"},
	{"belgorod-22-shelled", 0, "Two Russian soldiers died when the Belgorod-22 base was shelled, the Kommersant newspaper reported.", true, "reordered, 2 spelled out"},
	{"civilian-killed-and-injured", 0, "The attack by the militias killed 1 person and injured 8, the governor said.", true, "the toll in digits"},
	{"us-made-vehicles", 2, "In 2022 the United States promised to deliver several hundred of the vehicles to Ukraine's military.", true, "the 2022 promise, reworded"},
	{"grayvoron-residents-evacuated", 0, "The governor urged evacuated Grayvoron residents not to return home until it was safe.", true, "the governor's request, reworded"},
	{"seventy-fighters-killed", 0, "The Russian defence ministry said 70 Ukrainian drones had been shot down over the Belgorod region.", false, "same ministry and number, other fact"},
	{"militia-numbers-80-to-500", 0, "Conservative estimates put the number of civilians evacuated from the region at 800.", false, "same phrasing, other count"},
	{"belgorod-22-shelled", 0, "Kommersant reported that Russian soldiers were sent to guard the Belgorod-22 base.", false, "same base and paper, other fact"},
	{"kozinka-liberated", 0, "Russian forces said they had retaken the settlement of Kozinka from the Freedom of Russia Legion and the Russian Volunteer Corps.", false, "the opposite claim, same names"},
	{"civilian-killed-and-injured", 0, "One soldier was killed and eight were injured in shelling of Belgorod city last week.", false, "same numbers, another incident"},
	{"counter-terrorism-regime-lifted", 1, "The governor of the Kursk region declared that he was introducing a counter-terrorism regime.", false, "another region, introduced not lifted"},
	{"us-does-not-enable-strikes-in-russia", 0, "Ukraine said it does not need US permission to carry out strikes inside Russia.", false, "Ukraine's position, not the US's"},
	{"peskov-distract-from-bakhmut", 1, "Peskov said Russia's capture of Bakhmut was complete and that the attack changed nothing.", false, "Peskov on Bakhmut, not a distraction"},
}

// The display rule, checked on pairs it was not checked on when it was
// written. The numbers are logged, with and without the labelled set.
func TestAlsoReportedWritten(t *testing.T) {
	s := loadSeeds(t)
	var text strings.Builder
	for _, w := range written {
		text.WriteString(w.text + "\n\n")
	}
	s.Articles = append(s.Articles, &model.Article{Slug: "zz-written", File: "zz-written.txt", Text: text.String()})
	v := newVerdicts(t, s)
	a := v.st.doc("zz-written")
	if len(a.Sentences) != len(written) {
		t.Fatalf("the written article has %d sentences, want %d", len(a.Sentences), len(written))
	}
	var pairs []labelled
	for i, w := range written {
		e := v.f.Claims[w.claim].Evidence[w.evidence]
		pairs = append(pairs, labelled{w.claim, w.evidence, e.Sentences[0], model.SentenceRef{Article: a.Slug, ID: a.Sentences[i].ID}, w.same, w.reason})
	}
	matcher, display := v.score(t, pairs)
	t.Logf("written pairs (%d): matcher %v", len(pairs), matcher)
	t.Logf("written pairs (%d): display %v", len(pairs), display)

	sm, sd := newVerdicts(t, loadSeeds(t)).score(t, readLabelled(t))
	both := func(x, y tally) tally { return tally{x.tp + y.tp, x.fp + y.fp, x.fn + y.fn} }
	t.Logf("labelled and written: matcher %v", both(sm, matcher))
	t.Logf("labelled and written: display %v", both(sd, display))
	// Word overlap cannot tell a claim from its opposite ("retaken" for
	// "liberated") nor one toll from the same toll of another incident:
	// two of the written pairs pass for that reason, and the floor says
	// so rather than hide them.
	if p := display.precision(); p < 0.7 {
		t.Errorf("display precision on written pairs %.2f, want at least 0.7", p)
	}
}

// A sentence that shares only the unquoted half of a cited sentence is not
// shown under the quote; check suggests it at the quote instead.
func TestAlsoReportedSuggests(t *testing.T) {
	s := loadSeeds(t)
	an, err := New()
	if err != nil {
		t.Fatal(err)
	}
	f := analyze(t, an, s)
	var quote model.Evidence
	for _, cl := range s.Claims {
		if cl.Slug == "buffer-zone-aim" {
			quote = cl.Evidence[3]
		}
	}
	shown := f.Claims["buffer-zone-aim"].Evidence[3].AlsoReported
	ids := map[string]bool{}
	for _, r := range shown {
		ids[r.Article+"#"+r.ID] = true
	}
	if !ids["000_237e0d403313492e#s-37451c6b"] || ids["000_237e0d403313492e#s-6b6b4f06"] {
		t.Errorf("also reported under the defensive-corridor quote: %v; want the corridor sentence and not the little-green-men one", shown)
	}
	var found bool
	for _, d := range f.Diagnostics {
		if d.Severity == model.Suggestion && d.Pos == quote.QuotePos &&
			strings.Contains(d.Message, "000_237e0d403313492e.txt:11:1") && strings.Contains(d.Hint, "little green men") {
			found = true
		}
	}
	if !found {
		t.Errorf("no suggestion at %s to cite the little-green-men sentence", quote.QuotePos)
	}
}

// TestSuggestCitingCapped checks that a quote that many sentences may also
// report gets citeSuggestions suggestions one by one and one that counts
// the rest, and the quick analysis the same.
func TestSuggestCitingCapped(t *testing.T) {
	s := largeSite(t, 100)
	an, err := New()
	if err != nil {
		t.Fatal(err)
	}
	check := func(name string, f *model.Findings) {
		one, rest := map[model.Pos]int{}, map[model.Pos]int{}
		for _, d := range f.Diagnostics {
			switch {
			case strings.HasPrefix(d.Message, "the sentence at ") && strings.HasSuffix(d.Message, " may also report this quote"):
				one[d.Pos]++
			case strings.HasPrefix(d.Message, "and ") && strings.HasSuffix(d.Message, " may also report this quote"):
				rest[d.Pos]++
			}
		}
		if len(rest) == 0 {
			t.Fatalf("%s: no quote has more than %d sentences that may also report it; the test needs one", name, citeSuggestions)
		}
		for p, n := range one {
			if n > citeSuggestions || (n < citeSuggestions && rest[p] > 0) || rest[p] > 1 {
				t.Errorf("%s: %s: %d suggestions one by one and %d counting the rest", name, p, n, rest[p])
			}
		}
	}
	check("Analyze", analyze(t, an, s))
	check("AnalyzeQuick", an.AnalyzeQuick(s))
}
