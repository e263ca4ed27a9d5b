package analysis

import (
	"strings"
	"sync"

	"github.com/neurosnap/sentences"
	"github.com/neurosnap/sentences/data"
	"github.com/neurosnap/sentences/english"
)

// punkt finds sentence breaks as the English Punkt tokenizer of
// english.NewSentenceTokenizer does, at a fraction of the cost: it builds
// a token only for the words the annotation steps can look at (see
// words), it shows each step only the tokens the step can change, and it
// answers the steps' questions about a word without regular expressions
// (see punktTypes). TestPunktMatchesEnglish holds it to the stock
// tokenizer. It is safe for concurrent use.
type punkt struct {
	types  typeStep
	tokens tokenStep
	multi  multiPunctStep
	blank  sentences.Token // as sentences.NewToken makes one, to copy
	bufs   sync.Pool       // of *tokenBuf, for appendBreaks
}

// tokenBuf holds the tokens of one text, and is reused for the next.
type tokenBuf struct {
	toks []sentences.Token
	ptrs []*sentences.Token
	key  []byte // a word the steps look up
}

// newPunkt returns the English Punkt tokenizer, built from the model and
// the annotation steps of english.NewSentenceTokenizer.
//
// A step can change a token only if the token holds sentence-ending
// punctuation ('.', '?', '!') or is already marked as a break:
//   - the type-based step marks tokens that end in, or hold, '.', '?' or
//     '!' followed by a quotation mark or bracket, and looks at one token
//     at a time;
//   - the token-based step returns at once unless the first token of the
//     pair ends in a full stop ('.' or '。');
//   - the multi-punctuation step either clears the break of the first
//     token (a no-op on a token that is no break), or needs a full stop in
//     it (its abbreviation pattern, a lone ".", a coordinate) or an
//     unreliable ending such as `."` or `?”`.
//
// Each step changes the first token of a pair only (or, for a lone "."
// after another, clears the break of the second, which holds a full
// stop), so which pairs a later pair sees does not depend on the order in
// which they are run, and a step looks at no token but those and the
// token after each.
func newPunkt() (*punkt, error) {
	b, err := data.Asset("data/english.json")
	if err != nil {
		return nil, err
	}
	training, err := sentences.LoadTraining(b)
	if err != nil {
		return nil, err
	}
	// As english.NewSentenceTokenizer adds them.
	for _, abbr := range []string{"sgt", "gov", "no"} {
		training.AbbrevTypes.Add(abbr)
	}
	word := punktTypes{english.NewWordTokenizer(sentences.NewPunctStrings())}
	return &punkt{
		types:  typeStep{training, word},
		tokens: tokenStep{training, word},
		multi:  multiPunctStep{training, word},
		blank:  *sentences.NewToken(""),
	}, nil
}

// annotate returns the tokens of text that the annotation steps look at,
// annotated: the breaks, and the abbreviations they found. They are
// held in buf.
func (p *punkt) annotate(text string, buf *tokenBuf) []*sentences.Token {
	toks := p.words(text, buf)
	buf.key = p.types.annotate(toks, buf.key)
	buf.key = p.tokens.annotate(toks, buf.key)
	buf.key = p.multi.annotate(toks, buf.key)
	return toks
}

// appendBreaks appends to dst the byte offsets in text after which Punkt
// ends a sentence, in order: the Position of every break token.
func (p *punkt) appendBreaks(dst []int, text string) []int {
	buf, _ := p.bufs.Get().(*tokenBuf)
	if buf == nil {
		buf = new(tokenBuf)
	}
	for _, t := range p.annotate(text, buf) {
		if t.SentBreak {
			dst = append(dst, t.Position)
		}
	}
	p.bufs.Put(buf)
	return dst
}

// hasEndPunct reports whether t holds '.', '?' or '!'; '。' ends in
// a byte no ASCII character has, so it is tested apart.
func hasEndPunct(t *sentences.Token) bool {
	for i := 0; i < len(t.Tok); i++ {
		if c := t.Tok[i]; c == '.' || c == '?' || c == '!' {
			return true
		}
	}
	return strings.HasSuffix(t.Tok, "。")
}

// hasFullStop reports whether t ends in a full stop, as
// DefaultWordTokenizer.HasPeriodFinal tests.
func hasFullStop(t *sentences.Token) bool {
	return strings.HasSuffix(t.Tok, ".") || strings.HasSuffix(t.Tok, "。")
}
