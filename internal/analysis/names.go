package analysis

import (
	"context"
	"strings"

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
	err := parallel.EachWorker(len(todo), func(w, j int) error {
		if e := todo[j].e; e.names == nil { // else found while tokenizing
			e.names, e.nameKeys = finders[w].names(s.docs[todo[j].i])
		}
		return ctx.Err()
	})
	if err != nil {
		return nil, err
	}
	// Number the keys in the memo, text after text.
	var ids []int32
	for _, u := range todo {
		ids = ids[:0]
		for _, k := range u.e.nameKeys {
			ids = append(ids, m.names.intern(k))
		}
		for h := range u.e.names {
			u.e.names[h].key = ids[u.e.names[h].key]
		}
		u.e.named, u.e.nameKeys = true, nil
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
	nf.start()
	for i, st := range a.Sentences {
		if !nf.inProse(a, i) {
			continue
		}
		nf.spans = appendWords(nf.spans[:0], st.Text)
		nf.cls = nf.cls[:0]
		for _, w := range nf.spans {
			nf.cls = append(nf.cls, classOf(st.Text[w[0]:w[1]]))
		}
		nf.sentence(st, nf.spans, nf.cls)
	}
	return nf.finish()
}

// start starts the names of a text.
func (nf *nameFinder) start() {
	nf.hits, nf.keyList, nf.proseOf = nf.hits[:0], nil, nil
	clear(nf.keys)
	if nf.keys == nil {
		nf.keys = map[string]int32{}
	}
}

// inProse reports whether sentence i of a is where names are looked for:
// not in a headline, caption or page furniture (see isFurniture), nor in
// capitals.
func (nf *nameFinder) inProse(a *doc, i int) bool {
	if nf.proseOf != a {
		nf.proseOf, nf.prose = a, append(nf.prose[:0], make([]bool, len(a.Sentences))...)
		for _, p := range a.Paragraphs {
			for i := p.First; i <= p.Last; i++ {
				nf.prose[i] = !isFurniture(a, p)
			}
		}
	}
	return nf.prose[i] && !mostlyCapitals(a.Sentences[i].Text)
}

// sentence adds the names of sentence st, whose words are ws, of classes
// cls.
func (nf *nameFinder) sentence(st model.Sentence, ws []wordSpan, cls []nameClass) {
	nf.find(st, ws, cls, func(form string, u nameUse) {
		nf.key = appendNameKey(nf.key[:0], form)
		if len(nf.key) == 0 {
			return
		}
		k, ok := nf.keys[string(nf.key)]
		if !ok {
			k = int32(len(nf.keyList))
			nf.keyList = append(nf.keyList, string(nf.key))
			nf.keys[nf.keyList[k]] = k
		}
		nf.hits = append(nf.hits, u.hit(form, k))
	})
}

// hit returns the hit of the name form at u, of key k.
func (u nameUse) hit(form string, k int32) nameHit {
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
	return h
}

// finish returns the names of the text, and their keys (see names).
func (nf *nameFinder) finish() (hits []nameHit, keys []string) {
	nf.proseOf = nil
	return append([]nameHit{}, nf.hits...), nf.keyList // the memo keeps them: no room to spare; not nil: looked, if nothing
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
	text    string      // the current sentence
	start0  int         // where it starts in the article text
	ws      []wordSpan  // its words
	cls     []nameClass // and their classes
	spans   []wordSpan  // scratch of names
	key     []byte
	keys    map[string]int32 // see names
	hits    []nameHit
	keyList []string
	proseOf *doc   // the article prose is of
	prose   []bool // see inProse
}

func (nf *nameFinder) w(i int) string { return nf.text[nf.ws[i][0]:nf.ws[i][1]] }

// at returns where word i starts in the article text.
func (nf *nameFinder) at(i int) int { return nf.start0 + int(nf.ws[i][0]) }

// in reports whether word i has class c; false past either end.
func (nf *nameFinder) in(c nameClass, i int) bool {
	return i >= 0 && i < len(nf.ws) && nf.cls[i]&c != 0
}

// joined reports whether word i follows word i-1 after a single space.
func (nf *nameFinder) joined(i int) bool { return nf.text[nf.ws[i-1][1]:nf.ws[i][0]] == " " }

// find calls f with every name in sentence st, whose words are ws, of
// classes cls.
func (nf *nameFinder) find(st model.Sentence, ws []wordSpan, cls []nameClass, f func(form string, use nameUse)) {
	nf.text, nf.start0, nf.ws, nf.cls = st.Text, st.Start, ws, cls
	for i := 0; i < len(ws); i++ {
		if cls[i]&ncName != 0 {
			j := i
			for j+1 < len(ws) && nf.joined(j+1) && cls[j]&ncPossessive == 0 {
				switch {
				case cls[j+1]&ncName != 0:
					j++
					continue
				case cls[j+1]&ncConnector != 0 && j+2 < len(ws) && nf.joined(j+2) && cls[j+2]&ncName != 0:
					j += 2
					continue
				}
				break
			}
			nf.emit(i, j, f)
			i = j
			continue
		}
		// the <modifier> [<modifier>] <head>: an organisation in lower case.
		if cls[i]&ncOrgHead != 0 {
			for k := i - 1; k >= i-2 && k > 0; k-- {
				if !nf.joined(k+1) || cls[k]&(ncStop|ncCapitalised) != 0 {
					break
				}
				if cls[k-1]&ncThe != 0 && nf.joined(k) {
					f(nf.text[ws[k][0]:ws[i][1]], nameUse{start: nf.at(k)})
					break
				}
			}
		}
	}
}

// emit calls f with the name in words first to last, once leading titles
// and function words are taken off.
func (nf *nameFinder) emit(first, last int, f func(form string, use nameUse)) {
	for k := last; k > first; k-- {
		if nf.in(ncTitle, k-1) {
			first = k
			break
		}
	}
	for first <= last && nf.in(ncStop|ncConnectorLC|ncIndefinite, first) {
		first++
	}
	for last >= first && nf.in(ncConnectorLC, last) {
		last--
	}
	if first > last || first == last && nf.in(ncTitle, first) {
		return
	}
	form := strings.TrimSuffix(strings.TrimSuffix(nf.text[nf.ws[first][0]:nf.ws[last][1]], "’s"), "'s")
	prev := first - 1
	if nf.in(ncThe, prev) {
		prev--
	}
	place := nf.in(ncPlaceBefore, prev) || nf.in(ncPlaceNoun, last+1) || nf.in(ncOf, prev) && nf.in(ncPlaceNoun, prev-1)
	medium := nf.in(ncMedium, prev)
	f(form, nameUse{start: nf.at(first), place: place, medium: medium, initial: first == 0})
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
