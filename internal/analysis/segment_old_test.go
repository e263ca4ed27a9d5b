package analysis

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"reflect"
	"testing"

	"briefing/internal/model"
)

// segmentOld is Segment as it was before it gathered its spans first and
// made the sentences, their IDs and the paragraphs in one allocation
// each: the reference TestSegmentAsBefore holds Segment to.
func segmentOld(s *Segmenter, text string) ([]model.Paragraph, []model.Sentence) {
	var paras []model.Paragraph
	var sents []model.Sentence
	var scratch segmentScratch
	seen := map[string]int{}
	for _, block := range paragraphSpans(text, new(segmentScratch)) {
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
