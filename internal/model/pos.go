// Package model holds the briefing's domain types: the site, its articles,
// sentences, actors and claims, and the positioned diagnostics that every
// stage reports. It does no I/O; every other package depends on it.
package model

import (
	"fmt"
	"sort"
	"strings"
)

// Pos is a position in a source file. Line and Col are 1-based; Col counts
// characters (Unicode code points), so that it points at the right place
// after curly quotes and accented letters. A zero Line means "the whole
// file".
type Pos struct {
	File string `json:"file"`
	Line int    `json:"line,omitempty"`
	Col  int    `json:"col,omitempty"`
}

// String formats the position as file:line:col, dropping unknown parts.
func (p Pos) String() string {
	switch {
	case p.File == "":
		return "-"
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Severity ranks a diagnostic. Only errors fail a build.
type Severity int

// The severities, from most to least serious.
const (
	Error Severity = iota
	Warning
	Suggestion
)

func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return "suggestion"
}

// MarshalText makes severities readable in JSON output.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Diagnostic is one finding about the content: where, how serious, what is
// wrong and, when known, a hint saying how to fix it.
type Diagnostic struct {
	Pos      Pos      `json:"pos"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
	Hint     string   `json:"hint,omitempty"`
}

// String formats the diagnostic as "file:line:col: [severity: ]message",
// followed by the hint on an indented line. Errors carry no severity word,
// like compiler errors. Control characters and the like from the content
// are escaped (see Printable), so that no file name or text can forge a
// line of output or drive the terminal.
func (d Diagnostic) String() string {
	d = d.Printable()
	var b strings.Builder
	b.WriteString(d.Pos.String())
	b.WriteString(": ")
	if d.Severity != Error {
		b.WriteString(d.Severity.String())
		b.WriteString(": ")
	}
	b.WriteString(d.Message)
	if d.Hint != "" {
		b.WriteString("\n\t")
		b.WriteString(strings.ReplaceAll(d.Hint, "\n", "\n\t"))
	}
	return b.String()
}

// Diagnostics collects findings from every stage so that all of them are
// reported at once.
type Diagnostics []Diagnostic

// Errorf records an error at pos.
func (ds *Diagnostics) Errorf(pos Pos, format string, args ...any) {
	*ds = append(*ds, Diagnostic{Pos: pos, Severity: Error, Message: fmt.Sprintf(format, args...)})
}

// Warnf records a warning at pos.
func (ds *Diagnostics) Warnf(pos Pos, format string, args ...any) {
	*ds = append(*ds, Diagnostic{Pos: pos, Severity: Warning, Message: fmt.Sprintf(format, args...)})
}

// Add records d.
func (ds *Diagnostics) Add(d Diagnostic) { *ds = append(*ds, d) }

// HasErrors reports whether any diagnostic is an error.
func (ds Diagnostics) HasErrors() bool {
	for _, d := range ds {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Errors returns only the errors, as an error value (nil when there are none).
func (ds Diagnostics) Errors() error {
	var errs ErrorList
	for _, d := range ds {
		if d.Severity == Error {
			errs = append(errs, d)
		}
	}
	if len(errs) == 0 {
		return nil
	}
	return errs
}

// Sort orders diagnostics by file, line, column, then severity.
func (ds Diagnostics) Sort() {
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i], ds[j]
		if a.Pos.File != b.Pos.File {
			return a.Pos.File < b.Pos.File
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Col != b.Pos.Col {
			return a.Pos.Col < b.Pos.Col
		}
		return a.Severity < b.Severity
	})
}

// ErrorList is the error a failed build returns: every error diagnostic,
// sorted by position.
type ErrorList []Diagnostic

// Error lists every error, one per line, then a count when there are several.
func (l ErrorList) Error() string {
	var b strings.Builder
	for i, d := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.String())
	}
	if len(l) > 1 {
		fmt.Fprintf(&b, "\n%d errors", len(l))
	}
	return b.String()
}
