package analysis

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"briefing/internal/model"
)

// segmentOld is Segment as it was before it gathered its spans first and
// made the sentences, their IDs and the paragraphs in one allocation
// each, and before paragraphSpans took its buffers: the reference TestSegmentAsBefore holds Segment to.
func segmentOld(s *Segmenter, text string) ([]model.Paragraph, []model.Sentence) {
	var paras []model.Paragraph
	var sents []model.Sentence
	var scratch segmentScratch
	seen := map[string]int{}
	for _, block := range paragraphSpansOld(text) {
		first := len(sents)
		for _, span := range s.sentenceSpans(text[block[0]:block[1]], &scratch) {
			start, end := block[0]+span[0], block[0]+span[1]
			st := text[start:end]
			var id string
			id, scratch.text = sentenceIDOld(st, scratch.text)
			seen[id]++
			if n := seen[id]; n > 1 {
				id = fmt.Sprintf("%s-%d", id, n)
			}
			sents = append(sents, model.Sentence{ID: id, Start: start, End: end, Text: st, Para: len(paras)})
		}
		if len(sents) > first {
			paras = append(paras, model.Paragraph{First: first, Last: len(sents) - 1})
		}
	}
	return paras, sents
}

// checkSegmentAsBefore fails t if Segment and segmentOld differ on text.
func checkSegmentAsBefore(t *testing.T, s *Segmenter, text string) {
	t.Helper()
	gp, gs := s.Segment(text)
	wp, ws := segmentOld(s, text)
	if !reflect.DeepEqual(gp, wp) || !reflect.DeepEqual(gs, ws) {
		t.Fatalf("Segment(%q) differs from before:\n got %v\n%v\nwant %v\n%v", text, gp, gs, wp, ws)
	}
}

// TestSegmentAsBefore holds Segment to segmentOld on the default
// articles, the generated site's, the hand-written texts and texts with
// repeated sentences, whose IDs get a suffix.
func TestSegmentAsBefore(t *testing.T) {
	s := newSegmenter(t)
	texts := append([]string(nil), handWritten...)
	for _, a := range largeSite(t, 200).Articles {
		texts = append(texts, a.Text)
	}
	long := strings.Repeat("A line well past a hundred characters, as scraped text has it, ", 3)
	texts = append(texts, long+"\nHeadline\n"+long+"\nand then\nlower case.\n\n"+long, "Short line.\nAnother short line.\n\n"+long+"\n\n"+long+"\n"+long,
		strings.Repeat("é", 101)+"\n"+strings.Repeat("é", 99)+".\n\n"+strings.Repeat("é", 150)+"\nx")
	texts = append(texts, "Yes. No. Yes. Yes.\n\nNo. Yes.", "A.\n\nA.\n\nA.\n\nA.\n\nA.\n\nA.\n\nA.\n\nA.\n\nA.\n\nA.\n\nA. A.")
	for _, text := range texts {
		checkSegmentAsBefore(t, s, text)
	}
}

func FuzzSegmentAsBefore(f *testing.F) {
	for _, text := range handWritten {
		f.Add(text)
	}
	f.Add("Yes. No. Yes. Yes.\n\nNo. Yes.")
	s := newSegmenter(f)
	f.Fuzz(func(t *testing.T, text string) { checkSegmentAsBefore(t, s, text) })
}

// sentenceIDOld is the ID of a sentence as Segment made it before: the
// hash of the sentence with white space normalised as model.CollapseSpace
// does, collapsed into buf, which it returns for reuse.
func sentenceIDOld(s string, buf []byte) (string, []byte) {
	buf = appendCollapsed(buf[:0], s)
	h := sha1.Sum(buf)
	var id [len("s-") + 2*4]byte
	copy(id[:], "s-")
	hex.Encode(id[len("s-"):], h[:4])
	return string(id[:]), buf
}

// paragraphSpansOld is paragraphSpans as it was: it returns the byte
// ranges of the paragraphs of text, trimmed of surrounding white space.
func paragraphSpansOld(text string) [][2]int {
	var out [][2]int
	var block [][2]int // line spans of the current block
	flush := func() {
		if len(block) == 0 {
			return
		}
		wrapped := true
		for _, l := range block {
			// No more runes than bytes.
			if l[1]-l[0] > 100 && utf8.RuneCountInString(text[l[0]:l[1]]) > 100 {
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
	return out
}
