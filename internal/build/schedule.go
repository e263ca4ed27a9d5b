package build

import (
	"slices"
	"strconv"
	"strings"

	"briefing/internal/content"
)

// Schedule decides which builds the preview runs as the sources change. A
// save is built quickly (Options.Quick), to be shown at once; the findings
// that span the whole briefing then carry over from the last complete
// analysis. While that analysis is older than the content, a complete
// build is due, to run in the background and be shown when it ends; a
// newer save abandons it, and it stays due. A save that changes no content
// file needs no complete build, unless one is still due from an earlier
// save.
//
// A Schedule only decides: the caller runs the builds, abandons them, and
// tells it how each ended. It is not safe for concurrent use.
type Schedule struct {
	base Options
	due  bool // the last complete analysis is older than the content
}

// NewSchedule returns a Schedule whose builds use base's options, Quick
// aside. Nothing is due before the first build, which is complete.
func NewSchedule(base Options) *Schedule {
	base.Quick = false
	return &Schedule{base: base}
}

// Changed records that the sources changed at paths, slash-separated and
// relative to the briefing folder, and returns the options of the build to
// run at once: quick, or complete when paths is nil (the first build).
func (s *Schedule) Changed(paths []string) Options {
	if slices.ContainsFunc(paths, ChangesAnalysis) {
		s.due = true
	}
	opt := s.base
	opt.Quick = paths != nil
	return opt
}

// Complete returns the options of the complete build to run in the
// background when Built says one is due.
func (s *Schedule) Complete() Options { return s.base }

// Built records how a build with options opt ended, the one Changed asked
// for or a complete one in the background, and reports whether a complete
// build is now due in the background: after a quick build made a site
// while the last complete analysis is older than the content. A quick
// build that made no site waits for the next save to make one. A complete
// build that got as far as analysing settles the briefing, even when
// errors in it left no site; one that failed, or was abandoned, leaves the
// complete build due.
func (s *Schedule) Built(opt Options, e Ending) (completeDue bool) {
	if !opt.Quick && e != Failed {
		s.due = false
		return false
	}
	return s.due && e == Rendered
}

// Due reports whether a complete build is due: the last complete analysis
// is older than the content.
func (s *Schedule) Due() bool { return s.due }

// ChangesAnalysis reports whether a change to the source file at path (as
// for Schedule.Changed) can change the analysis. Only content files can:
// templates, static files and config.toml change how the findings are
// rendered, never the findings, so a quick build after them is complete.
func ChangesAnalysis(path string) bool { return strings.HasPrefix(path, content.Dir+"/") }

// Ending is how a build ended, as far as a Schedule needs to know.
type Ending int

const (
	// Failed is a build that returned an error: one abandoned, or a
	// failure that is not about the content.
	Failed Ending = iota
	// Analysed is a build that analysed the briefing but made no site,
	// because of errors in the briefing.
	Analysed
	// Rendered is a build that made a site to show.
	Rendered
)

// EndingOf returns how a build that returned res and err ended.
func EndingOf(res *Result, err error) Ending {
	switch {
	case err != nil || res == nil:
		return Failed
	case res.Output == nil:
		return Analysed
	default:
		return Rendered
	}
}

// String returns the ending's name, for test failures.
func (e Ending) String() string {
	switch e {
	case Failed:
		return "Failed"
	case Analysed:
		return "Analysed"
	case Rendered:
		return "Rendered"
	}
	return "Ending(" + strconv.Itoa(int(e)) + ")"
}
