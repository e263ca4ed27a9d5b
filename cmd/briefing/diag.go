package main

import (
	"fmt"
	"io"
	"strings"

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
		fmt.Fprintf(w, "%s %s: run briefing check to see them\n", thousands(suggs), plural(suggs, "suggestion", "suggestions"))
	}
	if errs > 0 {
		fmt.Fprintf(w, "%s %s, %s %s\n", thousands(errs), plural(errs, "error", "errors"), thousands(warns), plural(warns, "warning", "warnings"))
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// githubCommand formats d as a GitHub Actions workflow command, which a
// pull request shows beside the line it names: ::error for an error,
// ::warning for a warning, ::notice for a suggestion; the hint follows the
// message on its own line. Values are escaped as the runner expects.
func githubCommand(d model.Diagnostic) string {
	d = d.Printable() // the log is shown in a terminal emulator too
	kind := "notice"
	switch d.Severity {
	case model.Error:
		kind = "error"
	case model.Warning:
		kind = "warning"
	}
	var props []string
	if d.Pos.File != "" {
		props = append(props, "file="+escapeProperty(d.Pos.File))
		if d.Pos.Line > 0 {
			props = append(props, fmt.Sprintf("line=%d", d.Pos.Line))
			if d.Pos.Col > 0 {
				props = append(props, fmt.Sprintf("col=%d", d.Pos.Col))
			}
		}
	}
	msg := d.Message
	if d.Hint != "" {
		msg += "\n" + d.Hint
	}
	cmd := "::" + kind
	if len(props) > 0 {
		cmd += " " + strings.Join(props, ",")
	}
	return cmd + "::" + escapeData(msg)
}

// escapeData escapes a workflow command's message: %, CR and LF.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command's property value: as a
// message, and also : and , which separate properties.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// printable escapes what s may carry from file names or content (see
// model.Printable), keeping its line breaks: for messages that are not
// diagnostics, such as the watcher's errors.
func printable(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = model.Printable(l)
	}
	return strings.Join(lines, "\n")
}
