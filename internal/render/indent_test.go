package render

import (
	"bytes"
	"encoding/json"
	"testing"

	"briefing/internal/corpus"
	"briefing/internal/model"
)

// TestIndentAsJSON checks that marshalIndent writes what
// json.MarshalIndent wrote, on values of every kind and strings of every
// byte JSON escapes or that looks like its punctuation, and on the texts
// of generated articles.
func TestIndentAsJSON(t *testing.T) {
	hostile := []string{"", `"`, `\`, `\"`, `"\\"`, "{}", "[]", "[{", "}]", ",", ":", ": ,", "a\nb\tc\r", "\x00\x1f", "<script>&amp;</script>",
		"\u2028\u2029", "é ★ 一", "\xff\xfe", `\u0041`, `"quoted", "list": [1, 2]`}
	values := []any{
		nil, true, 0, -1.5, 0.001, 1e21, 1e-7, "", []int{}, []string{}, map[string]any{}, struct{}{},
		[]any{[]any{}, map[string]any{}, []any{[]any{[]int{}}}}, hostile,
		map[string]any{"a": hostile, "b": map[string]any{"c": []any{}, "d": map[string]any{}}, `k"ey`: nil},
		dataSite{Title: `The "raid"`, Articles: []dataArticle{{Slug: "a", Copies: []dataCopy{{Of: "b", Share: 0.667, Source: "editor"}}}},
			Actors: []dataActor{{Aliases: hostile, Mentions: []model.SentenceRef{}, Statements: []dataStatement{{Outlets: 2}}}}, Claims: []dataClaim{}},
	}
	files := generatedFiles(t, corpus.Options{Articles: 40, Actors: 6, Claims: 10, Seed: 7})
	values = append(values, files)
	for _, v := range values {
		want, err := json.MarshalIndent(v, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		got, err := marshalIndent(v)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("marshalIndent(%.80v):\ngot  %.300s\nwant %.300s", v, got, want)
		}
	}
}

// generatedFiles returns the files of a briefing generated from the
// default articles with opt, by name.
func generatedFiles(t *testing.T, opt corpus.Options) map[string]string {
	t.Helper()
	seeds, err := corpus.ReadSeeds("../../content/articles")
	if err != nil {
		t.Fatal(err)
	}
	c, err := corpus.Generate(seeds, opt)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	err = c.WriteBriefing(func(name string, data []byte) error {
		files[name] = string(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
