package analysis

import (
	"strings"
	"unicode/utf8"

	"github.com/neurosnap/sentences"
)

// typeStep is sentences.TypeBasedAnnotation, the first step, without its
// allocations: it marks a token that ends a sentence by its punctuation
// as a break, and one that ends in a full stop as an abbreviation if the
// model knows it, else as a break. It looks only at the tokens that hold
// '.', '?' or '!' or end in '。', the only ones it can mark.
type typeStep struct {
	model *sentences.Storage
	words punktTypes
}

func (a typeStep) Annotate(tokens []*sentences.Token) []*sentences.Token {
	for _, t := range tokens {
		if !hasEndPunct(t) {
			continue
		}
		switch {
		case a.words.HasSentEndChars(t):
			t.SentBreak = true
		case a.words.HasPeriodFinal(t) && !strings.HasSuffix(t.Tok, ".."):
			// As the original, which drops as many bytes as the token
			// has runes, less one, and looks up the part after the last
			// hyphen too.
			noPeriod := strings.ToLower(t.Tok[:utf8.RuneCountInString(t.Tok)-1])
			lastPart := noPeriod[strings.LastIndexByte(noPeriod, '-')+1:]
			if a.model.IsAbbr(noPeriod, lastPart) {
				t.Abbr = true
			} else {
				t.SentBreak = true
			}
		}
	}
	return tokens
}

// multiPunctStep is english.MultiPunctWordAnnotation, the last step,
// without its regular expression: it finds abbreviations written with
// several full stops ("F.B.I.") and decides, as for other abbreviations,
// whether the next word starts a sentence all the same. It looks only
// at the pairs whose first token is a break or holds '.', '?' or '!' (see
// newPunkt); as the original, not at the last token, which has no next.
type multiPunctStep struct {
	model *sentences.Storage
	words punktTypes
	ortho sentences.Ortho
}

func (a multiPunctStep) Annotate(tokens []*sentences.Token) []*sentences.Token {
	for i := 0; i+1 < len(tokens); i++ {
		if t := tokens[i]; t.SentBreak || hasEndPunct(t) {
			a.annotate(t, tokens[i+1])
		}
	}
	return tokens
}

// annotate is MultiPunctWordAnnotation.tokenAnnotation.
func (a multiPunctStep) annotate(one, two *sentences.Token) {
	if a.words.IsListNumber(one) || a.words.IsCoordinatePartOne(one) {
		one.SentBreak = false
		return
	}
	if strings.HasSuffix(one.Tok, ".") && two.Tok == "." {
		one.SentBreak = false
		return
	}
	unreliable, coordinate := a.words.HasUnreliableEndChars(one), a.words.IsCoordinatePartTwo(one)
	if !hasDottedAbbr(one.Tok) && one.Tok != "." && !unreliable && !coordinate {
		return
	}
	if a.words.IsInitial(one) {
		return
	}
	one.Abbr = true
	one.SentBreak = false
	if a.ortho.Heuristic(two) == 1 {
		one.SentBreak = true
		return
	}
	if a.words.FirstUpper(two) && (a.model.SentStarters[a.words.TypeNoSentPeriod(two)] != 0 || unreliable || one.Tok == "." || coordinate) {
		one.SentBreak = true
	}
}

// hasDottedAbbr reports whether s holds a match of ((?:[\w]\.)+[\w]*\.):
// a word character and a full stop, then word characters and a full
// stop. The first "\w\." may be followed by more, but each of those is
// itself "\w*\." so a match exists if one with none does. \w is ASCII,
// which no byte of a multi-byte rune is, so bytes can be compared.
func hasDottedAbbr(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		if !isWordByte(s[i]) || s[i+1] != '.' {
			continue
		}
		j := i + 2
		for j < len(s) && isWordByte(s[j]) {
			j++
		}
		if j < len(s) && s[j] == '.' {
			return true
		}
	}
	return false
}

// isWordByte reports whether c is in \w: [0-9A-Za-z_].
func isWordByte(c byte) bool { return isDigit(c) || isASCIILetter(c) || c == '_' }
