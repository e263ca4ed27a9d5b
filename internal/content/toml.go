package content

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"time"

	"github.com/BurntSushi/toml"

	"briefing/internal/model"
	"briefing/internal/source"
)

// decodeTOML decodes TOML front matter, data, which starts at offset base
// in the file, and gives every key and value the position
// source.ScanTOML finds for it.
func decodeTOML(lt *source.File, data []byte, base int, diags *model.Diagnostics) *node {
	spots := source.ScanTOML(string(data))
	if off, deep := spots.TooDeep(); deep {
		diags.Add(model.Diagnostic{Pos: lt.Pos(base + off), Severity: model.Error,
			Message: fmt.Sprintf("invalid TOML front matter: values nested more than %d deep", source.MaxDepth),
			Hint:    "front matter needs a few levels at most; flatten the values"})
		return nil
	}
	var m map[string]any
	if _, err := toml.Decode(string(data), &m); err != nil {
		pos, msg := lt.Pos(base), err.Error()
		var pe toml.ParseError
		if errors.As(err, &pe) {
			pos, msg = lt.Pos(base+pe.Position.Start), pe.Message
		}
		diags.Errorf(pos, "invalid TOML front matter: %s", msg)
		return nil
	}
	t := tomlTree{lt: lt, base: base, spots: spots}
	return t.node(m, "", lt.Pos(base))
}

// tomlTree turns decoded TOML values into nodes, placed by their spots.
type tomlTree struct {
	lt    *source.File
	base  int
	spots *source.TOML
}

// at returns the position of off, an offset in the TOML text, or def
// when the scanner did not find the place.
func (t tomlTree) at(off int, def model.Pos) model.Pos {
	if off < 0 {
		return def
	}
	return t.lt.Pos(t.base + off)
}

// node converts v, the value at path; def is the position of its key, or
// of what holds it, for a value the scanner did not place.
func (t tomlTree) node(v any, path string, def model.Pos) *node {
	pos := def
	if sp, ok := t.spots.At(path); ok {
		pos = t.at(sp.Val, def)
	}
	switch v := v.(type) {
	case map[string]any:
		n := &node{kind: mapping, pos: pos}
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		// In file order; a key not found (none should be) goes last.
		keyOff := func(k string) int {
			if sp, ok := t.spots.At(source.TOMLPath(path, k)); ok && sp.Key >= 0 {
				return sp.Key
			}
			return math.MaxInt
		}
		sort.Slice(keys, func(i, j int) bool {
			if a, b := keyOff(keys[i]), keyOff(keys[j]); a != b {
				return a < b
			}
			return keys[i] < keys[j]
		})
		for _, k := range keys {
			kp := source.TOMLPath(path, k)
			at := pos
			if sp, ok := t.spots.At(kp); ok {
				at = t.at(sp.Key, pos)
			}
			n.keys = append(n.keys, &node{kind: scalar, tag: "str", str: k, pos: at})
			n.vals = append(n.vals, t.node(v[k], kp, at))
		}
		return n
	case []map[string]any: // an array of tables
		items := make([]any, len(v))
		for i, x := range v {
			items[i] = x
		}
		return t.node(items, path, def)
	case []any:
		n := &node{kind: list, pos: pos}
		for i, x := range v {
			n.items = append(n.items, t.node(x, source.TOMLPath(path, strconv.Itoa(i)), pos))
		}
		return n
	}
	return scalarNode(v, pos)
}

// scalarNode converts a decoded TOML scalar.
func scalarNode(v any, pos model.Pos) *node {
	n := &node{kind: scalar, pos: pos}
	switch v := v.(type) {
	case string:
		n.tag, n.str = "str", v
	case bool:
		n.tag, n.str = "bool", strconv.FormatBool(v)
	case int64:
		n.tag, n.str = "int", strconv.FormatInt(v, 10)
	case float64:
		n.tag, n.str = "float", strconv.FormatFloat(v, 'g', -1, 64)
	case time.Time:
		n.tag, n.str = "date", v.Format(time.RFC3339)
	default:
		n.tag, n.str = "str", fmt.Sprint(v)
	}
	return n
}
