package analysis

import (
	"context"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"briefing/internal/model"
	"briefing/internal/parallel"
)

// nameHit is one occurrence of a candidate name (see suggestActors) in a
// text, as the memo keeps it: a few bytes, where most texts name hundreds.
type nameHit struct {
	start, end int32 // the name as written is text[start:end]
	key        int32 // its nameKey, numbered by memo.names
	flags      nameFlags
}

// nameFlags say what the context of a name makes it.
type nameFlags uint8

const (
	namePlace   nameFlags = 1 << iota // a place: "in Grayvoron"
	nameMedium                        // a medium: "on Telegram"
	nameInitial                       // at the start of its sentence
)

// findNames finds the names of each text of s's articles that m has not
// seen yet, on all cores, and returns the names of each article. m.mu must
// be held. When ctx is done first, it returns ctx's error, and m stays
// usable.
func (m *memo) findNames(ctx context.Context, s *site) ([][]nameHit, error) {
	todo := m.unseen(s.Articles, func(_ int, e *textMemo) bool { return !e.named })
	finders := make([]nameFinder, parallel.Workers(len(todo)))
	keys := make([][]string, len(todo)) // each text's keys, numbered in it
	err := parallel.EachWorker(len(todo), func(w, j int) error {
		todo[j].e.names, keys[j] = finders[w].names(s.docs[todo[j].i])
		return ctx.Err()
	})
	if err != nil {
		return nil, err
	}
	// Number the keys in the memo, text after text.
	var ids []int32
	for j, u := range todo {
		ids = ids[:0]
		for _, k := range keys[j] {
			ids = append(ids, m.names.intern(k))
		}
		for h := range u.e.names {
			u.e.names[h].key = ids[u.e.names[h].key]
		}
		u.e.named = true
	}
	out := make([][]nameHit, len(s.docs))
	for i, a := range s.docs {
		out[i] = m.text(a.Article).names
	}
	return out, nil
}

// names returns the names in article a, outside headlines, captions and
// text in capitals, and their keys: each hit's key is an index in keys.
func (nf *nameFinder) names(a *doc) (hits []nameHit, keys []string) {
	hits = []nameHit{} // not nil: looked, if nothing
	clear(nf.keys)
	if nf.keys == nil {
		nf.keys = map[string]int32{}
	}
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
				nf.key = appendNameKey(nf.key[:0], form)
				if len(nf.key) == 0 {
					return
				}
				k, ok := nf.keys[string(nf.key)]
				if !ok {
					k = int32(len(keys))
					keys = append(keys, string(nf.key))
					nf.keys[keys[k]] = k
				}
				h := nameHit{start: int32(u.start), end: int32(u.start + len(form)), key: k}
				if u.place {
					h.flags |= namePlace
				}
				if u.medium {
					h.flags |= nameMedium
				}
				if u.initial {
					h.flags |= nameInitial
				}
				hits = append(hits, h)
			})
		}
	}
	return slices.Clone(hits), keys // the memo keeps them: no room to spare
}

// nameUse is what the name finder says of one occurrence of a name.
type nameUse struct {
	start   int  // byte offset into the article's text
	place   bool // in a context that makes it a place
	medium  bool // in a context that makes it a medium: "on Telegram"
	initial bool // at the start of its sentence
}

// nameFinder finds the names in sentences, reusing its buffers.
type nameFinder struct {
	text string   // the article text
	ws   [][2]int // the words of the current sentence
	key  []byte
	keys map[string]int32 // see names
}

func (nf *nameFinder) w(i int) string { return nf.text[nf.ws[i][0]:nf.ws[i][1]] }

// in reports whether word i, lower-cased, is in set; false past either end.
func (nf *nameFinder) in(set map[string]bool, i int) bool {
	return i >= 0 && i < len(nf.ws) && lowerIn(set, nf.w(i))
}

// is reports whether word i, lower-cased, is word.
func (nf *nameFinder) is(i int, word string) bool {
	return i >= 0 && i < len(nf.ws) && strings.EqualFold(nf.w(i), word)
}

// joined reports whether word i follows word i-1 after a single space.
func (nf *nameFinder) joined(i int) bool { return nf.text[nf.ws[i-1][1]:nf.ws[i][0]] == " " }

// find calls f with every name in sentence st of article a.
func (nf *nameFinder) find(a *doc, st model.Sentence, f func(form string, use nameUse)) {
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
			nf.emit(a, i, j, f)
			i = j
			continue
		}
		// the <modifier> [<modifier>] <head>: an organisation in lower case.
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

// emit calls f with the name in words first to last, once leading titles
// and function words are taken off.
func (nf *nameFinder) emit(a *doc, first, last int, f func(form string, use nameUse)) {
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

// lowerIn reports whether w, with its ASCII letters lower-cased, is in set,
// without allocating for the short words that sets hold.
func lowerIn(set map[string]bool, w string) bool {
	var buf [32]byte
	if len(w) > len(buf) {
		return false
	}
	b := buf[:len(w)]
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return set[string(b)]
}

// isNameWord reports whether w can be part of a name: capitalised, not a
// day or month, and if hyphenated, capitalised or numbered in every part
// ("Mi-8", but not "Ukraine-aligned").
func isNameWord(w string) bool {
	if !isCapitalised(w) || lowerIn(calendarWords, w) {
		return false
	}
	for i := strings.IndexByte(w, '-'); i >= 0; i = strings.IndexByte(w, '-') {
		w = w[i+1:]
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

func possessiveWord(w string) bool { return strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "'s") }
