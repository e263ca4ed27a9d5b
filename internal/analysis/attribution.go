package analysis

import (
	"context"
	"slices"
	"strings"
	"unicode/utf8"

	"briefing/internal/model"
	"briefing/internal/parallel"
)

// Attribution: a sentence in which an actor is the speaker is a statement
// of that actor. The speaker is found from the shape of the sentence around
// a reporting verb (said, told, wrote, claimed, denied, …), never from the
// mere presence of a name:
//
//   - subject before the verb: "Kremlin spokesman Dmitry Peskov said",
//     "The Russian defence ministry earlier claimed", across an apposition
//     or a relative clause ("Andriy Yusov, a spokesperson for Ukraine’s
//     military intelligence, told"), and for "X and Y said" both;
//   - subject after the verb, after a quotation or a comma: "…,” said
//     Gladkov", "…,” said the state department’s spokesperson, Matthew Miller";
//   - "according to X" and "in the words of X";
//   - a statement, post or spokesperson whose owner is named: "the
//     ministry's statement said", "a statement issued by the SSB said";
//   - a source cited in another's report: "the ministry, citing the SSB,
//     said" credits both;
//   - "X is heard saying", "X was quoted as saying";
//   - a verb that shares the subject of the sentence ("Kost toured the
//     town, saying …", "… and said"), a relative clause after a comma
//     ("by the ministry, which said"), a name set off as an apposition
//     ("its envoy, Selma Okoro, said") and the agent of a passive report
//     ("it was denied by the ministry").
//
// A name followed by a possessive ("Zelensky’s team denied") or governed by
// a preposition ("bloggers close to the defence ministry said") is not the
// subject, and nor is a name inside the clause a verb reports ("Varga said
// Dorn had told …" is Varga's statement). "per X" names where the words
// were found, not who spoke, so it attributes nothing. A sentence that is a
// quotation and has no attribution of its own takes the speaker of the
// sentence before it, or else after it, in the same paragraph; "he said" or
// "she said" takes the speaker of the sentence before when that is a single
// person, "it said" when that is a single organisation, state, group or
// outlet; when the sentence before reports no words, its subject.

// reportingVerbs are the verbs that introduce what someone said.
var reportingVerbs = setOf(`said says say told tells wrote writes claimed claims denied denies
asserted asserts announced announces declared declares added adds stated states tweeted tweets
warned warns confirmed confirms insisted insists reported reports reiterated reiterates
blamed blames accused accuses urged urges acknowledged acknowledges admitted admits
alleged alleges argued argues explained explains noted notes responded responds replied replies
stressed stresses emphasized emphasised emphasizes emphasises vowed vows promised promises
described describes boasted boasts indicated indicates appealed appeals`)

// preVerbWords may stand between a subject and its verb: "X earlier said",
// "X has repeatedly denied". Words ending in -ly are accepted too.
var preVerbWords = setOf(`also earlier later then again previously first once has had have
already since just never still both all`)

// prepositions govern a noun that therefore is not a subject.
var prepositions = setOf(`of to by for from with in on at about against near into over under
like than toward towards between among via per across behind beyond within without
including close`)

// inversionStops end the search for a subject after the verb: past them the
// sentence is about something else ("said a statement put out by the group").
var inversionStops = setOf(`per according in on at while using adding after before that who which
by from when as to`)

// speechKind says which of the sets of words of speech a word, as
// written, is in.
type speechKind uint8

const (
	reportingVerb speechKind = 1 << iota
	reportingParticiple
	citingWord
)

// speechWords merges the sets of words of speech, so that each word of a
// sentence costs one look-up.
var speechWords = func() map[string]speechKind {
	m := map[string]speechKind{}
	for kind, set := range map[speechKind]map[string]bool{reportingVerb: reportingVerbs, reportingParticiple: reportingParticiples, citingWord: citingWords} {
		for w := range set {
			m[w] |= kind
		}
	}
	return m
}()

// speechShapes marks, for each first byte, the lengths of the words of
// speech that start with it (all shorter than 64 bytes), so that most
// words are known not to be one without a look-up.
var speechShapes = func() (shapes [256]uint64) {
	for w := range speechWords {
		shapes[w[0]] |= 1 << len(w)
	}
	return shapes
}()

// speechKindOf returns the sets of words of speech w is in.
func speechKindOf(w string) speechKind {
	if len(w) == 0 || len(w) >= 64 || speechShapes[w[0]]&(1<<len(w)) == 0 {
		return 0
	}
	return speechWords[w]
}

// isLowerASCII reports whether w has no upper-case ASCII letter and no
// other than ASCII characters, so that strings.ToLower leaves it as it is.
func isLowerASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}

// inLower reports whether strings.ToLower(w) is in set, without
// allocating for a short ASCII word.
func inLower(set map[string]bool, w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return set[strings.ToLower(w)]
		}
	}
	if len(w) > 32 { // longer than lowerIn looks
		return set[strings.ToLower(w)]
	}
	return lowerIn(set, w)
}

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// sentenceView is one sentence being attributed: its words and mentions,
// with offsets into the article text.
type sentenceView struct {
	text       string // the whole article text
	start, end int
	words      [][2]int
	mentions   []model.Mention
	outer      []model.Mention // owned: mentions, when some are nested, are made here
}

func (v *sentenceView) word(i int) string { return v.text[v.words[i][0]:v.words[i][1]] }

// attribute returns, for each sentence of a, the slugs of the actors that
// speak in it, in order of appearance, and the index of the sentence whose
// statement it continues (a quotation that takes its speaker from a
// neighbour), or -1. ms are a's mentions in text order; person reports
// whether an actor slug names a person.
func attribute(a *doc, ms []model.Mention, person func(string) bool) (speakers [][]string, continues []int) {
	return attributeWith(a, ms, person, nil)
}

// attributeWith is attribute taking the words of a's sentences from
// spans when they hold them.
func attributeWith(a *doc, ms []model.Mention, person func(string) bool, spans *wordSpans) (speakers [][]string, continues []int) {
	stored := spans.of(len(a.Sentences))
	own := make([][]string, len(a.Sentences))
	pronoun := make([]byte, len(a.Sentences))
	subject := make([]string, len(a.Sentences)) // the actor a sentence opens with, if one
	next := 0
	v := &sentenceView{text: a.Text} // reused: its words buffer grows once
	for i, s := range a.Sentences {
		first := next
		for next < len(ms) && ms[next].Sentence == i {
			next++
		}
		if first == next && !mayHavePronounSubject(s.Text) {
			continue
		}
		v.start, v.end, v.words = s.Start, s.End, v.words[:0]
		v.mentions, v.outer = outerMentions(ms[first:next], v.outer[:0])
		if stored {
			v.words = spans.appendWords(v.words, i)
		} else {
			scanWords(s.Text, func(st, en int) { v.words = append(v.words, [2]int{s.Start + st, s.Start + en}) })
		}
		own[i], pronoun[i] = v.speakers()
		if subj := v.sentenceSubject(); len(subj) == 1 {
			subject[i] = subj[0].Actor
		}
	}
	// Quotations and pronouns take the speaker of a neighbouring sentence
	// that has one of its own.
	speakers = make([][]string, len(own))
	copy(speakers, own)
	continues = make([]int, len(own))
	for i, s := range a.Sentences {
		continues[i] = -1
		if len(own[i]) > 0 {
			continue
		}
		prev := i > 0 && a.Sentences[i-1].Para == s.Para
		next := i+1 < len(a.Sentences) && a.Sentences[i+1].Para == s.Para
		switch {
		case pronoun[i] != 0 && prev:
			// "He said" follows a person, "it said" an organisation: the
			// speaker of the sentence before, or else its subject ("Kost
			// met the families. He promised …").
			if len(own[i-1]) == 1 && person(own[i-1][0]) == (pronoun[i] == 'h') {
				speakers[i] = own[i-1]
			} else if len(own[i-1]) == 0 && subject[i-1] != "" && person(subject[i-1]) == (pronoun[i] == 'h') {
				speakers[i] = []string{subject[i-1]}
			}
		case isQuotation(s.Text):
			if prev && len(own[i-1]) > 0 {
				speakers[i], continues[i] = own[i-1], i-1
			} else if next && len(own[i+1]) > 0 {
				speakers[i], continues[i] = own[i+1], i+1
			}
		}
	}
	return speakers, continues
}

// outerMentions returns the mentions of ms that are not nested in a longer
// one (see Mention.Nested), for the longer alias decides who speaks: ms
// itself when none is nested, else buf with them appended, and buf.
func outerMentions(ms, buf []model.Mention) (outer, grown []model.Mention) {
	if !slices.ContainsFunc(ms, func(m model.Mention) bool { return m.Nested }) {
		return ms, buf
	}
	for _, m := range ms {
		if !m.Nested {
			buf = append(buf, m)
		}
	}
	return buf, buf
}

// mayHavePronounSubject is a cheap test for "he said", "it said" and the
// like.
func mayHavePronounSubject(s string) bool {
	return strings.Contains(s, "he ") || strings.Contains(s, "He ") || strings.Contains(s, "it ") || strings.Contains(s, "It ")
}

// isQuotation reports whether a sentence opens with a quotation mark.
func isQuotation(s string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimSpace(s))
	return r == '“' || r == '"' || r == '‘' || r == '„' || r == '«'
}

// speakers returns the actors that speak in the sentence, and which
// pronoun is the subject of a reporting verb when no actor speaks: 'h' for
// "he" or "she", 'i' for "it", else 0.
func (v *sentenceView) speakers() (out []string, pronoun byte) {
	var found []model.Mention // the speakers' mentions, put in text order below
	add := func(ms ...model.Mention) { found = append(found, ms...) }
	said := -1 // where the words of the last reporting verb begin
	for i := range v.words {
		w := v.word(i)
		kind := speechKindOf(w)
		switch {
		case (kind&reportingVerb != 0 && !v.passiveReport(i) || w == "saying" && v.heardOrQuoted(i) || v.framedReport(i)) && !v.nounUse(i):
			at := v.words[i][0] // where the subject begins
			subj, pro := v.subjectBefore(i)
			if len(subj) == 0 && pro == 0 {
				subj = v.statementOwners(i, said)
			}
			if len(subj) == 0 && pro == 0 && v.joinedVerb(i) {
				subj = v.sentenceSubject()
			}
			if len(subj) == 0 && pro == 0 {
				subj = v.passiveAgent(i)
			}
			if len(subj) > 0 {
				at = min(at, subj[0].Start)
			} else if pro == 0 {
				if m, ok := v.subjectAfter(i); ok {
					subj = append(subj, m)
				}
			}
			if !v.reported(said, at) {
				add(subj...)
				if pronoun == 0 {
					pronoun = pro
				}
			}
			said = v.words[i][1]
		case strings.EqualFold(w, "according") && i+1 < len(v.words) && v.word(i+1) == "to":
			if m, ok := v.mentionAfter(v.words[i+1][1]); ok {
				add(m)
			}
		case w == "words" && i+1 < len(v.words) && v.word(i+1) == "of" && i > 1 && strings.EqualFold(v.word(i-2), "in"):
			if m, ok := v.mentionAfter(v.words[i+1][1]); ok {
				add(m)
			}
		case kind&reportingParticiple != 0 && v.afterComma(i):
			if subj := v.sentenceSubject(); len(subj) > 0 && subj[0].End < v.words[i][0] && !v.reported(said, subj[0].Start) {
				add(subj...)
			}
			said = v.words[i][1]
		case kind&citingWord != 0 || !isLowerASCII(w) && inLower(citingWords, w):
			if m, ok := v.cited(v.words[i][1]); ok {
				add(m)
			}
		}
	}
	// A cited source may come before the subject: "the ministry, citing
	// TASS, said" lists the ministry first.
	slices.SortStableFunc(found, func(a, b model.Mention) int { return a.Start - b.Start })
	for _, m := range found {
		if !contains(out, m.Actor) {
			out = append(out, m.Actor)
		}
	}
	if len(out) > 0 {
		pronoun = 0
	}
	return out, pronoun
}

// subjectBefore returns the mentions that are the subject of the verb at
// word i, looking left past adverbs and then past up to three comma-set
// phrases (appositions, relative clauses), and the pronoun when the
// subject is "he" or "she" ('h') or "it" ('i').
func (v *sentenceView) subjectBefore(i int) ([]model.Mention, byte) {
	j := i - 1
	for j >= 0 && v.words[j][1] == v.gapStart(v.words[j+1][0]) && (isPreVerb(v.word(j)) || v.word(i) == "saying" && sayingFrame[v.word(j)]) {
		j--
	}
	at := v.words[j+1][0] // the subject must end here, bar spaces
	if j >= 0 && v.words[j][1] == v.gapStart(at) {
		switch strings.ToLower(v.word(j)) {
		case "he", "she":
			return nil, 'h'
		case "it":
			return nil, 'i'
		case "which", "who":
			// A relative clause set off by a comma speaks for the name
			// before it, unless a preposition other than "by" governs the
			// name: after "groups opposed to Putin, who" the clause may
			// be the groups', but after "rejected by the ministry, which
			// said" it is the ministry's.
			if c := v.gapStart(v.words[j][0]); c > v.start && v.text[c-1] == ',' {
				for _, m := range v.mentions {
					if m.End == v.gapStart(c-1) && !possessive(v.text, m.End) && (!v.governed(m) || v.governor(m) == "by") {
						return []model.Mention{m}, 0
					}
				}
			}
		}
	}
	end := v.gapStart(at)
	for commas := 0; ; commas++ {
		if m, ok := v.mentionEndingAt(end); ok {
			return v.withConjuncts(m), 0
		}
		// Step over one comma-set phrase: ", a spokesperson for X,".
		if commas == 3 || end <= v.start || v.text[end-1] != ',' {
			return nil, 0
		}
		prev := strings.LastIndexByte(v.text[v.start:end-1], ',')
		if prev < 0 {
			return nil, 0
		}
		phrase := v.text[v.start+prev+1 : end-1]
		if strings.ContainsAny(phrase, "“”\"") || len(strings.Fields(phrase)) > 20 {
			return nil, 0
		}
		if ms := v.apposition(v.start+prev, end-1); len(ms) > 0 {
			return ms, 0
		}
		end = v.gapStart(v.start + prev)
	}
}

// gapStart returns the offset where the spaces before at begin.
func (v *sentenceView) gapStart(at int) int {
	for at > v.start && (v.text[at-1] == ' ' || v.text[at-1] == '\t' || v.text[at-1] == '\n') {
		at--
	}
	return at
}

// mentionEndingAt returns the mention ending at offset end, when it can be
// a subject: not governed by a preposition.
func (v *sentenceView) mentionEndingAt(end int) (model.Mention, bool) {
	for _, m := range v.mentions {
		if m.End == end {
			return m, !v.governed(m)
		}
	}
	return model.Mention{}, false
}

// governed reports whether the word before mention m is a preposition.
func (v *sentenceView) governed(m model.Mention) bool {
	for j := len(v.words) - 1; j >= 0; j-- {
		if v.words[j][1] <= m.Start {
			return v.words[j][1] == v.gapStart(m.Start) && prepositions[strings.ToLower(v.word(j))]
		}
	}
	return false
}

// withConjuncts returns m and the mentions joined to it by "and" before it:
// "The Legion and the Russian Volunteer Corps said".
func (v *sentenceView) withConjuncts(m model.Mention) []model.Mention {
	out := []model.Mention{m}
	for {
		k := indexOf(v.mentions, m)
		if k <= 0 {
			return out
		}
		p := v.mentions[k-1]
		if strings.TrimSpace(v.text[p.End:m.Start]) != "and" || v.governed(p) || possessive(v.text, p.End) {
			return out
		}
		out = append([]model.Mention{p}, out...)
		m = p
	}
}

// subjectAfter returns the subject of an inverted report ("…,” said
// Gladkov): the first mention after the verb at word i that is not a
// possessive, within six words and before any word that starts another
// phrase. The verb must follow a quotation or a comma.
func (v *sentenceView) subjectAfter(i int) (model.Mention, bool) {
	before := v.gapStart(v.words[i][0])
	if before <= v.start {
		return model.Mention{}, false
	}
	last, _ := utf8.DecodeLastRuneInString(v.text[:before])
	if !strings.ContainsRune("”\"’',—", last) {
		return model.Mention{}, false
	}
	limit := v.end
	for j := i + 1; j < len(v.words) && j <= i+6; j++ {
		if inversionStops[v.word(j)] {
			limit = v.words[j][0]
			break
		}
		limit = v.words[j][1]
	}
	for _, m := range v.mentions {
		if m.Start < v.words[i][1] || m.Start >= limit {
			continue
		}
		if !possessive(v.text, m.End) && v.endsInversion(m) {
			return m, true
		}
	}
	return model.Mention{}, false
}

// endsInversion reports whether mention m, after an inverted verb, ends
// the subject: what follows it is the end of the sentence, punctuation or
// a word that starts an adjunct ("said Gladkov on Telegram", "…, said
// Gladkov, per TASS"). A name followed by anything else starts what was
// said ("The statement, posted on its channel, said Dorn had agreed"):
// that is whom the words are about, not who speaks.
func (v *sentenceView) endsInversion(m model.Mention) bool {
	rest := strings.TrimLeft(v.text[m.End:v.end], " ")
	if rest == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(rest)
	if !isWordRune(r) {
		return true
	}
	end := strings.IndexFunc(rest, func(r rune) bool { return !isWordRune(r) })
	if end < 0 {
		end = len(rest)
	}
	w := strings.ToLower(rest[:end])
	return prepositions[w] || inversionStops[w] || adjunctStarts[w]
}

// mentionAfter returns the mention that starts at offset at, bar spaces and
// an article ("according to the Russian defence ministry"), unless it is a
// possessive ("according to Peskov’s office").
func (v *sentenceView) mentionAfter(at int) (model.Mention, bool) {
	rest := strings.TrimLeft(v.text[at:v.end], " ")
	for _, det := range []string{"the ", "The "} {
		if r := strings.TrimPrefix(rest, det); len(r) < len(rest) {
			for _, m := range v.mentions {
				if m.Start == v.end-len(r) && !possessive(v.text, m.End) {
					return m, true
				}
			}
		}
	}
	for _, m := range v.mentions {
		if m.Start == v.end-len(rest) && !possessive(v.text, m.End) {
			return m, true
		}
	}
	return model.Mention{}, false
}

// possessive reports whether the text at offset end is a possessive ’s.
func possessive(text string, end int) bool {
	rest := text[end:]
	return strings.HasPrefix(rest, "’s") || strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’ ")
}

func isPreVerb(w string) bool {
	return preVerbWords[w] || (len(w) > 4 && strings.HasSuffix(w, "ly") && w == strings.ToLower(w))
}

func indexOf(ms []model.Mention, m model.Mention) int {
	for k := range ms {
		if ms[k] == m {
			return k
		}
	}
	return -1
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// attribution is what attribute finds in one article.
type attribution struct {
	speakers  [][]string
	continues []int
}

// attributeAll attributes the sentences of every article of s, in article
// order; s.f.Mentions must be filled. What a text's sentences attribute
// depends on its mentions and on which actors are persons; m keeps it
// while both hold. The result shares slices with m, which replaces rather
// than changes them, so it must only be read. When ctx is done first, it
// returns ctx's error.
func attributeAll(ctx context.Context, s *site, m *memo) ([]attribution, error) {
	kind := map[string]model.Kind{}
	var persons []string
	for _, a := range s.Actors {
		kind[a.Slug] = a.Kind
		if a.Kind == model.Person {
			persons = append(persons, a.Slug)
		}
	}
	person := func(slug string) bool { return kind[slug] == model.Person }
	personKey := strings.Join(persons, ",")
	// Each article's mentions, which are in article order.
	mentions := make([][]model.Mention, len(s.docs))
	at := 0
	for ai, a := range s.docs {
		from := at
		for at < len(s.f.Mentions) && s.f.Mentions[at].Article == a.Slug {
			at++
		}
		mentions[ai] = s.f.Mentions[from:at]
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	// Attribute each text not attributed with these mentions and
	// persons yet, on all cores.
	todo := m.unseen(s.Articles, func(i int, e *textMemo) bool {
		return e.mentionKey == "" || len(e.mentions) != len(mentions[i]) || e.speakersBy != e.mentionKey || e.persons != personKey
	})
	err := parallel.Each(len(todo), func(j int) error {
		i, e := todo[j].i, todo[j].e
		e.speakers, e.continues = attributeWith(s.docs[i], mentions[i], person, &e.spans)
		e.speakersBy, e.persons = e.mentionKey, personKey
		return ctx.Err()
	})
	if err != nil {
		return nil, err
	}
	out := make([]attribution, len(s.Articles))
	for ai, a := range s.docs {
		e := m.text(a.Article)
		out[ai] = attribution{speakers: e.speakers, continues: e.continues}
	}
	return out, nil
}

// findStatements attributes every sentence of s and sets s.f.Statements:
// for each actor, one group per distinct statement, holding each article's
// wording of it (see statementSet.groups for their order). Two statements
// of one actor are the same when the corpus finds them similar with the
// actor's own names left out (every statement of Gladkov names Gladkov;
// that says nothing about what he said). s.f.Mentions must be filled. It
// returns the statements, grouped. When ctx is done first, it returns
// ctx's error.
func findStatements(ctx context.Context, s *site, c *corpus) (*statementSet, error) {
	attrs, err := attributeAll(ctx, s, c.m)
	if err != nil {
		return nil, err
	}
	ss := newStatementSet(s, attrs)
	byActor := map[string][]int32{} // actor → its statements
	for k, st := range ss.list {
		byActor[st.actor] = append(byActor[st.actor], int32(k))
	}
	// A group holds one actor's statements, so each actor's are joined
	// on their own, on all cores.
	err = parallel.Each(len(s.Actors), func(i int) error {
		a := s.Actors[i]
		if ks := byActor[a.Slug]; len(ks) > 0 {
			return joinSimilar(ctx, ss, a, ks, c)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	s.f.Statements = ss.groups()
	return ss, nil
}

// joinSimilar joins the statements ks of actor a that the corpus finds
// report the same thing. When ctx is done first, it returns ctx's error.
func joinSimilar(ctx context.Context, ss *statementSet, a *model.Actor, ks []int32, c *corpus) error {
	ignore := c.termIDs(append([]string{a.Name}, a.Aliases...)...)
	ids := make([]int, len(ks))
	for i, k := range ks {
		st := ss.list[k]
		ids[i] = c.first[st.article] + int(st.sentence)
	}
	x := c.subset(ids, ignore)
	var found []int32
	for i, k := range ks {
		if err := ctx.Err(); err != nil {
			return err
		}
		// Statements already in k's group need no scoring: with many
		// outlets carrying one statement, this keeps grouping linear.
		// They join after the search, so that what it finds does not
		// depend on the order it meets them in.
		found = found[:0]
		x.alike(i, sameStatement,
			func(m int) bool { return ss.find(ks[m]) == ss.find(k) },
			func(m int) { found = append(found, ks[m]) })
		for _, j := range found {
			ss.join(j, k)
		}
	}
	return nil
}
