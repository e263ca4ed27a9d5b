package analysis

import (
	"testing"

	"briefing/internal/model"
)

// The title rule on titles written for it, in both patterns: attributing
// ("X says Y", "According to X, Y") and stating, including stated claims
// whose words look like verbs of saying.
func TestAttributedTitle(t *testing.T) {
	for _, c := range []struct {
		title, speaker string
	}{
		{"The mayor says the bridge will reopen next week", "The mayor"},
		{"Officials said the bridge had been closed", "Officials"},
		{"According to the council, the bridge is safe", "the council"},
		{"The port authority claims no ship was damaged", "The port authority"},
		{"Engineers from the regional transport agency reported a second crack", "Engineers from the regional transport agency"},
		{"The rail operator denies that trains were delayed", "The rail operator"},
		{"Kremlin spokesman Dmitry Peskov says the raid was a distraction", "Kremlin spokesman Dmitry Peskov"},
		{"The bridge was closed after a crack was found", ""},
		{"A stated aim was a buffer zone", ""},
		{"The alleged attack damaged two cars", ""},
		{"Residents were told to use the ferry", ""},
		{"Two ships collided, the coastguard said", ""},
		{"Repairs will take a month, as the mayor and the council both said", ""},
		{"Ferries ran all night", ""},
	} {
		speaker, ok := attributedTitle(c.title)
		if speaker != c.speaker || ok != (c.speaker != "") {
			t.Errorf("attributedTitle(%q) = %q, %v; want %q", c.title, speaker, ok, c.speaker)
		}
	}
}

// The suggestion lands at the title and names the actor to move to
// claimed_by when the words that attribute name one.
func TestCheckTitles(t *testing.T) {
	s := &site{Site: &model.Site{
		Actors: []*model.Actor{{Slug: "jane-doe", Name: "Jane Doe", Aliases: []string{"Jane Doe", "the mayor"}}},
		Claims: []*model.Claim{
			{Slug: "a", Title: "The mayor says the bridge will reopen", TitlePos: model.Pos{File: "a.md", Line: 2, Col: 8}},
			{Slug: "b", Title: "The bridge will reopen", TitlePos: model.Pos{File: "b.md", Line: 2, Col: 8}},
			{Slug: "c", Title: "Witnesses said the bridge shook", TitlePos: model.Pos{File: "c.md", Line: 2, Col: 8}},
		},
	}, f: &model.Findings{}}
	checkTitles(s)
	d := s.f.Diagnostics
	if len(d) != 2 || d[0].Pos.String() != "a.md:2:8" || d[1].Pos.String() != "c.md:2:8" {
		t.Fatalf("diagnostics %v, want one at a.md:2:8 and one at c.md:2:8", d)
	}
	if d[0].Severity != model.Suggestion || d[0].Hint != "write the claim itself as the title, and put jane-doe in claimed_by" {
		t.Errorf("a.md: %v", d[0])
	}
	if d[1].Hint != "write the claim itself as the title; the badge rates it, and who makes it goes in claimed_by" {
		t.Errorf("c.md: %v", d[1])
	}
}

// The seventeen titles the default briefing had before its claims were
// rewritten, which a fact-checking editor read: twelve say who makes the
// claim; the other five state it.
func TestAttributedTitleLabelled(t *testing.T) {
	for _, c := range []struct {
		title      string
		attributed bool
	}{
		{"The militias say the attackers were Russian citizens fighting against Putin, not Ukrainian troops", true},
		{"Russian officials say the attackers were a Ukrainian army sabotage group", true},
		{"A base called Belgorod-22, used in the past to store nuclear warheads, was shelled and two Russian soldiers were killed", false},
		{"Ukrainian military intelligence and the militias say the raid aims to create a security zone to protect Ukrainian civilians from cross-border shelling", true},
		{"The Belgorod governor says one civilian was killed and several people were injured in the attack", true},
		{"The Belgorod governor introduced a counter-terrorism regime in the region and lifted it on Tuesday evening", false},
		{"Armed groups crossed from Ukraine and fought Russian forces in the Grayvoron district of Belgorod, as both Russian and Ukrainian officials confirm", false},
		{"Residents were evacuated from Grayvoron and the governor told them not to return home", false},
		{`The militias say they "liberated" the settlement of Kozinka and entered Grayvoron`, true},
		{"Estimates of the number of militia fighters range from 80 to as many as 500", false},
		{"Kremlin spokesman Dmitry Peskov says the raid was a Ukrainian attempt to distract from the loss of Bakhmut", true},
		{`Moscow says it repelled the incursion and "liquidated" the militia units, while the militias say their campaign continues`, true},
		{"The Russian defence ministry says more than 70 fighters were killed and nine vehicles destroyed", true},
		{"The UK defence ministry says the attacks highly likely took place and that Russia will almost certainly use them to portray itself as the victim", true},
		{"Ukraine says it has no direct involvement in the raid and that the groups acted on their own", true},
		{"The US State Department says it does not encourage or enable strikes inside Russia but that Ukraine decides how to conduct the war", true},
		{"The militias appeared to be equipped with US-made Humvees and Maxxpro vehicles, which Washington doubts", false},
	} {
		if _, got := attributedTitle(c.title); got != c.attributed {
			t.Errorf("attributedTitle(%q) = %v, want %v", c.title, got, c.attributed)
		}
	}
}
