package analysis

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestSplitAfterNumbersMatchesByteScan holds splitAfterNumbers, which
// jumps from one full stop to the next, to the byte-by-byte scan it
// replaced, on punktTexts and on every sentence piece of them.
func TestSplitAfterNumbersMatchesByteScan(t *testing.T) {
	texts := append(punktTexts(t), "in 2021. Nobody", "1. A. 22. B", "x 3.", "a 1,000. B 2. “C", "5. x 6. Y")
	for _, text := range texts {
		l, r := trimSpan(text)
		for start := l; start < r; start += max(1, (r-start)/7) {
			got := splitAfterNumbers(text, start, r, nil)
			want := splitAfterNumbersByByte(text, start, r, nil)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("splitAfterNumbers(%q, %d, %d) = %v, want %v", text, start, r, got, want)
			}
		}
	}
}

// splitAfterNumbersByByte is splitAfterNumbers as it was, looking at
// every byte.
func splitAfterNumbersByByte(para string, start, end int, spans [][2]int) [][2]int {
	for i := start; i+2 < end; i++ {
		if para[i] != '.' || para[i+1] != ' ' || i == start || !isDigit(para[i-1]) {
			continue
		}
		j := i - 1
		for j > start && (isDigit(para[j-1]) || para[j-1] == ',') {
			j--
		}
		if j == start || para[j-1] != ' ' {
			continue
		}
		next := strings.TrimLeft(para[i+2:end], "\"“‘")
		if r, _ := utf8.DecodeRuneInString(next); unicode.IsUpper(r) {
			spans = append(spans, [2]int{start, i + 1})
			start = i + 2
		}
	}
	return append(spans, [2]int{start, end})
}
