package analysis

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"briefing/internal/model"
)

// Page furniture: the text a scraper takes along with an article that is
// not part of it. A paragraph is furniture when it is
//
//   - written mostly in capitals, as a shouting headline of another story
//     or "CLICK HERE TO READ MORE" is;
//   - a copyright line, starting with "©" or "Copyright";
//   - a label of at most four words with no final punctuation ("Video
//     Embed", "Related Content", an outlet's masthead).
//
// An article's own headline is longer than a label and is not in
// capitals, so it stays text; so does a photo caption, which ends with
// its credit in brackets. Pages set furniture apart from the article; it
// stays in the text, as scraped, and its sentences keep their anchors.

// markFurniture sets Furniture on the paragraphs of text that are page
// furniture.
func markFurniture(text string, paras []model.Paragraph, sents []model.Sentence) {
	for i := range paras {
		p := &paras[i]
		p.Furniture = isFurnitureText(text[sents[p.First].Start:sents[p.Last].End])
	}
}

// isFurnitureText reports whether paragraph text is page furniture.
func isFurnitureText(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	if strings.HasPrefix(s, "©") || lowersTo(s, "copyright ") {
		return true
	}
	if mostlyCapitals(s) {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	return !endsClause(last) && !unicode.IsDigit(last) && !moreWords(s, 4)
}

// lowersTo reports whether strings.ToLower(s) starts with prefix, which
// is lower-case ASCII, without lowering a whole paragraph: as
// strings.ToLower lowers each rune on its own, to a rune, the first
// len(prefix) runes of s must each lower to the byte of prefix at their
// place.
func lowersTo(s, prefix string) bool {
	for i := 0; i < len(prefix); i++ {
		r, size := utf8.DecodeRuneInString(s)
		if s == "" || unicode.ToLower(r) != rune(prefix[i]) {
			return false
		}
		s = s[size:]
	}
	return true
}

// moreWords reports whether s has more than n words as strings.Fields
// counts them, looking no further than the word after the n-th.
func moreWords(s string, n int) bool {
	words, in := 0, false
	for _, r := range s {
		switch space := unicode.IsSpace(r); {
		case space:
			in = false
		case !in:
			in = true
			if words++; words > n {
				return true
			}
		}
	}
	return false
}
