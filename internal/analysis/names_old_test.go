package analysis

import (
	"strings"

	"briefing/internal/model"
)

// oldNameFinder is the name finder as it was before it took each word's
// class from one look-up: the reference that the tests compare it with.
type oldNameFinder struct {
	text string   // the article text
	ws   [][2]int // the words of the current sentence
}

func (nf *oldNameFinder) w(i int) string { return nf.text[nf.ws[i][0]:nf.ws[i][1]] }

func (nf *oldNameFinder) in(set map[string]bool, i int) bool {
	return i >= 0 && i < len(nf.ws) && lowerIn(set, nf.w(i))
}

func (nf *oldNameFinder) is(i int, word string) bool {
	return i >= 0 && i < len(nf.ws) && strings.EqualFold(nf.w(i), word)
}

func (nf *oldNameFinder) joined(i int) bool { return nf.text[nf.ws[i-1][1]:nf.ws[i][0]] == " " }

func (nf *oldNameFinder) find(a *doc, st model.Sentence, f func(form string, use nameUse)) {
	nf.text, nf.ws = a.Text, nf.ws[:0]
	scanWords(st.Text, func(s, e int) { nf.ws = append(nf.ws, [2]int{st.Start + s, st.Start + e}) })
	for i := 0; i < len(nf.ws); i++ {
		if isNameWord(nf.w(i)) {
			j := i
			for j+1 < len(nf.ws) && nf.joined(j+1) && !possessiveWord(nf.w(j)) {
				switch {
				case isNameWord(nf.w(j + 1)):
					j++
					continue
				case nameConnectors[nf.w(j+1)] && j+2 < len(nf.ws) && nf.joined(j+2) && isNameWord(nf.w(j+2)):
					j += 2
					continue
				}
				break
			}
			nf.emit(i, j, f)
			i = j
			continue
		}
		if orgHeads[nf.w(i)] {
			for k := i - 1; k >= i-2 && k > 0; k-- {
				if !nf.joined(k+1) || nf.in(stopWords, k) || isCapitalised(nf.w(k)) {
					break
				}
				if nf.is(k-1, "the") && nf.joined(k) {
					f(nf.text[nf.ws[k][0]:nf.ws[i][1]], nameUse{start: nf.ws[k][0]})
					break
				}
			}
		}
	}
}

func (nf *oldNameFinder) emit(first, last int, f func(form string, use nameUse)) {
	for k := last; k > first; k-- {
		if nf.in(titles, k-1) {
			first = k
			break
		}
	}
	for first <= last && (nf.in(stopWords, first) || nf.in(nameConnectors, first) || nf.in(indefinites, first)) {
		first++
	}
	for last >= first && nf.in(nameConnectors, last) {
		last--
	}
	if first > last || first == last && nf.in(titles, first) {
		return
	}
	form := strings.TrimSuffix(strings.TrimSuffix(nf.text[nf.ws[first][0]:nf.ws[last][1]], "’s"), "'s")
	prev := first - 1
	if nf.is(prev, "the") {
		prev--
	}
	place := nf.in(placeBefore, prev) || nf.in(placeNouns, last+1) || nf.is(prev, "of") && nf.in(placeNouns, prev-1)
	medium := nf.in(mediumBefore, prev)
	f(form, nameUse{start: nf.ws[first][0], place: place, medium: medium, initial: first == 0})
}

// oldNames is nameFinder.names as it was, with the old finder.
func oldNames(a *doc) (hits []nameHit, keys []string) {
	var nf oldNameFinder
	hits = []nameHit{}
	ids := map[string]int32{}
	for _, p := range a.Paragraphs {
		if isFurniture(a, p) {
			continue
		}
		for i := p.First; i <= p.Last; i++ {
			st := a.Sentences[i]
			if mostlyCapitals(st.Text) {
				continue
			}
			nf.find(a, st, func(form string, u nameUse) {
				key := string(appendNameKey(nil, form))
				if key == "" {
					return
				}
				k, ok := ids[key]
				if !ok {
					k = int32(len(keys))
					keys = append(keys, key)
					ids[key] = k
				}
				hits = append(hits, u.hit(form, k))
			})
		}
	}
	return hits, keys
}
