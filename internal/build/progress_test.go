package build

import (
	"slices"
	"testing"
)

// recorder keeps what a build reports.
type recorder []Progress

func (r *recorder) Report(p Progress) { *r = append(*r, p) }

// TestProgressStages: a build reports each stage as it starts and ends, in
// order, with the numbers of articles and of output files.
func TestProgressStages(t *testing.T) {
	var r recorder
	res, err := newBuilder(t).Build(t.Context(), repo(), Options{Progress: &r})
	if err != nil || res.Files == nil {
		t.Fatalf("build failed: %v %v", err, res.Err())
	}
	n, m := len(res.Site.Articles), len(res.Files)
	want := recorder{{Loading, 0, 0}, {Analysing, 0, n}, {Analysing, n, n}, {Rendering, 0, m}, {Rendering, m, m}}
	if !slices.Equal(r, want) {
		t.Errorf("reported %v, want %v", r, want)
	}
}
