package analysis

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/neurosnap/sentences"
	"github.com/neurosnap/sentences/english"
)

// handWritten are texts that exercise what Punkt decides: abbreviations,
// initials, numbers, ordinals, list items, quotations, brackets,
// ellipses, coordinates and other punctuation.
var handWritten = []string{
	"The U.S. State Department said it was aware of the reports. It gave no details.",
	"Mr. Smith met Dr. Jones and Gov. Gladkov at 10 a.m. on Jan. 5. They talked for 2.5 hours.",
	"The book was written by J. R. R. Tolkien in England. It sold well. J. Bach wrote music.",
	`He said: "Go home. Now." Then left. She asked "Why?" and "Where?" He said 'no.' Nobody replied.`,
	"“We will win,” he said. “They will lose.” The crowd cheered!",
	"I never meant that.... She left the store. Wait . . . what? One . . . two . . . three. . . . Done.",
	"1. The first item. 2. The second item. 3.) A third. 4) A fourth.",
	"You can find it at N°. 1026.253.553. That is where the treasure is.",
	"He teaches science (He previously worked for 5 years as an engineer.) at the local University.",
	"Prices rose 3.5% in 2021. Nobody expected it. The 1st. The 2nd. Inc. and Co. Ltd. were named. The U.N. met.",
	"Is it true?! Yes! No? Maybe... The end.",
	"See p. 5, vol. 3, fig. 2. Also cf. ch. 4 and e.g. the appendix, i.e. the rest. St. Petersburg is far.",
	"The F.B.I. and the C.I.A. said so. The E.U.'s plan. A.B.C. news.",
	"Words.[1] More words.(2) Quoted.\" And 'then.' Over.” Closed.’ Done.) Right.] Next.",
	"The sentence ends with 。 And another. 終わり。Next.",
	"Sgt. Pepper, No. 5, Gov. Brown, Lt. Col. Smith and Gen. Lee arrived at 5 p.m. Tuesday. They left.",
	"a.m. p.m. U.S.A. e.g. i.e. etc. vs. Jr. Sr. Mrs. Ms. Prof. Rev. Hon.",
	"x. y. Z. A. b.",
	"",
	".",
	". . .",
	"Numbers: 1.2.3. 4.5.6. 7. Then 8. And 9.",
}

// TestPunktMatchesEnglish holds newPunkt to the stock English tokenizer:
// the same sentence breaks, token by token, on the default articles, on
// texts recombined from their sentences, on the generated corpus of the
// benchmarks and on hand-written text; and the same sentences from
// Segment.
func TestPunktMatchesEnglish(t *testing.T) {
	stock, err := english.NewSentenceTokenizer(nil)
	if err != nil {
		t.Fatal(err)
	}
	fast, err := newPunkt()
	if err != nil {
		t.Fatal(err)
	}
	var corpus []string
	corpus = append(corpus, handWritten...)
	s := largeSite(t, 60)
	var sents []string
	for _, a := range s.Articles {
		corpus = append(corpus, a.Text)
		for _, p := range paragraphSpans(a.Text) {
			corpus = append(corpus, a.Text[p[0]:p[1]])
		}
	}
	for _, a := range s.Articles[:5] { // the seeds
		for _, st := range stock.Tokenize(a.Text) {
			sents = append(sents, strings.TrimSpace(st.Text))
		}
	}
	sents = append(sents, handWritten...)
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		var b strings.Builder
		for i := range 1 + rng.IntN(6) {
			if i > 0 {
				b.WriteString([]string{" ", " ", "  ", "\n", " "}[rng.IntN(5)])
			}
			b.WriteString(sents[rng.IntN(len(sents))])
		}
		corpus = append(corpus, b.String())
	}
	for _, text := range corpus {
		if got, want := positions(fast, text), positions(stock, text); !reflect.DeepEqual(got, want) {
			t.Fatalf("sentence breaks differ in %q:\n got %v\nwant %v", text, got, want)
		}
	}
	slow, quick := &Segmenter{tok: stock}, &Segmenter{tok: fast}
	for _, a := range s.Articles {
		gp, gs := quick.Segment(a.Text)
		wp, ws := slow.Segment(a.Text)
		if !reflect.DeepEqual(gp, wp) || !reflect.DeepEqual(gs, ws) {
			t.Errorf("%s: Segment differs from the stock tokenizer's", a.Slug)
		}
	}
}

// positions returns the tokens' annotations that decide the breaks.
func positions(tok *sentences.DefaultSentenceTokenizer, text string) []string {
	var out []string
	for _, t := range tok.AnnotatedTokens(text) {
		if t.SentBreak || t.Abbr {
			out = append(out, strings.Join([]string{t.Tok, map[bool]string{true: "break"}[t.SentBreak], map[bool]string{true: "abbr"}[t.Abbr]}, "|"))
		}
	}
	for _, st := range tok.Tokenize(text) {
		out = append(out, st.Text)
	}
	return out
}

// BenchmarkSegment times the segmentation of the five default articles,
// with the tokenizer the Segmenter uses and with the stock one.
func BenchmarkSegment(b *testing.B) {
	stock, err := english.NewSentenceTokenizer(nil)
	if err != nil {
		b.Fatal(err)
	}
	fast, err := newPunkt()
	if err != nil {
		b.Fatal(err)
	}
	s := loadSeeds(b)
	for name, tok := range map[string]*sentences.DefaultSentenceTokenizer{"stock": stock, "pruned": fast} {
		seg := &Segmenter{tok: tok}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				for _, a := range s.Articles {
					seg.Segment(a.Text)
				}
			}
		})
	}
}
