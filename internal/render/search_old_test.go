package render

import (
	"io/fs"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"

	"briefing/internal/corpus"
)

// wordsOld is words as it was before it split the words itself and kept
// its map from one entry to the next: the reference TestWordsAsBefore
// holds it to.
func wordsOld(texts ...string) string {
	seen := map[string]bool{}
	out := make([]string, 0, 16)
	for _, t := range texts {
		if strings.Contains(t, "](") {
			t = mdLinkTarget.ReplaceAllString(t, "]")
		}
		for _, w := range strings.FieldsFunc(t, func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '\'' && r != '’'
		}) {
			w = strings.Trim(w, "-'’")
			k := strings.ToLower(w)
			if w == "" || seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

// TestWordsAsBefore checks that words gives what wordsOld gave, one
// wordSet serving one text after another as in searchIndex, on every file
// of the default briefing's content, on generated articles, and on text
// of every kind of byte words treats apart.
func TestWordsAsBefore(t *testing.T) {
	var texts []string
	err := fs.WalkDir(os.DirFS("../../content"), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(os.DirFS("../../content"), p)
		texts = append(texts, string(b))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	files := generatedFiles(t, corpus.Options{Articles: 60, Actors: 8, Claims: 20, Seed: 5})
	for _, name := range slices.Sorted(maps.Keys(files)) {
		texts = append(texts, files[name])
	}
	texts = append(texts, "", "-", "'", "’", "--a--", "'quoted' ‘curly’ “double”", "Ünïcödé ÉCOLE école İstanbul ǅ ß ẞ",
		"x\xffy \xe2\x80 z\x00w", "a1-b2_c3 4.5 ६७ 一二三 مرحبا", "[a](b) [c](d e) ](x)", "tab\tnew\nline\r\u00a0nbsp\u2009thin",
		"A-B a-b A'B a’b", strings.Repeat("word ", 200))
	var ws wordSet
	for i, text := range texts {
		// Each alone, and with the text before it, as an entry's texts.
		for _, args := range [][]string{{text}, {texts[max(i-1, 0)], text}} {
			if got, want := ws.words(args...), wordsOld(args...); got != want {
				t.Errorf("words(%.80q) = %.200q, want %.200q", args, got, want)
			}
		}
	}
}
