package content

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/adrg/frontmatter"
	"go.yaml.in/yaml/v3"

	"briefing/internal/model"
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

// maxDepth bounds how deeply front-matter values may nest; no content key
// needs more than three levels, and a file of ten thousand "[" must not
// cost a deep recursion.
const maxDepth = 64

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
// YAML between "---" lines, TOML between "+++" lines, or a JSON object.
func parseDocument(file string, data []byte, diags *model.Diagnostics) document {
	var raw rawFM
	formats := []*frontmatter.Format{
		frontmatter.NewFormat("---", "---", capture("yaml")),
		frontmatter.NewFormat("+++", "+++", capture("toml")),
		{Start: "{", End: "}", Unmarshal: capture("json"), UnmarshalDelims: true},
	}
	lt := newLines(file, data)
	rest, err := frontmatter.Parse(bytes.NewReader(data), &raw, formats...)
	doc := document{file: file}
	if err != nil {
		diags.Errorf(model.Pos{File: file, Line: 1, Col: 1}, "cannot read front matter: %v", err)
		doc.broken = true
		return doc
	}
	bodyStart := len(data) - len(rest)
	doc.body = string(rest)
	doc.bodyPos = lt.pos(bodyStart)

	// The line holding the opening delimiter.
	first := 0
	for first < len(data) {
		end := bytes.IndexByte(data[first:], '\n')
		if end < 0 {
			end = len(data) - first
		}
		if len(bytes.TrimSpace(data[first:first+end])) > 0 {
			break
		}
		first += end + 1
	}
	delim := lt.pos(first)

	if raw.format == "" {
		line := strings.TrimSpace(firstLine(data[min(first, len(data)):]))
		if line == "---" || line == "+++" {
			diags.Add(model.Diagnostic{
				Pos: delim, Severity: model.Error,
				Message: fmt.Sprintf("front matter opened with %q is never closed", line),
				Hint:    fmt.Sprintf("add a line with %q after the last key", line),
			})
			doc.body = ""
			doc.broken = true
		}
		return doc
	}

	// YAML and TOML data start on the line after the delimiter; JSON
	// includes its braces.
	dataLine := delim.Line + 1
	if raw.format == "json" {
		dataLine = delim.Line
	}
	switch raw.format {
	case "yaml":
		doc.meta = decodeYAML(file, raw.data, dataLine, diags)
	case "toml":
		doc.meta = decodeTOML(lt, raw.data, min(first+len(firstLine(data[first:]))+1, len(data)), diags)
	case "json":
		doc.meta = decodeJSON(file, raw.data, dataLine, diags)
	}
	doc.broken = doc.meta == nil
	return doc
}

func firstLine(b []byte) string {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return string(b[:i])
	}
	return string(b)
}

// offsetPos converts a byte offset in data to a position.
func offsetPos(file string, data []byte, off int) model.Pos {
	off = min(off, len(data))
	line := 1 + bytes.Count(data[:off], []byte{'\n'})
	col := off - (bytes.LastIndexByte(data[:off], '\n') + 1) + 1
	return model.Pos{File: file, Line: line, Col: col}
}

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
	root := fromYAML(file, doc.Content[0], line0-1)
	if root.kind != mapping {
		diags.Errorf(root.pos, "front matter must be a map of keys to values, not %s", root.kind)
		return nil
	}
	return root
}

func fromYAML(file string, y *yaml.Node, lineOff int) *node {
	for y.Kind == yaml.AliasNode && y.Alias != nil {
		y = y.Alias
	}
	n := &node{pos: model.Pos{File: file, Line: y.Line + lineOff, Col: y.Column}}
	switch y.Kind {
	case yaml.SequenceNode:
		n.kind = list
		for _, c := range y.Content {
			n.items = append(n.items, fromYAML(file, c, lineOff))
		}
	case yaml.MappingNode:
		n.kind = mapping
		for i := 0; i+1 < len(y.Content); i += 2 {
			n.keys = append(n.keys, fromYAML(file, y.Content[i], lineOff))
			n.vals = append(n.vals, fromYAML(file, y.Content[i+1], lineOff))
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

func decodeJSON(file string, data []byte, line0 int, diags *model.Diagnostics) *node {
	var m map[string]any
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&m); err != nil {
		pos := model.Pos{File: file, Line: line0, Col: 1}
		var se *json.SyntaxError
		if errors.As(err, &se) {
			// Offset counts the offending byte; point at it.
			p := offsetPos(file, data, max(int(se.Offset)-1, 0))
			pos.Line, pos.Col = line0+p.Line-1, p.Col
		}
		diags.Errorf(pos, "invalid JSON front matter: %v", err)
		return nil
	}
	keyPos := func(key string) model.Pos {
		i := bytes.Index(data, []byte(strconv.Quote(key)))
		if i < 0 {
			return model.Pos{File: file, Line: line0, Col: 1}
		}
		p := offsetPos(file, data, i)
		return model.Pos{File: file, Line: line0 + p.Line - 1, Col: p.Col}
	}
	var order []string
	for k := range m {
		order = append(order, k)
	}
	sort.Strings(order)
	return fromAny(file, m, order, keyPos, model.Pos{File: file, Line: line0, Col: 1})
}

// fromAny converts decoded TOML or JSON into nodes. Only top-level keys get
// their own positions; anything nested is reported at its top-level key.
func fromAny(file string, m map[string]any, order []string, keyPos func(string) model.Pos, at model.Pos) *node {
	root := &node{kind: mapping, pos: at}
	for _, k := range order {
		p := keyPos(k)
		root.keys = append(root.keys, &node{kind: scalar, tag: "str", str: k, pos: p})
		root.vals = append(root.vals, anyNode(m[k], p))
	}
	return root
}

func anyNode(v any, p model.Pos) *node {
	n := &node{kind: scalar, pos: p}
	switch v := v.(type) {
	case nil:
		n.tag = "null"
	case []any:
		n.kind = list
		for _, x := range v {
			n.items = append(n.items, anyNode(x, p))
		}
	case map[string]any:
		n.kind = mapping
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			n.keys = append(n.keys, &node{kind: scalar, tag: "str", str: k, pos: p})
			n.vals = append(n.vals, anyNode(v[k], p))
		}
	default:
		return scalarNode(v, p)
	}
	return n
}
