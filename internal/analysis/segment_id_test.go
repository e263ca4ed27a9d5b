package analysis

import (
	"crypto/sha1"
	"encoding/hex"
	"testing"

	"briefing/internal/model"
)

// collapseSamples are texts with white space of every kind.
var collapseSamples = []string{
	"", " ", "a", " a", "a ", "a  b", "a\tb\nc", "\u00a0a\u2003b\u3000", "a\u0085b", "\xffa \xff", " “Quoted,” he said. ",
	"x\u200bb", "\x00 \x01", "a\r\n\r\nb",
	// Eight bytes and more, as isCollapsed reads them at once.
	"abcdefg  hijklmnop", "abcdefgh ijklmnop q", "abcdefg hijklmn  op", " abcdefghijk", "abcdefghijk ", "abcdefghijklmnop ",
	"abcdefg\thijklmnop", "abc def ghi jkl mno", "abcdefgh\u00a0ijklmnop", "abcdefgh\x7fijklmnop",
}

// TestSentenceIDMatchesCollapseSpace holds sentenceHash and
// appendSentenceID to hashing
// model.CollapseSpace of the sentence, on the sentences of the generated
// site and on collapseSamples.
func TestSentenceIDMatchesCollapseSpace(t *testing.T) {
	texts := append([]string(nil), collapseSamples...)
	seg := newSegmenter(t)
	for _, a := range largeSite(t, 20).Articles {
		_, sents := seg.Segment(a.Text)
		for _, s := range sents {
			texts = append(texts, s.Text)
		}
		texts = append(texts, a.Text)
	}
	var buf []byte
	for _, s := range texts {
		checkSentenceID(t, s, &buf)
	}
}

func FuzzSentenceID(f *testing.F) {
	for _, s := range collapseSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var buf []byte
		checkSentenceID(t, s, &buf)
	})
}

func checkSentenceID(t *testing.T, s string, buf *[]byte) {
	t.Helper()
	var key uint32
	key, *buf = sentenceHash(s, *buf)
	got := string(appendSentenceID(nil, key, 1))
	h := sha1.Sum([]byte(model.CollapseSpace(s)))
	if want := "s-" + hex.EncodeToString(h[:4]); got != want {
		t.Errorf("ID of %q = %s, want %s (of %q)", s, got, want, model.CollapseSpace(s))
	}
}
