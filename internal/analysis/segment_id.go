package analysis

import (
	"crypto/sha1"
	"encoding/binary"
	"encoding/hex"
	"slices"
	"strconv"
	"unicode"
	"unicode/utf8"
)

// sentenceHash returns the first four bytes of the SHA-1 hash of s with
// white space normalised as model.CollapseSpace does, the part of it a
// sentence ID shows, collapsing s into buf, which it returns for reuse.
func sentenceHash(s string, buf []byte) (uint32, []byte) {
	buf = appendCollapsed(buf[:0], s)
	h := sha1.Sum(buf)
	return binary.BigEndian.Uint32(h[:4]), buf
}

// appendSentenceID appends to dst the ID of the n-th sentence of a text
// (from 1) whose key is key: "s-" and the key in hex, then "-n" unless
// n is 1.
func appendSentenceID(dst []byte, key uint32, n int) []byte {
	var b [4]byte
	binary.BigEndian.PutUint32(b[:], key)
	dst = hex.AppendEncode(append(dst, "s-"...), b[:])
	if n > 1 {
		dst = strconv.AppendInt(append(dst, '-'), int64(n), 10)
	}
	return dst
}

// numberRepeats appends to n, for each key, how many of the keys up to it
// are equal to it, counting it. table is a hash table of key and count
// it clears and returns for reuse: the keys are parts of hashes, so
// their low bits place them well enough.
func numberRepeats(keys []uint32, n []int, table []uint64) ([]int, []uint64) {
	size := 1
	for size < 2*len(keys) {
		size *= 2
	}
	table = slices.Grow(table[:0], size)[:size]
	clear(table)
	mask := uint32(size - 1)
	for _, k := range keys {
		for j := k & mask; ; j = (j + 1) & mask {
			e := table[j]
			if e == 0 || uint32(e>>32) == k { // free, or the key's: count it
				e = uint64(k)<<32 | (e&0xffffffff + 1)
				table[j] = e
				n = append(n, int(uint32(e)))
				break
			}
		}
	}
	return n, table
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
		if i+8 <= len(s) {
			// Eight bytes at once while they are printable ASCII or
			// spaces: no space may follow another.
			if x := load64(s, i); x&asciiHigh == 0 && inRange(x, 0, ' '-1) == 0 {
				sp := inRange(x, ' ', ' ')
				if sp&(sp<<8) != 0 || space && sp&0x80 != 0 {
					return false
				}
				space = sp>>63 != 0
				i += 8
				continue
			}
		}
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
