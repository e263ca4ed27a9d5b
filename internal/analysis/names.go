package analysis

import (
	"context"
	"slices"

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
