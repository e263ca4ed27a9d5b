package corpus

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

var (
	firstNames = []string{"Anna", "Oleh", "Maria", "Ivan", "Sofia", "Pavel", "Irina", "Tomas", "Elena", "Marek",
		"Nadia", "Viktor", "Olga", "Andrei", "Katya", "Lukas", "Yulia", "Boris", "Lena", "Stefan"}
	titles   = []string{"Minister", "General", "Governor", "Colonel", "Mayor", "Senator", "Commander", "Ambassador"}
	orgNouns = []string{"Defence Council", "Border Service", "Press Office", "Volunteer Corps", "Security Agency", "Foreign Ministry", "Relief Committee", "Monitoring Mission"}
	sides    = []string{"North", "South", "Observers", "Press"}
	outlets  = []string{"Desk Wire", "Border Post", "Evening Ledger", "Regional Herald", "Open Dispatch", "Morning Courier", "Daily Record", "Metro Bulletin", "Eastern Gazette", "Capital Times", "Weekly Standard", "River Press"}
	weekdays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
)

// actors makes n actors with distinct made-up names. Four in five are
// people, with their name, their surname and their title and surname as
// aliases; the rest are organisations, with their name and a short form.
func (g *generator) actors(n int) []*Actor {
	g.names = map[string]bool{}
	out := make([]*Actor, n)
	for i := range out {
		word := madeUpWord(g.rng)
		for g.names[word] || g.proper[word] {
			word = madeUpWord(g.rng)
		}
		g.names[word] = true
		a := &Actor{Side: pick(g.rng, sides)}
		if i%5 == 4 {
			noun := pick(g.rng, orgNouns)
			a.Kind = "organisation"
			a.Name = word + " " + noun
			a.Aliases = []string{a.Name, "the " + word + " " + strings.ToLower(noun[strings.LastIndexByte(noun, ' ')+1:])}
			a.Role = "An organisation of the " + a.Side + " side"
		} else {
			title := pick(g.rng, titles)
			a.Kind = "person"
			a.Name = pick(g.rng, firstNames) + " " + word
			a.Aliases = []string{a.Name, word, title + " " + word}
			a.Role = title
		}
		a.Slug = fmt.Sprintf("%s-%d", slugify(a.Name), i+1)
		out[i] = a
	}
	return out
}

// story makes the n articles of story k, numbered from first: a pool of
// seed sentences with the story's own names, recombined per article, with
// statements of the story's actors.
func (g *generator) story(k, n, first int, actors []*Actor) story {
	rng := g.rng
	renamed := map[string]string{}
	name := func(w string) string {
		if r, ok := renamed[w]; ok {
			return r
		}
		r := madeUpWord(rng)
		renamed[w] = r
		return r
	}
	perm := rng.Perm(len(g.pool))
	pool := make([]string, min(len(perm), 30+rng.IntN(20)))
	for i := range pool {
		pool[i] = rename(g.pool[perm[i]], g.proper, name)
	}
	// Story k quotes actor k first, so that every actor is quoted once
	// there are as many stories as actors, and a few others at random.
	st := story{actors: []*Actor{actors[k%len(actors)]}}
	for range rng.IntN(4) {
		if a := pick(rng, actors); !slices.Contains(st.actors, a) {
			st.actors = append(st.actors, a)
		}
	}
	day := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, k%1000)
	statement := func(alias string) string {
		s := quoted(pick(rng, pool))
		q := s // the sentence as the start of a longer one
		if strings.HasSuffix(q, ".") {
			q = strings.TrimSuffix(q, ".") + ","
		}
		switch rng.IntN(4) {
		case 0:
			return fmt.Sprintf("“%s” %s said.", q, alias)
		case 1:
			return fmt.Sprintf("“%s” %s told reporters on %s.", q, alias, pick(rng, weekdays))
		case 2:
			return fmt.Sprintf("In a statement, %s said: “%s”", alias, s)
		}
		return fmt.Sprintf("“%s” %s wrote on social media.", q, alias)
	}
	for j := range n {
		a := &Article{
			Slug:      fmt.Sprintf("a%05d", first+j+1),
			Outlet:    pick(rng, outlets),
			Author:    pick(rng, firstNames) + " " + madeUpWord(rng),
			Published: day.AddDate(0, 0, rng.IntN(3)).Format(time.DateOnly),
		}
		if j > 0 && rng.IntN(5) == 0 {
			// A copy of the story's first article under a new lead.
			orig := st.articles[0]
			a.Origin = orig.Outlet
			if rng.IntN(2) == 0 {
				a.DerivedFrom = orig.Slug
			}
			lead := []string{pick(rng, pool), statement(st.actors[0].Name)}
			a.Paragraphs = append([][]string{lead}, orig.Paragraphs[:max(1, len(orig.Paragraphs)-1)]...)
		} else {
			// Each sentence of the pool once, until the pool runs out.
			order, next := rng.Perm(len(pool)), 0
			for range 5 + rng.IntN(6) {
				p := make([]string, 1+rng.IntN(4))
				for i := range p {
					p[i] = pool[order[next%len(order)]]
					next++
				}
				a.Paragraphs = append(a.Paragraphs, p)
			}
			// The first article names the first actor by every alias;
			// the others quote one or two of the story's actors.
			var quotes []string
			if j == 0 {
				for _, alias := range st.actors[0].Aliases {
					quotes = append(quotes, statement(alias))
				}
			}
			for range 1 + rng.IntN(2) {
				actor := pick(rng, st.actors)
				quotes = append(quotes, statement(pick(rng, actor.Aliases)))
			}
			for _, q := range quotes {
				p := rng.IntN(len(a.Paragraphs))
				a.Paragraphs[p] = append(a.Paragraphs[p], q)
			}
		}
		a.Title = headline(a.Paragraphs[0][0], 12)
		st.articles = append(st.articles, a)
	}
	return st
}

// claim makes claim i about story st: one to four quotes of its articles,
// the first supporting, claimed by the story's first actor.
func (g *generator) claim(i int, st story) *Claim {
	rng := g.rng
	c := &Claim{Slug: fmt.Sprintf("claim-%04d", i+1), ClaimedBy: []string{st.actors[0].Slug}}
	contradicted := false
	for j := range 1 + rng.IntN(4) {
		a := pick(rng, st.articles)
		words := strings.Split(pick(rng, pick(rng, a.Paragraphs)), " ")
		n := min(len(words), 6+rng.IntN(7))
		start := rng.IntN(len(words) - n + 1)
		e := Evidence{Article: a.Slug, Quote: strings.Join(words[start:start+n], " "), Stance: "supports"}
		if j > 0 {
			switch r := rng.IntN(20); {
			case r < 5:
				e.Stance = "contradicts"
				contradicted = true
			case r < 8:
				e.Stance = "context"
			}
		}
		c.Evidence = append(c.Evidence, e)
	}
	c.Status = "unverified"
	if contradicted {
		c.Status = "disputed"
		if len(st.actors) > 1 {
			c.DisputedBy = []string{st.actors[1].Slug}
		}
	}
	c.Title = capitalise(headline(c.Evidence[0].Quote, 12))
	return c
}

// slugify returns s in lower case with runs of other characters than
// letters and digits made one hyphen.
func slugify(s string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !('a' <= r && r <= 'z' || '0' <= r && r <= '9') }) {
		if b.Len() > 0 {
			b.WriteByte('-')
		}
		b.WriteString(w)
	}
	return b.String()
}

// capitalise returns s with its first letter in upper case.
func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
