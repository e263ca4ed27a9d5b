package markdown

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
)

// LinkError is a link whose destination names nothing, at its line and
// column (in characters, from 1) in the Markdown source.
type LinkError struct {
	Line, Col int
	Dest      string
	Err       error // why the destination names nothing
}

func (e *LinkError) Error() string { return fmt.Sprintf("%d:%d: %v", e.Line, e.Col, e.Err) }

// Unwrap returns the reason.
func (e *LinkError) Unwrap() error { return e.Err }

// LinkErrors are the failed links of one text, in the order of the text.
type LinkErrors []*LinkError

func (es LinkErrors) Error() string {
	msgs := make([]string, len(es))
	for i, e := range es {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "; ")
}

// rewriteLinks passes the destination of every link and image of doc
// through rewrite, and returns the ones it refused, placed in src. A
// destination's place is its next use in src after the previous one of
// the same text, so that a bad link written twice is reported twice, each
// at its own line.
func rewriteLinks(doc ast.Node, src string, rewrite func(string) (string, error)) LinkErrors {
	var bad LinkErrors
	from := map[string]int{} // destination → where to look for its next use
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var dest *[]byte
		switch l := n.(type) {
		case *ast.Link:
			dest = &l.Destination
		case *ast.Image:
			dest = &l.Destination
		default:
			return ast.WalkContinue, nil
		}
		d := string(*dest)
		to, err := rewrite(d)
		if err != nil {
			line, col, next := place(src, d, from[d])
			from[d] = next
			bad = append(bad, &LinkError{Line: line, Col: col, Dest: d, Err: err})
			return ast.WalkContinue, nil
		}
		*dest = []byte(to)
		return ast.WalkContinue, nil
	})
	return bad
}

// place finds the first use of dest in src at or after byte offset from,
// and returns its line and column (in characters, from 1) and the offset
// after it. A destination that is not found as written (an escaped one)
// is placed at the start of the text.
func place(src, dest string, from int) (line, col, next int) {
	i := strings.Index(src[from:], dest)
	if i < 0 || dest == "" {
		return 1, 1, from
	}
	i += from
	start := strings.LastIndexByte(src[:i], '\n') + 1
	return strings.Count(src[:i], "\n") + 1, utf8.RuneCountInString(src[start:i]) + 1, i + len(dest)
}
