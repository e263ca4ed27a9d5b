package build

import "briefing/internal/analysis"

// Progress says how far a build has got, for a display on a terminal: the
// stage it is in and how many of the stage's items are done, of how many.
// Build reports each stage when it starts (Done 0) and when it ends (Done
// equal to Total), through Options.Progress.
type Progress struct {
	Stage       Stage
	Done, Total int
	// Step is the step of the analysis that starts, while Analysing: the
	// analysis reports each (Done 0) between the stage's start and end.
	Step analysis.Step
}

// Stage is a stage of a build, named for what it does.
type Stage string

// The stages of a build, in order, and what they count.
const (
	Loading   Stage = "loading"   // content files; Total is not known, so 0
	Analysing Stage = "analysing" // articles
	Rendering Stage = "rendering" // output files
)

// Reporter is told how far a build has got. (An interface, not a func,
// keeps Options comparable.)
type Reporter interface{ Report(Progress) }

// report tells opt.Progress, when set, how far the build has got.
func (opt Options) report(stage Stage, done, total int) {
	if opt.Progress != nil {
		opt.Progress.Report(Progress{Stage: stage, Done: done, Total: total})
	}
}

// reportSteps has the analysis's steps reported to opt.Progress, when set,
// as parts of the Analysing stage of total articles.
func (opt Options) reportSteps(an *analysis.Analyzer, total int) {
	if opt.Progress == nil {
		an.ReportSteps(nil)
		return
	}
	an.ReportSteps(func(step analysis.Step) {
		opt.Progress.Report(Progress{Stage: Analysing, Total: total, Step: step})
	})
}
