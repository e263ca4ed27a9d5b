package render

import (
	"strings"
)

// The functions here write strings as html/template's escapers write them
// in the contexts the theme's pre-built fragments use them (see
// text.go), so that a fragment made in Go is byte for byte what the
// template made; TestEscapeMatchesTemplate holds them to it.

// escapeHTML writes s escaped for HTML text or a quoted attribute's value,
// as html/template escapes a string there.
func escapeHTML(b *strings.Builder, s string) { escape(b, s, true) }

// escapeText writes s escaped as html.EscapeString escapes it, without
// making a string of it.
func escapeText(b *strings.Builder, s string) { escape(b, s, false) }

// escape writes s with &, ', <, > and " replaced by entities, and, when
// asTemplate, NUL and + too, as html/template replaces them.
func escape(b *strings.Builder, s string, asTemplate bool) {
	written := 0
	for i := 0; i < len(s); i++ {
		if s[i] > '>' { // every byte replaced is below: letters go by in one test
			continue
		}
		var r string
		switch s[i] {
		case '"':
			r = "&#34;"
		case '&':
			r = "&amp;"
		case '\'':
			r = "&#39;"
		case '<':
			r = "&lt;"
		case '>':
			r = "&gt;"
		case 0:
			if !asTemplate {
				continue
			}
			r = "\uFFFD"
		case '+':
			if !asTemplate {
				continue
			}
			r = "&#43;"
		default:
			continue
		}
		b.WriteString(s[written:i])
		b.WriteString(r)
		written = i + 1
	}
	b.WriteString(s[written:])
}

// escapeURL writes s as html/template writes a string into a quoted URL
// attribute's value (in the path, where the theme's links print Root and
// Path): refused, as "#ZgotmplZ", when its scheme is not http, https or
// mailto; the bytes that may not stand in a URL percent-encoded; the rest
// escaped as escapeHTML does.
func escapeURL(b *strings.Builder, s string) {
	if scheme, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(scheme, "/") {
		if !strings.EqualFold(scheme, "http") && !strings.EqualFold(scheme, "https") && !strings.EqualFold(scheme, "mailto") {
			s = "#ZgotmplZ"
		}
	}
	const hex = "0123456789abcdef"
	var norm strings.Builder
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
			continue
		case strings.IndexByte("!#$&*+,/:;=?@[]-._~", c) >= 0:
			continue
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			continue // an escape already
		}
		norm.WriteString(s[written:i])
		norm.WriteByte('%')
		norm.WriteByte(hex[c>>4])
		norm.WriteByte(hex[c&15])
		written = i + 1
	}
	if written == 0 {
		escapeHTML(b, s)
		return
	}
	norm.WriteString(s[written:])
	escapeHTML(b, norm.String())
}

// isHex reports whether c is a hexadecimal digit.
func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
