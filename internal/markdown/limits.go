package markdown

import (
	"bytes"
	"fmt"
)

// The limits on an editor's Markdown. goldmark takes time more than
// linear in its input for some shapes of it: lists and block quotes
// nested thousands deep, thousands of link brackets in one paragraph,
// code spans opened by backtick runs of every length, tables whose short
// rows are padded to thousands of columns, thousands of footnotes each
// referred to. Text within these limits
// renders in time linear in its size; text past them is refused with an
// error at the line, before goldmark sees it. No editor's summary comes
// near them.
const (
	maxBytes     = 1 << 20 // of one Markdown text
	maxPrefix    = 128     // columns of indentation, '>' and list markers starting a line
	maxBrackets  = 256     // '[' in one paragraph
	maxTicks     = 32      // backticks in one run
	maxFootnotes = 100     // footnote definitions in one text
	cellsPerByte = 1       // a table's rows times columns, per byte of the table
)

// LimitError is Markdown refused for its shape: the problem, at a line of
// the text (1-based; 0 when it is about the whole text).
type LimitError struct {
	Line int
	Msg  string
}

func (e *LimitError) Error() string {
	if e.Line == 0 {
		return e.Msg
	}
	return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
}

// checkLimits returns the first line of src past a limit, or nil.
func checkLimits(src []byte) error {
	if len(src) > maxBytes {
		return &LimitError{Msg: fmt.Sprintf("the text is %d KiB; at most %d KiB of Markdown are rendered", len(src)>>10, maxBytes>>10)}
	}
	var (
		fence    []byte // the fence of the code block the line is in, if any
		brackets int    // in the paragraph so far
		notes    int    // footnote definitions so far
		table    struct {
			start, cols, rows, bytes int // start is the delimiter row's line; 0 when not in a table
		}
	)
	endTable := func() error {
		if table.start > 0 && table.rows*table.cols > cellsPerByte*table.bytes {
			return &LimitError{Line: table.start, Msg: fmt.Sprintf("a table of %d columns has %d rows, most of them short: give every row its cells, or split the table", table.cols, table.rows)}
		}
		table.start = 0
		return nil
	}
	for n, line := 1, src; len(line) > 0 || n == 1; n++ {
		var rest []byte
		if i := bytes.IndexByte(line, '\n'); i >= 0 {
			line, rest = line[:i], line[i+1:]
		}
		trimmed := bytes.TrimLeft(line, " \t>")
		if f := fenceOf(line); fence == nil && f != nil {
			fence = f
		} else if fence != nil {
			if f != nil && f[0] == fence[0] && len(f) >= len(fence) {
				fence = nil
			}
		} else {
			if cols, marked := prefix(line); marked && cols > maxPrefix {
				return &LimitError{Line: n, Msg: fmt.Sprintf("lists and block quotes are nested too deep: the line starts with %d columns of indentation, '>' and list markers; at most %d", cols, maxPrefix)}
			}
			if len(bytes.TrimSpace(trimmed)) == 0 {
				brackets = 0
				if err := endTable(); err != nil {
					return err
				}
			}
			if !isDefinition(trimmed) {
				brackets += bytes.Count(line, []byte("["))
			} else if bytes.HasPrefix(trimmed, []byte("[^")) {
				if notes++; notes > maxFootnotes {
					return &LimitError{Line: n, Msg: fmt.Sprintf("more than %d footnotes", maxFootnotes)}
				}
			}
			if brackets > maxBrackets {
				return &LimitError{Line: n, Msg: fmt.Sprintf("a paragraph has more than %d '[': split it, or escape them as \\[", maxBrackets)}
			}
			if run := longestRun(line, '`'); run > maxTicks {
				return &LimitError{Line: n, Msg: fmt.Sprintf("a run of %d backticks; code spans open with at most %d", run, maxTicks)}
			}
			if table.start > 0 {
				table.rows++
				table.bytes += len(line) + 1
			} else if cols := delimiterRow(trimmed); cols > 0 {
				table.start, table.cols, table.rows, table.bytes = n, cols, 0, 2*(len(line)+1)
			}
		}
		if rest == nil {
			break
		}
		line = rest
	}
	return endTable()
}

// fenceOf returns the fence a line opens or closes a code block with
// (three or more backticks or tildes after at most three spaces), or nil.
func fenceOf(line []byte) []byte {
	s := bytes.TrimLeft(line, " ")
	if len(line)-len(s) > 3 || len(s) < 3 || s[0] != '`' && s[0] != '~' {
		return nil
	}
	n := 0
	for n < len(s) && s[n] == s[0] {
		n++
	}
	if n < 3 {
		return nil
	}
	return s[:n]
}

// prefix measures the run of white space, '>' and list markers that
// starts line, in columns, and reports whether it holds a marker: only
// such lines open lists and block quotes.
func prefix(line []byte) (cols int, marked bool) {
	for i := 0; i < len(line); i++ {
		switch c := line[i]; {
		case c == ' ':
			cols++
		case c == '\t':
			cols += 4 - cols%4
		case c == '>':
			cols++
			marked = true
		case (c == '-' || c == '+' || c == '*') && (i+1 == len(line) || line[i+1] == ' ' || line[i+1] == '\t'):
			cols++
			marked = true
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && j-i < 9 && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j < len(line) && (line[j] == '.' || line[j] == ')') && (j+1 == len(line) || line[j+1] == ' ' || line[j+1] == '\t') {
				cols += j + 1 - i
				marked = true
				i = j
				continue
			}
			return cols, marked
		default:
			return cols, marked
		}
	}
	return cols, marked
}

// delimiterRow returns the number of columns of a table's delimiter row
// (| --- | :-: |), or 0 when line is not one.
func delimiterRow(line []byte) int {
	s := bytes.TrimSpace(line)
	if !bytes.Contains(s, []byte("-")) {
		return 0
	}
	s = bytes.TrimPrefix(bytes.TrimSuffix(s, []byte("|")), []byte("|"))
	cells := bytes.Split(s, []byte("|"))
	for _, c := range cells {
		c = bytes.Trim(bytes.TrimSpace(c), ":")
		if len(c) == 0 || len(bytes.Trim(c, "-")) != 0 {
			return 0
		}
	}
	if len(cells) < 2 && !bytes.Contains(line, []byte("|")) {
		return 0 // a setext heading's underline or a thematic break
	}
	return len(cells)
}

// longestRun returns the length of the longest run of c in line.
func longestRun(line []byte, c byte) int {
	longest, run := 0, 0
	for _, b := range line {
		if b == c {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	return longest
}

// isDefinition reports whether line starts a link reference or footnote
// definition, "[label]: …", which is not parsed for links.
func isDefinition(line []byte) bool {
	i := bytes.Index(line, []byte("]:"))
	return len(line) > 0 && line[0] == '[' && i > 0 && bytes.IndexByte(line[1:i], '[') < 0
}
