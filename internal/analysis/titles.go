package analysis

import (
	"fmt"
	"strings"
	"unicode"

	"briefing/internal/model"
)

// A claim's title states the claim; who makes it goes in claimed_by. A
// title that reads "X says Y" makes the badge beside it ambiguous: a
// reader of "Unverified: the ministry says 70 were killed" may take it
// that nobody is sure the ministry said so. checkTitles suggests the fix
// at each title that opens with who says the claim.

// checkTitles adds a suggestion at each claim title that attributes the
// claim instead of stating it (see attributedTitle).
func checkTitles(s *site) {
	for _, c := range s.Claims {
		speaker, ok := attributedTitle(c.Title)
		if !ok {
			continue
		}
		hint := "write the claim itself as the title; the badge rates it, and who makes it goes in claimed_by"
		if a := actorNamed(s.Actors, speaker); a != "" {
			hint = fmt.Sprintf("write the claim itself as the title, and put %s in claimed_by", a)
		}
		s.f.Diagnostics.Add(model.Diagnostic{Pos: c.TitlePos, Severity: model.Suggestion,
			Message: fmt.Sprintf("the title says who makes the claim (%q), not the claim itself", speaker),
			Hint:    hint})
	}
}

// attributedTitle reports whether title opens by saying who makes the
// claim: "According to X, …", or a subject of at most eight words followed
// by a verb of saying ("The ministry says …", "Officials claimed …",
// "Ukraine denies …") and more words. It returns the words naming who.
func attributedTitle(title string) (speaker string, ok bool) {
	words := strings.Fields(title)
	if len(words) > 2 && strings.EqualFold(words[0], "according") && strings.EqualFold(words[1], "to") {
		var who []string
		for _, w := range words[2:] {
			who = append(who, strings.TrimRight(w, ","))
			if strings.HasSuffix(w, ",") {
				return strings.Join(who, " "), true
			}
		}
		return "", false
	}
	for i := 1; i < len(words)-1 && i <= 8; i++ {
		w := strings.TrimFunc(words[i-1], unicode.IsPunct)
		if w == "" || strings.ContainsAny(words[i-1], ",;:") && i > 1 {
			return "", false // a clause ended before any verb of saying
		}
		if determiner(strings.ToLower(w)) {
			continue // "A stated aim", "the alleged attack": an adjective, not a verb
		}
		if sayingVerb(strings.ToLower(strings.TrimFunc(words[i], unicode.IsPunct))) {
			return strings.Join(words[:i], " "), true
		}
	}
	return "", false
}

// determiner reports whether w opens a noun phrase, so that the word after
// it is read as part of the phrase.
func determiner(w string) bool {
	switch w {
	case "a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her", "one", "some", "any", "no":
		return true
	}
	return false
}

// sayingVerb reports whether w is a verb by which a title attributes its
// claim to someone.
func sayingVerb(w string) bool {
	switch w {
	case "say", "says", "said", "claim", "claims", "claimed", "insist", "insists", "insisted",
		"deny", "denies", "denied", "allege", "alleges", "alleged", "assert", "asserts", "asserted",
		"report", "reports", "reported", "announce", "announces", "announced", "state", "states", "stated":
		return true
	}
	return false
}

// actorNamed returns the slug of the one actor whose name or an alias the
// words who end with ("Kremlin spokesman Dmitry Peskov" names "Dmitry
// Peskov"; "The mayor" names the actor aliased "the mayor"), or "" when
// none or several are.
func actorNamed(actors []*model.Actor, who string) string {
	who = strings.ToLower(who)
	found := ""
	for _, a := range actors {
		for _, n := range append([]string{a.Name}, a.Aliases...) {
			n = strings.ToLower(strings.TrimSpace(n))
			if n == "" || !strings.HasSuffix(who, n) || len(who) > len(n) && who[len(who)-len(n)-1] != ' ' {
				continue
			}
			if found != "" && found != a.Slug {
				return ""
			}
			found = a.Slug
		}
	}
	return found
}
