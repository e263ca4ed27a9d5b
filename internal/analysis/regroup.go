package analysis

import (
	"slices"

	"briefing/internal/model"
)

// carryStatements fills s.f.Statements with the statements attrs finds in
// s's articles (see attributeAll), grouped as AnalyzeQuick says, in the
// order findStatements gives: by actor, then by how many articles carry
// them, then by where they first appear.
func (c *carry) carryStatements(s *site, attrs []attribution) {
	// Union-find over the carried groups and the statements in none of
	// them. A quotation can join two carried groups, one of which may
	// have statements in earlier articles, so the groups are known only
	// once every article has been seen.
	parent := make([]int32, c.groups, c.groups+64)
	for k := range parent {
		parent[k] = int32(k)
	}
	find := func(k int32) int32 {
		for parent[k] != k {
			parent[k] = parent[parent[k]]
			k = parent[k]
		}
		return k
	}
	var nodes []int32 // each statement's node, in article, sentence, speaker order
	var first []int   // sentence → index in nodes of its first statement
	for ai, a := range s.docs {
		at := attrs[ai]
		was := c.statements[a.Slug]
		var wasGroup map[[2]string]int32 // actor, sentence ID → group; made when first needed
		k := 0
		first = first[:0]
		for i, sp := range at.speakers {
			first = append(first, len(nodes))
			for _, actor := range sp {
				id := a.Sentences[i].ID
				node, ok := int32(0), false
				switch {
				case k < len(was) && was[k].actor == actor && was[k].sentence == id:
					node, ok = was[k].group, true // as it was, as most are
				case len(was) > 0:
					if wasGroup == nil {
						wasGroup = make(map[[2]string]int32, len(was))
						for _, w := range was {
							wasGroup[[2]string{w.actor, w.sentence}] = w.group
						}
					}
					node, ok = wasGroup[[2]string{actor, id}]
				}
				if !ok {
					node = int32(len(parent))
					parent = append(parent, node)
				}
				nodes = append(nodes, node)
				k++
			}
		}
		for i, j := range at.continues {
			if j < 0 {
				continue
			}
			for k, actor := range at.speakers[i] {
				if l := slices.Index(at.speakers[j], actor); l >= 0 {
					parent[find(nodes[first[i]+k])] = find(nodes[first[j]+l])
				}
			}
		}
	}

	// Number the groups in order of their first statement, and give each
	// its share of one array of references.
	number := make([]int32, len(parent)) // root → 1 + group number
	groupOf := make([]int32, len(nodes))
	var groups []model.StatementGroup
	var size []int
	k := 0
	for ai := range s.Articles {
		for _, sp := range attrs[ai].speakers {
			for _, actor := range sp {
				r := find(nodes[k])
				if number[r] == 0 {
					groups = append(groups, model.StatementGroup{Actor: actor})
					size = append(size, 0)
					number[r] = int32(len(groups))
				}
				g := number[r] - 1
				groupOf[k] = g
				size[g]++
				k++
			}
		}
	}
	refs := make([]model.SentenceRef, len(nodes))
	for g, off := 0, 0; g < len(groups); g++ {
		groups[g].Sentences = refs[off : off : off+size[g]]
		off += size[g]
	}
	k = 0
	for ai, a := range s.docs {
		for i, sp := range attrs[ai].speakers {
			for range sp {
				g := &groups[groupOf[k]]
				g.Sentences = append(g.Sentences, model.SentenceRef{Article: a.Slug, Sentence: i, ID: a.Sentences[i].ID})
				k++
			}
		}
	}

	byActor := map[string][]int32{} // actor → its groups, in order of first statement
	n := make([]int, len(groups))   // group → outlets
	for g := range groups {
		byActor[groups[g].Actor] = append(byActor[groups[g].Actor], int32(g))
		n[g] = outlets(groups[g])
	}
	s.f.Statements = slices.Grow(s.f.Statements[:0], len(groups))
	for _, a := range s.Actors {
		gs := byActor[a.Slug]
		slices.SortStableFunc(gs, func(x, y int32) int { return n[y] - n[x] })
		for _, g := range gs {
			s.f.Statements = append(s.f.Statements, groups[g])
		}
	}
}
