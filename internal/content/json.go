package content

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"

	"briefing/internal/model"
	"briefing/internal/source"
)

// errUnclosed reports front matter that runs to the end of the file.
var errUnclosed = errors.New("front matter is never closed")

// decodeJSON reads the JSON object that starts at data[start], a "{" alone
// on its line, to its matching "}", wherever that is: the object may span
// many lines, indent its inner braces and hold "}" in its strings. It
// returns the object with the position of every key and value, and the
// offset at which the body starts, the line after the closing brace.
// On errUnclosed the caller reports the missing end; other problems are
// reported here, and the returned node is nil.
func decodeJSON(lt *source.File, data []byte, start int, diags *model.Diagnostics) (*node, int, error) {
	// First find the end, checking the syntax: Decode reports a syntax
	// error at its byte, where Token reports it after the last token.
	dec := json.NewDecoder(bytes.NewReader(data[start:]))
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		var se *json.SyntaxError
		switch {
		case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
			return nil, 0, errUnclosed
		case errors.As(err, &se):
			// Offset counts the offending byte; point at it.
			diags.Errorf(lt.Pos(start+max(int(se.Offset)-1, 0)), "invalid JSON front matter: %v", err)
		default:
			diags.Errorf(lt.Pos(start), "invalid JSON front matter: %v", err)
		}
		return nil, 0, err
	}
	end := start + int(dec.InputOffset())
	rest, body := data[end:], len(data)
	if i := bytes.IndexByte(rest, '\n'); i >= 0 {
		rest, body = rest[:i], end+i+1
	}
	if trimmed := bytes.TrimLeft(rest, " \t\r"); len(trimmed) > 0 {
		diags.Add(model.Diagnostic{Pos: lt.Pos(end + len(rest) - len(trimmed)), Severity: model.Error,
			Message: "text after the closing brace of the JSON front matter",
			Hint:    "end the front matter with a line holding only \"}\" and start the text on the next line"})
		return nil, 0, errors.New("text after front matter")
	}

	r := &jsonReader{dec: json.NewDecoder(bytes.NewReader(data[start:end])), data: data[:end], start: start, lt: lt, diags: diags}
	r.dec.UseNumber()
	root, err := r.value(0)
	if err != nil {
		diags.Errorf(lt.Pos(r.at), "invalid JSON front matter: %v", err)
		return nil, 0, err
	}
	return root, body, nil
}

// jsonReader builds nodes from the tokens of a json.Decoder; the decoder
// checks the syntax, and its InputOffset gives each token's place.
type jsonReader struct {
	dec   *json.Decoder
	data  []byte
	start int // offset of the decoder's input in data
	at    int // offset of the token being read
	lt    *source.File
	diags *model.Diagnostics
}

// next returns the offset in data of the next token: the decoder stands
// just after the last one, before any white space and the "," or ":"
// that separates the two.
func (r *jsonReader) next() int {
	off := r.start + int(r.dec.InputOffset())
	sep := false
	for off < len(r.data) {
		switch c := r.data[off]; {
		case c == ' ' || c == '\t' || c == '\r' || c == '\n':
		case (c == ',' || c == ':') && !sep:
			sep = true
		default:
			return off
		}
		off++
	}
	return off
}

func (r *jsonReader) token() (json.Token, model.Pos, error) {
	r.at = r.next()
	tok, err := r.dec.Token()
	return tok, r.lt.Pos(r.at), err
}

func (r *jsonReader) value(depth int) (*node, error) {
	tok, pos, err := r.token()
	if err != nil {
		return nil, err
	}
	if depth > maxDepth {
		return nil, fmt.Errorf("values nested more than %d deep", maxDepth)
	}
	n := &node{kind: scalar, pos: pos}
	switch t := tok.(type) {
	case json.Delim:
		if t == '[' {
			n.kind = list
			for r.dec.More() {
				it, err := r.value(depth + 1)
				if err != nil {
					return nil, err
				}
				n.items = append(n.items, it)
			}
		} else {
			n.kind = mapping
			seen := map[string]*node{}
			for r.dec.More() {
				k, kpos, err := r.token()
				if err != nil {
					return nil, err
				}
				key, _ := k.(string) // the decoder allows nothing else here
				v, err := r.value(depth + 1)
				if err != nil {
					return nil, err
				}
				if first := seen[key]; first != nil {
					r.diags.Errorf(kpos, "key %q is repeated (first at line %d); the first value is used", key, first.pos.Line)
					continue
				}
				kn := &node{kind: scalar, tag: "str", str: key, pos: kpos}
				seen[key] = kn
				n.keys = append(n.keys, kn)
				n.vals = append(n.vals, v)
			}
		}
		if _, err := r.dec.Token(); err != nil { // the closing "]" or "}"
			return nil, err
		}
	case string:
		n.tag, n.str = "str", t
	case json.Number:
		if _, err := strconv.ParseInt(string(t), 10, 64); err == nil {
			n.tag, n.str = "int", string(t)
		} else {
			f, _ := t.Float64()
			n.tag, n.str = "float", strconv.FormatFloat(f, 'g', -1, 64)
		}
	case bool:
		n.tag, n.str = "bool", strconv.FormatBool(t)
	case nil:
		n.tag = "null"
	}
	return n, nil
}
