package build

import (
	"context"
	"errors"
	"testing"

	"briefing/internal/render"
)

// step is one build in a preview session: the one after a save, or the
// complete one in the background that an earlier step made due.
type step struct {
	saved      []string // the sources the save changed; nil for the first build
	background bool     // the complete build in the background, not a save's
	ending     Ending   // how the build ended

	quick bool // want the build quick
	start bool // want Built to say: start a complete build in the background
	due   bool // want Due afterwards
}

func TestSchedule(t *testing.T) {
	var (
		article  = []string{"content/articles/kyiv-independent.txt"}
		claim    = []string{"content/claims/fuel-depot.md"}
		template = []string{"templates/article.html"}
		style    = []string{"static/style.css"}
		cfg      = []string{"config.toml"}
		first    = step{ending: Rendered}
		settled  = step{background: true, ending: Rendered}
	)
	for _, tc := range []struct {
		name  string
		steps []step
	}{
		{"first build is complete", []step{first}},
		{"first build with errors in the briefing", []step{{ending: Analysed}}},
		{"first build failed", []step{{ending: Failed}}},
		{"content save: quick, then complete", []step{
			first,
			{saved: article, ending: Rendered, quick: true, start: true, due: true},
			settled,
		}},
		{"claim save: quick, then complete", []step{
			first,
			{saved: claim, ending: Rendered, quick: true, start: true, due: true},
			settled,
		}},
		{"template, stylesheet or config save: quick only", []step{
			first,
			{saved: template, ending: Rendered, quick: true},
			{saved: style, ending: Rendered, quick: true},
			{saved: cfg, ending: Rendered, quick: true},
		}},
		{"content among other files", []step{
			first,
			{saved: append(append([]string{}, style...), claim...), ending: Rendered, quick: true, start: true, due: true},
		}},
		{"template save while a complete build is due", []step{
			first,
			{saved: article, ending: Rendered, quick: true, start: true, due: true},
			// The next save abandons the complete build: it is still due.
			{saved: template, ending: Rendered, quick: true, start: true, due: true},
			settled,
			{saved: template, ending: Rendered, quick: true},
		}},
		{"abandoned complete build reported", []step{
			first,
			{saved: article, ending: Rendered, quick: true, start: true, due: true},
			{background: true, ending: Failed, due: true},
			{saved: style, ending: Rendered, quick: true, start: true, due: true},
		}},
		{"complete build failed", []step{
			first,
			{saved: article, ending: Rendered, quick: true, start: true, due: true},
			{background: true, ending: Failed, due: true},
		}},
		{"complete build found errors the quick one did not", []step{
			first,
			{saved: article, ending: Rendered, quick: true, start: true, due: true},
			{background: true, ending: Analysed},
			{saved: template, ending: Rendered, quick: true},
		}},
		{"quick build with errors waits for a site", []step{
			first,
			{saved: claim, ending: Analysed, quick: true, due: true},
			{saved: template, ending: Analysed, quick: true, due: true},
			{saved: claim, ending: Rendered, quick: true, start: true, due: true},
			settled,
		}},
		{"quick build failed", []step{
			first,
			{saved: article, ending: Failed, quick: true, due: true},
			{saved: template, ending: Rendered, quick: true, start: true, due: true},
		}},
		{"broken template, then fixed", []step{
			first,
			{saved: article, ending: Rendered, quick: true, start: true, due: true},
			{saved: template, ending: Analysed, quick: true, due: true},
			{saved: template, ending: Rendered, quick: true, start: true, due: true},
			settled,
		}},
		{"everything rebuilt after the first", []step{
			first,
			{saved: article, ending: Rendered, quick: true, start: true, due: true},
			{ending: Rendered},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := NewSchedule(Options{})
			for i, st := range tc.steps {
				var opt Options
				if st.background {
					opt = s.Complete()
				} else {
					opt = s.Changed(st.saved)
				}
				if opt.Quick != st.quick {
					t.Fatalf("step %d (%v): Quick = %v, want %v", i, st.saved, opt.Quick, st.quick)
				}
				if got := s.Built(opt, st.ending); got != st.start {
					t.Fatalf("step %d (%v, %v): Built = %v, want %v", i, st.saved, st.ending, got, st.start)
				}
				if got := s.Due(); got != st.due {
					t.Fatalf("step %d (%v, %v): Due = %v, want %v", i, st.saved, st.ending, got, st.due)
				}
			}
		})
	}
}

func TestScheduleOptions(t *testing.T) {
	s := NewSchedule(Options{BaseURL: "http://127.0.0.1:1313/", Lazy: true, Quick: true})
	want := Options{BaseURL: "http://127.0.0.1:1313/", Lazy: true}
	if got := s.Changed(nil); got != want {
		t.Errorf("first build: %+v, want %+v", got, want)
	}
	if got := s.Complete(); got != want {
		t.Errorf("complete build: %+v, want %+v", got, want)
	}
	want.Quick = true
	if got := s.Changed([]string{"content/_index.md"}); got != want {
		t.Errorf("after a save: %+v, want %+v", got, want)
	}
}

func TestChangesAnalysis(t *testing.T) {
	for path, want := range map[string]bool{
		"content/_index.md":                     true,
		"content/articles/kyiv-independent.txt": true,
		"content/claims/fuel-depot.md":          true,
		"content/actors.toml":                   true,
		"config.toml":                           false,
		"templates/article.html":                false,
		"templates/content/note.html":           false,
		"static/style.css":                      false,
		"contents/x.md":                         false,
		"content":                               false,
	} {
		if got := ChangesAnalysis(path); got != want {
			t.Errorf("ChangesAnalysis(%q) = %v, want %v", path, got, want)
		}
	}
}

func TestEndingOf(t *testing.T) {
	for _, tc := range []struct {
		res  *Result
		err  error
		want Ending
	}{
		{nil, context.Canceled, Failed},
		{nil, errors.New("read config.toml: permission denied"), Failed},
		{&Result{}, nil, Analysed},
		{&Result{Output: new(render.Output)}, nil, Rendered},
	} {
		if got := EndingOf(tc.res, tc.err); got != tc.want {
			t.Errorf("EndingOf(%+v, %v) = %v, want %v", tc.res, tc.err, got, tc.want)
		}
	}
}
