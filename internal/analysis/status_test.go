package analysis

import (
	"strings"
	"testing"

	"briefing/internal/model"
)

// stanceSite is a site of one claim "c" with the given evidence, each item
// found or not as found says, and the given copies.
func stanceSite(ev []model.Evidence, found []bool, copies []model.Copy) *site {
	c := &model.Claim{Slug: "c", Evidence: ev}
	cf := &model.ClaimFindings{Evidence: make([]model.EvidenceMatch, len(ev))}
	for i := range ev {
		cf.Evidence[i].Found = found[i]
	}
	return &site{Site: &model.Site{Claims: []*model.Claim{c}},
		f: &model.Findings{Claims: map[string]*model.ClaimFindings{"c": cf}, Copies: copies}}
}

func TestCountIndependentStances(t *testing.T) {
	ev := func(article string, st model.Stance) model.Evidence {
		return model.Evidence{Article: article, Stance: st}
	}
	copyOf := func(cp, of string) model.Copy { return model.Copy{Copy: cp, Of: of} }
	tests := []struct {
		name                     string
		ev                       []model.Evidence
		found                    []bool // nil: all found
		copies                   []model.Copy
		supporting, contradicted int
	}{
		{
			name:       "an article and its copy support once",
			ev:         []model.Evidence{ev("a", model.Supports), ev("b", model.Supports)},
			copies:     []model.Copy{copyOf("b", "a")},
			supporting: 1,
		},
		{
			name: "supported by an article and its copy, contradicted by a third, context from a fourth",
			ev: []model.Evidence{ev("a", model.Supports), ev("b", model.Supports),
				ev("c", model.Contradicts), ev("d", model.Context)},
			copies:     []model.Copy{copyOf("b", "a")},
			supporting: 1, contradicted: 1,
		},
		{
			name:         "an article and its copy contradict once",
			ev:           []model.Evidence{ev("a", model.Contradicts), ev("b", model.Contradicts)},
			copies:       []model.Copy{copyOf("b", "a")},
			contradicted: 1,
		},
		{
			name:         "independent contradictions count apart",
			ev:           []model.Evidence{ev("a", model.Contradicts), ev("b", model.Contradicts), ev("c", model.Supports)},
			supporting:   1,
			contradicted: 2,
		},
		{
			name: "context counts nowhere",
			ev:   []model.Evidence{ev("a", model.Context), ev("b", model.Context)},
		},
		{
			name:       "a copy of a chain counts with its original",
			ev:         []model.Evidence{ev("a", model.Supports), ev("c", model.Supports), ev("d", model.Supports)},
			copies:     []model.Copy{copyOf("b", "a"), copyOf("c", "b")},
			supporting: 2,
		},
		{
			name:  "quotes not found count nowhere",
			ev:    []model.Evidence{ev("a", model.Supports), ev("b", model.Contradicts), ev("c", model.Supports)},
			found: []bool{false, false, true},

			supporting: 1,
		},
		{
			name:       "one article quoted on both sides counts on both",
			ev:         []model.Evidence{ev("a", model.Supports), ev("a", model.Contradicts), ev("a", model.Supports)},
			supporting: 1, contradicted: 1,
		},
		{
			name:       "an empty stance supports, as the loader's default",
			ev:         []model.Evidence{ev("a", ""), ev("b", "")},
			supporting: 2,
		},
		{
			name:         "a copy contradicting its original's support counts on each side",
			ev:           []model.Evidence{ev("a", model.Supports), ev("b", model.Contradicts)},
			copies:       []model.Copy{copyOf("b", "a")},
			supporting:   1,
			contradicted: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			found := tt.found
			if found == nil {
				found = make([]bool, len(tt.ev))
				for i := range found {
					found[i] = true
				}
			}
			s := stanceSite(tt.ev, found, tt.copies)
			countIndependent(s)
			cf := s.f.Claim("c")
			if cf.IndependentSources != tt.supporting || cf.ContradictingSources != tt.contradicted {
				t.Errorf("supporting %d, contradicting %d; want %d, %d",
					cf.IndependentSources, cf.ContradictingSources, tt.supporting, tt.contradicted)
			}
		})
	}
}

func TestCheckStatus(t *testing.T) {
	tests := []struct {
		status model.Status
		n      evidenceCounts
		want   model.Severity // 0 (Error) stands for no note: the rules never give an error
		msg    string         // what the message says, in part
		hint   string         // what the hint says, in part
	}{
		{model.Confirmed, evidenceCounts{supporting: 2}, 0, "", ""},
		{model.Confirmed, evidenceCounts{supporting: 3, disputants: 1}, model.Warning, "disputed_by names who disputes", "status: disputed"},
		{model.Confirmed, evidenceCounts{supporting: 1}, model.Warning, "needs at least 2 independent supporting sources; this claim has 1", "cite another independent article"},
		{model.Confirmed, evidenceCounts{}, model.Warning, "this claim has 0", "status: unverified"},
		{model.Confirmed, evidenceCounts{supporting: 2, contradicting: 1}, model.Warning, "needs no contradicting source; this claim has 1 independent contradicting source", "status: disputed"},
		{model.Confirmed, evidenceCounts{supporting: 1, contradicting: 1}, model.Warning, "has 1 independent supporting source and 1 independent contradicting source", "status: disputed"},
		{model.Disputed, evidenceCounts{contradicting: 1}, 0, "", ""},
		{model.Disputed, evidenceCounts{supporting: 2, disputants: 1}, 0, "", ""},
		{model.Disputed, evidenceCounts{supporting: 2}, model.Warning, "needs a contradicting source or a disputant", "disputed_by"},
		{model.False, evidenceCounts{contradicting: 1}, 0, "", ""},
		{model.False, evidenceCounts{disputants: 2}, model.Warning, "needs contradicting evidence", "stance: contradicts"},
		{model.False, evidenceCounts{supporting: 1}, model.Warning, "needs contradicting evidence", "stance: contradicts"},
		{model.Unverified, evidenceCounts{supporting: 1}, 0, "", ""},
		{model.Unverified, evidenceCounts{supporting: 2, contradicting: 1}, 0, "", ""},
		{model.Unverified, evidenceCounts{supporting: 2}, model.Suggestion, "2 independent sources support this claim and none contradicts it: it may be confirmed", "status: confirmed"},
		{model.Unverified, evidenceCounts{supporting: 2, disputants: 1}, 0, "", ""},
		{"likely", evidenceCounts{}, 0, "", ""},
		{"", evidenceCounts{supporting: 5}, 0, "", ""},
	}
	for _, tt := range tests {
		note, ok := checkStatus(tt.status, tt.n)
		if want := tt.want != 0; ok != want {
			t.Errorf("checkStatus(%q, %+v) reports %v (%q), want %v", tt.status, tt.n, ok, note.message, want)
			continue
		}
		if !ok {
			continue
		}
		if note.severity != tt.want || !strings.Contains(note.message, tt.msg) || !strings.Contains(note.hint, tt.hint) {
			t.Errorf("checkStatus(%q, %+v) = %v %q (hint %q)\nwant %v containing %q (hint containing %q)",
				tt.status, tt.n, note.severity, note.message, note.hint, tt.want, tt.msg, tt.hint)
		}
	}
}

// TestCheckStatuses checks that a breach is reported at the claim's status.
func TestCheckStatuses(t *testing.T) {
	at := model.Pos{File: "content/claims/c.md", Line: 3, Col: 9}
	s := stanceSite([]model.Evidence{{Article: "a", Stance: model.Supports}, {Article: "b", Stance: model.Supports}},
		[]bool{true, true}, []model.Copy{{Copy: "b", Of: "a"}})
	s.Claims[0].Status, s.Claims[0].StatusPos = model.Confirmed, at
	countIndependent(s)
	checkStatuses(s)
	if len(s.f.Diagnostics) != 1 {
		t.Fatalf("diagnostics %v, want one warning", s.f.Diagnostics)
	}
	d := s.f.Diagnostics[0]
	if d.Pos != at || d.Severity != model.Warning || !strings.Contains(d.Message, "this claim has 1") {
		t.Errorf("got %v, want a warning at %v that the claim has 1 independent source", d, at)
	}
}
