package render

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
	"sync/atomic"
	"text/template/parse"
	"time"
)

// The limits of one page. html/template cannot be interrupted, and a
// theme's template may loop over a range as long as it likes or call
// itself without end. So every page is written to a pageWriter, which
// fails once the page has taken pageTime or grown to pageBytes, or the
// build is abandoned; a failed write makes the executing template return
// at once. Templates that never write are made to (see addTicks), so no
// template outlives its page's limit by more than one step of its own:
// no goroutine is left behind.
//
// The time limit holds only for a page past timedSteps steps (a step is
// a loop step or a template call). A page's time grows on a slow or busy
// machine, and a long page of a large briefing must not fail for that:
// the claims page of a briefing of 10,000 articles, the largest, takes
// about 60,000 steps and a fraction of a second. A template that never
// ends takes millions of steps in far less than pageTime.
const (
	pageTime   = 5 * time.Second
	timedSteps = 1_000_000
	pageBytes  = 64 << 20
)

// ticks maps each tick addTicks put into a theme's templates to its
// position, "name:line:col", for the message of a page that ran too long.
type ticks map[*byte]string

// addTicks puts an empty text at the start of every template of t and of
// the body of every range, so that every loop step and every template
// call writes to the page's writer, which can then stop it. Each tick's
// text is an empty slice of its own byte of one array, which tells the
// writer where the template was when it stopped. It must run before t is
// first executed, when html/template escapes it.
func addTicks(t *template.Template, at ticks) {
	var nodes []parse.Node // where each tick is
	var lists []*parse.ListNode
	var trees []*parse.Tree
	for _, tt := range t.Templates() {
		if tt.Tree == nil || tt.Tree.Root == nil {
			continue
		}
		eachNode(tt.Tree.Root, func(n parse.Node) {
			if n, ok := n.(*parse.RangeNode); ok {
				nodes, lists, trees = append(nodes, n), append(lists, n.List), append(trees, tt.Tree)
			}
		})
		nodes, lists, trees = append(nodes, tt.Tree.Root), append(lists, tt.Tree.Root), append(trees, tt.Tree)
	}
	mark := make([]byte, len(lists))
	for k, l := range lists {
		text := mark[k : k : k+1]
		loc, _ := trees[k].ErrorContext(nodes[k])
		at[&text[:1][0]] = loc
		tick := &parse.TextNode{NodeType: parse.NodeText, Pos: nodes[k].Position(), Text: text}
		l.Nodes = append([]parse.Node{tick}, l.Nodes...)
	}
}

// eachNode calls f for each node of l and of the lists of the if, range
// and with actions in it, parents before what they hold.
func eachNode(l *parse.ListNode, f func(parse.Node)) {
	if l == nil {
		return
	}
	for _, n := range l.Nodes {
		f(n)
		switch n := n.(type) {
		case *parse.IfNode:
			eachNode(n.List, f)
			eachNode(n.ElseList, f)
		case *parse.RangeNode:
			eachNode(n.List, f)
			eachNode(n.ElseList, f)
		case *parse.WithNode:
			eachNode(n.List, f)
			eachNode(n.ElseList, f)
		}
	}
}

// errPageTime and errPageSize are a page's writer's failures.
var (
	errPageTime = fmt.Errorf("ran past the time limit of %v for one page", pageTime)
	errPageSize = fmt.Errorf("grew past the size limit of %d MiB for one page", pageBytes>>20)
)

// pageWriter is the writer a page is rendered to: it fails when the page
// has taken too long or grown too large, or when ctx is done or stuck
// says another page of the site ran out of time.
type pageWriter struct {
	buf      *bytes.Buffer
	ctx      context.Context
	deadline time.Time
	stuck    *atomic.Pointer[TemplateError]
	ticks    ticks
	at       string // the position of the last tick passed
	writes   int    // how many writes the page has had
}

// clockEvery is how many writes go by between two looks at the clock,
// once a page is past timedSteps: reading the clock was half the cost of
// Write. Every loop step and template call
// writes (see addTicks), so a page overruns pageTime by a few steps at
// the most.
const clockEvery = 16

func (w *pageWriter) Write(p []byte) (int, error) {
	if len(p) == 0 && cap(p) > 0 {
		if at, ok := w.ticks[&p[:1][0]]; ok {
			w.at = at
		}
	}
	switch {
	case w.ctx.Err() != nil:
		return 0, w.ctx.Err()
	case w.stuck.Load() != nil:
		return 0, errOtherStuck
	case w.writes >= timedSteps && w.writes%clockEvery == 0 && time.Now().After(w.deadline):
		return 0, errPageTime
	case w.buf.Len()+len(p) > pageBytes:
		return 0, errPageSize
	}
	w.writes++
	return w.buf.Write(p)
}

// errOtherStuck stops the pages still rendering when one has run out of
// time: a template that never ends would do the same on every page.
var errOtherStuck = errors.New("another page ran out of time")

// limitErr returns the error of a page, name, of kind, that stopped with
// err because its writer failed, positioned at the loop or template the
// page was in.
func (w *pageWriter) limitErr(kind, name string, err error) error {
	at := w.at
	if at == "" {
		at = kind + ".html:0" // the tick was in a copy html/template made
	}
	return templateErr(fmt.Errorf("template: %s: rendering %s %w: a range too long, or a template that calls itself, may never end", at, name, err))
}
