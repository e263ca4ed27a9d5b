package source

import (
	"sort"
	"strconv"
	"strings"
)

// MaxDepth bounds how deeply TOML may nest tables and arrays: table
// names, dotted keys, arrays and inline tables all count. The scanner
// follows nothing deeper, so that a text of ten thousand "[" does not cost
// a deep recursion, and TooDeep says where the limit was passed, so that
// such a text can be refused before a decoder spends its time on it.
const MaxDepth = 64

// Spot is where the value at a key path is written: the offset of its key
// and of the value itself, or -1 when not found. An item of an inline
// array has no key.
type Spot struct{ Key, Val int }

// TOMLPath is a key path: key names and, inside arrays and arrays of
// tables, item numbers, joined by "\x00". The path of a top-level key is
// its name.
func TOMLPath(parent, name string) string {
	if parent == "" {
		return name
	}
	return parent + "\x00" + name
}

// TOML is where the keys and values of one TOML text are written.
type TOML struct {
	spots  map[string]Spot
	tables map[string]int // how many items each array of tables has
	arrays map[string]int // how many items each inline array has
	deep   int            // where nesting first passes MaxDepth, or -1
}

type tomlScanner struct {
	*TOML
	src        string
	i          int
	tableDepth int // how many names the current table header has
}

// ScanTOML finds where the keys and values of the TOML text src are
// written, as offsets in src.
func ScanTOML(src string) *TOML {
	s := &tomlScanner{src: src, TOML: &TOML{spots: map[string]Spot{}, tables: map[string]int{}, arrays: map[string]int{}, deep: -1}}
	table := ""
	for s.i < len(s.src) {
		s.space(true)
		if s.i >= len(s.src) {
			break
		}
		if s.src[s.i] == '[' {
			table = s.header()
		} else {
			s.keyValue(table, 0)
		}
		s.skipLine()
	}
	return s.TOML
}

// TooDeep returns the offset at which src nests deeper than MaxDepth, if
// it does.
func (t *TOML) TooDeep() (int, bool) { return t.deep, t.deep >= 0 }

// tooDeep records that nesting passes MaxDepth at offset off.
func (s *tomlScanner) tooDeep(off int) {
	if s.deep < 0 {
		s.deep = off
	}
}

// At returns the spot of the key or value at path, a TOMLPath.
func (t *TOML) At(path string) (Spot, bool) {
	sp, ok := t.spots[path]
	return sp, ok
}

// Find returns every place key is written, in file order; key is a list
// of names as the decoder gives them (toml.Key), without item numbers. An
// array of tables counts each item: [[a]] written twice is two places for
// a, and a.x written in each is two places for a.x. So is an inline array
// met before the last name: a = [{x = 1}, {x = 2}] has two of a.x.
func (t *TOML) Find(key []string) []Spot {
	paths := []string{""}
	for j, name := range key {
		var next []string
		for _, p := range paths {
			q := TOMLPath(p, name)
			if _, ok := t.spots[q]; !ok {
				continue
			}
			n, items := t.tables[q]
			if !items && j < len(key)-1 {
				n, items = t.arrays[q]
			}
			if !items {
				next = append(next, q)
				continue
			}
			for i := range n {
				next = append(next, TOMLPath(q, strconv.Itoa(i)))
			}
		}
		paths = next
	}
	spots := make([]Spot, 0, len(paths))
	for _, p := range paths {
		spots = append(spots, t.spots[p])
	}
	sort.SliceStable(spots, func(i, j int) bool { return spots[i].first() < spots[j].first() })
	return spots
}

// first returns the offset at which the spot starts.
func (sp Spot) first() int {
	if sp.Key >= 0 {
		return sp.Key
	}
	return sp.Val
}

func (s *tomlScanner) mark(path string, key, val int) {
	sp, ok := s.spots[path]
	if !ok {
		sp = Spot{-1, -1}
	}
	if sp.Key < 0 {
		sp.Key = key
	}
	if sp.Val < 0 {
		sp.Val = val
	}
	s.spots[path] = sp
}

// header reads a table header, [a.b] or [[a.b]], and returns the path of
// the table it opens. A name that is an array of tables, before the last,
// means its latest item, as in TOML.
func (s *tomlScanner) header() string {
	start := s.i
	aot := strings.HasPrefix(s.src[s.i:], "[[")
	s.i++
	if aot {
		s.i++
	}
	names, offs := s.key()
	s.tableDepth = len(names)
	if len(names) > MaxDepth {
		s.tooDeep(offs[MaxDepth])
	}
	path := ""
	for j, name := range names {
		path = TOMLPath(path, name)
		s.mark(path, offs[j], offs[j])
		if n, ok := s.tables[path]; ok && j < len(names)-1 {
			path = TOMLPath(path, strconv.Itoa(n-1))
		}
	}
	if aot && len(names) > 0 {
		n := s.tables[path]
		s.tables[path] = n + 1
		path = TOMLPath(path, strconv.Itoa(n))
		s.mark(path, start, start)
	}
	return path
}

// keyValue reads key = value, the key perhaps dotted, inside the table at
// path table.
func (s *tomlScanner) keyValue(table string, depth int) {
	names, offs := s.key()
	if len(names) == 0 {
		return
	}
	path := table
	for j, name := range names {
		if s.tableDepth+depth+j >= MaxDepth {
			s.tooDeep(offs[j])
			s.i = len(s.src)
			return
		}
		path = TOMLPath(path, name)
		if j < len(names)-1 {
			s.mark(path, offs[j], offs[j]) // a table the dotted key defines
		} else {
			s.mark(path, offs[j], -1)
		}
	}
	s.space(false)
	if !s.eat('=') {
		return
	}
	s.space(false)
	s.value(path, depth)
}

// key reads a key, bare, quoted or dotted, and returns its names and the
// offset of each.
func (s *tomlScanner) key() (names []string, offs []int) {
	for {
		s.space(false)
		off := s.i
		var name string
		switch {
		case s.i >= len(s.src):
			return names, offs
		case s.src[s.i] == '"':
			raw := s.quoted('"')
			// TOML's escapes are Go's, but for \e and \x (TOML 1.1); a key
			// using those keeps its raw text and takes its table's position.
			name = raw
			if u, err := strconv.Unquote(`"` + raw + `"`); err == nil {
				name = u
			}
		case s.src[s.i] == '\'':
			name = s.quoted('\'')
		default:
			for s.i < len(s.src) && isBareKeyByte(s.src[s.i]) {
				s.i++
			}
			if s.i == off {
				return names, offs
			}
			name = s.src[off:s.i]
		}
		names, offs = append(names, name), append(offs, off)
		s.space(false)
		if !s.eat('.') {
			return names, offs
		}
	}
}

func isBareKeyByte(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_' || c == '-'
}

// value reads the value at s.i, recording where it and everything inside
// it are written.
func (s *tomlScanner) value(path string, depth int) {
	s.mark(path, -1, s.i)
	if s.tableDepth+depth >= MaxDepth { // the root table is one level
		s.tooDeep(s.i)
		s.i = len(s.src)
		return
	}
	switch rest := s.src[s.i:]; {
	case rest == "":
	case strings.HasPrefix(rest, `"""`), strings.HasPrefix(rest, "'''"):
		s.multiline(rest[0])
	case rest[0] == '"' || rest[0] == '\'':
		s.quoted(rest[0])
	case rest[0] == '[':
		s.i++
		for k := 0; ; k++ {
			s.space(true)
			if s.i >= len(s.src) || s.eat(']') {
				return
			}
			s.arrays[path] = k + 1
			s.value(TOMLPath(path, strconv.Itoa(k)), depth+1)
			s.space(true)
			if !s.eat(',') {
				s.space(true)
				s.eat(']')
				return
			}
		}
	case rest[0] == '{':
		s.i++
		for {
			s.space(true)
			if s.i >= len(s.src) || s.eat('}') {
				return
			}
			s.keyValue(path, depth+1)
			s.space(true)
			if !s.eat(',') {
				s.space(true)
				s.eat('}')
				return
			}
		}
	default: // a number, date or boolean: up to what ends a value
		for s.i < len(s.src) && !strings.ContainsRune(",]}#\r\n", rune(s.src[s.i])) {
			s.i++
		}
	}
}

// quoted reads a one-line string opened by q at s.i and returns its text
// between the quotes, escapes undone only for '"'.
func (s *tomlScanner) quoted(q byte) string {
	s.i++
	start := s.i
	for s.i < len(s.src) {
		switch c := s.src[s.i]; {
		case c == q:
			s.i++
			return s.src[start : s.i-1]
		case c == '\n':
			return s.src[start:s.i]
		case c == '\\' && q == '"':
			s.i++
		}
		s.i++
	}
	s.i = len(s.src) // an escape may have stepped past the end
	return s.src[start:]
}

// multiline reads a string opened by three of q at s.i. Up to two more
// quotes may end it: """a "quote"""" is the text a "quote".
func (s *tomlScanner) multiline(q byte) {
	s.i += 3
	for s.i < len(s.src) {
		c := s.src[s.i]
		if c == '\\' && q == '"' {
			s.i += 2
			continue
		}
		if c == q && strings.HasPrefix(s.src[s.i:], strings.Repeat(string(q), 3)) {
			s.i += 3
			for k := 0; k < 2 && s.i < len(s.src) && s.src[s.i] == q; k++ {
				s.i++
			}
			return
		}
		s.i++
	}
	s.i = len(s.src)
}

// space skips blanks, and with newlines also line ends and comments.
func (s *tomlScanner) space(newlines bool) {
	for s.i < len(s.src) {
		switch s.src[s.i] {
		case ' ', '\t':
		case '\r', '\n':
			if !newlines {
				return
			}
		case '#':
			if !newlines {
				return
			}
			s.skipLine()
			continue
		default:
			return
		}
		s.i++
	}
}

// skipLine moves past the end of the current line.
func (s *tomlScanner) skipLine() {
	if j := strings.IndexByte(s.src[s.i:], '\n'); j >= 0 {
		s.i += j + 1
	} else {
		s.i = len(s.src)
	}
}

func (s *tomlScanner) eat(c byte) bool {
	if s.i < len(s.src) && s.src[s.i] == c {
		s.i++
		return true
	}
	return false
}
