package analysis

import (
	"strings"
	"unicode/utf8"

	"briefing/internal/model"
)

// Frames of reported speech beyond a subject and its verb: a statement
// that speaks for its owner, a source cited within another's report,
// "heard saying", a verb that shares the subject of the sentence
// ("…, saying", "… and said"), a name set off as an apposition, and the
// clause a verb reports, whose names do not speak.

// statementNouns are what an actor speaks through: "The ministry's
// statement said", "the militia's channel said", "a spokesperson for the
// governor said". Its owner is the speaker.
var statementNouns = setOf(`statement statements communique communiqué announcement release
post posts tweet message video letter report bulletin update channel account website page
spokesperson spokesman spokeswoman`)

// ownerPrepositions make their noun the owner of a statement: "a statement
// issued by the SSB", "a statement from the ministry", "a spokesperson for
// the governor".
var ownerPrepositions = setOf(`by from for`)

// topicPrepositions make a possessive the topic, not the owner: "a report
// about Dorn's fighters".
var topicPrepositions = setOf(`about against over regarding concerning into after`)

// clauseOpeners start a clause: a statement's subject does not reach back
// past them.
var clauseOpeners = setOf(`that which who whom whose and but while whereas because although though
when if`)

// clauseBreaks after a comma or dash end what a reporting verb reports:
// "X said it was over, but Y said it was not". but, while and whereas end
// it even without the comma.
var clauseBreaks = setOf(`and but while whereas although though as after before when even yet`)

// citingWords name a source within another's report: "the ministry, citing
// the SSB, said".
var citingWords = setOf(`citing quoting`)

// adjunctStarts may follow the subject of an inverted verb: "said Gladkov,
// adding", "said Dorn late on Sunday".
var adjunctStarts = setOf(`adding late earlier later told who whose yesterday today tonight`)

// sayingFrame may stand between a subject and "saying" when it reports
// speech: "X is heard saying", "X can be heard saying", "X was quoted as
// saying".
var sayingFrame = setOf(`is was are were be been can could heard quoted as`)

// heardOrQuoted reports whether "saying" at word i reports the speech of
// its subject: "heard saying", "quoted as saying". After a comma,
// "saying" is a participle (see reportingParticiples).
func (v *sentenceView) heardOrQuoted(i int) bool {
	if i == 0 {
		return false
	}
	switch v.word(i - 1) {
	case "heard":
		return true
	case "as":
		return i > 1 && v.word(i-2) == "quoted"
	}
	return false
}

// passiveReport reports whether the verb at word i is a passive report:
// "Varga was said to be furious", "Ostravia said to be massing troops" (a
// headline). Say and report take no active infinitive, so "said to be" is
// always someone else's report about the subject.
func (v *sentenceView) passiveReport(i int) bool {
	switch v.word(i) {
	case "said", "reported", "says", "reports":
	default:
		return false
	}
	if i+2 >= len(v.words) || v.word(i+1) != "to" {
		return false
	}
	w := v.word(i + 2)
	return w == "be" || w == "have"
}

// reported reports whether a subject starting at offset at lies within
// what an earlier reporting verb, whose words begin at offset said,
// reports: "Varga said Dorn had told Nordwire …" is Varga's statement, and
// Dorn's words are hers to report. A semicolon, a quotation that ends a
// clause (the verb was inside it, or it was what the verb reported), or a
// comma or dash before a conjunction ("…, but the ministry said") ends the
// reported clause.
func (v *sentenceView) reported(said, at int) bool {
	if said < 0 || at < said {
		return false
	}
	between := v.text[said:at]
	if strings.ContainsRune(between, ';') || closesQuotation(between) {
		return false
	}
	comma := false
	broken := false
	scanWords(between, func(st, en int) {
		w := strings.ToLower(between[st:en])
		if clauseBreaks[w] && (comma || w == "but" || w == "while" || w == "whereas") {
			broken = true
		}
		gap := strings.TrimSpace(between[en:])
		comma = strings.HasPrefix(gap, ",") || strings.HasPrefix(gap, "—") || strings.HasPrefix(gap, "–")
	})
	if !broken {
		// A comma right after the verb: "The bridge was retaken, the
		// ministry said, and Dorn…".
		gap := strings.TrimSpace(between)
		broken = comma && gap == ""
	}
	return !broken
}

// statementOwners returns the speakers of the verb at word i when its
// subject is a statement, a post or a spokesperson rather than an actor:
// the actors that own it ("The ministry's statement said", "the Northern
// Shield statement said", "A statement issued by the SSB said", "The
// video, shared on the militia's channel, said"). The subject reaches back
// to the start of the sentence or of its clause, and no further than said,
// where the words of an earlier reporting verb begin. A statement after a
// preposition ("In a statement, …") is not the subject.
func (v *sentenceView) statementOwners(i, said int) []model.Mention {
	lo := v.start
	if said > lo {
		lo = said
	}
	frame := false
	j := i - 1
	for ; j >= 0 && i-j <= 30; j-- {
		if v.words[j][0] < lo || strings.ContainsAny(v.text[v.words[j][1]:v.words[j+1][0]], "“”\";:") {
			break
		}
		w := strings.ToLower(v.word(j))
		if clauseOpeners[w] {
			break
		}
		if statementNouns[w] && !v.afterPreposition(j) {
			frame = true
		}
	}
	if !frame {
		return nil
	}
	from, to := v.words[j+1][0], v.words[i][0]
	var out []model.Mention
	for _, m := range v.mentions {
		if m.Start < from || m.End > to {
			continue
		}
		gov := v.governor(m)
		switch {
		case possessive(v.text, m.End) && !topicPrepositions[gov],
			ownerPrepositions[gov],
			statementNouns[v.wordAfter(m.End)]:
			out = append(out, m)
		}
	}
	return out
}

// afterPreposition reports whether one of the three words before word j
// is a preposition: the noun at j is then governed by it ("In a
// statement", "on its Telegram channel").
func (v *sentenceView) afterPreposition(j int) bool {
	for k, n := j-1, 0; k >= 0 && n < 3 && v.words[k][0] >= v.start; k, n = k-1, n+1 {
		// A name is one word here: "of" in "A Council of the Lakes
		// report" governs nothing outside it.
		for _, m := range v.mentions {
			if m.Start <= v.words[k][0] && v.words[k][1] <= m.End {
				for k > 0 && v.words[k-1][0] >= m.Start {
					k--
				}
				break
			}
		}
		if prepositions[strings.ToLower(v.word(k))] && !v.inMention(k) {
			return true
		}
	}
	return false
}

// inMention reports whether word k lies within a mention.
func (v *sentenceView) inMention(k int) bool {
	for _, m := range v.mentions {
		if m.Start <= v.words[k][0] && v.words[k][1] <= m.End {
			return true
		}
	}
	return false
}

// governor returns the preposition right before mention m, lower-cased,
// or "".
func (v *sentenceView) governor(m model.Mention) string {
	for j := len(v.words) - 1; j >= 0; j-- {
		if v.words[j][1] <= m.Start {
			if w := strings.ToLower(v.word(j)); v.words[j][1] == v.gapStart(m.Start) && prepositions[w] {
				return w
			}
			return ""
		}
	}
	return ""
}

// wordAfter returns the word that starts after offset at, bar spaces,
// lower-cased, or "" when something else comes first.
func (v *sentenceView) wordAfter(at int) string {
	for j := range v.words {
		if v.words[j][0] >= at {
			if strings.TrimSpace(v.text[at:v.words[j][0]]) != "" {
				return ""
			}
			return strings.ToLower(v.word(j))
		}
	}
	return ""
}

// cited returns the source that "citing" or "quoting" names at offset at:
// an actor ("citing the SSB"), or one whose statement it is ("citing the
// SSB's report").
func (v *sentenceView) cited(at int) (model.Mention, bool) {
	if m, ok := v.mentionAfter(at); ok {
		return m, true
	}
	rest := strings.TrimLeft(v.text[at:v.end], " ")
	for _, det := range []string{"", "the "} {
		r := strings.TrimPrefix(rest, det)
		for _, m := range v.mentions {
			if m.Start == v.end-len(r) && possessive(v.text, m.End) {
				return m, true
			}
		}
	}
	return model.Mention{}, false
}

// reportingParticiples, after a comma, report the words of the sentence's
// subject: "The ministry summoned the ambassador, saying …".
var reportingParticiples = setOf(`saying adding writing claiming warning insisting denying accusing
arguing stressing noting`)

// afterComma reports whether a comma comes right before word i.
func (v *sentenceView) afterComma(i int) bool {
	g := v.gapStart(v.words[i][0])
	return i > 0 && g > v.start && v.text[g-1] == ','
}

// joinedVerb reports whether the verb at word i is joined by "and" to an
// earlier one, whose subject it shares: "VTV showed footage and said …".
func (v *sentenceView) joinedVerb(i int) bool {
	j := i - 1
	for j >= 0 && isPreVerb(v.word(j)) {
		j--
	}
	return j > 0 && v.word(j) == "and" && v.words[j][1] == v.gapStart(v.words[j+1][0])
}

// sentenceSubject returns the actor that opens the sentence as its
// subject, and those joined to it by "and": the first mention with
// nothing before it but "the" or an opening phrase set off by a comma
// ("On Monday, the ministry …", "Asked about Dorn, Kost …"), unless it is a
// possessive ("Dorn's fighters …").
func (v *sentenceView) sentenceSubject() []model.Mention {
	for k, m := range v.mentions {
		before := strings.TrimSpace(v.text[v.start:m.Start])
		before = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(before, "the"), "The"))
		if before != "" && !strings.HasSuffix(before, ",") {
			continue
		}
		if possessive(v.text, m.End) || v.governed(m) {
			return nil
		}
		out := []model.Mention{m}
		for _, n := range v.mentions[k+1:] {
			if strings.TrimSpace(v.text[out[len(out)-1].End:n.Start]) != "and" || possessive(v.text, n.End) {
				break
			}
			out = append(out, n)
		}
		return out
	}
	return nil
}

// apposition returns the subject a comma-set phrase names when the phrase,
// between the commas at offsets open and close, is exactly a name: "Its
// envoy, Selma Okoro, said". A name joined by "and" to the phrase's head
// ("The Council and its envoy, Selma Okoro, said") speaks too.
func (v *sentenceView) apposition(open, close int) []model.Mention {
	head := v.gapStart(open)
	if head <= v.start {
		return nil
	}
	from := open + 1
	for from < close && v.text[from] == ' ' {
		from++
	}
	to := v.gapStart(close)
	for k, m := range v.mentions {
		if m.Start != from || m.End != to {
			continue
		}
		for _, p := range v.mentions[:k] {
			between := v.text[p.End:head]
			if strings.HasPrefix(between, " and ") && !strings.ContainsAny(between, ",;") && !v.governed(p) && !possessive(v.text, p.End) {
				return []model.Mention{p, m}
			}
		}
		return []model.Mention{m}
	}
	return nil
}

// framedReport reports whether the verb at word i, which names an act of
// speech only in some frames, is in one: "called for", "called on X to",
// "called X “absurd”", "dismissed X as …", "branded X a …".
func (v *sentenceView) framedReport(i int) bool {
	switch v.word(i) {
	case "called", "calls", "call":
		if i+1 < len(v.words) && v.word(i+1) == "for" {
			return true
		}
		if i+1 < len(v.words) && v.word(i+1) == "on" {
			return v.wordWithin(i+2, 6, "to")
		}
		return v.wordWithin(i+1, 6, "as") || v.quoteWithin(i, 6)
	case "dismissed", "dismisses", "branded", "brands", "labelled", "labeled":
		return v.wordWithin(i+1, 6, "as") || v.quoteWithin(i, 6)
	}
	return false
}

// wordWithin reports whether word w is among the n words from word i, in
// the same clause (no comma between).
func (v *sentenceView) wordWithin(i, n int, w string) bool {
	for j := i; j < len(v.words) && j < i+n; j++ {
		if j > i && strings.ContainsRune(v.text[v.words[j-1][1]:v.words[j][0]], ',') {
			return false
		}
		if v.word(j) == w {
			return true
		}
	}
	return false
}

// quoteWithin reports whether an opening quotation mark comes within n
// words after word i, in the same clause.
func (v *sentenceView) quoteWithin(i, n int) bool {
	for j := i + 1; j < len(v.words) && j <= i+n; j++ {
		gap := v.text[v.words[j-1][1]:v.words[j][0]]
		if strings.ContainsRune(gap, ',') {
			return false
		}
		if strings.ContainsAny(gap, "“\"") {
			return true
		}
	}
	return false
}

// closesQuotation reports whether s holds a closing quotation mark next to
// punctuation (",” said", "”, the ministry said"): the quotation ends a
// clause, unlike a quoted phrase inside one ("had “liquidated” groups").
func closesQuotation(s string) bool {
	for i, r := range s {
		if r != '”' && r != '"' {
			continue
		}
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
		if strings.ContainsRune(",.?!—", before) || strings.ContainsRune(",.;:—", after) {
			return true
		}
	}
	return false
}

// nounUse reports whether the reporting verb at word i is a noun here:
// after a possessive or a determiner ("Marek's claims", "the reports").
func (v *sentenceView) nounUse(i int) bool {
	if i == 0 {
		return false
	}
	w := strings.ToLower(v.word(i - 1))
	return determiners[w] || strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "'s") || possessive(v.text, v.words[i-1][1])
}

// determiners make the word after them a noun.
var determiners = setOf(`the a an his her its their our my your these those such every`)

// passiveAgent returns the speaker of a passive reporting verb: the agent
// after "by" ("it was denied by the ministry", "the curfew was announced
// by the governor").
func (v *sentenceView) passiveAgent(i int) []model.Mention {
	if i == 0 || i+1 >= len(v.words) || v.word(i+1) != "by" {
		return nil
	}
	switch strings.ToLower(v.word(i - 1)) {
	case "was", "were", "is", "are", "been", "be", "being":
		if m, ok := v.mentionAfter(v.words[i+1][1]); ok {
			return []model.Mention{m}
		}
	}
	return nil
}
