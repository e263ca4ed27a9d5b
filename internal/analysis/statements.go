package analysis

import (
	"slices"

	"briefing/internal/model"
)

// statementSet is every statement of a briefing, an actor's attributed
// sentence, joined into groups that say the same thing. Both analyses
// make their groups with it: the complete one joins the statements the
// corpus finds similar, the quick one those that were in one group after
// the last complete analysis. Either way quotations join the statement
// they continue, and groups are numbered and sorted by groups alone.
type statementSet struct {
	s    *site
	list []statement // in article, sentence, speaker order, as attributeAll gives them
	// first holds, for sentence i of article ai, the index in list of its
	// first statement at first[sentences[ai]+i], and one past its last at
	// the next index.
	first     []int32
	sentences []int32 // article → index in first of its first sentence
	// parent is a union-find forest over list.
	parent []int32
}

// statement is one actor's sentence: indexes into s.docs and its
// Sentences.
type statement struct {
	actor             string
	article, sentence int32
}

// newStatementSet lists the statements attrs finds in s's articles (see
// attributeAll), each a group of its own but for quotations, which join
// the statement they continue.
func newStatementSet(s *site, attrs []attribution) *statementSet {
	n, m := 0, 0
	for _, at := range attrs {
		m += len(at.speakers)
		for _, sp := range at.speakers {
			n += len(sp)
		}
	}
	ss := &statementSet{s: s, list: make([]statement, 0, n), first: make([]int32, 0, m+1), sentences: make([]int32, len(s.docs))}
	for ai := range s.docs {
		ss.sentences[ai] = int32(len(ss.first))
		for i, sp := range attrs[ai].speakers {
			ss.first = append(ss.first, int32(len(ss.list)))
			for _, actor := range sp {
				ss.list = append(ss.list, statement{actor, int32(ai), int32(i)})
			}
		}
	}
	ss.first = append(ss.first, int32(len(ss.list)))
	ss.parent = make([]int32, len(ss.list))
	for k := range ss.parent {
		ss.parent[k] = int32(k)
	}
	for ai := range s.docs {
		at := attrs[ai]
		for i, j := range at.continues {
			if j < 0 {
				continue
			}
			for _, actor := range at.speakers[i] {
				a, aok := ss.index(ai, i, actor)
				b, bok := ss.index(ai, j, actor)
				if aok && bok {
					ss.join(a, b)
				}
			}
		}
	}
	return ss
}

// index returns the index in ss.list of actor's statement in sentence i
// of article ai.
func (ss *statementSet) index(ai, i int, actor string) (int32, bool) {
	at := ss.sentences[ai] + int32(i)
	for k := ss.first[at]; k < ss.first[at+1]; k++ {
		if ss.list[k].actor == actor {
			return k, true
		}
	}
	return -1, false
}

// find returns the root of statement k's group.
func (ss *statementSet) find(k int32) int32 {
	for ss.parent[k] != k {
		ss.parent[k] = ss.parent[ss.parent[k]]
		k = ss.parent[k]
	}
	return k
}

// join puts statements a and b in one group.
func (ss *statementSet) join(a, b int32) { ss.parent[ss.find(a)] = ss.find(b) }

// ref returns the reference of statement k's sentence.
func (ss *statementSet) ref(k int32) model.SentenceRef {
	st := ss.list[k]
	d := ss.s.docs[st.article]
	return model.SentenceRef{Article: d.Slug, Sentence: int(st.sentence), ID: d.Sentences[st.sentence].ID}
}

// groups returns the groups: by actor, in the order of s.Actors, then by
// how many articles carry them, most first, then by where they first
// appear. Each holds its sentences in article then sentence order.
func (ss *statementSet) groups() []model.StatementGroup {
	roots := 0
	for k := range ss.list {
		if ss.find(int32(k)) == int32(k) {
			roots++
		}
	}
	number := make([]int32, len(ss.list)) // root → 1 + group number
	groupOf := make([]int32, len(ss.list))
	groups := make([]model.StatementGroup, 0, roots)
	size := make([]int, 0, roots)
	for k, st := range ss.list {
		r := ss.find(int32(k))
		if number[r] == 0 {
			groups = append(groups, model.StatementGroup{Actor: st.actor})
			size = append(size, 0)
			number[r] = int32(len(groups))
		}
		g := number[r] - 1
		groupOf[k] = g
		size[g]++
	}
	// Each group gets its share of one array of references.
	refs := make([]model.SentenceRef, len(ss.list))
	for g, off := 0, 0; g < len(groups); g++ {
		groups[g].Sentences = refs[off : off : off+size[g]]
		off += size[g]
	}
	for k := range ss.list {
		g := &groups[groupOf[k]]
		g.Sentences = append(g.Sentences, ss.ref(int32(k)))
	}

	byActor := map[string][]int32{} // actor → its groups, in order of first statement
	n := make([]int, len(groups))   // group → articles
	for g := range groups {
		byActor[groups[g].Actor] = append(byActor[groups[g].Actor], int32(g))
		n[g] = outlets(groups[g])
	}
	out := make([]model.StatementGroup, 0, len(groups))
	for _, a := range ss.s.Actors {
		gs := byActor[a.Slug]
		slices.SortStableFunc(gs, func(x, y int32) int { return n[y] - n[x] })
		for _, g := range gs {
			out = append(out, groups[g])
		}
	}
	return out
}

// outlets counts the articles a statement group comes from.
func outlets(g model.StatementGroup) int {
	n := 0
	for i, r := range g.Sentences {
		if i == 0 || r.Article != g.Sentences[i-1].Article {
			n++
		}
	}
	return n
}
