package analysis

import (
	"regexp"
	"strings"
	"testing"

	"github.com/neurosnap/sentences"
	"github.com/neurosnap/sentences/english"
)

// punktWordSamples are words that exercise punktTypes: numbers in every
// form the number pattern knows, initials, list numbers, coordinates,
// ellipses, and case and white space outside ASCII.
var punktWordSamples = []string{
	"", ".", "..", "...", "a", "A.", "a.", "ab.", "Z.", "1.", "12.", "1)", "1.)", "12a)", "1\n)", "1\n", "a1.",
	"-5", "--5", "-.5", ".5", ",5", "-,5.", "5,000,000.", "3.5%", "1026.253.553.", "1.2.3.", "..1.", "N°.", "n°.",
	"x-1", "a-.5", "-", "-.", "5-", "e.g.", "U.S.", "U.S.A.", "İstanbul.", "ǅemal.", "Élan.", "été.", "日本。",
	"\xff.", "\xff1.", "1\xff", "1\xff)", "Straße.", "ΣΑΣ.", "1,", ",", ",,", "a,b.", "1,2", "’Twas.", "“Hi.”",
	"Words.[1]", "Quoted.\"", "Over.”", "Done.)", "why?!", "no!", "Inc.", "##number##", "1’)", "12’",
	"a..", "_.x.", "a.b", "a.-.", "é.a.", "a.é.", "Hi?)", "Hi.’", "Hi!”", "x.[y", "x?(y", "x!(", "x.'y", "”", "?", "!", ".”", "a”",
}

// TestPunktTypesMatchEnglish holds punktTypes to english.WordTokenizer
// on every word of punktTexts and on punktWordSamples, for a token that
// is a sentence break and for one that is not.
func TestPunktTypesMatchEnglish(t *testing.T) {
	stock := english.NewWordTokenizer(sentences.NewPunctStrings())
	words := append([]string(nil), punktWordSamples...)
	for _, text := range punktTexts(t) {
		for _, tok := range stock.Tokenize(text, false) {
			words = append(words, tok.Tok)
		}
	}
	for _, w := range words {
		checkPunktTypes(t, stock, w)
	}
}

func FuzzPunktTypes(f *testing.F) {
	for _, w := range punktWordSamples {
		f.Add(w)
	}
	stock := english.NewWordTokenizer(sentences.NewPunctStrings())
	f.Fuzz(func(t *testing.T, w string) {
		checkPunktTypes(t, stock, w)
	})
}

// dottedAbbr is the abbreviation pattern of
// english.MultiPunctWordAnnotation.
var dottedAbbr = regexp.MustCompile(`((?:[\w]\.)+[\w]*\.)`)

// checkPunktTypes compares what punktTypes and stock answer about w.
func checkPunktTypes(t *testing.T, stock *english.WordTokenizer, w string) {
	t.Helper()
	fast := punktTypes{stock}
	for _, brk := range []bool{false, true} {
		tok := sentences.NewToken(w)
		tok.SentBreak = brk
		for _, q := range []struct {
			name      string
			got, want any
		}{
			{"Type", fast.Type(tok), stock.Type(tok)},
			{"TypeNoPeriod", fast.TypeNoPeriod(tok), stock.TypeNoPeriod(tok)},
			{"TypeNoSentPeriod", fast.TypeNoSentPeriod(tok), stock.TypeNoSentPeriod(tok)},
			{"appendToLower", string(appendToLower([]byte("X"), w)), "X" + strings.ToLower(w)},
			{"appendType", string(appendType([]byte("x"), tok, false)), "x" + stock.Type(tok)},
			{"appendType sent", string(appendType([]byte("x"), tok, true)), "x" + stock.TypeNoSentPeriod(tok)},
			{"FirstUpper", fast.FirstUpper(tok), stock.FirstUpper(tok)},
			{"FirstLower", fast.FirstLower(tok), stock.FirstLower(tok)},
			{"IsEllipsis", fast.IsEllipsis(tok), stock.IsEllipsis(tok)},
			{"IsInitial", fast.IsInitial(tok), stock.IsInitial(tok)},
			{"IsListNumber", fast.IsListNumber(tok), stock.IsListNumber(tok)},
			{"IsCoordinatePartTwo", fast.IsCoordinatePartTwo(tok), stock.IsCoordinatePartTwo(tok)},
			{"HasSentEndChars", fast.HasSentEndChars(tok), stock.HasSentEndChars(tok)},
			{"HasUnreliableEndChars", fast.HasUnreliableEndChars(tok), stock.HasUnreliableEndChars(tok)},
			{"hasDottedAbbr", hasDottedAbbr(w), dottedAbbr.MatchString(w)},
			{"hasSentencePunct", hasSentencePunct(w), stock.HasSentencePunct(w)},
			{"trimSpace", trimSpace(" \t" + w + "\u00a0 "), strings.TrimSpace(" \t" + w + "\u00a0 ")},
		} {
			if q.got != q.want {
				t.Errorf("%s(%q), break %t = %v, want %v", q.name, w, brk, q.got, q.want)
			}
		}
	}
}
