package content

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/adrg/frontmatter"
	"go.yaml.in/yaml/v3"

	"briefing/internal/model"
	"briefing/internal/source"
)

// kind is the shape of a front-matter value.
type kind int

const (
	scalar kind = iota
	list
	mapping
)

func (k kind) String() string {
	return [...]string{"a single value", "a list", "a map"}[k]
}

// node is a front-matter value with the position it was written at, the
// common form of YAML, TOML and JSON front matter.
type node struct {
	kind  kind
	tag   string // for scalars: "str", "int", "float", "bool", "date", "null"
	str   string
	items []*node // list items
	keys  []*node // mapping keys, in file order
	vals  []*node // mapping values
	pos   model.Pos
}

// get returns the value of key in a mapping node, or nil.
func (n *node) get(key string) (k, v *node) {
	if n == nil || n.kind != mapping {
		return nil, nil
	}
	for i, kn := range n.keys {
		if kn.str == key {
			return kn, n.vals[i]
		}
	}
	return nil, nil
}

// maxDepth bounds how deeply front-matter values may nest, in every
// format; no content key needs more than three levels, and a file of ten
// thousand "[" must not cost a deep recursion.
const maxDepth = source.MaxDepth

// document is a content file split into its front matter and body.
type document struct {
	file    string
	meta    *node // nil when the file has no front matter, or it is broken
	broken  bool  // the front matter could not be read; already reported
	body    string
	bodyPos model.Pos
}

// rawFM receives the undecoded front matter from adrg/frontmatter, so that
// we can decode it ourselves keeping positions.
type rawFM struct {
	format string
	data   []byte
}

func capture(format string) frontmatter.UnmarshalFunc {
	return func(data []byte, v any) error {
		r := v.(*rawFM)
		r.format = format
		r.data = append([]byte(nil), data...)
		return nil
	}
}

// parseDocument splits data into front matter and body. Front matter is
// YAML between "---" lines, TOML between "+++" lines, or a JSON object
// whose "{" is alone on its line, read to its matching "}" however many
// lines it spans, or whose first line starts with "{" and which ends at
// the end of a line (see isJSONLine). Each opens the file, after any blank
// lines and a byte order mark. The body
// keeps its place: bodyPos is its true line in the file.
func parseDocument(file string, data []byte, diags *model.Diagnostics) document {
	lt := source.NewFile(file, data)
	text := bytes.TrimPrefix(data, []byte(bom)) // a suffix of data, as the body is
	doc := document{file: file, body: frozen(text), bodyPos: lt.Pos(len(data) - len(text))}

	// The first line that is not blank holds the opening delimiter. A
	// byte order mark, which some editors on Windows write, is not text.
	first, opener := len(data), ""
	for n := 1; n <= lt.LineCount(); n++ {
		start := lt.LineStart(n)
		if n == 1 {
			start = len(data) - len(text)
		}
		if line := bytes.TrimSpace(data[start : start+lineLen(data[start:])]); len(line) > 0 {
			first, opener = start, string(line)
			break
		}
	}
	unclosed := func() {
		closer := opener
		if opener == "{" {
			closer = "}"
		}
		diags.Add(model.Diagnostic{
			Pos: lt.Pos(first), Severity: model.Error,
			Message: fmt.Sprintf("front matter opened with %q is never closed", opener),
			Hint:    fmt.Sprintf("add a line with %q after the last key", closer),
		})
		doc.body, doc.broken = "", true
	}

	if opener == "{" || strings.HasPrefix(opener, "{") && isJSONLine(data[first:]) {
		meta, body, err := decodeJSON(lt, data, first+bytes.IndexByte(data[first:], '{'), diags)
		switch {
		case errors.Is(err, errUnclosed):
			unclosed()
		case err != nil:
			doc.body, doc.broken = "", true
		default:
			doc.meta, doc.body, doc.bodyPos = meta, frozen(data[body:]), lt.Pos(body)
		}
		return doc
	}

	var raw rawFM
	rest, err := frontmatter.Parse(bytes.NewReader(text), &raw,
		frontmatter.NewFormat("---", "---", capture("yaml")),
		frontmatter.NewFormat("+++", "+++", capture("toml")))
	if err != nil {
		diags.Errorf(lt.Pos(0), "cannot read front matter: %v", err)
		doc.body, doc.broken = "", true
		return doc
	}
	if raw.format == "" {
		if opener == "---" || opener == "+++" {
			unclosed()
		}
		return doc
	}
	bodyStart := len(data) - len(rest) // rest is a copy; the body is data's own tail
	doc.body, doc.bodyPos = frozen(data[bodyStart:]), lt.Pos(bodyStart)

	// The front matter starts on the line after the delimiter.
	dataStart := min(first+lineLen(data[first:])+1, len(data))
	switch raw.format {
	case "yaml":
		doc.meta = decodeYAML(file, raw.data, lt.Pos(dataStart).Line, diags)
	case "toml":
		doc.meta = decodeTOML(lt, raw.data, dataStart, diags)
	}
	doc.broken = doc.meta == nil
	return doc
}

// bom is the UTF-8 byte order mark.
const bom = "\xef\xbb\xbf"

// isJSONLine reports whether b, a line that starts with "{" and holds
// more, starts a JSON object that ends at the end of a line: such a line
// opens JSON front matter, {"title": "x"} on one line among them. Any
// other text that starts with "{" is text, not broken front matter.
func isJSONLine(b []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(b))
	var raw json.RawMessage
	if dec.Decode(&raw) != nil {
		return false
	}
	rest := b[dec.InputOffset():]
	return len(bytes.TrimSpace(rest[:lineLen(rest)])) == 0
}

// lineLen returns the length of the first line of b, without its "\n".
func lineLen(b []byte) int {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return i
	}
	return len(b)
}

// yaml.v3 reports syntax errors as text only ("yaml: line 3: …"), with no
// error type that holds the line, so it is read out of the message: the
// one place a position still comes from an error's text.
var yamlLine = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

func decodeYAML(file string, data []byte, line0 int, diags *model.Diagnostics) *node {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		pos := model.Pos{File: file, Line: line0, Col: 1}
		msg := err.Error()
		var te *yaml.TypeError
		if errors.As(err, &te) && len(te.Errors) > 0 {
			msg = te.Errors[0]
		}
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			if n, _ := strconv.Atoi(m[1]); n > 0 {
				pos.Line = line0 + n - 1
			}
			msg = m[2]
		}
		diags.Add(model.Diagnostic{Pos: pos, Severity: model.Error,
			Message: "invalid YAML front matter: " + msg,
			Hint:    "check the indentation and quote values that contain ': ' or start with a quote"})
		return nil
	}
	if len(doc.Content) == 0 {
		return &node{kind: mapping, pos: model.Pos{File: file, Line: line0, Col: 1}}
	}
	c := yamlConverter{file: file, lineOff: line0 - 1, diags: diags}
	root := c.node(doc.Content[0], 0)
	if c.failed {
		return nil
	}
	if root.kind != mapping {
		diags.Errorf(root.pos, "front matter must be a map of keys to values, not %s", root.kind)
		return nil
	}
	return root
}

// maxAliasNodes bounds the values that YAML aliases may repeat in one
// front matter, all aliases together: an alias is expanded where it
// stands, so ten nested aliases of ten items each would otherwise make
// ten billion values out of a few hundred bytes.
const maxAliasNodes = 10_000

// yamlConverter turns a yaml.Node tree into nodes, expanding aliases
// within maxAliasNodes and refusing nesting past maxDepth, an alias that
// refers to a value it is part of, and a key written twice in one map.
type yamlConverter struct {
	file    string
	lineOff int
	diags   *model.Diagnostics
	open    []*yaml.Node // the values being converted, outermost first
	aliased int          // values made so far by expanding aliases
	inAlias int          // how many aliases are being expanded
	outer   *yaml.Node   // the outermost of them
	failed  bool         // an error was reported; the result is not used
}

func (c *yamlConverter) pos(y *yaml.Node) model.Pos {
	return model.Pos{File: c.file, Line: y.Line + c.lineOff, Col: y.Column}
}

// fail reports a problem that makes the front matter unusable; only the
// first is reported, as the conversion stops there.
func (c *yamlConverter) fail(y *yaml.Node, hint, format string, args ...any) *node {
	if !c.failed {
		c.failed = true
		c.diags.Add(model.Diagnostic{Pos: c.pos(y), Severity: model.Error,
			Message: "invalid YAML front matter: " + fmt.Sprintf(format, args...), Hint: hint})
	}
	return &node{kind: scalar, tag: "null", pos: c.pos(y)}
}

func (c *yamlConverter) node(y *yaml.Node, depth int) *node {
	if c.failed {
		return &node{kind: scalar, tag: "null", pos: c.pos(y)}
	}
	if y.Kind == yaml.AliasNode && y.Alias != nil {
		target := y.Alias
		for _, o := range c.open {
			if o == target {
				return c.fail(y, "an alias cannot repeat a value it is part of; write the value out",
					"alias *%s refers to a value that contains it", y.Value)
			}
		}
		if c.inAlias == 0 {
			c.outer = y
		}
		c.inAlias++
		n := c.node(target, depth)
		c.inAlias--
		n.pos = c.pos(y) // the value stands where the alias is written
		return n
	}
	if depth > maxDepth {
		return c.fail(y, "front matter needs a few levels at most; flatten the values",
			"values nested more than %d deep", maxDepth)
	}
	if c.inAlias > 0 {
		if c.aliased++; c.aliased > maxAliasNodes {
			return c.fail(c.outer, "aliases are expanded where they stand; write the values out, or use fewer aliases",
				"aliases repeat more than %d values", maxAliasNodes)
		}
	}
	c.open = append(c.open, y)
	defer func() { c.open = c.open[:len(c.open)-1] }()
	n := &node{pos: c.pos(y)}
	switch y.Kind {
	case yaml.SequenceNode:
		n.kind = list
		for _, it := range y.Content {
			n.items = append(n.items, c.node(it, depth+1))
		}
	case yaml.MappingNode:
		n.kind = mapping
		var seen map[string]*node
		for i := 0; i+1 < len(y.Content); i += 2 {
			k, v := c.node(y.Content[i], depth+1), c.node(y.Content[i+1], depth+1)
			if k.kind == scalar {
				if first := seen[k.str]; first != nil {
					if c.inAlias == 0 && !c.failed {
						c.diags.Errorf(k.pos, "key %q is repeated (first at line %d); the first value is used", k.str, first.pos.Line)
					}
					continue
				}
				if seen == nil {
					seen = map[string]*node{}
				}
				seen[k.str] = k
			}
			n.keys = append(n.keys, k)
			n.vals = append(n.vals, v)
		}
	default:
		n.kind = scalar
		n.str = y.Value
		switch y.ShortTag() {
		case "!!int":
			n.tag = "int"
		case "!!float":
			n.tag = "float"
		case "!!bool":
			n.tag = "bool"
		case "!!timestamp":
			n.tag = "date"
		case "!!null":
			n.tag = "null"
		default:
			n.tag = "str"
		}
	}
	return n
}
