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
	if strings.HasPrefix(s, "©") || strings.HasPrefix(strings.ToLower(s), "copyright ") {
		return true
	}
	if mostlyCapitals(s) {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	return len(strings.Fields(s)) <= 4 && !endsClause(last) && !unicode.IsDigit(last)
}
