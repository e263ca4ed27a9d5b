package main

import (
	"fmt"
	"io"

	"briefing/internal/model"
)

// printDiags prints errors and warnings, and a count of suggestions unless
// all is set, in which case it prints those too.
func printDiags(w io.Writer, diags model.Diagnostics, all bool) {
	var errs, warns, suggs int
	for _, d := range diags {
		switch d.Severity {
		case model.Error:
			errs++
		case model.Warning:
			warns++
		default:
			suggs++
			if !all {
				continue
			}
		}
		fmt.Fprintln(w, d)
	}
	if !all && suggs > 0 {
		fmt.Fprintf(w, "%d %s: run briefing check to see them\n", suggs, plural(suggs, "suggestion", "suggestions"))
	}
	if errs > 0 {
		fmt.Fprintf(w, "%d %s, %d %s\n", errs, plural(errs, "error", "errors"), warns, plural(warns, "warning", "warnings"))
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
