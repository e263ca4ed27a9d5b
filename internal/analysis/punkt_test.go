package analysis

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
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
	"A headline with no end punctuation",
	"Video Embed\nRelated Content\n\nAnother label",
	"The vote, held on Sunday, ended in 2021 and nobody said a word",
	"He paused… then spoke… “Enough…” Silence.",
	"Путин заявил. Москва ответила! Почему? Никто не знает.",
	"Łódź i Kraków. Żółć. Straße. İstanbul. Ærø.",
	"東京で会議が開かれた。大阪でも。彼は言った！なぜ？ Then English.",
	"Full width！ And question？ Semi；colon. A。B",
	"Ends in a curly quote “hi.”",
	"Non-breaking\u00a0space. Em\u2003space. Ideographic\u3000space.",
	"Mr.\tSmith.\n\nDr.\nJones.\u00a0Gov.  Brown.",
	"Trailing space. ",
	"1.\n2.\n3.",
	"\"Quoted.\" \"Another?\" 'Single!' (Bracket.) [Square.] Done.",
	"A.B.C. D.E.F. ghi. Jkl. The U.S.-led plan. The U.S.' plan.",
	"The ex-Gov. Brown spoke with the ex-Sgt. Pepper and a non-U.S. Official. Then left.",
	// Words longer than the eight bytes words reads at once.
	"Supercalifragilistic.Expialidocious? Averyveryverylongword!X and.so.on.and.so.forth. Wellbeyondeightbytes. Ünïcödéwordsaswell. Endsinaword",
	"Twelvebytes.Twelvebytes. \tTabbedwordhere.\nNewlinedword!Another?wordwithout.stop",
	"Plain words run on and on\tand\x01on without\x0bany stop\x1f until here. Then  \n more   words\r\nfollow é and\u00a0ü. End of it all  ",
	"Only plain words here with no stop at all and white space      at the end   ",
	"   \t\n   ",
}

// stockPunkt finds sentence breaks with a stock tokenizer, as Segment
// did before newPunkt: the end of each sentence Tokenize returns.
type stockPunkt struct {
	tok *sentences.DefaultSentenceTokenizer
}

func (s stockPunkt) appendBreaks(dst []int, text string) []int {
	for _, st := range s.tok.Tokenize(text) {
		dst = append(dst, st.End)
	}
	return dst
}

// newStockSegmenter returns a Segmenter that uses
// english.NewSentenceTokenizer.
func newStockSegmenter(t testing.TB) *Segmenter {
	t.Helper()
	stock, _ := punktPair(t)
	return &Segmenter{punkt: stockPunkt{stock}}
}

// punktTexts returns texts to compare tokenizers on: the hand-written
// ones, the articles of the generated site of the benchmarks and their
// paragraphs, and texts recombined from the sentences of the default
// articles and the hand-written ones, with varied white space between.
func punktTexts(t testing.TB) []string {
	stock, _ := punktPair(t)
	var corpus []string
	corpus = append(corpus, handWritten...)
	s := largeSite(t, 60)
	var sents []string
	for _, a := range s.Articles {
		corpus = append(corpus, a.Text)
		for _, p := range paragraphSpans(a.Text, new(segmentScratch)) {
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
				b.WriteString([]string{" ", " ", "  ", "\n", " ", "\n\n", "\t", "\u00a0", "。"}[rng.IntN(9)])
			}
			b.WriteString(sents[rng.IntN(len(sents))])
		}
		corpus = append(corpus, b.String())
	}
	return corpus
}

// TestPunktMatchesEnglish holds newPunkt to the stock English tokenizer:
// the same sentence breaks and abbreviations, token by token, on
// punktTexts; and the same paragraphs and sentences from Segment on the
// generated site's articles.
func TestPunktMatchesEnglish(t *testing.T) {
	stock, fast := punktPair(t)
	for _, text := range punktTexts(t) {
		checkAnnotations(t, stock, fast, text)
		// Tokenize always ends a sentence at the end of the text.
		got, want := withEnd(fast.appendBreaks(nil, text), len(text)), withEnd(stockPunkt{stock}.appendBreaks(nil, text), len(text))
		if !slices.Equal(got, want) {
			t.Fatalf("sentence breaks differ in %q:\n got %v\nwant %v", text, got, want)
		}
	}
	slow, quick := newStockSegmenter(t), newSegmenter(t)
	for _, a := range largeSite(t, 60).Articles {
		gp, gs := quick.Segment(a.Text)
		wp, ws := slow.Segment(a.Text)
		if !reflect.DeepEqual(gp, wp) || !reflect.DeepEqual(gs, ws) {
			t.Errorf("%s: Segment differs from the stock tokenizer's", a.Slug)
		}
	}
}

func FuzzPunktMatchesEnglish(f *testing.F) {
	for _, text := range handWritten {
		f.Add(text)
	}
	stock, fast := punktPair(f)
	f.Fuzz(func(t *testing.T, text string) {
		checkAnnotations(t, stock, fast, text)
	})
}

// punktPair returns the stock English tokenizer and newPunkt's.
func punktPair(t testing.TB) (*sentences.DefaultSentenceTokenizer, *punkt) {
	t.Helper()
	stock, err := english.NewSentenceTokenizer(nil)
	if err != nil {
		t.Fatal(err)
	}
	fast, err := newPunkt()
	if err != nil {
		t.Fatal(err)
	}
	return stock, fast
}

// checkAnnotations compares the breaks and abbreviations stock and fast
// find in text.
func checkAnnotations(t testing.TB, stock *sentences.DefaultSentenceTokenizer, fast *punkt, text string) {
	t.Helper()
	if got, want := marks(fast.annotate(text, new(tokenBuf))), marks(stock.AnnotatedTokens(text)); !reflect.DeepEqual(got, want) {
		t.Fatalf("annotations differ in %q:\n got %v\nwant %v", text, got, want)
	}
}

// TestPunktWords holds punkt.words to the stock word tokenizer: the same
// words at the same places, for those that hold sentence punctuation and
// the word after each.
func TestPunktWords(t *testing.T) {
	_, fast := punktPair(t)
	stock := english.NewWordTokenizer(sentences.NewPunctStrings())
	texts := append(punktTexts(t), "a。b", "a。", "。", "x “hi.”", "“hi.”", "  ", "\n\n", "a\u00a0b. C", "end.\xff", "\xe3\xe3\x80\x82 b")
	for _, text := range texts {
		checkWords(t, stock, fast, text)
	}
}

func FuzzPunktWords(f *testing.F) {
	for _, text := range handWritten {
		f.Add(text)
	}
	_, fast := punktPair(f)
	stock := english.NewWordTokenizer(sentences.NewPunctStrings())
	f.Fuzz(func(t *testing.T, text string) {
		checkWords(t, stock, fast, text)
	})
}

// checkWords compares punkt.words with the words of the stock tokenizer
// that the annotation steps look at. A lone token without sentence
// punctuation, the whole text when it has no word, no step looks at
// either.
func checkWords(t testing.TB, stock *english.WordTokenizer, fast *punkt, text string) {
	t.Helper()
	var want []string
	all := stock.Tokenize(text, false)
	for i, tok := range all {
		if stock.HasSentencePunct(tok.Tok) || (i > 0 && stock.HasSentencePunct(all[i-1].Tok)) {
			want = append(want, fmt.Sprintf("%q@%d", tok.Tok, tok.Position))
		}
	}
	var got []string
	toks := fast.words(text, new(tokenBuf))
	for _, tok := range toks {
		if len(toks) == 1 && !stock.HasSentencePunct(tok.Tok) {
			break
		}
		got = append(got, fmt.Sprintf("%q@%d", tok.Tok, tok.Position))
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("words of %q:\n got %v\nwant %v", text, got, want)
	}
}

// withEnd returns breaks ending with end.
func withEnd(breaks []int, end int) []int {
	if len(breaks) == 0 || breaks[len(breaks)-1] != end {
		breaks = append(breaks, end)
	}
	return breaks
}

// marks returns the tokens' annotations that decide the breaks.
func marks(toks []*sentences.Token) []string {
	var out []string
	for _, t := range toks {
		if t.SentBreak || t.Abbr {
			out = append(out, fmt.Sprintf("%q@%d break=%t abbr=%t", t.Tok, t.Position, t.SentBreak, t.Abbr))
		}
	}
	return out
}

// BenchmarkSegment times the segmentation of the five default articles,
// with the tokenizer the Segmenter uses and with the stock one.
func BenchmarkSegment(b *testing.B) {
	s := loadSeeds(b)
	for name, seg := range map[string]*Segmenter{"stock": newStockSegmenter(b), "pruned": newSegmenter(b)} {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				for _, a := range s.Articles {
					seg.Segment(a.Text)
				}
			}
		})
	}
}
