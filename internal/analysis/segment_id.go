package analysis

import (
	"crypto/sha1"
	"encoding/hex"
	"unicode"
	"unicode/utf8"
)

// sentenceID hashes the sentence with white space normalised as
// model.CollapseSpace does, collapsing it into buf, which it returns for
// reuse.
func sentenceID(s string, buf []byte) (string, []byte) {
	buf = appendCollapsed(buf[:0], s)
	h := sha1.Sum(buf)
	var id [len("s-") + 2*4]byte
	copy(id[:], "s-")
	hex.Encode(id[len("s-"):], h[:4])
	return string(id[:]), buf
}

// appendCollapsed appends model.CollapseSpace(s) to dst: the words of s,
// as strings.Fields cuts them, joined by single spaces.
func appendCollapsed(dst []byte, s string) []byte {
	if isCollapsed(s) {
		return append(dst, s...)
	}
	start := len(dst)
	from := -1 // where the current word starts, or -1 between words
	for i := 0; i < len(s); {
		if c := s[i]; ' ' < c && c < utf8.RuneSelf {
			// Most bytes are printable ASCII, in a word: skip them at once.
			if from < 0 {
				from = i
			}
			for i++; i < len(s) && ' ' < s[i] && s[i] < utf8.RuneSelf; i++ {
			}
			continue
		}
		c, size := s[i], 1
		space := isASCIISpace(c)
		if c >= utf8.RuneSelf {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
		}
		switch {
		case space && from >= 0:
			dst = appendWord(dst, start, s[from:i])
			from = -1
		case !space && from < 0:
			from = i
		}
		i += size
	}
	if from >= 0 {
		dst = appendWord(dst, start, s[from:])
	}
	return dst
}

// isCollapsed reports whether s has no white space but single ASCII
// spaces between other characters, as model.CollapseSpace leaves it.
func isCollapsed(s string) bool {
	space := true // so that a leading space fails
	for i := 0; i < len(s); {
		c, size := s[i], 1
		switch {
		case ' ' < c && c < utf8.RuneSelf:
			space = false
		case c == ' ':
			if space {
				return false
			}
			space = true
		default:
			r := rune(c)
			if c >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(s[i:])
			}
			if isSpace(r) {
				return false
			}
			space = false
		}
		i += size
	}
	return !space || s == ""
}

// appendWord appends w to dst, after a space unless dst holds no word
// since start.
func appendWord(dst []byte, start int, w string) []byte {
	if len(dst) > start {
		dst = append(dst, ' ')
	}
	return append(dst, w...)
}

// isSpace is unicode.IsSpace, answered at once for ASCII.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIISpace(byte(r))
	}
	return unicode.IsSpace(r)
}

// isASCIISpace reports whether c is ASCII white space.
func isASCIISpace(c byte) bool { return c == ' ' || '\t' <= c && c <= '\r' }
