package render_test

import (
	"testing"

	"briefing/internal/render"
)

// TestVerdict checks the one line that says why a claim has its status.
func TestVerdict(t *testing.T) {
	for _, tt := range []struct {
		cv   render.ClaimView
		want string
	}{
		{render.ClaimView{Independent: 2}, "2 independent sources support it; no cited source contradicts it."},
		{render.ClaimView{Independent: 1, Contradicting: 1}, "1 independent source supports it; 1 independent source contradicts it."},
		{render.ClaimView{Disputants: []render.Link{{Label: "The council"}}}, "No independent source supports it; The council disputes it."},
		{render.ClaimView{Independent: 3, Disputants: []render.Link{{Label: "A"}, {Label: "B"}, {Label: "C"}}}, "3 independent sources support it; A, B and C dispute it."},
	} {
		if got := tt.cv.Verdict(); got != tt.want {
			t.Errorf("Verdict() = %q, want %q", got, tt.want)
		}
	}
}
