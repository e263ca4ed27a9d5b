package model

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// CollapseSpace returns s with its white space collapsed as
// strings.Join(strings.Fields(s), " ") does: each run of white space one
// space, none at either end. Most sentences are that already; for them it
// returns s itself and allocates nothing.
func CollapseSpace(s string) string {
	if collapsed(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// collapsed reports whether s has no white space but single ASCII spaces
// between other characters.
func collapsed(s string) bool {
	prevSpace := true // so that a leading space fails
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch c {
			case ' ':
				if prevSpace {
					return false
				}
				prevSpace = true
			case '\t', '\n', '\v', '\f', '\r':
				return false
			default:
				prevSpace = false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return false
		}
		prevSpace = false
		i += size
	}
	return !prevSpace || s == ""
}
