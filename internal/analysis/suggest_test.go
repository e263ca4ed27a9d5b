package analysis

import (
	"context"
	"slices"
	"strings"
	"testing"

	"briefing/internal/model"
)

// suggestions runs the steps suggestActors needs and returns its messages
// and diagnostics.
func suggestions(s *site) ([]string, model.Diagnostics) {
	found, _ := suggestActors(context.Background(), s, newCorpus(s.docs)) // never cancelled
	var msgs []string
	var diags model.Diagnostics
	for _, x := range found {
		msgs = append(msgs, x.diag.Message)
		diags.Add(x.diag)
	}
	return msgs, diags
}

func TestSuggestSeeds(t *testing.T) {
	msgs, diags := suggestions(seedBriefing(t))
	for _, d := range diags {
		if d.Severity != model.Suggestion {
			t.Errorf("%v: severity %v, want suggestion", d, d.Severity)
		}
	}
	joined := strings.Join(msgs, "\n")
	if !strings.Contains(joined, `"Russian Federation" is named 3 times in 2 articles but has no actor file`) {
		t.Errorf("suggestions miss the Russian Federation:\n%s", joined)
	}
	// The Kremlin is named 10 times in 5 articles; that "Kremlin spokesman
	// Dmitry Peskov" is one of Peskov's aliases does not cover it.
	if !strings.Contains(joined, `"Kremlin" is named 10 times in 5 articles`) {
		t.Errorf("suggestions miss the Kremlin:\n%s", joined)
	}
	// Covered by an actor's name or its head; places; common words at the
	// start of a sentence; nationalities; days; page furniture.
	for _, name := range []string{`"Gladkov"`, `"Vyacheslav Gladkov"`, `"Peskov"`, `"Belgorod"`,
		`"Grayvoron"`, `"Kozinka"`, `"Bakhmut"`, `"Bryansk"`, `"Members"`, `"Russians"`, `"Ukrainian"`, `"Tuesday"`,
		`"Video Embed"`, `"Mikhail Klimentyev"`, `"Tim Scott"`, `"Washington Examiner"`} {
		if strings.Contains(joined, name+" is named") {
			t.Errorf("suggestions name %s:\n%s", name, joined)
		}
	}
}

func TestSuggestWithoutAnActor(t *testing.T) {
	s := seedBriefing(t)
	s.Actors = slices.DeleteFunc(s.Actors, func(a *model.Actor) bool { return a.Slug == "vyacheslav-gladkov" })
	_, diags := suggestions(s)
	var d *model.Diagnostic
	for i := range diags {
		if strings.HasPrefix(diags[i].Message, `"Vyacheslav Gladkov" is named`) {
			d = &diags[i]
		}
	}
	if d == nil {
		t.Fatalf("no suggestion for Vyacheslav Gladkov once his actor file is gone: %v", diags)
	}
	if !strings.Contains(d.Message, `in 3 articles`) || !strings.Contains(d.Message, `(also as "Gladkov")`) {
		t.Errorf("message = %q, want it counted in 3 articles, also as Gladkov", d.Message)
	}
	// The first place: "Belgorod Governor Vyacheslav Gladkov said" in 001,
	// line 7 (the title and blank lines come first), after 18 bytes.
	if want := "content/articles/001_be923fc5e0fa518d.txt:7:19"; d.Pos.String() != want {
		t.Errorf("position = %s, want %s", d.Pos, want)
	}
	if !strings.Contains(d.Hint, "content/actors/vyacheslav-gladkov.md") || strings.Count(d.Hint, ".txt:") != 3 {
		t.Errorf("hint = %q, want three places and the file to add", d.Hint)
	}
}

func TestSuggestNames(t *testing.T) {
	tests := []struct {
		name, text string
		actors     []*model.Actor
		want       []string // suggested names, in key order
	}{
		{"a name seen twice", "Natalia Abbakumova said so. Later Natalia Abbakumova left.", nil, []string{"Natalia Abbakumova"}},
		{"a name seen once", "Natalia Abbakumova said so.", nil, nil},
		{"connectors inside a name", "The Freedom of Russia Legion attacked. The Freedom of Russia Legion left.", nil, []string{"Freedom of Russia Legion"}},
		{"a title is not part of the name", "Governor Ivan Petrov spoke. Major General Ivan Petrov left.", nil, []string{"Ivan Petrov"}},
		{"a surname counts for the full name", "Ivan Petrov spoke. Petrov left. Petrov came back.", nil, []string{"Ivan Petrov"}},
		{"a lower-case organisation", "Officers of the interior ministry came. Later the interior ministry left.", nil, []string{"interior ministry"}},
		{"a common word at the start of a sentence", "Members came. Members left. The members stayed.", nil, nil},
		{"a nationality", "Russians came. Russians left.", nil, nil},
		{"a place", "Fighting in Kozinka. Smoke over the Kozinka area.", nil, nil},
		{"covered by the head of an alias", "Petrov came. Petrov left.", []*model.Actor{{Slug: "p", Name: "Governor Ivan Petrov"}}, nil},
		{"inside another actor's alias", "The Kremlin said so. The Kremlin was silent.", []*model.Actor{{Slug: "p", Name: "Kremlin spokesman Dmitry Peskov"}}, []string{"Kremlin"}},
		{"a modifier of an alias is not covered", "Rosgvardiya came. Rosgvardiya left.", []*model.Actor{{Slug: "rg", Name: "Rosgvardiya troops"}}, []string{"Rosgvardiya"}},
		{"indefinite pronouns at the start of a sentence", "Anyone who saw it left. Anyone could. Everyone stayed. Everyone ran. Some came. Some left.", nil, nil},
		{"a platform ranks after people", "Zoran Petrovic wrote on Facebook. Zoran Petrovic spoke on Facebook again.", nil, []string{"Zoran Petrovic", "Facebook"}},
		{"containing an alias", "The Rosgvardiya Corps came. The Rosgvardiya Corps left.", []*model.Actor{{Slug: "rg", Name: "Rosgvardiya"}}, nil},
		{"a word of an alias is not the alias", "Russian Federation troops. The Russian Federation said.", []*model.Actor{{Slug: "r", Name: "Russian Volunteer Corps"}}, []string{"Russian Federation"}},
		{"headlines and furniture", "Video Embed\n\nRelated Content\n\nVideo Embed\n\nRelated Content", nil, nil},
		{"text in capitals", "CLICK HERE TO READ MORE FROM THE WASHINGTON EXAMINER.\n\nCLICK HERE TO READ MORE FROM THE WASHINGTON EXAMINER.", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := segmented(t, "a", tt.text)
			a.File = "content/articles/a.txt"
			a.TextPos = model.Pos{File: a.File, Line: 1, Col: 1}
			_, diags := suggestions(newTestSite(t, &model.Site{Articles: []*model.Article{a}, Actors: tt.actors}))
			var got []string
			for _, d := range diags {
				name, _, _ := strings.Cut(strings.TrimPrefix(d.Message, `"`), `" is named`)
				got = append(got, name)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("suggested %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSlugify(t *testing.T) {
	for in, want := range map[string]string{
		"Vyacheslav Gladkov":       "vyacheslav-gladkov",
		"Freedom of Russia Legion": "freedom-of-russia-legion",
		"Russia’s FSB":             "russias-fsb",
		"Mi-8":                     "mi-8",
		"  Rosgvardiya ":           "rosgvardiya",
	} {
		if got := slugify(in); got != want {
			t.Errorf("slugify(%q) = %q, want %q", in, got, want)
		}
	}
}
