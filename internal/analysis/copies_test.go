package analysis

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"briefing/internal/model"
)

// seedSite loads and segments the default briefing's articles, with no
// metadata.
func seedSite(t testing.TB) *site {
	t.Helper()
	return newTestSite(t, &model.Site{Articles: seedArticles(t)})
}

// seedArticles returns the default briefing's articles, with no metadata,
// by slug.
func seedArticles(t testing.TB) []*model.Article {
	t.Helper()
	files, _ := filepath.Glob("../../content/articles/*.txt")
	if len(files) == 0 {
		t.Fatal("no seed articles in content/articles")
	}
	var as []*model.Article
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		as = append(as, &model.Article{Slug: strings.TrimSuffix(filepath.Base(f), ".txt"), Text: string(b)})
	}
	return as
}

// newTestSite starts the analysis of s, its articles segmented, for a test
// of one step.
func newTestSite(t testing.TB, s *model.Site) *site {
	t.Helper()
	an, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return an.newSite(s)
}

// segmented returns an article of the given slug and text; newTestSite
// segments it.
func segmented(_ testing.TB, slug, text string) *model.Article {
	return &model.Article{Slug: slug, Text: text}
}

func TestDetectCopiesSeeds(t *testing.T) {
	s := seedSite(t)
	detectCopies(context.Background(), s, newCorpus(s.docs))
	// 000 (Minembwe Capital News) is a reworded copy of 002; the other
	// articles are independent reports of the same event.
	if len(s.f.Copies) != 1 {
		t.Fatalf("copies = %+v, want exactly 000 → 002", s.f.Copies)
	}
	c := s.f.Copies[0]
	if c.Copy != "000_237e0d403313492e" || c.Of != "002_c5c9d09917121900" || c.Editor {
		t.Errorf("copy = %+v, want 000_237e0d403313492e detected as a copy of 002_c5c9d09917121900", c)
	}
	if c.Share < 0.5 {
		t.Errorf("share = %.2f, want most of 000 aligned with 002", c.Share)
	}
}

func TestDetectCopiesPairs(t *testing.T) {
	original := `Officials in Riverton said on Monday that the Harbour Bridge had been closed after engineers found a crack in its northern pier.
The mayor, Alice Brandt, said repairs would cost about 4 million dollars and take six weeks.
Ferries will run every twenty minutes until the bridge reopens, the transport authority announced.
Local shop owners warned that the closure could cut their trade by half during the tourist season.
The bridge, opened in 1962, carries about 30,000 vehicles a day across the Lomond estuary.`
	exact := original
	rewrite := `Authorities in Riverton announced Monday that the Harbour Bridge was shut after inspectors discovered a crack in the northern pier.
Mayor Alice Brandt stated that the repair works would cost roughly 4 million dollars and last six weeks.
The transport authority declared that ferries would operate every twenty minutes until the bridge reopens.
Owners of local shops cautioned that the closure might halve their trade during the tourist season.
Opened in 1962, the bridge carries roughly 30,000 vehicles daily over the Lomond estuary.`
	independent := `Traffic backed up for miles on Tuesday as drivers searched for a way around the closed Harbour Bridge.
"It took me two hours to get to work," said Tom Okafor, a nurse who commutes from the south bank.
The council has not said who will pay for the repairs, which the mayor put at 4 million dollars.
Opposition councillors demanded an inquiry into why the crack was not found during last year's inspection.
A spokesperson for the transport authority said extra ferries were being chartered from neighbouring ports.`
	tests := []struct {
		name     string
		text     string
		wantCopy bool
	}{
		{"exact copy", exact, true},
		{"reworded copy with synonyms", rewrite, true},
		{"independent report of the same event", independent, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestSite(t, &model.Site{Articles: []*model.Article{
				segmented(t, "a-original", original),
				segmented(t, "b-other", tt.text),
			}})
			detectCopies(context.Background(), s, newCorpus(s.docs))
			got := len(s.f.Copies) == 1 && s.f.Copies[0].Copy == "b-other" && s.f.Copies[0].Of == "a-original"
			if got != tt.wantCopy {
				t.Errorf("copies = %+v, want copy detected: %v", s.f.Copies, tt.wantCopy)
			}
		})
	}
}

func TestDerivedFromOverridesDetection(t *testing.T) {
	s := seedSite(t)
	for _, a := range s.Articles {
		if a.Slug == "003_0546c5e0fa227c42" {
			a.DerivedFrom = "001_be923fc5e0fa518d"
		}
		if a.Slug == "000_237e0d403313492e" {
			a.DerivedFrom = "002_c5c9d09917121900"
		}
	}
	detectCopies(context.Background(), s, newCorpus(s.docs))
	var editor, detected int
	for _, c := range s.f.Copies {
		if c.Editor {
			editor++
		} else {
			detected++
		}
	}
	if editor != 2 || detected != 0 {
		t.Errorf("copies = %+v, want the editor's two and no duplicate detection", s.f.Copies)
	}
}

// TestDeclaredCopyShare checks that a copy the editor declares shows the
// share of its sentences that align with the original, as measured, both
// in a complete analysis and in a quick one that follows the declaration:
// a detected copy keeps the share it was detected with, and a declared
// pair of articles that share only a few sentences shows those.
func TestDeclaredCopyShare(t *testing.T) {
	const a000, a001, a002, a003 = "000_237e0d403313492e", "001_be923fc5e0fa518d", "002_c5c9d09917121900", "003_0546c5e0fa227c42"
	s := loadSeeds(t)
	an, err := New()
	if err != nil {
		t.Fatal(err)
	}
	detected := analyze(t, an, s).Copies
	if len(detected) != 1 || detected[0].Copy != a000 || detected[0].Share <= 0 {
		t.Fatalf("copies = %+v, want 000 detected as a copy of 002", detected)
	}
	declared := *s
	declared.Articles = slices.Clone(s.Articles)
	for i, a := range declared.Articles {
		b := *a
		switch a.Slug {
		case a000:
			b.DerivedFrom = a002
		case a003:
			b.DerivedFrom = a001
		}
		declared.Articles[i] = &b
	}
	quick := an.AnalyzeQuick(&declared).Copies
	full := analyze(t, an, &declared).Copies
	for name, copies := range map[string][]model.Copy{"quick": quick, "complete": full} {
		want := map[string]bool{a000: true, a003: true}
		for _, c := range copies {
			if !want[c.Copy] || !c.Editor {
				t.Errorf("%s: copy %+v, want only the editor's", name, c)
				continue
			}
			delete(want, c.Copy)
			if c.Copy == a000 && c.Share != detected[0].Share {
				t.Errorf("%s: declared copy 000 shows share %.3f, want %.3f as detected", name, c.Share, detected[0].Share)
			}
			if c.Share <= 0 || c.Share >= 1 {
				t.Errorf("%s: declared copy %s shows share %.3f, want the measured share of the sentences it shares", name, c.Copy, c.Share)
			}
		}
		if len(want) > 0 {
			t.Errorf("%s: copies = %+v, want the editor's two", name, copies)
		}
	}
}

func TestCountIndependent(t *testing.T) {
	s := newTestSite(t, &model.Site{Claims: []*model.Claim{{Slug: "c", Evidence: []model.Evidence{
		{Article: "a"}, {Article: "b"}, {Article: "c"}, {Article: "d"}, {Article: "e"},
	}}}})
	s.f.Copies = []model.Copy{{Copy: "b", Of: "a"}, {Copy: "c", Of: "b"}}
	s.f.Claims["c"] = &model.ClaimFindings{Evidence: []model.EvidenceMatch{
		{Found: true}, {Found: true}, {Found: true}, {Found: true}, {Found: false},
	}}
	countIndependent(s)
	if got := s.f.Claims["c"].IndependentSources; got != 2 {
		t.Errorf("independent sources = %d, want 2 (a, its copies b and c once; d; e's quote not found)", got)
	}
}

// related reports whether copies relate articles a and b, either way.
func related(copies []model.Copy, a, b string) bool {
	return slices.ContainsFunc(copies, func(c model.Copy) bool {
		return c.Copy == a && c.Of == b || c.Copy == b && c.Of == a
	})
}

// paragraphs returns the paragraphs of text: its non-blank lines.
func paragraphs(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}

// reversed returns a copy of xs in reverse order.
func reversed(xs []string) []string {
	out := slices.Clone(xs)
	slices.Reverse(out)
	return out
}

// longSentences returns the sentences of article a of at least 80 bytes
// (body text, not the bylines and captions scraping leaves in).
func longSentences(t testing.TB, a *model.Article) []string {
	t.Helper()
	s := newTestSite(t, &model.Site{Articles: []*model.Article{a}})
	var out []string
	for _, st := range s.docs[0].Sentences {
		if len(st.Text) >= 80 {
			out = append(out, st.Text)
		}
	}
	return out
}

// TestDetectCopiesSeedVariants adds to the default articles copies made
// from them the way outlets republish: an update with a new lead on top
// and its paragraphs in reverse order, and a short copy of five
// sentences, out of order, each published a day after its original. Each
// is found as the copy, and no independent pair of articles is taken for
// a copy.
func TestDetectCopiesSeedVariants(t *testing.T) {
	const (
		a000 = "000_237e0d403313492e"
		a001 = "001_be923fc5e0fa518d"
		a002 = "002_c5c9d09917121900"
		made = "005_made"
	)
	seeds := seedArticles(t)
	text := func(slug string) string {
		for _, a := range seeds {
			if a.Slug == slug {
				return a.Text
			}
		}
		t.Fatalf("no seed article %s", slug)
		return ""
	}
	p002 := paragraphs(text(a002))
	update := "Russian border guards said on Wednesday that they had found abandoned armoured vehicles near the Kozinka crossing, a day after Moscow said the raid had been repelled.\n" +
		"Ukrainian officials again declined to comment on the fighters’ movements, and the governor said residents could begin returning to two villages by the weekend.\n" +
		strings.Join(reversed(p002), "\n")
	s001 := longSentences(t, &model.Article{Slug: a001, Text: text(a001)})
	if len(s001) < 25 {
		t.Fatalf("001 has %d long sentences, want at least 25", len(s001))
	}
	short := strings.Join([]string{s001[24], s001[14], s001[20], s001[8], s001[3]}, "\n\n")
	tests := []struct {
		name, text, of string
	}{
		{"002 updated: a new lead on top, paragraphs reversed", update, a002},
		{"five sentences of 001, out of order", short, a001},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			day := time.Date(2023, 5, 23, 0, 0, 0, 0, time.UTC)
			as := []*model.Article{{Slug: made, Text: tt.text, Published: day.AddDate(0, 0, 1)}}
			for _, a := range seeds {
				b := *a
				if b.Slug == tt.of {
					b.Published = day
				}
				as = append(as, &b)
			}
			s := newTestSite(t, &model.Site{Articles: as})
			detectCopies(context.Background(), s, newCorpus(s.docs))
			if !slices.ContainsFunc(s.f.Copies, func(c model.Copy) bool { return c.Copy == made && c.Of == tt.of }) {
				t.Errorf("copies = %+v, want %s a copy of %s", s.f.Copies, made, tt.of)
			}
			for _, c := range s.f.Copies {
				switch pair := [2]string{min(c.Copy, c.Of), max(c.Copy, c.Of)}; pair {
				case [2]string{a000, a002}, [2]string{min(made, tt.of), max(made, tt.of)}:
				case [2]string{a000, made}:
					if tt.of != a002 {
						t.Errorf("copy %+v: 000 does not copy five sentences of 001", c)
					}
				default:
					t.Errorf("copy %+v relates independent articles", c)
				}
			}
			if !related(s.f.Copies, a000, a002) && !related(s.f.Copies, a000, made) {
				t.Errorf("copies = %+v, want 000 still a copy of 002", s.f.Copies)
			}
		})
	}
}

// A wire story, its republications and two other outlets' reports.
const (
	wireStory = `Officials in Riverton said on Monday that the Harbour Bridge had been closed after engineers found a crack in its northern pier.

The mayor, Alice Brandt, said repairs would cost about 4 million dollars and take six weeks. “We will not reopen the bridge until every bolt has been checked,” she told reporters at the town hall.

Ferries will run every twenty minutes until the bridge reopens, the transport authority announced.

Local shop owners warned that the closure could cut their trade by half during the tourist season. “Summer is when we earn our year,” said Priya Nair, who runs a bakery beside the bridge.

The bridge, opened in 1962, carries about 30,000 vehicles a day across the Lomond estuary.

An inspection in 2019 found rust on two of its cables, which were replaced the following spring.`

	// wireUpdate is the story republished after an update: the new
	// development on top, most earlier paragraphs below in reverse order.
	wireUpdate = `Engineers said on Wednesday that the crack in the Harbour Bridge was deeper than first thought and that the bridge could stay closed until the autumn.

The city council will hold an emergency meeting on Thursday to discuss the cost, which councillors now expect to exceed 10 million dollars.

The bridge, opened in 1962, carries about 30,000 vehicles a day across the Lomond estuary.

Local shop owners warned that the closure could cut their trade by half during the tourist season. “Summer is when we earn our year,” said Priya Nair, who runs a bakery beside the bridge.

Ferries will run every twenty minutes until the bridge reopens, the transport authority announced.

The mayor, Alice Brandt, said repairs would cost about 4 million dollars and take six weeks. “We will not reopen the bridge until every bolt has been checked,” she told reporters at the town hall.

Officials in Riverton said on Monday that the Harbour Bridge had been closed after engineers found a crack in its northern pier.`

	// wireShort is four sentences of the story, two lightly edited, in
	// another order.
	wireShort = `The bridge, opened in 1962, carries about 30,000 vehicles a day across the Lomond estuary.

The mayor, Alice Brandt, said repairs would cost about 4 million dollars and take six weeks.

Ferries will run every twenty minutes until the bridge reopens, the transport authority said.

The Harbour Bridge in Riverton has been closed after engineers found a crack in its northern pier, officials said on Monday.`

	// ferryReport and councilReport are independent short reports that
	// quote the mayor's statement, and the baker's, as the wire did.
	ferryReport = `“We will not reopen the bridge until every bolt has been checked,” Mayor Alice Brandt said on Monday evening.

Commuters crowded onto the first ferries at dawn, many of them complaining that nobody had warned them.

The crack was spotted by a diver who was surveying the riverbed for an unrelated dredging project.

Engineers expect to know by Friday whether the northern pier has to be rebuilt.

The harbour master said larger ships would be kept out of the estuary until then.`
	councilReport = `Riverton’s council met behind closed doors on Tuesday to discuss the cost of repairing the Harbour Bridge.

“We will not reopen the bridge until every bolt has been checked,” the mayor told the meeting, according to two councillors.

Opposition members asked why the inspection in 2019 had not found the crack.

A spokesperson for the council said the budget for road maintenance would be reviewed.

Residents of the south bank have started a petition for a second crossing.`
	bakerQuote = "\n\n“Summer is when we earn our year,” said Priya Nair, who runs a bakery beside the bridge."
)

// TestDetectCopiesReorderedAndShort checks written examples of the ways
// outlets republish a story, and of independent reports that quote the
// same statements. An update is dated after the story: it is the copy,
// although it holds all of the story and more.
func TestDetectCopiesReorderedAndShort(t *testing.T) {
	tests := []struct {
		name     string
		a, b     string
		wantCopy bool
	}{
		{"update with a new lead, paragraphs moved", wireStory, wireUpdate, true},
		{"short copy, out of order", wireStory, wireShort, true},
		{"short reports sharing one quote", ferryReport, councilReport, false},
		{"short reports sharing two quotes", ferryReport + bakerQuote, councilReport + bakerQuote, false},
		{"short report sharing one quote with the story", wireStory, ferryReport, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			day := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
			s := newTestSite(t, &model.Site{Articles: []*model.Article{
				{Slug: "a", Text: tt.a, Published: day},
				{Slug: "b", Text: tt.b, Published: day.AddDate(0, 0, 2)},
			}})
			detectCopies(context.Background(), s, newCorpus(s.docs))
			want := []model.Copy(nil)
			if tt.wantCopy {
				want = []model.Copy{{Copy: "b", Of: "a"}}
			}
			got := slices.Clone(s.f.Copies)
			for i := range got {
				got[i].Share = 0
			}
			if !slices.Equal(got, want) {
				t.Errorf("copies = %+v, want %+v", s.f.Copies, want)
			}
		})
	}
}
