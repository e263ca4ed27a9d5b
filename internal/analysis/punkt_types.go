package analysis

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/neurosnap/sentences"
	"github.com/neurosnap/sentences/english"
)

// punktTypes answers what english.WordTokenizer answers about a token, as
// Punkt's annotation steps ask it, without the regular expressions it runs
// on every question: the word's type (lowered, a trailing number written
// "##number##"), whether it is an ellipsis, an initial, a list number or a
// coordinate, and the case of its first letter. Each method states the
// expression it stands for; TestPunktTypesMatchEnglish and
// FuzzPunktTypes hold them to the originals. What it does not redefine it
// takes from english.WordTokenizer.
type punktTypes struct {
	*english.WordTokenizer
}

// Type is strings.ToLower(t.Tok) with its number suffix, as
// -?[\.,]?\d[\d,\.-]*\.?$ finds it, replaced by "##number##", and with
// commas removed unless a single byte is left.
func (punktTypes) Type(t *sentences.Token) string {
	typ := strings.ToLower(t.Tok)
	if i := numberSuffix(typ); i >= 0 {
		typ = typ[:i] + "##number##"
	}
	if len(typ) == 1 {
		return typ
	}
	return strings.ReplaceAll(typ, ",", "")
}

// appendType appends to dst what TypeNoSentPeriod returns for t if
// sent, else what Type does, without making a string of it: the steps
// only look it up.
func appendType(dst []byte, t *sentences.Token, sent bool) []byte {
	start := len(dst)
	dst = appendToLower(dst, t.Tok)
	if i := numberSuffix(dst[start:]); i >= 0 {
		dst = append(dst[:start+i], "##number##"...)
	}
	if len(dst)-start > 1 {
		typ := dst[start:start]
		for _, c := range dst[start:] {
			if c != ',' {
				typ = append(typ, c)
			}
		}
		dst = dst[:start+len(typ)]
	}
	if n := len(dst) - start; sent && t.SentBreak && n > 1 && dst[len(dst)-1] == '.' {
		dst = dst[:len(dst)-1]
	}
	return dst
}

// appendToLower appends strings.ToLower(s) to dst without a string for
// it: each rune lowered, an invalid byte written as utf8.RuneError.
func appendToLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			for _, r := range s {
				dst = utf8.AppendRune(dst, unicode.ToLower(r))
			}
			return dst
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// numberSuffix returns where the leftmost match of -?[\.,]?\d[\d,\.-]*\.?$
// starts in s, or -1. Every byte the expression matches is one of
// "-.,0123456789", so the match lies in the longest suffix made of them,
// and starts where that suffix has a digit after at most a '-' and then
// a '.' or ','. The options are taken whenever they can be: a '-' or '.'
// is no digit, so skipping it cannot lead to one.
func numberSuffix[S ~string | ~[]byte](s S) int {
	from := len(s)
	for from > 0 && isNumberByte(s[from-1]) {
		from--
	}
	for i := from; i < len(s); i++ {
		j := i
		if s[j] == '-' {
			j++
		}
		if j < len(s) && (s[j] == '.' || s[j] == ',') {
			j++
		}
		if j < len(s) && isDigit(s[j]) {
			return i
		}
	}
	return -1
}

func isNumberByte(b byte) bool { return isDigit(b) || b == '-' || b == '.' || b == ',' }

// TypeNoPeriod is Type without a final '.', unless that is all there is.
func (w punktTypes) TypeNoPeriod(t *sentences.Token) string {
	typ := w.Type(t)
	if len(typ) > 1 && typ[len(typ)-1] == '.' {
		return typ[:len(typ)-1]
	}
	return typ
}

// TypeNoSentPeriod is TypeNoPeriod for a sentence break, Type otherwise.
func (w punktTypes) TypeNoSentPeriod(t *sentences.Token) string {
	if t.SentBreak {
		return w.TypeNoPeriod(t)
	}
	return w.Type(t)
}

// FirstUpper reports whether the first rune of t is upper case.
func (punktTypes) FirstUpper(t *sentences.Token) bool {
	r, _ := utf8.DecodeRuneInString(t.Tok)
	return t.Tok != "" && unicode.IsUpper(r)
}

// FirstLower reports whether the first rune of t is lower case.
func (punktTypes) FirstLower(t *sentences.Token) bool {
	r, _ := utf8.DecodeRuneInString(t.Tok)
	return t.Tok != "" && unicode.IsLower(r)
}

// IsEllipsis matches \.\.+$: t ends in two full stops.
func (punktTypes) IsEllipsis(t *sentences.Token) bool {
	return strings.HasSuffix(t.Tok, "..")
}

// IsInitial matches ^[A-Za-z]\.$.
func (punktTypes) IsInitial(t *sentences.Token) bool {
	s := t.Tok
	return len(s) == 2 && isASCIILetter(s[0]) && s[1] == '.'
}

func isASCIILetter(b byte) bool { return 'a' <= b|0x20 && b|0x20 <= 'z' }

// IsListNumber matches ^\d+.?\)?$: digits, then at most one rune other
// than a line feed, then at most a ')'. Giving back a digit to the '.'
// never helps: what follows the digits would still have to be empty or
// ")", which the digits alone already allow.
func (punktTypes) IsListNumber(t *sentences.Token) bool {
	s := t.Tok
	i := 0
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	if i == 0 {
		return false
	}
	rest := s[i:]
	if rest == "" {
		return true
	}
	r, size := utf8.DecodeRuneInString(rest)
	rest = rest[size:]
	return r != '\n' && (rest == "" || rest == ")")
}

// IsCoordinatePartTwo matches ^[0-9]*\.[0-9]*\.[0-9]*\.$: digits and
// exactly three full stops, the last at the end.
func (punktTypes) IsCoordinatePartTwo(t *sentences.Token) bool {
	s := t.Tok
	if !strings.HasSuffix(s, ".") {
		return false
	}
	stops := 0
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '.':
			stops++
		case !isDigit(s[i]):
			return false
		}
	}
	return stops == 3
}

// HasSentEndChars is english.WordTokenizer.HasSentEndChars: t ends in '?'
// or '!', or in '.', '?' or '!' and a closing quotation mark or
// bracket, or holds '.', '?' or '!' and an opening bracket, or `."` or
// `.'`.
func (w punktTypes) HasSentEndChars(t *sentences.Token) bool {
	s := t.Tok
	if strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") || w.HasUnreliableEndChars(t) {
		return true
	}
	for i := 0; i+1 < len(s); i++ {
		switch s[i] {
		case '.':
			if c := s[i+1]; c == '[' || c == '(' || c == '"' || c == '\'' {
				return true
			}
		case '?', '!':
			if c := s[i+1]; c == '[' || c == '(' {
				return true
			}
		}
	}
	return false
}

// HasUnreliableEndChars is english.WordTokenizer.HasUnreliableEndChars:
// t ends in '.', '?' or '!' and one of `"'”’)`.
func (punktTypes) HasUnreliableEndChars(t *sentences.Token) bool {
	s := t.Tok
	switch {
	case strings.HasSuffix(s, `"`), strings.HasSuffix(s, `'`), strings.HasSuffix(s, `)`):
		s = s[:len(s)-1]
	case strings.HasSuffix(s, `’`), strings.HasSuffix(s, `”`):
		s = s[:len(s)-len(`’`)]
	default:
		return false
	}
	return s != "" && isSentenceEnd(s[len(s)-1])
}
