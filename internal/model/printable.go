package model

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Printable returns s with every character escaped that could drive a
// terminal or disguise a line when printed: control characters (tab and
// newline among them), DEL and the C1 controls, the bidirectional
// embeddings, overrides, isolates and marks, the line and paragraph
// separators, and bytes that are not UTF-8. They are written as Go writes
// them: \t, \n, \r, \x1b, \u202e. Everything else, accented letters and
// curly quotes included, is kept.
func Printable(s string) string {
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unprintable(r, size) {
			break
		}
		i += size
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case !unprintable(r, size):
			b.WriteString(s[i : i+size])
		case size == 1 && r == utf8.RuneError:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x80:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
		i += size
	}
	return b.String()
}

// unprintable reports whether the rune r, size bytes long, is one that
// Printable escapes.
func unprintable(r rune, size int) bool {
	switch {
	case r == utf8.RuneError && size == 1:
		return true
	case r < 0x20, r >= 0x7f && r < 0xa0:
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f, // Arabic letter mark, LRM, RLM
		r >= 0x202a && r <= 0x202e, // embeddings and overrides
		r >= 0x2066 && r <= 0x2069, // isolates
		r == 0x2028, r == 0x2029:   // line and paragraph separators
		return true
	}
	return false
}

// Printable returns d with its file, message and hint made safe to print
// (see the function Printable). The hint keeps its line breaks, which
// String indents; everything else that came from the content is escaped.
func (d Diagnostic) Printable() Diagnostic {
	d.Pos.File = Printable(d.Pos.File)
	d.Message = Printable(d.Message)
	if d.Hint != "" {
		lines := strings.Split(d.Hint, "\n")
		for i, l := range lines {
			lines[i] = Printable(l)
		}
		d.Hint = strings.Join(lines, "\n")
	}
	return d
}
