package analysis

import (
	"bytes"
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

// annotate annotates tokens, with key as a buffer for the words it looks
// up, which it returns for reuse.
func (a typeStep) annotate(tokens []*sentences.Token, key []byte) []byte {
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
			key = appendToLower(key[:0], t.Tok[:utf8.RuneCountInString(t.Tok)-1])
			lastPart := key[bytes.LastIndexByte(key, '-')+1:]
			if a.model.AbbrevTypes[string(key)] != 0 || a.model.AbbrevTypes[string(lastPart)] != 0 {
				t.Abbr = true
			} else {
				t.SentBreak = true
			}
		}
	}
	return key
}

// tokenStep is sentences.TokenBasedAnnotation, the second step, without
// its allocations: it decides, by the word after it, whether a token
// that ends in a full stop is an abbreviation, an initial or an ordinal
// rather than the end of a sentence, or ends one all the same. It looks
// only at the tokens that end in a full stop, the only ones the original
// changes, and not at the last, which has no word after it.
type tokenStep struct {
	model *sentences.Storage
	words punktTypes
}

// annotate annotates tokens, with key as a buffer for the words it looks
// up, which it returns for reuse.
func (a tokenStep) annotate(tokens []*sentences.Token, key []byte) []byte {
	for i := 0; i+1 < len(tokens); i++ {
		if one := tokens[i]; hasFullStop(one) {
			key = a.pair(one, tokens[i+1], key[:0])
		}
	}
	return key
}

// pair is TokenBasedAnnotation.tokenAnnotation, with the types of the
// two tokens appended to key.
func (a tokenStep) pair(one, two *sentences.Token, key []byte) []byte {
	key = appendType(key, one, false)
	if n := len(key); n > 1 && key[n-1] == '.' { // TypeNoPeriod
		key = key[:n-1]
	}
	split := len(key)
	key = appendType(append(key, ','), two, true)
	typ, nextTyp := key[:split], key[split+1:]
	initial := a.words.IsInitial(one)
	if a.model.Collocations[string(key)] != 0 {
		one.SentBreak, one.Abbr = false, true
		return key
	}
	if (one.Abbr || a.words.IsEllipsis(one)) && !initial {
		if orthoHeuristic(a.model, a.words, two, nextTyp) == 1 {
			one.SentBreak = true
			return key
		}
		if a.words.FirstUpper(two) && a.model.SentStarters[string(nextTyp)] != 0 {
			one.SentBreak = true
			return key
		}
	}
	if one.Tok == "." && two.Tok == "." {
		one.SentBreak, two.SentBreak = false, false
		return key
	}
	if initial || string(typ) == "##number##" {
		starter := orthoHeuristic(a.model, a.words, two, nextTyp)
		if starter == 0 {
			one.SentBreak, one.Abbr = false, true
			return key
		}
		if starter == -1 && initial && a.words.FirstUpper(two) && a.model.OrthoContext[string(nextTyp)]&orthoLc == 0 {
			one.SentBreak, one.Abbr = false, true
		}
	}
	return key
}

// The orthographic contexts of sentences.OrthoContext: where in a
// sentence the model saw a word, and in which case.
const (
	orthoBegUc = 1 << (iota + 1)
	orthoMidUc
	orthoUnkUc
	orthoBegLc
	orthoMidLc
	orthoUnkLc
	orthoUc = orthoBegUc + orthoMidUc + orthoUnkUc
	orthoLc = orthoBegLc + orthoMidLc + orthoUnkLc
)

// orthoHeuristic is sentences.OrthoContext.Heuristic for t, whose
// TypeNoSentPeriod is typ: 1 if t starts a sentence by its case, 0 if it
// does not, -1 if its case does not tell.
func orthoHeuristic(model *sentences.Storage, words punktTypes, t *sentences.Token, typ []byte) int {
	switch t.Tok {
	case ";", ":", ",", ".", "!", "?", "；", "：", "，", "。", "！", "？": // PunctStrings.Punctuation
		return 0
	}
	ctx := model.OrthoContext[string(typ)]
	if words.FirstUpper(t) && ctx&orthoLc > 0 && ctx&orthoMidUc == 0 {
		return 1
	}
	if words.FirstLower(t) && (ctx&orthoUc > 0 || ctx&orthoBegLc == 0) {
		return 0
	}
	return -1
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
}

// annotate annotates tokens, with key as a buffer for the words it looks
// up, which it returns for reuse.
func (a multiPunctStep) annotate(tokens []*sentences.Token, key []byte) []byte {
	for i := 0; i+1 < len(tokens); i++ {
		if t := tokens[i]; t.SentBreak || hasEndPunct(t) {
			key = a.pair(t, tokens[i+1], key[:0])
		}
	}
	return key
}

// pair is MultiPunctWordAnnotation.tokenAnnotation, with the type of two
// appended to key.
func (a multiPunctStep) pair(one, two *sentences.Token, key []byte) []byte {
	if a.words.IsListNumber(one) || a.words.IsCoordinatePartOne(one) {
		one.SentBreak = false
		return key
	}
	if strings.HasSuffix(one.Tok, ".") && two.Tok == "." {
		one.SentBreak = false
		return key
	}
	unreliable, coordinate := a.words.HasUnreliableEndChars(one), a.words.IsCoordinatePartTwo(one)
	if !hasDottedAbbr(one.Tok) && one.Tok != "." && !unreliable && !coordinate {
		return key
	}
	if a.words.IsInitial(one) {
		return key
	}
	one.Abbr = true
	one.SentBreak = false
	key = appendType(key, two, true)
	if orthoHeuristic(a.model, a.words, two, key) == 1 {
		one.SentBreak = true
		return key
	}
	if a.words.FirstUpper(two) && (a.model.SentStarters[string(key)] != 0 || unreliable || one.Tok == "." || coordinate) {
		one.SentBreak = true
	}
	return key
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
