package build

import (
	"slices"
	"testing"

	"briefing/internal/analysis"
)

// recorder keeps what a build reports.
type recorder []Progress

func (r *recorder) Report(p Progress) { *r = append(*r, p) }

// TestProgressStages: a build reports each stage as it starts and ends, in
// order, with the numbers of articles and of output files, and each step
// of the analysis as it starts.
func TestProgressStages(t *testing.T) {
	var r recorder
	res, err := newBuilder(t).Build(t.Context(), repo(), Options{Progress: &r})
	if err != nil || res.Files == nil {
		t.Fatalf("build failed: %v %v", err, res.Err())
	}
	n, m := len(res.Site.Articles), len(res.Files)
	want := recorder{{Stage: Loading}, {Stage: Analysing, Total: n}}
	for _, step := range []analysis.Step{analysis.StepSentences, analysis.StepMentions, analysis.StepIndex,
		analysis.StepStatements, analysis.StepCopies, analysis.StepSuggestions, analysis.StepEvidence} {
		want = append(want, Progress{Stage: Analysing, Total: n, Step: step})
	}
	want = append(want, recorder{{Analysing, n, n, ""}, {Rendering, 0, m, ""}, {Rendering, m, m, ""}}...)
	if !slices.Equal(r, want) {
		t.Errorf("reported %v, want %v", r, want)
	}
}
