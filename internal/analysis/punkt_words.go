package analysis

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/neurosnap/sentences"
)

// words returns the tokens of text that Punkt's annotation steps look at,
// cut and placed as DefaultWordTokenizer.Tokenize(text, false) cuts and
// places them, in their order: each word that holds sentence punctuation
// ('.', '!', '?', '。', '！', '？') and the word after it. No step looks
// at another word, nor changes one (see newPunkt), so the steps decide the
// same breaks on these as on all the words, without a token for every
// word. As that tokenizer does, a text without words is one token. The
// tokens are held in buf, which they replace.
//
// The loop is that tokenizer's, quirks included: a word ends at white
// space, after a CJK punctuation mark, or at the text's last byte (so a
// text that ends in another multi-byte rune loses its last word, and a
// CJK mark one byte before the end takes that byte into its word).
func (p *punkt) words(text string, buf *tokenBuf) []*sentences.Token {
	n := len(text)
	if n == 0 {
		return nil
	}
	toks := buf.toks[:0]
	last := 0
	mark := -1 // where the last sentence punctuation seen starts
	seen, after := false, false
	for i := 0; i < n; {
		if !after && mark < last {
			// Neither the word before nor this one so far holds
			// punctuation: skip the ASCII words up to the next that
			// may, which make no token. Of them the loop below would
			// only note that there was a word, and place last in the
			// white space before the next; any place there will do.
			var space int
			if i, space = skipPlain(text, i); space >= 0 {
				seen = seen || trimSpace(text[last:space]) != ""
				last = space
			}
		}
		// Most bytes are ASCII letters, digits and punctuation, within a
		// word: skip them at once.
		i, mark = skipPrintable(text, i, mark)
		at := i
		char, size := rune(text[i]), 1
		space, cjk := isASCIISpace(text[i]), false
		if char >= utf8.RuneSelf {
			char, size = utf8.DecodeRuneInString(text[i:])
			space, cjk = unicode.IsSpace(char), sentences.IsCjkPunct(char)
			if cjk && char != '；' {
				mark = at
			}
		} else if isSentenceEnd(text[at]) {
			mark = at
		}
		i += size
		if !cjk && !space && at != n-1 {
			continue
		}
		end := at
		if cjk {
			end = i
		}
		cursor := end
		if end == n-1 {
			cursor = n
		}
		word := text[last:cursor]
		if word != "" && isASCIISpace(word[0]) {
			word = word[1:] // the space that ends the word before
		}
		if word == "" || word[0] >= utf8.RuneSelf || isASCIISpace(word[0]) || word[len(word)-1] >= utf8.RuneSelf || isASCIISpace(word[len(word)-1]) {
			word = trimSpace(word)
		}
		if word == "" {
			continue
		}
		seen = true
		// The word is text[last:cursor] less white space, so it holds
		// punctuation if the scan marked some there, or if the byte the
		// scan has not read yet (see above) is some.
		punct := mark >= last || cursor > i && hasSentencePunct(text[i:cursor])
		if punct || after {
			toks = append(toks, p.token(word, cursor))
		}
		last, after = cursor, punct
	}
	if !seen {
		toks = append(toks, p.token(text, n))
	}
	out := buf.ptrs[:0]
	for i := range toks {
		out = append(out, &toks[i])
	}
	buf.toks, buf.ptrs = toks, out
	return out
}

// skipPrintable returns the index of the first byte of text from i, and
// before its last byte, that is not printable ASCII (or the index of the
// last byte), and the index of the last '.', '!' or '?' before it, or mark
// if there is none. It reads eight bytes at a time while they are ASCII.
func skipPrintable(text string, i, mark int) (int, int) {
	end := len(text) - 1
	for i+8 <= end {
		x := load64(text, i)
		if x&asciiHigh != 0 {
			break
		}
		stop := inRange(x, 0, ' ')
		punct := inRange(x, '.', '.') | inRange(x, '!', '!') | inRange(x, '?', '?')
		if stop != 0 {
			punct &= 1<<bits.TrailingZeros64(stop) - 1 // the bytes before the stop
		}
		if punct != 0 {
			mark = i + (63-bits.LeadingZeros64(punct))/8
		}
		if stop != 0 {
			return i + bits.TrailingZeros64(stop)/8, mark
		}
		i += 8
	}
	for ; i < end && ' ' < text[i] && text[i] < utf8.RuneSelf; i++ {
		if isSentenceEnd(text[i]) {
			mark = i
		}
	}
	return i, mark
}

// skipPlain returns the index of the first byte of text from i, and
// before its last byte, that is not a space or printable ASCII other than
// '.', '!' and '?' (or the index of the last byte), and the index of the
// last space before it, or -1. It reads eight bytes at a time.
func skipPlain(text string, i int) (int, int) {
	from, end := i, len(text)-1
	for ; i+8 <= end; i += 8 {
		if stop := plainStops(load64(text, i)); stop != 0 {
			i += bits.TrailingZeros64(stop) / 8
			return i, lastSpace(text, from, i)
		}
	}
	for ; i < end && ' ' <= text[i] && text[i] < utf8.RuneSelf && !isSentenceEnd(text[i]); i++ {
	}
	return i, lastSpace(text, from, i)
}

// plainStops sets the high bit of each byte of x, eight bytes of text,
// that skipPlain stops at: a control character (such as a line feed), a
// byte outside ASCII, '.', '!' or '?'.
func plainStops(x uint64) uint64 {
	const ones = 0x0101010101010101
	y := x &^ asciiHigh // so that no byte carries into the next
	// y+0x60 has the bit set for a byte from ' ' on, (y^c)+0x7f for one
	// other than c.
	keep := (y + ones*0x60) & ((y ^ ones*'.') + ones*0x7f) & ((y ^ ones*'!') + ones*0x7f) & ((y ^ ones*'?') + ones*0x7f)
	return (x | ^keep) & asciiHigh
}

// isSentenceEnd reports whether c is '.', '!' or '?'.
func isSentenceEnd(c byte) bool { return c == '.' || c == '!' || c == '?' }

// lastSpace returns the index of the last space in text[from:to], or -1.
func lastSpace(text string, from, to int) int {
	if j := strings.LastIndexByte(text[from:to], ' '); j >= 0 {
		return from + j
	}
	return -1
}

// token returns a token as sentences.NewToken makes it.
func (p *punkt) token(word string, pos int) sentences.Token {
	t := p.blank
	t.Tok, t.Position = word, pos
	return t
}

// hasSentencePunct reports what DefaultPunctStrings.HasSentencePunct
// does: whether w holds '.', '!', '?', '。', '！' or '？'. A valid
// multi-byte rune is found byte for byte, as no rune's encoding starts
// inside another's.
func hasSentencePunct(w string) bool {
	for i := 0; i < len(w); i++ {
		switch w[i] {
		case '.', '!', '?':
			return true
		case 0xE3, 0xEF: // the first byte of 。, and of ！ and ？
			if r, _ := utf8.DecodeRuneInString(w[i:]); r == '。' || r == '！' || r == '？' {
				return true
			}
		}
	}
	return false
}

// trimSpace is strings.TrimSpace, with ASCII white space trimmed at once.
func trimSpace(s string) string {
	for s != "" && isASCIISpace(s[0]) {
		s = s[1:]
	}
	for s != "" && isASCIISpace(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	if s != "" && (s[0] >= utf8.RuneSelf || s[len(s)-1] >= utf8.RuneSelf) {
		return strings.TrimSpace(s)
	}
	return s
}
