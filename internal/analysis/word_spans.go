package analysis

import "encoding/binary"

// wordSpans keeps where the words of each sentence of a text are, as
// tokenizing found them, so that attribution need not scan the sentences
// again. Each sentence is where it starts in the text, then each word its
// distance from the end of the word before (or from the start of the
// sentence) and its length, all varints: about two bytes a word, less
// than the offsets would take.
type wordSpans struct {
	enc []byte
	at  []int32 // sentence i's words are enc[at[i]:at[i+1]]
}

// add appends the words ws of the next sentence, which starts at byte
// start of the text.
func (w *wordSpans) add(start int, ws []wordSpan) {
	if len(w.at) == 0 {
		w.at = append(w.at, 0)
	}
	w.enc = binary.AppendUvarint(w.enc, uint64(start))
	end := int32(0)
	for _, s := range ws {
		w.enc = binary.AppendUvarint(w.enc, uint64(s[0]-end))
		w.enc = binary.AppendUvarint(w.enc, uint64(s[1]-s[0]))
		end = s[1]
	}
	w.at = append(w.at, int32(len(w.enc)))
}

// appendWords appends to dst the words of sentence i, as offsets in the
// text.
func (w *wordSpans) appendWords(dst [][2]int, i int) [][2]int {
	b := w.enc[w.at[i]:w.at[i+1]]
	base, n := binary.Uvarint(b)
	b, end := b[n:], int(base)
	for len(b) > 0 {
		gap, n := binary.Uvarint(b)
		size, m := binary.Uvarint(b[n:])
		b = b[n+m:]
		start := end + int(gap)
		end = start + int(size)
		dst = append(dst, [2]int{start, end})
	}
	return dst
}

// of reports whether w holds the words of a text of n sentences.
func (w *wordSpans) of(n int) bool { return w != nil && len(w.at) == n+1 }
