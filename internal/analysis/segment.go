package analysis

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"briefing/internal/model"
)

// Segmenter splits raw article text into paragraphs and sentences. It wraps
// an unsupervised Punkt tokenizer trained on English, which knows
// abbreviations ("U.S.", "Mr.") and initials, and then rejoins the pieces it
// cuts inside a quotation or before a lower-case continuation. It is safe
// for concurrent use.
type Segmenter struct {
	punkt   breaker
	scratch sync.Pool // of *segmentScratch
}

// breaker finds where sentences end in a paragraph: appendBreaks appends
// to dst, in order, the byte offsets of text after which the Punkt
// tokenizer ends one (the end of the text need not be among them).
type breaker interface {
	appendBreaks(dst []int, text string) []int
}

// NewSegmenter loads the tokenizer's English model. Its sentence breaks are
// those of english.NewSentenceTokenizer, found faster (see newPunkt).
func NewSegmenter() (*Segmenter, error) {
	p, err := newPunkt()
	if err != nil {
		return nil, fmt.Errorf("load sentence model: %w", err)
	}
	return &Segmenter{punkt: p}, nil
}

// segmentScratch holds the buffers one Segment call reuses from one
// paragraph, or sentence, to the next, and that the next call reuses.
type segmentScratch struct {
	breaks []int
	spans  [][2]int
	joined [][2]int
	text   []byte // a sentence with white space collapsed

	blocks [][2]int // the paragraphs
	lines  [][2]int // of a paragraph
	sents  [][2]int // the sentences, in the text
	ends   []int    // after the last sentence of each paragraph
	keys   []uint32 // of the sentences, see sentenceHash
	repeat []int    // of each key, see numberRepeats
	table  []uint64 // for numberRepeats
	ids    []byte   // the sentence IDs, one after the other
}

// Segment splits text into paragraphs and sentences with byte offsets into
// text. Paragraphs are blocks separated by blank lines; in a block whose lines
// are not hard-wrapped (some line is longer than 100 characters), every line
// is a paragraph of its own, as scraped text often has one paragraph a line.
// Sentence IDs are derived from the sentence text alone, so the same text
// gets the same IDs on every build.
func (s *Segmenter) Segment(text string) ([]model.Paragraph, []model.Sentence) {
	scratch, _ := s.scratch.Get().(*segmentScratch)
	if scratch == nil {
		scratch = new(segmentScratch)
	}
	defer s.scratch.Put(scratch)
	// Find the spans first, so that the sentences, their IDs and the
	// paragraphs take an allocation each.
	spans, ends := scratch.sents[:0], scratch.ends[:0]
	for _, block := range paragraphSpans(text, scratch) {
		first := len(spans)
		for _, span := range s.sentenceSpans(text[block[0]:block[1]], scratch) {
			spans = append(spans, [2]int{block[0] + span[0], block[0] + span[1]})
		}
		if len(spans) > first {
			ends = append(ends, len(spans))
		}
	}
	scratch.sents, scratch.ends = spans, ends
	if len(spans) == 0 {
		return nil, nil
	}
	keys := scratch.keys[:0]
	for _, span := range spans {
		var k uint32
		k, scratch.text = sentenceHash(text[span[0]:span[1]], scratch.text)
		keys = append(keys, k)
	}
	scratch.keys = keys
	scratch.repeat, scratch.table = numberRepeats(keys, scratch.repeat[:0], scratch.table)
	ids := scratch.ids[:0]
	for i, k := range keys {
		ids = appendSentenceID(ids, k, scratch.repeat[i])
	}
	scratch.ids = ids
	all := string(ids)
	paras := make([]model.Paragraph, len(ends))
	sents := make([]model.Sentence, len(spans))
	first, at := 0, 0
	for p, end := range ends {
		paras[p] = model.Paragraph{First: first, Last: end - 1}
		for i := first; i < end; i++ {
			n := len("s-") + 2*4
			if r := scratch.repeat[i]; r > 1 {
				n += 1 + len(strconv.Itoa(r))
			}
			start, end := spans[i][0], spans[i][1]
			sents[i] = model.Sentence{ID: all[at : at+n], Start: start, End: end, Text: text[start:end], Para: p}
			at += n
		}
		first = end
	}
	return paras, sents
}

// paragraphSpans returns the byte ranges of the paragraphs of text,
// trimmed of surrounding white space, in scratch.blocks.
func paragraphSpans(text string, scratch *segmentScratch) [][2]int {
	out := scratch.blocks[:0]
	block := scratch.lines[:0] // line spans of the current block
	flush := func() {
		if len(block) == 0 {
			return
		}
		// A block of one line is one paragraph either way: spare it the
		// count.
		wrapped := true
		for _, l := range block {
			// No more runes than bytes, nor fewer than a quarter of them.
			if n := l[1] - l[0]; len(block) > 1 && (n > 4*100 || n > 100 && utf8.RuneCountInString(text[l[0]:l[1]]) > 100) {
				wrapped = false
				break
			}
		}
		if wrapped {
			out = append(out, [2]int{block[0][0], block[len(block)-1][1]})
			block = block[:0]
			return
		}
		// One paragraph a line, but for a sentence wrapped over lines.
		para := block[0]
		for _, l := range block[1:] {
			if continues(text[para[0]:para[1]], text[l[0]:l[1]]) {
				para[1] = l[1]
				continue
			}
			out = append(out, para)
			para = l
		}
		out = append(out, para)
		block = block[:0]
	}
	for off := 0; off < len(text); {
		end := strings.IndexByte(text[off:], '\n')
		if end < 0 {
			end = len(text) - off
		}
		line := text[off : off+end]
		l, r := trimSpan(line)
		if l == r {
			flush()
		} else {
			block = append(block, [2]int{off + l, off + r})
		}
		off += end + 1
	}
	flush()
	scratch.blocks, scratch.lines = out, block
	return out
}

// continues reports whether line next continues the sentence that line
// prev leaves unfinished: prev does not end a sentence, and either next
// starts in lower case (after any opening quotation mark) or prev ends
// with a comma or with a word that cannot end a sentence ("a", "the",
// "of"). A headline or caption followed by the text, which also lacks
// final punctuation, is not joined: the text starts a sentence.
func continues(prev, next string) bool {
	last, _ := utf8.DecodeLastRuneInString(prev)
	if endsClause(last) {
		return false
	}
	if startsLower(strings.TrimLeft(next, "\"“‘'(")) {
		return true
	}
	if last == ',' || last == '-' || last == '–' || last == '—' {
		return true
	}
	w := prev[strings.LastIndexFunc(prev, unicode.IsSpace)+1:]
	return unfinishing[strings.ToLower(w)]
}

// unfinishing are words after which no sentence ends: articles,
// prepositions, conjunctions and the like.
var unfinishing = setOf("a an the of to in on at by for from with into onto about than as and or but nor that which who whose whom whether if because while his her its their our my your this these those")

// endsClause reports whether a line ending in r ends a sentence or a
// clause: final punctuation, a colon or semicolon, or a closing quotation
// mark or bracket after one.
func endsClause(r rune) bool { return strings.ContainsRune(".!?…:;”\"’)]", r) }

func trimSpan(s string) (int, int) {
	l := len(s) - len(strings.TrimLeftFunc(s, unicode.IsSpace))
	r := len(strings.TrimRightFunc(s, unicode.IsSpace))
	if r < l {
		r = l
	}
	return l, r
}

// sentenceSpans splits one paragraph into sentence byte ranges, in
// buffers of scratch that the next call reuses.
func (s *Segmenter) sentenceSpans(para string, scratch *segmentScratch) [][2]int {
	scratch.breaks = append(s.punkt.appendBreaks(scratch.breaks[:0], para), len(para))
	spans := scratch.spans[:0]
	start := 0
	for _, end := range scratch.breaks {
		l, r := trimSpan(para[start:end])
		if l < r {
			spans = splitAfterNumbers(para, start+l, start+r, spans)
		}
		start = end
	}
	scratch.spans = spans
	// Rejoin what the tokenizer cut inside a quotation, a piece that
	// starts in lower case (a continuation, not a sentence), and a number
	// cut from the abbreviation it follows ("Aug. 3").
	out := scratch.joined[:0]
	for i := 0; i < len(spans); i++ {
		cur := spans[i]
		for i+1 < len(spans) {
			next := spans[i+1]
			if startsLower(para[next[0]:next[1]]) || beforeNumber(para[cur[0]:cur[1]], para[next[0]:next[1]]) {
				cur[1] = next[1]
				i++
				continue
			}
			if open := quoteDepth(para[cur[0]:cur[1]]); open > 0 {
				// Join only if the quotation closes within three pieces;
				// a quote left open by sloppy text must not swallow the
				// paragraph.
				if j := closesWithin(para, spans, i+1, 3, open); j > 0 {
					cur[1] = spans[j][1]
					i = j
					continue
				}
			}
			break
		}
		out = append(out, cur)
	}
	scratch.joined = out
	return out
}

// splitAfterNumbers appends the span para[start:end] to spans, cut after
// each number that ends a sentence ("in 2021. Nobody"), which the tokenizer
// keeps together: a number, a full stop, a space and a capital, the number
// not the span's first word (a list item's "1.").
func splitAfterNumbers(para string, start, end int, spans [][2]int) [][2]int {
	for i := start; i+2 < end; i++ {
		dot := strings.IndexByte(para[i:end-2], '.')
		if dot < 0 {
			break
		}
		i += dot
		if para[i+1] != ' ' || i == start || !isDigit(para[i-1]) {
			continue
		}
		j := i - 1
		for j > start && (isDigit(para[j-1]) || para[j-1] == ',') {
			j--
		}
		if j == start || para[j-1] != ' ' {
			continue // the span's first word, or part of a longer word
		}
		next := strings.TrimLeft(para[i+2:end], "\"“‘")
		if r, _ := utf8.DecodeRuneInString(next); unicode.IsUpper(r) {
			spans = append(spans, [2]int{start, i + 1})
			start = i + 2
		}
	}
	return append(spans, [2]int{start, end})
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

// beforeNumber reports whether piece ends with an abbreviation that is
// written before a number, a month ("Aug.") or "No.", and next starts
// with a digit: a date or a number, not a new sentence.
func beforeNumber(piece, next string) bool {
	if next == "" || next[0] < '0' || next[0] > '9' || !strings.HasSuffix(piece, ".") {
		return false
	}
	w := piece[strings.LastIndexFunc(piece, func(r rune) bool { return !unicode.IsLetter(r) && r != '.' })+1:]
	return numberAbbreviations[strings.ToLower(w)]
}

// numberAbbreviations are abbreviations written before a number.
var numberAbbreviations = setOf("jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec. no. nos.")

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// quoteDepth counts quotation marks left open at the end of s: curly
// double quotes by pairs, straight double quotes by parity.
func quoteDepth(s string) int {
	open := strings.Count(s, "“") - strings.Count(s, "”")
	if strings.Count(s, `"`)%2 == 1 {
		open++
	}
	return max(open, 0)
}

// closesWithin returns the index of the first span in spans[from:from+n] after
// which the quotation open in the text before spans[from] is closed, or -1.
func closesWithin(para string, spans [][2]int, from, n, open int) int {
	for j := from; j < len(spans) && j < from+n; j++ {
		piece := para[spans[j][0]:spans[j][1]]
		closes := strings.Count(piece, "”") - strings.Count(piece, "“")
		if strings.Count(piece, `"`)%2 == 1 {
			closes++
		}
		open -= closes
		if open <= 0 {
			return j
		}
	}
	return -1
}
