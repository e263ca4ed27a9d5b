package analysis

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// nameClass is what the name finder needs to know of a word as written,
// so that it looks each word up once: in a table of the sets the finder
// consults, or, during tokenizing, in a slice by the word's id.
type nameClass uint16

const (
	ncName        nameClass = 1 << iota // isNameWord
	ncOrgHead                           // in orgHeads as written
	ncConnector                         // in nameConnectors as written
	ncStop                              // lower-cased, in stopWords
	ncConnectorLC                       // lower-cased, in nameConnectors
	ncIndefinite                        // lower-cased, in indefinites
	ncTitle                             // lower-cased, in titles
	ncPlaceBefore                       // lower-cased, in placeBefore
	ncPlaceNoun                         // lower-cased, in placeNouns
	ncMedium                            // lower-cased, in mediumBefore
	ncThe                               // "the" in any case
	ncOf                                // "of" in any case
	ncCapitalised                       // isCapitalised
	ncPossessive                        // possessiveWord
	ncCalendar                          // lower-cased, in calendarWords
	ncKnown                             // set on every class, so that 0 means not yet known
)

// nameClasses maps the lower-cased words of the finder's sets to their
// classes; ncOrgHead and ncConnector stand for the lower-cased word here.
var nameClasses = func() map[string]nameClass {
	m := map[string]nameClass{"the": ncThe, "of": ncOf}
	for _, set := range []struct {
		words map[string]bool
		c     nameClass
	}{
		{stopWords, ncStop}, {nameConnectors, ncConnectorLC | ncConnector}, {indefinites, ncIndefinite},
		{titles, ncTitle}, {placeBefore, ncPlaceBefore}, {placeNouns, ncPlaceNoun},
		{mediumBefore, ncMedium}, {calendarWords, ncCalendar}, {orgHeads, ncOrgHead},
	} {
		for w := range set.words {
			m[w] |= set.c
		}
	}
	return m
}()

// classOf returns the class of word w.
func classOf(w string) nameClass {
	c := ncKnown
	var buf [32]byte
	if len(w) <= len(buf) {
		b, lower := buf[:len(w)], true
		for i := 0; i < len(w); i++ {
			ch := w[i]
			if 'A' <= ch && ch <= 'Z' {
				ch += 'a' - 'A'
				lower = false
			}
			b[i] = ch
		}
		c |= nameClasses[string(b)]
		if !lower { // the sets' words are in lower case
			c &^= ncOrgHead | ncConnector
		}
	}
	if isCapitalised(w) {
		c |= ncCapitalised
		if c&ncCalendar == 0 && hyphenPartsUpper(w) {
			c |= ncName
		}
	}
	if possessiveWord(w) {
		c |= ncPossessive
	}
	return c
}

// isNameWord reports whether w can be part of a name: capitalised, not a
// day or month, and if hyphenated, capitalised or numbered in every part
// ("Mi-8", but not "Ukraine-aligned").
func isNameWord(w string) bool {
	return isCapitalised(w) && !lowerIn(calendarWords, w) && hyphenPartsUpper(w)
}

// hyphenPartsUpper reports whether every part of w after a hyphen starts
// with a capital or a digit.
func hyphenPartsUpper(w string) bool {
	for i := strings.IndexByte(w, '-'); i >= 0; i = strings.IndexByte(w, '-') {
		w = w[i+1:]
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

func possessiveWord(w string) bool { return strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "'s") }
