package analysis

import (
	"strings"
	"testing"

	"briefing/internal/model"
)

// copyText is an article long enough for each copy of it to be detected
// as one.
const copyText = "The governor of Belgorod said on Monday that a group of saboteurs had crossed the border near the village of Kozinka. " +
	"He said that two civilians were wounded by shelling and that residents of several villages were being moved to safety.\n\n" +
	"The Russian defence ministry later said that more than seventy fighters had been killed and that the rest were pushed back across the border."

// TestDerivedFromCycle checks that articles that name each other, or
// themselves, in derived_from get one error at the derived_from value,
// and count as one source, not two.
func TestDerivedFromCycle(t *testing.T) {
	pos := func(slug string) model.Pos {
		return model.Pos{File: "content/articles/" + slug + ".md", Line: 3, Col: 15}
	}
	article := func(slug, of string) *model.Article {
		return &model.Article{Slug: slug, File: "content/articles/" + slug + ".txt", Meta: "content/articles/" + slug + ".md",
			Outlet: "O", Text: copyText, DerivedFrom: of, DerivedPos: pos(slug)}
	}
	claim := &model.Claim{Slug: "c", File: "content/claims/c.md", Title: "T", Status: model.Unverified, Evidence: []model.Evidence{
		{Article: "a", Quote: "a group of saboteurs had crossed the border", Stance: model.Supports},
		{Article: "b", Quote: "a group of saboteurs had crossed the border", Stance: model.Supports},
		{Article: "c", Quote: "a group of saboteurs had crossed the border", Stance: model.Supports},
		{Article: "d", Quote: "a group of saboteurs had crossed the border", Stance: model.Supports},
	}}
	other := "Officials in Kyiv said nothing at first. A local paper wrote later that a group of saboteurs had crossed the border."
	s := &model.Site{Claims: []*model.Claim{claim}, Articles: []*model.Article{
		article("a", "b"), article("b", "a"), // copies of each other
		article("c", "c"), // a copy of itself, with other words
		article("d", "a"), // a copy of one of the cycle
	}}
	s.Articles[2].Text = other
	an, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for name, f := range map[string]*model.Findings{"complete": analyze(t, an, s), "quick": an.AnalyzeQuick(s)} {
		var got []string
		for _, d := range f.Diagnostics {
			if strings.Contains(d.Message, "derived_from") {
				got = append(got, d.Pos.String()+": "+d.Message)
			}
		}
		want := []string{
			pos("a").String() + ": derived_from makes a cycle: a → b → a",
			pos("c").String() + ": derived_from names the article itself",
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: got\n%s\nwant\n%s", name, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		// a, b and d are one source; c, which copies nothing else, another.
		if n := f.Claims["c"].IndependentSources; n != 2 {
			t.Errorf("%s: %d independent sources, want 2; copies %+v", name, n, f.Copies)
		}
	}
}

// TestOriginalOfCycle checks that every article of a cycle of copies has
// the same original, so that the cycle counts once.
func TestOriginalOfCycle(t *testing.T) {
	f := &model.Findings{Copies: []model.Copy{{Copy: "b", Of: "c"}, {Copy: "c", Of: "a"}, {Copy: "a", Of: "b"}, {Copy: "d", Of: "c"}, {Copy: "e", Of: "e"}}}
	of := f.OriginalOf()
	for _, slug := range []string{"a", "b", "c", "d"} {
		if got := of(slug); got != "a" {
			t.Errorf("OriginalOf(%q) = %q, want a", slug, got)
		}
	}
	if got := of("e"); got != "e" {
		t.Errorf("OriginalOf(e) = %q", got)
	}
}

// TestShortAliasesAndQuotes checks that an empty or one-character alias,
// and a one-character quote, are errors at their place and match nothing.
func TestShortAliasesAndQuotes(t *testing.T) {
	at := func(line int) model.Pos { return model.Pos{File: "content/actors/x.md", Line: line, Col: 3} }
	actor := &model.Actor{Slug: "x", File: "content/actors/x.md", Name: "Vyacheslav Gladkov",
		Aliases: []string{"", "a", "Я", "Gladkov"}, AliasPos: []model.Pos{at(3), at(4), at(5), at(6)}}
	quotePos := model.Pos{File: "content/claims/c.md", Line: 7, Col: 12}
	claim := &model.Claim{Slug: "c", File: "content/claims/c.md", Title: "T", Status: model.Unverified, Evidence: []model.Evidence{
		{Article: "a", Quote: " . ", QuotePos: quotePos, Stance: model.Supports},
	}}
	s := &model.Site{Actors: []*model.Actor{actor}, Claims: []*model.Claim{claim}, Articles: []*model.Article{
		{Slug: "a", File: "content/articles/a.txt", Meta: "content/articles/a.md", Outlet: "O", Text: "Gladkov said a car was hit. Я."},
	}}
	an, err := New()
	if err != nil {
		t.Fatal(err)
	}
	f := analyze(t, an, s)
	var got []string
	for _, d := range f.Diagnostics {
		if d.Severity == model.Error {
			got = append(got, d.Pos.String()+": "+d.Message)
		}
	}
	want := []string{
		quotePos.String() + `: quote "." is one character long`,
		at(3).String() + `: alias "" is empty`,
		at(4).String() + `: alias "a" is one character long`,
		at(5).String() + `: alias "Я" is one character long`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, m := range f.Mentions {
		if m.Alias != "Gladkov" {
			t.Errorf("mention of %q", m.Alias)
		}
	}
	if f.Claims["c"].Evidence[0].Found {
		t.Error("a one-character quote is found")
	}
}
