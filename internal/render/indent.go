package render

import (
	"bytes"
	"encoding/json"
)

// marshalIndent is json.MarshalIndent(v, "", "  "), quicker: briefing.json
// of a large briefing is tens of megabytes, and encoding/json's Indent
// reads it through its general scanner, which cost as much as encoding it.
// The compact encoding Marshal makes has no white space outside its
// strings, so putting in the indents needs to know only where strings are.
func marshalIndent(v any) ([]byte, error) {
	src, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return indentJSON(make([]byte, 0, len(src)+len(src)/2), src), nil
}

// indentJSON appends src, JSON as json.Marshal writes it, to dst indented
// as json.Indent(dst, src, "", "  ") indents it: an empty object or array
// stays "{}" or "[]".
func indentJSON(dst, src []byte) []byte {
	depth := 0
	open := false // the last byte opened an object or array
	newline := func() {
		dst = append(dst, '\n')
		for range depth {
			dst = append(dst, "  "...)
		}
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		if open && c != '}' && c != ']' {
			open = false
			depth++
			newline()
		}
		switch c {
		case '"':
			end := stringEnd(src, i)
			dst = append(dst, src[i:end]...)
			i = end - 1
		case '{', '[':
			open = true
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			newline()
		case ':':
			dst = append(dst, c, ' ')
		case '}', ']':
			if open {
				open = false
			} else {
				depth--
				newline()
			}
			dst = append(dst, c)
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// stringEnd returns the index just past the JSON string starting at
// src[i], a quote.
func stringEnd(src []byte, i int) int {
	for j := i + 1; j < len(src); {
		q := bytes.IndexByte(src[j:], '"')
		if q < 0 {
			return len(src)
		}
		b := bytes.IndexByte(src[j:j+q], '\\')
		if b < 0 {
			return j + q + 1
		}
		j += b + 2 // a backslash and the byte it escapes
	}
	return len(src)
}
