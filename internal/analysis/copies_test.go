package analysis

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"briefing/internal/model"
)

// seedSite loads and segments the default briefing's articles, with no
// metadata.
func seedSite(t testing.TB) *site {
	t.Helper()
	files, _ := filepath.Glob("../../content/articles/*.txt")
	if len(files) == 0 {
		t.Fatal("no seed articles in content/articles")
	}
	s := &model.Site{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s.Articles = append(s.Articles, &model.Article{Slug: strings.TrimSuffix(filepath.Base(f), ".txt"), Text: string(b)})
	}
	return newTestSite(t, s)
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
