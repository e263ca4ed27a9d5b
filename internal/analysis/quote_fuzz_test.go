package analysis

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzFindQuote(f *testing.F) {
	f.Add("He said more than 70 “Ukrainian fighters had been killed – and it’s over.\nThe  end.", `70 "Ukrainian fighters`)
	f.Add("a\u00a0b", "a b")
	f.Add("x\xffy", "\xff")
	f.Add("‘’“”", `''""`)
	f.Fuzz(func(t *testing.T, text, quote string) {
		start, end, ok := findQuote(text, quote)
		q := foldQuote(strings.TrimSpace(quote)).text
		if want := q != "" && strings.Contains(foldQuote(text).text, q); ok != want {
			t.Fatalf("findQuote(%q, %q) ok = %v, want %v", text, quote, ok, want)
		}
		if !ok {
			return
		}
		if start < 0 || start > end || end > len(text) {
			t.Fatalf("findQuote(%q, %q) = %d, %d: out of range", text, quote, start, end)
		}
		if got := foldQuote(text[start:end]).text; got != q {
			t.Fatalf("findQuote(%q, %q) matched %q, which folds to %q, not %q", text, quote, text[start:end], got, q)
		}
	})
}

func FuzzClosestPassage(f *testing.F) {
	f.Add("The Russian defence ministry earlier claimed to have “trapped and liquidated” units.", "claimed to have “trapped and destroyed” units")
	f.Add("a b a b a", "b a")
	f.Add("one", "one two three")
	f.Add("  ", "x")
	f.Add("ſ S s", "s")
	f.Fuzz(func(t *testing.T, text, quote string) {
		got, at := closestPassage(text, quote)
		if got == "" {
			if len(textWords(text)) > 0 && strings.TrimSpace(foldQuote(quote).text) != "" {
				t.Fatalf("closestPassage(%q, %q) found nothing", text, quote)
			}
			return
		}
		if at < 0 || at+len(got) > len(text) || text[at:at+len(got)] != got {
			t.Fatalf("closestPassage(%q, %q) = %q at %d: not the text there", text, quote, got, at)
		}
		if utf8.ValidString(text) && !utf8.ValidString(got) {
			t.Fatalf("closestPassage(%q, %q) = %q cuts a character", text, quote, got)
		}
		if want, wantAt := closestPassageAll(text, quote); got != want || at != wantAt {
			t.Fatalf("closestPassage(%q, %q) = %q at %d, scoring every run gives %q at %d", text, quote, got, at, want, wantAt)
		}
	})
}

// closestPassageAll is closestPassage scoring every run, as it did before
// runs were ranked: its results must be the same while the work is small.
func closestPassageAll(text, quote string) (string, int) {
	w := wordsOf(text, quote)
	qw, tid, tw := w.quote, w.text, w.spans
	if len(qw) == 0 || len(tw) == 0 {
		return "", 0
	}
	n := min(len(qw), len(tw))
	best, bestAt := -1, 0
	for s := 0; s+n <= len(tw); s++ {
		sc := 4 * lcsWords(qw, tid[s:s+n])
		if tid[s] == qw[0] {
			sc++
		}
		if tid[s+n-1] == qw[len(qw)-1] {
			sc++
		}
		if sc > best {
			best, bestAt = sc, s
		}
	}
	return text[tw[bestAt].start:tw[bestAt+n-1].end], tw[bestAt].start
}
