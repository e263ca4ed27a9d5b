package content

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"

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
// YAML between "---" lines, TOML between "+++" lines, or a JSON object
// whose "{" is alone on its line, read to its matching "}" however many
// lines it spans. Each opens the file, after any blank lines. The body
// keeps its place: bodyPos is its true line in the file.
func parseDocument(file string, data []byte, diags *model.Diagnostics) document {
	lt := source.NewFile(file, data)
	doc := document{file: file, body: string(data), bodyPos: lt.Pos(0)}

	// The first line that is not blank holds the opening delimiter.
	first, opener := len(data), ""
	for n := 1; n <= lt.LineCount(); n++ {
		start := lt.LineStart(n)
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

	if opener == "{" {
		meta, body, err := decodeJSON(lt, data, first+bytes.IndexByte(data[first:], '{'), diags)
		switch {
		case errors.Is(err, errUnclosed):
			unclosed()
		case err != nil:
			doc.body, doc.broken = "", true
		default:
			doc.meta, doc.body, doc.bodyPos = meta, string(data[body:]), lt.Pos(body)
		}
		return doc
	}

	var raw rawFM
	rest, err := frontmatter.Parse(bytes.NewReader(data), &raw,
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
	bodyStart := len(data) - len(rest)
	doc.body, doc.bodyPos = string(rest), lt.Pos(bodyStart)

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
