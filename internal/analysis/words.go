package analysis

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// contentWords returns the content words of s, in order: lower-cased, stop
// words removed, possessives and hyphens dropped ("counter-terrorism" is
// "counterterrorism"), numbers kept with number words as digits ("seventy"
// is "70"), British spelling for American ("defense" is "defence"), and
// lightly stemmed ("killed" and "kills" are "kill").
func contentWords(s string) []string {
	var out []string
	var t tokenizer
	t.terms(s, func(id int32, _ bool) { out = append(out, t.vocab[id]) })
	return out
}

// tokenizer turns text into content words and numbers them, and numbers
// the words as written too. It remembers the words it has seen, as most
// words of a corpus recur.
type tokenizer struct {
	buf        []byte
	words      map[string]wordEntry // word or name as written → its numbers
	forms      []string             // word id → the word or name as written
	vocabulary                      // numbers the terms
	// used lists the term ids that the calls of terms since the last
	// startUses used, in the order of their first use, each once,
	// including the terms of the words of a name; seen likewise lists
	// the ids of the words (not names). usedIn and seenIn hold, for each
	// term and word id, the pass (see startUses) that last used it.
	used, seen     []int32
	usedIn, seenIn []uint32
	pass           uint32
	spans          []wordSpan // scratch of terms
	wordIDs        []int32    // see termsOf
}

// wordEntry numbers a word as written, and its term (-1 for none).
type wordEntry struct{ word, term int32 }

// terms calls f with the id of each content word of s, and whether it
// directly follows the previous one in the text, with one space and no
// stop word between them ("armed forces"). A run of capitalised words,
// possibly joined by "of" or "the" ("Freedom of Russia Legion"), is one
// term: a name counts once, however many words it has, so two sentences do
// not look alike merely because both spell out the same long name.
func (t *tokenizer) terms(s string, f func(id int32, joined bool)) {
	t.spans = appendWords(t.spans[:0], s)
	t.termsOf(s, t.spans, f)
}

// termsOf is terms for the words ws of s (see appendWords). It leaves in
// t.wordIDs the id of each word as written.
func (t *tokenizer) termsOf(s string, ws []wordSpan, f func(id int32, joined bool)) {
	t.wordIDs = t.wordIDs[:0]
	start, end, words := 0, 0, 0 // the current run of capitalised words
	first := int32(-1)           // the term of the run's first word
	conn := -1                   // end of a connector after the run
	last := -1                   // end of the last word that gave a term
	emit := func(id int32, ws, we int) {
		if id >= 0 {
			f(id, last >= 0 && s[last:ws] == " ")
			last = we
		}
	}
	flush := func() {
		switch {
		case words == 1:
			emit(first, start, end)
		case words > 1:
			emit(t.name(s[start:end]), start, end)
		}
		words, conn = 0, -1
	}
	for _, span := range ws {
		ws, we := int(span[0]), int(span[1])
		w := s[ws:we]
		id, word := t.word(w)
		t.wordIDs = append(t.wordIDs, word)
		if id >= 0 && isCapitalised(w) {
			switch {
			case words > 0 && conn < 0 && s[end:ws] == " ":
			case words > 0 && conn >= 0 && s[conn:ws] == " ":
			default:
				flush()
				start, first = ws, id
			}
			end = we
			words++
			conn = -1
			if strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "'s") {
				flush()
			}
			continue
		}
		if words > 0 && conn < 0 && (w == "of" || w == "the") && s[end:ws] == " " {
			conn = we
			continue
		}
		flush()
		emit(id, ws, we)
	}
	flush()
}

// word returns the term id of word w, or -1 for a stop word, and the id
// of w as written.
func (t *tokenizer) word(w string) (term, word int32) {
	e, ok := t.words[w]
	if !ok {
		e.term = -1
		if b, ok := t.norm(w); ok {
			e.term = t.intern(string(b))
		}
		e = t.remember(w, e.term)
	}
	t.seen, t.seenIn = firstUse(t.seen, t.seenIn, e.word, t.pass)
	t.use(e.term)
	return e.term, e.word
}

// name returns the term id of a multi-word name: lower-cased, possessive
// dropped.
func (t *tokenizer) name(s string) int32 {
	e, ok := t.words[s]
	if !ok {
		e = t.remember(s, t.intern(strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(s, "’s"), "'s"))))
	}
	t.use(e.term)
	return e.term
}

// startUses starts new lists of used terms and words (see
// tokenizer.used).
func (t *tokenizer) startUses() {
	t.pass++
	t.used, t.seen = t.used[:0], t.seen[:0]
}

// use records that term id was used, unless it is -1 (none).
func (t *tokenizer) use(id int32) {
	if id >= 0 {
		t.used, t.usedIn = firstUse(t.used, t.usedIn, id, t.pass)
	}
}

// firstUse appends id to list unless in, which holds the pass that last
// used each id, says that pass used it already; and returns both.
func firstUse(list []int32, in []uint32, id int32, pass uint32) ([]int32, []uint32) {
	for int(id) >= len(in) {
		in = append(in, 0)
	}
	if in[id] != pass {
		in[id] = pass
		list = append(list, id)
	}
	return list, in
}

// remember numbers word w, whose term is term.
func (t *tokenizer) remember(w string, term int32) wordEntry {
	if t.words == nil {
		t.words = map[string]wordEntry{}
	}
	e := wordEntry{word: int32(len(t.words)), term: term}
	t.words[w] = e
	t.forms = append(t.forms, w)
	return e
}

// vocabulary numbers strings in the order they are first given.
type vocabulary struct {
	ids   map[string]int32 // string → id
	vocab []string         // id → string
}

// intern returns the id of s, numbering it if it is new.
func (v *vocabulary) intern(s string) int32 {
	if id, ok := v.ids[s]; ok {
		return id
	}
	if v.ids == nil {
		v.ids = map[string]int32{}
	}
	id := int32(len(v.vocab))
	v.ids[s] = id
	v.vocab = append(v.vocab, s)
	return id
}

// isCapitalised reports whether w starts with an upper-case letter.
func isCapitalised(w string) bool {
	r, _ := decodeRune(w, 0)
	return unicode.IsUpper(r)
}

// norm returns the content word for word w, or false for a stop word.
func (t *tokenizer) norm(w string) ([]byte, bool) {
	for _, suf := range [...]string{"’s", "'s", "’", "'"} {
		if len(w) > len(suf) && w[len(w)-len(suf):] == suf {
			w = w[:len(w)-len(suf)]
			break
		}
	}
	b := t.buf[:0]
	digits := true
	for _, r := range w {
		if r == '-' || r == '‐' || r == '\'' || r == '’' || r == ',' {
			continue
		}
		b = appendLower(b, r)
		if !unicode.IsDigit(r) && r != '.' {
			digits = false
		}
	}
	t.buf = b
	if digits {
		return b, len(b) > 0
	}
	e, known := lexicon[string(b)]
	switch {
	case len(b) < 2 || known && e.stop:
		return nil, false
	case known && e.final:
		t.buf = append(b[:0], e.to...)
		return t.buf, true
	case known:
		b = append(b[:0], e.to...)
	}
	b = stem(b)
	t.buf = b
	return b, true
}

// lexEntry is what the tokenizer knows of a word: a stop word, or a word to
// replace, finally (a number, a synonym) or before stemming (a spelling).
type lexEntry struct {
	stop  bool
	final bool
	to    string
}

// lexicon merges the word tables, so that each word costs one look-up.
var lexicon = func() map[string]lexEntry {
	m := map[string]lexEntry{}
	for w := range stopWords {
		m[w] = lexEntry{stop: true}
	}
	for w, to := range britishSpelling {
		m[w] = lexEntry{to: to}
	}
	for w, to := range numberWords {
		m[w] = lexEntry{final: true, to: to}
	}
	for w, to := range synonyms {
		m[w] = lexEntry{final: true, to: to}
	}
	return m
}()

// stem strips the commonest English inflections: plurals, -ed, -ing, a
// final e, and "-ize" spellings. It is deliberately light: it only has to
// make two wordings of one report agree, not to find dictionary roots.
func stem(b []byte) []byte {
	has := func(suf string) bool { return len(b) > len(suf)+2 && string(b[len(b)-len(suf):]) == suf }
	switch {
	case has("ies"):
		b = append(b[:len(b)-3], 'y')
	case has("sses"):
		b = b[:len(b)-2]
	case has("s") && !has("ss") && !has("us") && !has("is"):
		b = b[:len(b)-1]
	}
	switch {
	case has("ing"):
		b = undouble(b[:len(b)-3])
	case has("ed"):
		b = undouble(b[:len(b)-2])
	}
	if i := len(b) - 3; i > 2 && string(b[i:]) == "ize" {
		b[i+1] = 's'
	}
	if has("e") {
		b = b[:len(b)-1]
	}
	return b
}

// undouble drops the second of a doubled final consonant ("trapp" → "trap"),
// keeping ll, ss and zz ("kill").
func undouble(b []byte) []byte {
	n := len(b)
	if n > 3 && b[n-1] == b[n-2] && !strings.ContainsRune("aeioulsz", rune(b[n-1])) {
		return b[:n-1]
	}
	return b
}

// scanWords calls f with the byte range of each word of s: a run of
// letters and digits, with apostrophes and hyphens inside it, and decimal
// points and thousands separators between digits.
func scanWords(s string, f func(start, end int)) {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf && !asciiWord[c] {
			i++
			continue
		}
		r, n := decodeRune(s, i)
		if !isWordRune(r) {
			i += n
			continue
		}
		start := i
		prev := r
		i += n
		for i < len(s) {
			if c := s[i]; c < utf8.RuneSelf && asciiWord[c] {
				prev = rune(c)
				i++
				continue
			}
			r, n := decodeRune(s, i)
			if isWordRune(r) {
				prev = r
				i += n
				continue
			}
			if i+n < len(s) {
				next, _ := decodeRune(s, i+n)
				inNumber := (r == '.' || r == ',') && unicode.IsDigit(prev) && unicode.IsDigit(next)
				inWord := (r == '\'' || r == '’' || r == '-' || r == '‐') && isWordRune(next)
				if inNumber || inWord {
					i += n
					continue
				}
			}
			break
		}
		f(start, i)
	}
}

// wordSpan is where a word of a sentence starts and ends, in bytes.
type wordSpan [2]int32

// appendWords appends the words of s (see scanWords) to ws.
func appendWords(ws []wordSpan, s string) []wordSpan {
	scanWords(s, func(start, end int) { ws = append(ws, wordSpan{int32(start), int32(end)}) })
	return ws
}

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

func decodeRune(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// isStopWord reports whether the lower-case word w carries no content.
func isStopWord(w string) bool { return stopWords[w] }

// stopWords are English function words, and the reporting verbs that every
// attributed sentence shares.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
a about above after again against all almost along already also although am among an and another any are
around as at be because been before being below between both but by can cannot could did do does doing
done down during each either else even ever every few for from further had has have having he her here hers
herself him himself his how however i if in into is it its itself just least less many may me might more most
much must my myself neither no nor not now of off often on once one's only onto or other others otherwise our
ours ourselves out over own per perhaps quite rather same several shall she should since so some such than
that the their theirs them themselves then there these they this those though through thus to too toward
towards under until up upon us very via was we were what whatever when where whether which while who whom
whose why will with within without would yet you your yours yourself yourselves
dont doesnt didnt isnt arent wasnt werent wont cant couldnt shouldnt wouldnt hasnt havent hadnt
its theyre thats theres weve youre im ive hes shes
mr mrs ms
later earlier meanwhile yesterday today tonight instead finally separately previously
say says said saying tell tells told according`) {
		m[w] = true
	}
	return m
}()

// numberWords maps spelled-out numbers to digits.
var numberWords = map[string]string{
	"zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
	"seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
	"thirteen": "13", "fourteen": "14", "fifteen": "15", "sixteen": "16", "seventeen": "17",
	"eighteen": "18", "nineteen": "19", "twenty": "20", "thirty": "30", "forty": "40",
	"fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80", "ninety": "90",
	"hundred": "100", "thousand": "1000", "million": "1000000", "billion": "1000000000",
}

// synonyms maps the words in which casualty reports differ most to one
// term, so that "one person was killed" and "a civilian had died" agree.
var synonyms = map[string]string{
	"killed": "kill", "kill": "kill", "kills": "kill", "killing": "kill", "dead": "kill",
	"died": "kill", "dies": "kill", "death": "kill", "deaths": "kill",
	"injured": "injur", "injury": "injur", "injuries": "injur", "wounded": "injur",
	"wounding": "injur", "hurt": "injur",
	"civilian": "person", "civilians": "person", "person": "person", "people": "person",
}

// britishSpelling maps common American spellings to British ones, so that
// wire copy and its rewrites agree.
var britishSpelling = map[string]string{
	"defense": "defence", "defenses": "defences", "offense": "offence", "offenses": "offences",
	"armor": "armour", "armored": "armoured", "armors": "armours",
	"center": "centre", "centers": "centres", "honor": "honour", "labor": "labour",
	"favor": "favour", "neighbor": "neighbour", "neighbors": "neighbours", "color": "colour",
	"gray": "grey", "program": "programme", "programs": "programmes",
}

// appendLower appends r in lower case to b, without a table lookup for ASCII.
func appendLower(b []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(b, byte(r))
	}
	return utf8.AppendRune(b, unicode.ToLower(r))
}
