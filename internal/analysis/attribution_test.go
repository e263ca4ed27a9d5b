package analysis

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"briefing/internal/model"
)

// speakersOf attributes every sentence of the seeds with the real actor
// files and returns a function giving the speakers of the sentence of
// article prefix that contains text.
func speakersOf(t *testing.T) (*site, func(prefix, text string) []string) {
	t.Helper()
	s := seedBriefing(t)
	findMentions(s, new(memo))
	person := func(slug string) bool { return s.Actor(slug) != nil && s.Actor(slug).Kind == "person" }
	speakers := map[string][][]string{}
	for _, a := range s.docs {
		var ms []model.Mention
		for _, m := range s.f.Mentions {
			if m.Article == a.Slug {
				ms = append(ms, m)
			}
		}
		speakers[a.Slug], _ = attribute(a, ms, person)
	}
	return s, func(prefix, text string) []string {
		t.Helper()
		r := sentenceRef(t, s.f, prefix, text)
		return speakers[r.Article][r.Sentence]
	}
}

func TestAttributeSeeds(t *testing.T) {
	_, speakers := speakersOf(t)
	tests := []struct {
		name, article, sentence string
		want                    []string
	}{
		// Subject before the verb.
		{"subject said", "001", "Belgorod Governor Vyacheslav Gladkov said on Tuesday that one person", []string{"vyacheslav-gladkov"}},
		{"the subject, not the country in the clause", "001", "Kremlin spokesman Dmitry Peskov said on Monday the cross-border attack was an attempt by Ukraine", []string{"dmitry-peskov"}},
		{"an adverb between subject and verb", "002", "The Russian defence ministry earlier claimed to have “trapped and liquidated”", []string{"russian-defence-ministry"}},
		{"asserted", "000", "the Russian defense ministry asserted that it had “trapped and liquidated”", []string{"russian-defence-ministry"}},
		{"over an apposition", "002", "Dmitry Peskov, the Kremlin spokesperson, said on Tuesday", []string{"dmitry-peskov"}},
		{"over an apposition naming another actor", "003", "Andriy Yusov, a spokesperson for Ukraine’s military intelligence, told Ukrainian media", []string{"andriy-yusov"}},
		{"over a relative clause", "002", "The governor of Russia’s Belgorod region, which borders Ukraine, announced on Tuesday evening", []string{"vyacheslav-gladkov"}},
		{"over a relative clause naming another actor", "003", "seeking to liberate Russia from Vladimir Putin, claimed to have crossed the border", []string{"freedom-of-russia-legion"}},
		{"an appositive subject", "002", "The Belgorod regional governor, Vyacheslav Gladkov, said a civilian had been killed", []string{"vyacheslav-gladkov"}},
		{"after a quotation", "004", "presidential adviser Mikhail Podolyak tweeted", []string{"mykhailo-podolyak"}},
		{"in a relative clause", "002", "which Ukrainian military intelligence said could create a “defensive corridor”", []string{"ukrainian-military-intelligence"}},
		{"reported", "002", "The Kommersant newspaper reported that a Russian base called Belgorod-22 was shelled", []string{"kommersant"}},
		{"reiterated", "001", "The US State Department reiterated that it had made it clear", []string{"us-state-department"}},
		{"told, with the addressee after the verb", "001", "Yusov told Ukrainian public broadcaster Suspilne that", []string{"andriy-yusov"}},
		{"said in a statement shape", "004", "the Freedom of Russia Legion said on social media, per a Ukrainian media translation", []string{"freedom-of-russia-legion"}},
		// Subject after the verb.
		{"said X, per a source", "004", "“The situation here is extremely tense,” said Vyacheslav Gladkov", []string{"vyacheslav-gladkov"}},
		{"said the possessor’s spokesperson", "002", "said the state department’s spokesperson, Matthew Miller", []string{"matthew-miller"}},
		// according to, in the words of.
		{"in the words of", "004", "in the words of Kremlin spokesman Dmitry Peskov", []string{"dmitry-peskov"}},
		// Neighbours.
		{"a quotation continues the statement before it", "004", "“I hope our military will finish the operation shortly", []string{"vyacheslav-gladkov"}},
		{"a quotation takes the attribution after it", "001", "“There are reports that there are two injured civilians", []string{"vyacheslav-gladkov"}},
		{"the next quotation continues it", "001", "“So far the security forces have not been able to reach them.”", []string{"vyacheslav-gladkov"}},
		{"he said after a sentence of the same person", "002", "Later, he said that a second drone had been shot down.", []string{"vyacheslav-gladkov"}},
		{"he added", "001", "He added that the Russian Investigative Committee", []string{"dmitry-peskov"}},
		// No statement.
		{"targets, according to videos the ministry released", "000", "were the targets of artillery and bombing raids, according to a series of videos", nil},
		{"a possessive is not the subject", "004", "Putin’s associates downplayed the operation", []string{"dmitry-peskov"}},
		{"per is a source, not a speaker", "004", "per a Reuters translation", nil},
		{"a name after a preposition is not the subject", "002", "some Russian military bloggers close to the defence ministry said", nil},
		{"a verb with no actor as subject", "002", "Members of those units said their campaign was continuing", nil},
		{"a statement by an unnamed group", "003", "“We are the same Russians as you,” said a statement put out by the group", nil},
		{"a mention with no reporting verb", "004", "Russian President Vladimir Putin, left, listens to Belgorod region governor", nil},
		{"the subject is Zelensky’s team, the speaker Podolyak", "004", "Ukrainian President Volodymyr Zelensky’s team denied responsibility", []string{"mykhailo-podolyak"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := speakers(tt.article, tt.sentence); !slices.Equal(got, tt.want) {
				t.Errorf("speakers of %s %q = %q, want %q", tt.article, tt.sentence, got, tt.want)
			}
		})
	}
}

// TestAttributeShapes checks the rules on made-up sentences, one shape
// each, so that a failure names the rule.
func TestAttributeShapes(t *testing.T) {
	actors := []*model.Actor{
		{Slug: "gladkov", Name: "Gladkov", Kind: "person"},
		{Slug: "legion", Name: "the Legion", Kind: "group"},
		{Slug: "corps", Name: "the Corps", Kind: "group"},
		{Slug: "tass", Name: "TASS", Kind: "media"},
		{Slug: "ministry", Name: "the ministry", Kind: "organisation"},
	}
	tests := []struct {
		text string
		want string // speakers of each sentence, "|" between sentences
	}{
		{"Gladkov said it was calm.", "gladkov"},
		{"“It is calm,” said Gladkov.", "gladkov"},
		{"“It is calm,” Gladkov wrote.", "gladkov"},
		{"It was calm, according to Gladkov.", "gladkov"},
		{"It was calm, according to the ministry.", "ministry"},
		{"It was calm, per TASS.", ""},
		{"It was calm, said Gladkov, per TASS.", "gladkov"},
		{"The Legion and the Corps said they had crossed.", "legion corps"},
		{"He said the Legion had crossed.", ""},
		{"Gladkov was said to be calm.", ""},
		{"Gladkov’s office said it was calm.", ""},
		{"Fighters close to the ministry said it was over.", ""},
		{"Gladkov said it was calm. He said it twice.", "gladkov|gladkov"},
		{"The ministry said it was over. He said it was not.", "ministry|"},
		{"“It is over.” The ministry said so. “Really over.”", "ministry|ministry|ministry"},
		{"“It is over.”\n\nThe ministry said so.", "|ministry"},
		{"Gladkov said it. The Legion crossed. “We are here.”", "gladkov||"},
		// What is said names others; a statement speaks for its owner.
		{"The statement, posted on the ministry's channel, said Gladkov had left.", "ministry"},
		{"It was over, said Gladkov on Telegram.", "gladkov"},
		{"The ministry said Gladkov had told TASS it was over.", "ministry"},
		{"The ministry said it was over, but Gladkov said it was not.", "ministry gladkov"},
		{"The Legion statement said it had crossed.", "legion"},
		{"A statement issued by the ministry said it was over.", "ministry"},
		{"Gladkov’s claims were denied.", ""},
		// Several speakers, and subjects shared by several verbs.
		{"The ministry, citing TASS, said it was over.", "ministry tass"},
		{"Gladkov toured the town, saying it was calm.", "gladkov"},
		{"Gladkov toured the town and said it was calm.", "gladkov"},
		{"It was denied by the ministry, which said it was calm.", "ministry"},
		{"Its commander, Gladkov, said it was calm.", "gladkov"},
		{"Gladkov is heard saying it is calm.", "gladkov"},
		{"Gladkov called for calm.", "gladkov"},
		{"Gladkov called the Legion on Monday.", ""},
		{"Gladkov was said to be calm.", ""},
		{"Gladkov toured the town. He said it was calm.", "|gladkov"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			a := segmented(t, "a", tt.text)
			s := newTestSite(t, &model.Site{Actors: actors, Articles: []*model.Article{a}})
			findMentions(s, new(memo))
			d := s.docs[0]
			speakers, _ := attribute(d, s.f.Mentions, func(slug string) bool { return slug == "gladkov" })
			var got []string
			for _, sp := range speakers {
				got = append(got, strings.Join(sp, " "))
			}
			if g := strings.Join(got, "|"); g != tt.want {
				t.Errorf("speakers = %q, want %q (sentences %q)", g, tt.want, texts(d.Paragraphs, d.Sentences))
			}
		})
	}
}

func TestStatementsSeeds(t *testing.T) {
	s := seedBriefing(t)
	findMentions(s, new(memo))
	if _, err := findStatements(context.Background(), s, newCorpus(s.docs)); err != nil {
		t.Fatal(err)
	}
	group := func(actor, prefix, text string) int {
		r := sentenceRef(t, s.f, prefix, text)
		for i, g := range s.f.Statements {
			if g.Actor == actor && slices.ContainsFunc(g.Sentences, func(x model.SentenceRef) bool { return x == r }) {
				return i
			}
		}
		t.Fatalf("no statement of %s holds %s %q", actor, prefix, text)
		return -1
	}
	same := []struct {
		name, actor string
		a, b        [2]string
	}{
		{"the counter-terrorism regime is lifted", "vyacheslav-gladkov",
			[2]string{"000", "declared that he was lifting a “counter-terrorism regime”"}, [2]string{"002", "he was cancelling a “counter-terrorism regime”"}},
		{"the civilian casualty", "vyacheslav-gladkov",
			[2]string{"001", "one person was killed and eight injured"}, [2]string{"002", "said a civilian had been killed"}},
		{"trapped and liquidated", "russian-defence-ministry",
			[2]string{"000", "asserted that it had “trapped and liquidated”"}, [2]string{"002", "earlier claimed to have “trapped and liquidated”"}},
		{"seventy fighters killed", "russian-defence-ministry",
			[2]string{"001", "security forces had killed 70 fighters"}, [2]string{"002", "said more than 70 “Ukrainian fighters"}},
		{"a quotation and its attribution", "vyacheslav-gladkov",
			[2]string{"001", "“There are reports that there are two injured civilians"}, [2]string{"001", "Gladkov wrote on the Telegram messaging platform"}},
		{"watching with interest", "mykhailo-podolyak",
			[2]string{"001", "Podolyak said Ukraine was watching the events"}, [2]string{"004", "Ukraine is observing the events in Belgorod Oblast"}},
	}
	for _, tt := range same {
		if x, y := group(tt.actor, tt.a[0], tt.a[1]), group(tt.actor, tt.b[0], tt.b[1]); x != y {
			t.Errorf("%s: %s %q and %s %q are in different statements", tt.name, tt.a[0], tt.a[1], tt.b[0], tt.b[1])
		}
	}
	different := []struct {
		name, actor string
		a, b        [2]string
	}{
		{"lifting the regime is not introducing it", "vyacheslav-gladkov",
			[2]string{"002", "he was cancelling a “counter-terrorism regime”"}, [2]string{"004", "the legal regime of a counter-terror operation"}},
		{"the casualty is not the drone attack", "vyacheslav-gladkov",
			[2]string{"001", "one person was killed and eight injured"}, [2]string{"002", "fresh attack from a drone"}},
		{"sharing Belgorod and the armed forces is not enough", "vyacheslav-gladkov",
			[2]string{"002", "said a civilian had been killed"}, [2]string{"003", "The governor of the Belgorod region confirmed an attack on Monday"}},
	}
	for _, tt := range different {
		if x, y := group(tt.actor, tt.a[0], tt.a[1]), group(tt.actor, tt.b[0], tt.b[1]); x == y {
			t.Errorf("%s: %s %q and %s %q are in one statement", tt.name, tt.a[0], tt.a[1], tt.b[0], tt.b[1])
		}
	}
	// Groups are sorted by actor, then by outlets, and hold their
	// sentences in order.
	for i, g := range s.f.Statements {
		if !slices.IsSortedFunc(g.Sentences, func(x, y model.SentenceRef) int {
			if x.Article != y.Article {
				return strings.Compare(x.Article, y.Article)
			}
			return x.Sentence - y.Sentence
		}) {
			t.Errorf("statement %d: sentences out of order: %v", i, g.Sentences)
		}
		if i > 0 {
			p := s.f.Statements[i-1]
			if p.Actor > g.Actor || p.Actor == g.Actor && outlets(p) < outlets(g) {
				t.Errorf("statements %d and %d out of order", i-1, i)
			}
		}
	}
	checkGolden(t, "statements.golden", statementsText(s))
}

// statementsText lists statement groups one sentence a line, for the
// golden file.
func statementsText(s *site) string {
	var b strings.Builder
	for _, g := range s.f.Statements {
		fmt.Fprintf(&b, "%s (%d %s)\n", g.Actor, outlets(g), plural(outlets(g), "outlet", "outlets"))
		for _, r := range g.Sentences {
			text := strings.Join(strings.Fields(s.doc(r.Article).Sentences[r.Sentence].Text), " ")
			if r := []rune(text); len(r) > 90 {
				text = string(r[:90]) + "…"
			}
			fmt.Fprintf(&b, "\t%s#%s %s\n", r.Article[:3], r.ID, text)
		}
	}
	return b.String()
}

// TestAttributeLabelled measures attribution on testdata/speakers.txtar,
// a labelled set of made-up wire copy, as precision and recall over
// (sentence, speaker) pairs, and logs every sentence it gets wrong.
func TestAttributeLabelled(t *testing.T) {
	ar, err := txtar.ParseFile("testdata/speakers.txtar")
	if err != nil {
		t.Fatal(err)
	}
	var actors []*model.Actor
	type item struct {
		line int
		want []string // speakers of each sentence, space-separated
	}
	var items []item
	site := &model.Site{}
	for _, f := range ar.Files {
		for n, line := range strings.Split(string(f.Data), "\n") {
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			fields := strings.Split(line, "\t")
			switch {
			case f.Name == "actors" && len(fields) == 3:
				names := strings.Split(fields[2], "; ")
				actors = append(actors, &model.Actor{Slug: fields[0], Kind: model.Kind(fields[1]), Name: names[0], Aliases: names[1:]})
			case f.Name == "sentences" && len(fields) == 2:
				items = append(items, item{line: n + 1, want: strings.Split(fields[0], "|")})
				site.Articles = append(site.Articles, segmented(t, fmt.Sprintf("%04d", len(items)), fields[1]))
			default:
				t.Fatalf("%s:%d: want %s fields, got %q", f.Name, n+1, map[string]string{"actors": "3", "sentences": "2"}[f.Name], line)
			}
		}
	}
	slices.SortFunc(actors, func(a, b *model.Actor) int { return strings.Compare(a.Slug, b.Slug) })
	site.Actors = actors
	s := newTestSite(t, site)
	findMentions(s, new(memo))
	person := func(slug string) bool { return s.Actor(slug).Kind == model.Person }
	var pairs, found, right int // expected pairs, attributed pairs, both
	for k, d := range s.docs {
		var ms []model.Mention
		for _, m := range s.f.Mentions {
			if m.Article == d.Slug {
				ms = append(ms, m)
			}
		}
		got, _ := attribute(d, ms, person)
		it := items[k]
		if len(got) != len(it.want) {
			t.Errorf("sentences:%d: %d sentences, labelled %d: %q", it.line, len(got), len(it.want), texts(d.Paragraphs, d.Sentences))
			continue
		}
		for i, sp := range got {
			want := strings.Fields(strings.Trim(it.want[i], "-"))
			pairs += len(want)
			found += len(sp)
			hit := 0
			for _, a := range sp {
				if slices.Contains(want, a) {
					hit++
				}
			}
			right += hit
			if hit != len(want) || hit != len(sp) {
				t.Logf("sentences:%d: %q: got %q, want %q", it.line, d.Sentences[i].Text, sp, want)
			}
		}
	}
	precision, recall := float64(right)/float64(found), float64(right)/float64(pairs)
	t.Logf("%d items, %d labelled speakers: precision %.3f (%d/%d), recall %.3f (%d/%d)",
		len(items), pairs, precision, right, found, recall, right, pairs)
	if precision < 0.95 || recall < 0.85 {
		t.Errorf("precision %.3f, recall %.3f: want at least 0.95 and 0.85", precision, recall)
	}
	if len(items) < 80 {
		t.Errorf("%d labelled items, want at least 80", len(items))
	}
}
