// Package markdown is the one goldmark configuration of the project: GitHub
// Flavored Markdown, footnotes, typographic punctuation, and heading IDs that
// keep non-ASCII letters. Raw HTML in Markdown is not rendered (goldmark
// replaces it with a comment), since editors' text is not trusted markup.
//
// Rendering takes time linear in the text's size: the shapes of Markdown
// goldmark is slow on are refused past documented limits (limits.go) with
// a *LimitError naming the line.
package markdown

import (
	"bytes"
	"html/template"
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Renderer converts editors' Markdown to HTML.
type Renderer struct {
	md goldmark.Markdown
}

// New returns the project's Markdown renderer.
func New() *Renderer {
	return &Renderer{md: goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)}
}

// Render converts src to HTML. Heading IDs keep letters of every script.
// Text past the limits of limits.go is refused with a *LimitError.
func (r *Renderer) Render(src string) (template.HTML, error) {
	return r.RenderLinks(src, nil)
}

// RenderLinks is Render with the destination of every link and image
// passed through rewrite (when not nil): it returns the destination to
// write, or an error saying why the destination names nothing. The HTML
// is written in full either way; the links that failed are returned
// together, in the order of the text, as a *LinkErrors.
func (r *Renderer) RenderLinks(src string, rewrite func(dest string) (string, error)) (template.HTML, error) {
	source := []byte(src)
	if err := checkLimits(source); err != nil {
		return "", err
	}
	ctx := parser.NewContext(parser.WithIDs(&headingIDs{seen: map[string]int{}}))
	doc := r.md.Parser().Parse(text.NewReader(source), parser.WithContext(ctx))
	var bad LinkErrors
	if rewrite != nil {
		bad = rewriteLinks(doc, src, rewrite)
	}
	var buf bytes.Buffer
	if err := r.md.Renderer().Render(&buf, source, doc); err != nil {
		return "", err
	}
	h := template.HTML(buf.String()) // goldmark escapes text and drops raw HTML
	if len(bad) > 0 {
		return h, bad
	}
	return h, nil
}

// headingIDs generates heading IDs like GitHub: lower case, spaces to
// hyphens, punctuation dropped, letters of every script kept, and a numeric
// suffix for repeats.
type headingIDs struct {
	seen map[string]int // > 0 for an ID taken: the next suffix to try after it
}

func (h *headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(string(value))) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-':
			b.WriteRune(r)
		case unicode.IsSpace(r):
			b.WriteByte('-')
		}
	}
	id := b.String()
	if id == "" {
		id = "heading"
	}
	if h.seen[id] == 0 {
		h.seen[id] = 1
		return []byte(id)
	}
	// A taken ID keeps the next suffix to try, so that a thousand
	// headings of one title take a thousand steps, not a million.
	base, n := id, h.seen[id]
	for h.seen[id] > 0 {
		id = base + "-" + strconv.Itoa(n)
		n++
	}
	h.seen[base] = n
	h.seen[id] = 1
	return []byte(id)
}

func (h *headingIDs) Put(value []byte) { h.seen[string(value)]++ }
