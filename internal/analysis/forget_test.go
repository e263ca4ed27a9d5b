package analysis

import (
	"testing"

	"briefing/internal/model"
)

// TestForget checks that an Analyzer that forgets what it kept finds what
// a fresh one finds, quick or complete, and keeps nothing.
func TestForget(t *testing.T) {
	s, want, an := seedsFound(t)
	analyze(t, an, s)
	an.Forget()
	if keeps(an) {
		t.Error("Forget keeps what the last build found")
	}
	compare(t, "quick after Forget", an.AnalyzeQuick(s), want)
	an.Forget()
	compare(t, "complete after Forget", analyze(t, an, s), want)
}

// TestAnalyzeOnce checks that AnalyzeOnce finds what Analyze finds and
// keeps nothing, and that the Analyzer still works afterwards.
func TestAnalyzeOnce(t *testing.T) {
	s, want, an := seedsFound(t)
	got, err := an.AnalyzeOnce(t.Context(), s)
	if err != nil {
		t.Fatal(err)
	}
	compare(t, "once", got, want)
	if keeps(an) {
		t.Error("AnalyzeOnce keeps what it found")
	}
	compare(t, "complete after once", analyze(t, an, s), want)
}

// seedsFound returns the default articles, what a fresh Analyzer finds in
// them, and another fresh Analyzer.
func seedsFound(t *testing.T) (*model.Site, *model.Findings, *Analyzer) {
	t.Helper()
	s := loadSeeds(t)
	fresh, err := New()
	if err != nil {
		t.Fatal(err)
	}
	want := analyze(t, fresh, s)
	an, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return s, want, an
}

// keeps reports whether an holds anything for a next build.
func keeps(an *Analyzer) bool {
	return an.carry != nil || an.memo.texts != nil || an.memo.tok.words != nil || an.memo.names.ids != nil
}
