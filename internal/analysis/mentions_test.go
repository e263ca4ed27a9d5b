package analysis

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"briefing/internal/model"
)

// testActors are actors with the alias shapes that matter: a name and its
// surname, a long form that contains a shorter one, a form that starts
// with "The", an acronym, and a surname that is also a common word.
func testActors() []*model.Actor {
	return []*model.Actor{
		{Slug: "dmitry-peskov", Name: "Dmitry Peskov", Aliases: []string{"Peskov", "Kremlin spokesman Dmitry Peskov", "Kremlin spokesman"}},
		{Slug: "matthew-miller", Name: "Matthew Miller", Aliases: []string{"Miller"}},
		{Slug: "russian-defence-ministry", Name: "Russian defence ministry", Aliases: []string{"The Russian defence ministry"}},
		{Slug: "russian-volunteer-corps", Name: "Russian Volunteer Corps", Aliases: []string{"RDK"}},
		{Slug: "vladimir-putin", Name: "Vladimir Putin", Aliases: []string{"Putin", "Putin regime"}},
	}
}

func TestAliasMatcherFind(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // "actor:matched text"
	}{
		{"longest alias wins", "Kremlin spokesman Dmitry Peskov said so.",
			[]string{"dmitry-peskov:Kremlin spokesman Dmitry Peskov"}},
		{"not inside a longer word", "Putinism and the RDKs are not names; Putin is.",
			[]string{"vladimir-putin:Putin"}},
		{"possessive is a boundary", "Peskov’s office and Putin's rule.",
			[]string{"dmitry-peskov:Peskov", "vladimir-putin:Putin"}},
		{"lower-case article inside a sentence", "He said the Russian defence ministry lied.",
			[]string{"russian-defence-ministry:the Russian defence ministry"}},
		{"capitalised at the start of a sentence", "The Russian defence ministry said.",
			[]string{"russian-defence-ministry:The Russian defence ministry"}},
		{"a proper name is not matched in lower case", "The miller and Miller.",
			[]string{"matthew-miller:Miller"}},
		{"a longer alias failing the boundary leaves the shorter", "The Putin regimes fell.",
			[]string{"vladimir-putin:Putin"}},
		{"hyphen is a boundary", "anti-Putin fighters, RDK-led units",
			[]string{"vladimir-putin:Putin", "russian-volunteer-corps:RDK"}},
		{"non-ASCII letters are part of words", "ÉPeskov and Peskové are not Peskov.",
			[]string{"dmitry-peskov:Peskov"}},
	}
	var diags model.Diagnostics
	m := newAliasMatcher(testActors(), new(memo), &diags)
	if len(diags) > 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, x := range m.find(tt.text) {
				got = append(got, x.Actor+":"+tt.text[x.Start:x.End])
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("find(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestFindMentionsDiagnostics(t *testing.T) {
	actors := testActors()
	// A second actor claims "Kremlin spokesman" (differing only in the
	// case of its first letter), and nobody names Matthew Miller.
	actors = append(actors, &model.Actor{Slug: "zz-kremlin", File: "content/actors/zz-kremlin.md", Name: "Kremlin",
		Aliases: []string{"kremlin spokesman"}, AliasPos: []model.Pos{{File: "content/actors/zz-kremlin.md", Line: 3, Col: 12}}})
	actors[0].File = "content/actors/dmitry-peskov.md"
	actors[1].File = "content/actors/matthew-miller.md"
	a := segmented(t, "a1", "Kremlin spokesman Dmitry Peskov said the Kremlin spokesman spoke. The Kremlin was silent.\n\nPutin, RDK and the Russian defence ministry too.")
	s := newTestSite(t, &model.Site{Actors: actors, Articles: []*model.Article{a}})
	findMentions(s, new(memo))
	diags := s.f.Diagnostics

	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	want := []string{
		`content/actors/zz-kremlin.md:3:12: warning: alias "kremlin spokesman" is also an alias of Dmitry Peskov (content/actors/dmitry-peskov.md)`,
		`content/actors/matthew-miller.md: warning: actor "Matthew Miller" is not mentioned in any article`,
	}
	for i, w := range want {
		if i >= len(got) || !strings.HasPrefix(got[i], w) {
			t.Errorf("diagnostic %d = %q, want %q", i, at(got, i), w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("got %d diagnostics, want %d: %q", len(got), len(want), got)
	}

	var ms []string
	for _, m := range s.f.Mentions {
		ms = append(ms, m.Actor+"@"+a.Text[m.Start:m.End]+map[bool]string{true: " (nested)"}[m.Nested])
		if d := s.docs[0]; m.Article != "a1" || m.Start < d.Sentences[m.Sentence].Start || m.End > d.Sentences[m.Sentence].End {
			t.Errorf("mention %+v is not inside its sentence", m)
		}
	}
	// "Kremlin" inside Peskov's aliases is also a mention of the Kremlin,
	// nested in his.
	wantMs := []string{"dmitry-peskov@Kremlin spokesman Dmitry Peskov", "zz-kremlin@Kremlin (nested)",
		"dmitry-peskov@Kremlin spokesman", "zz-kremlin@Kremlin (nested)", "zz-kremlin@Kremlin",
		"vladimir-putin@Putin", "russian-volunteer-corps@RDK", "russian-defence-ministry@the Russian defence ministry"}
	if !slices.Equal(ms, wantMs) {
		t.Errorf("mentions = %q, want %q", ms, wantMs)
	}
}

func at(ss []string, i int) string {
	if i < len(ss) {
		return ss[i]
	}
	return ""
}

func TestFindMentionsSeeds(t *testing.T) {
	s := seedBriefing(t)
	findMentions(s, new(memo))
	diags := s.f.Diagnostics
	for _, d := range diags {
		t.Errorf("unexpected diagnostic on the default briefing: %v", d)
	}
	order := map[string]int{}
	for i, a := range s.Articles {
		order[a.Slug] = i
	}
	count := map[string]int{}
	outer := 0 // the last mention not nested
	for i, m := range s.f.Mentions {
		a := s.Article(m.Article)
		if got := a.Text[m.Start:m.End]; aliasKey(got) != aliasKey(m.Alias) {
			t.Errorf("mention %q of %s is not its alias %q", got, m.Actor, m.Alias)
		}
		if p := s.f.Mentions[outer]; m.Nested {
			if p.Article != m.Article || m.Start < p.Start || m.End > p.End || m.Actor == p.Actor {
				t.Errorf("nested mention %+v is not inside another actor's %+v", m, p)
			}
		} else if i > 0 {
			if order[p.Article] > order[m.Article] || p.Article == m.Article && p.End > m.Start {
				t.Errorf("mentions out of order or overlapping: %+v then %+v", p, m)
			}
			outer = i
		}
		count[m.Actor]++
	}
	for slug, min := range map[string]int{"vyacheslav-gladkov": 12, "dmitry-peskov": 6, "russian-volunteer-corps": 10, "reuters": 1} {
		if count[slug] < min {
			t.Errorf("%s is mentioned %d times, want at least %d", slug, count[slug], min)
		}
	}
}

// TestNestedMentions checks that a name inside another actor's longer
// alias is a mention of both, and that the longer alias decides who speaks.
func TestNestedMentions(t *testing.T) {
	actors := []*model.Actor{
		{Slug: "presidential-office", Name: "The presidential office", Kind: model.Organisation,
			Aliases: []string{"the office of Ukrainian President Volodymyr Zelensky"}},
		{Slug: "zelensky", Name: "Volodymyr Zelensky", Kind: model.Person, Aliases: []string{"Zelensky"}},
		{Slug: "council", Name: "The city council", Kind: model.Organisation, Aliases: []string{"the council"}},
	}
	text := "The office of Ukrainian President Volodymyr Zelensky said the talks would go on. " +
		"The council said nothing. Zelensky spoke later."
	s := newTestSite(t, &model.Site{Actors: actors, Articles: []*model.Article{segmented(t, "a", text)}})
	findMentions(s, new(memo))
	var got []string
	for _, m := range s.f.Mentions {
		got = append(got, fmt.Sprintf("%s@%d nested=%v", m.Actor, m.Sentence, m.Nested))
	}
	want := []string{"presidential-office@0 nested=false", "zelensky@0 nested=true", "council@1 nested=false", "zelensky@2 nested=false"}
	if !slices.Equal(got, want) {
		t.Errorf("mentions = %q, want %q", got, want)
	}
	speakers, _ := attribute(s.docs[0], s.f.Mentions, func(slug string) bool { return slug == "zelensky" })
	if !slices.Equal(speakers[0], []string{"presidential-office"}) {
		t.Errorf("the first sentence's speakers are %q, want only the office", speakers[0])
	}
}
