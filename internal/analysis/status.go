package analysis

import (
	"fmt"

	"briefing/internal/model"
)

// The status rules: what a claim's status promises a reader about its
// evidence, checked against the counts of independent sources (see
// countIndependent), so that a badge never says more than the sources do.

// evidenceCounts is what the status rules look at in one claim.
type evidenceCounts struct {
	supporting    int // independent supporting sources
	contradicting int // independent contradicting sources
	disputants    int // actors named in disputed_by
}

// statusNote is a rule's finding about one claim: what is inconsistent
// (Message) and what would make it consistent (Hint).
type statusNote struct {
	severity      model.Severity
	message, hint string
}

// checkStatus applies the status rules to a claim of status st with
// evidence n, and reports whether one is breached:
//
//   - confirmed needs at least 2 independent supporting sources, no
//     contradicting source, and nobody in disputed_by;
//   - disputed needs a contradicting source or a disputed_by actor;
//   - false needs a contradicting source;
//
// each a warning; and an unverified claim with at least 2 independent
// supporting sources and neither a contradicting source nor a disputant
// gets a suggestion that it may be confirmed. An unknown status breaks none: the loader reports it.
func checkStatus(st model.Status, n evidenceCounts) (statusNote, bool) {
	sources := func(k int, what string) string {
		if k == 1 {
			return "1 independent " + what + " source"
		}
		return fmt.Sprintf("%d independent %s sources", k, what)
	}
	switch st {
	case model.Confirmed:
		switch {
		case n.supporting < 2 && n.contradicting > 0:
			return statusNote{model.Warning,
				fmt.Sprintf("status confirmed needs at least 2 independent supporting sources and none contradicting; this claim has %s and %s",
					sources(n.supporting, "supporting"), sources(n.contradicting, "contradicting")),
				"set status: disputed, or cite more independent articles that support it and check whether the contradicting quote really contradicts it (stance: context if not)"}, true
		case n.supporting < 2:
			return statusNote{model.Warning,
				fmt.Sprintf("status confirmed needs at least 2 independent supporting sources; this claim has %d", n.supporting),
				"cite another independent article that supports it (a copy of one already cited does not count), or set status: unverified"}, true
		case n.contradicting > 0:
			return statusNote{model.Warning,
				fmt.Sprintf("status confirmed needs no contradicting source; this claim has %s", sources(n.contradicting, "contradicting")),
				"set status: disputed, or mark the quote stance: context if it does not contradict the claim"}, true
		case n.disputants > 0:
			return statusNote{model.Warning,
				"status confirmed, but disputed_by names who disputes this claim",
				"set status: disputed, or empty disputed_by if the articles do not show anyone disputing it"}, true
		}
	case model.Disputed:
		if n.contradicting == 0 && n.disputants == 0 {
			return statusNote{model.Warning,
				"status disputed needs a contradicting source or a disputant; this claim has neither",
				"cite the article that contradicts it with stance: contradicts, or name who disputes it in disputed_by; or set another status"}, true
		}
	case model.False:
		if n.contradicting == 0 {
			return statusNote{model.Warning,
				"status false needs contradicting evidence; no quote of this claim contradicts it",
				"cite the article that shows it is false, with stance: contradicts; or set another status"}, true
		}
	case model.Unverified:
		if n.supporting >= 2 && n.contradicting == 0 && n.disputants == 0 {
			return statusNote{model.Suggestion,
				fmt.Sprintf("%d independent sources support this claim and none contradicts it: it may be confirmed", n.supporting),
				"set status: confirmed once you have checked the sources"}, true
		}
	}
	return statusNote{}, false
}

// checkStatuses reports, at each claim's status, where the status breaks a
// rule of checkStatus. It needs the counts of countIndependent.
func checkStatuses(s *site) {
	for _, c := range s.Claims {
		cf := s.f.Claim(c.Slug)
		note, ok := checkStatus(c.Status, evidenceCounts{
			supporting:    cf.IndependentSources,
			contradicting: cf.ContradictingSources,
			disputants:    len(c.DisputedBy),
		})
		if ok {
			s.f.Diagnostics.Add(model.Diagnostic{Pos: c.StatusPos, Severity: note.severity, Message: note.message, Hint: note.hint})
		}
	}
}
