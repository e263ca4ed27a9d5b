// Package corpus generates large briefings for measuring the generator on
// realistic input, and the same articles as a plain Hugo site, so that the
// two generators can be timed on the same words.
//
// A corpus is made from seed texts (the default briefing's articles):
//
//   - Articles are grouped in stories of a few articles each. A story draws
//     a pool of the seeds' sentences and gives every proper noun in them a
//     name of its own (Moscow, Gladkov, Grayvoron become made-up words that
//     differ from story to story), so stories share their common words but
//     not their names, as reports of different events do. Each article of a
//     story recombines sentences of its pool into paragraphs; some articles
//     are copies of the story's first one under a new lead, a few of them
//     declared with derived_from.
//   - Actors are people and organisations with made-up names. Each story
//     quotes a few of them, so every alias of an actor occurs verbatim in
//     the articles (once the corpus has at least as many stories as actors).
//   - Claims cite quotes that are spans of words of the articles they
//     cite, copied verbatim, with a stance; a claim with a contradicting
//     quote is disputed, every other one unverified, so no status says more
//     than its evidence.
//
// Generate is deterministic: the same seed texts and Options give the same
// Corpus, byte for byte, on every run and platform.
package corpus

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
)

// Options size a corpus.
type Options struct {
	Articles int    // number of articles, at least 1
	Actors   int    // number of actors, at least 1
	Claims   int    // number of claims, at least 0
	Seed     uint64 // the same seed gives the same corpus
}

// Corpus is a generated briefing, kept in memory until written.
type Corpus struct {
	Articles []*Article
	Actors   []*Actor
	Claims   []*Claim
}

// Article is one generated article.
type Article struct {
	Slug        string
	Title       string
	Outlet      string
	Origin      string // the original's outlet, for a copy
	Author      string
	Published   string // YYYY-MM-DD
	DerivedFrom string // the original's slug, for a declared copy
	Paragraphs  [][]string
}

// Text returns the article's raw text: its sentences joined by spaces,
// its paragraphs by blank lines.
func (a *Article) Text() string {
	var b strings.Builder
	for i, p := range a.Paragraphs {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(strings.Join(p, " "))
	}
	b.WriteByte('\n')
	return b.String()
}

// Actor is one generated person or organisation.
type Actor struct {
	Slug    string
	Name    string
	Aliases []string // every form the articles use, the name first
	Kind    string   // person or organisation
	Side    string
	Role    string
}

// Claim is one generated claim.
type Claim struct {
	Slug       string
	Title      string
	Status     string // disputed or unverified
	ClaimedBy  []string
	DisputedBy []string
	Evidence   []Evidence
}

// Evidence is one quote of a claim.
type Evidence struct {
	Article string // slug
	Quote   string // verbatim words of the article
	Stance  string // supports, contradicts or context
}

// storySize is the average number of articles of a story.
const storySize = 7

// Generate makes a corpus from the seed texts. It fails only when the
// options are out of range, the seeds have too few usable sentences or the
// sentence model does not load.
func Generate(seeds []string, opt Options) (*Corpus, error) {
	if opt.Articles < 1 || opt.Actors < 1 || opt.Claims < 0 {
		return nil, fmt.Errorf("need at least 1 article and 1 actor, and no negative count of claims (got %d, %d, %d)", opt.Articles, opt.Actors, opt.Claims)
	}
	pool, err := seedSentences(seeds)
	if err != nil {
		return nil, err
	}
	if len(pool) < 20 {
		return nil, errors.New("the seed texts have fewer than 20 usable sentences")
	}
	g := &generator{
		rng:    rand.New(rand.NewPCG(opt.Seed, 0x6272696566696e67)),
		pool:   pool,
		proper: properNouns(seeds),
	}
	c := &Corpus{Actors: g.actors(opt.Actors)}
	var stories []story
	for len(c.Articles) < opt.Articles {
		n := min(opt.Articles-len(c.Articles), storySize-2+g.rng.IntN(5))
		st := g.story(len(stories), n, len(c.Articles), c.Actors)
		stories = append(stories, st)
		c.Articles = append(c.Articles, st.articles...)
	}
	for i := range opt.Claims {
		c.Claims = append(c.Claims, g.claim(i, stories[g.rng.IntN(len(stories))]))
	}
	return c, nil
}

// generator holds what generating a corpus draws from.
type generator struct {
	rng    *rand.Rand
	pool   []string        // the seeds' usable sentences
	proper map[string]bool // the seeds' proper nouns
	names  map[string]bool // every made-up actor name word so far
}

// story is a group of articles that report one event.
type story struct {
	articles []*Article
	actors   []*Actor
}

// pick returns a random element of xs.
func pick[T any](rng *rand.Rand, xs []T) T { return xs[rng.IntN(len(xs))] }
