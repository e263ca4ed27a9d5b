// Package nearest finds the word an editor most likely meant when a key
// or a slug they wrote names nothing: "evidnce" for "evidence", "baseURL"
// for "base_url", "gladkov-v" for "vyacheslav-gladkov"'s slug. It is for
// hints, so it answers only when the candidate is close enough to be a
// likely slip.
package nearest

import "strings"

// Word returns the candidate closest to s, or "" when none is close
// enough to be a likely slip: within an edit distance of about a third of
// s's length, letter case, "_" and "-" aside ("baseURL" is "base_url").
// On a tie, the first candidate wins.
func Word(s string, candidates []string) string {
	key := fold(s)
	best, bestD := "", len([]rune(key))/3+2
	for _, c := range candidates {
		if d := distance(key, fold(c)); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// fold lower-cases s and drops the separators editors write differently.
func fold(s string) string {
	return strings.NewReplacer("_", "", "-", "", " ", "").Replace(strings.ToLower(s))
}

// distance is the Levenshtein distance between a and b, in characters.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
