package content

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"briefing/internal/model"
	"briefing/internal/nearest"
)

// fields reads typed values out of a front-matter map, recording a
// positioned diagnostic for every missing, mistyped or unknown key.
type fields struct {
	file   string
	m      *node
	broken bool // the front matter was there but could not be read
	known  []string
	seen   map[string]bool
	diags  *model.Diagnostics
}

func newFields(doc document, diags *model.Diagnostics, known ...string) *fields {
	return &fields{file: doc.file, m: doc.meta, broken: doc.broken, known: known, seen: map[string]bool{}, diags: diags}
}

// at returns the position of key, or of the file when it is absent.
func (f *fields) at(key string) model.Pos {
	if k, _ := f.m.get(key); k != nil {
		return k.pos
	}
	return model.Pos{File: f.file, Line: 1, Col: 1}
}

func (f *fields) lookup(key string) *node {
	f.seen[key] = true
	_, v := f.m.get(key)
	if v != nil && v.kind == scalar && v.tag == "null" {
		return nil
	}
	return v
}

func (f *fields) typeErr(key string, v *node, want string) {
	got := v.kind.String()
	if v.kind == scalar {
		got = map[string]string{"int": "a number", "float": "a number", "bool": "true/false", "date": "a date", "str": "text"}[v.tag]
	}
	f.diags.Errorf(v.pos, "%s must be %s, not %s", key, want, got)
}

// str returns a text value. Numbers and booleans are accepted as their text,
// as editors expect of YAML ("title: 1984").
func (f *fields) str(key string) string {
	v := f.lookup(key)
	if v == nil {
		return ""
	}
	if v.kind != scalar {
		f.typeErr(key, v, "text")
		return ""
	}
	return strings.TrimSpace(v.str)
}

// required is str, reporting a missing or empty value.
func (f *fields) required(key, example string) string {
	s := f.str(key)
	if s == "" && f.m != nil {
		if _, v := f.m.get(key); v == nil || v.kind == scalar {
			f.diags.Add(model.Diagnostic{Pos: f.at(key), Severity: model.Error,
				Message: fmt.Sprintf("missing required key %q", key),
				Hint:    fmt.Sprintf("add a line such as %s to the front matter", example)})
		}
	}
	if f.m == nil && !f.broken {
		f.diags.Add(model.Diagnostic{Pos: model.Pos{File: f.file, Line: 1, Col: 1}, Severity: model.Error,
			Message: "missing front matter",
			Hint:    fmt.Sprintf("start the file with a line \"---\", then %s, then \"---\"", example)})
	}
	return s
}

// strs returns a list of text values; a single text counts as a list of
// one. A single number, date or true/false is an error: aliases: 3 is
// more likely a slip than an alias.
func (f *fields) strs(key string) ([]string, []model.Pos) {
	v := f.lookup(key)
	if v == nil {
		return nil, nil
	}
	if v.kind == scalar && v.tag != "str" {
		f.typeErr(key, v, "a list of text")
		return nil, nil
	}
	if v.kind == scalar {
		if s := strings.TrimSpace(v.str); s != "" {
			return []string{s}, []model.Pos{v.pos}
		}
		return nil, nil
	}
	if v.kind != list {
		f.typeErr(key, v, "a list")
		return nil, nil
	}
	var out []string
	var pos []model.Pos
	for _, it := range v.items {
		if it.kind != scalar {
			f.typeErr(key+" items", it, "text")
			continue
		}
		out = append(out, strings.TrimSpace(it.str))
		pos = append(pos, it.pos)
	}
	return out, pos
}

// date returns a date written as 2006-01-02 or RFC 3339.
func (f *fields) date(key string) time.Time {
	v := f.lookup(key)
	if v == nil {
		return time.Time{}
	}
	if v.kind != scalar {
		f.typeErr(key, v, "a date")
		return time.Time{}
	}
	s := strings.TrimSpace(v.str)
	for _, layout := range []string{"2006-01-02", time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	f.diags.Add(model.Diagnostic{Pos: v.pos, Severity: model.Error,
		Message: fmt.Sprintf("%s %q is not a date", key, s),
		Hint:    "write dates as YYYY-MM-DD, e.g. 2023-05-23"})
	return time.Time{}
}

// list returns the items of a list of maps.
func (f *fields) list(key string) []*node {
	v := f.lookup(key)
	if v == nil {
		return nil
	}
	if v.kind != list {
		f.typeErr(key, v, "a list")
		return nil
	}
	return v.items
}

// finish warns about every key that no accessor asked for.
func (f *fields) finish() {
	if f.m == nil {
		return
	}
	for _, k := range f.m.keys {
		if f.seen[k.str] {
			continue
		}
		known := append([]string(nil), f.known...)
		sort.Strings(known)
		hint := "known keys here: " + strings.Join(known, ", ")
		if near := nearest.Word(k.str, known); near != "" {
			hint = fmt.Sprintf("did you mean %q? (%s)", near, hint)
		}
		f.diags.Add(model.Diagnostic{Pos: k.pos, Severity: model.Warning,
			Message: fmt.Sprintf("unknown key %q is ignored", k.str), Hint: hint})
	}
}
