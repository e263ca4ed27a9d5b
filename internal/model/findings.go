package model

// Findings is what the analysis found in one loaded briefing (a Site). It is
// kept apart from the Site, which the analysis only reads, as go/types keeps
// an Info apart from the syntax tree: each finding is keyed by the IDs the
// content already has (article slug, sentence ID, actor slug, claim slug).
// Nothing changes a Findings once the analysis has returned it, and the
// parts that depend on one article alone may be shared by the Findings of
// several builds.
type Findings struct {
	Articles map[string]*ArticleFindings // by article slug
	Claims   map[string]*ClaimFindings   // by claim slug

	Mentions    []Mention        // every alias occurrence, in article then text order
	Statements  []StatementGroup // attributed sentences, grouped across outlets
	Copies      []Copy           // articles that copy or reword another
	Diagnostics Diagnostics      // what the analysis reports, unsorted
}

// ArticleFindings is what the analysis found in one article's text alone:
// its paragraphs and sentences. It depends on the text only, so builds
// share it while the text stays the same.
type ArticleFindings struct {
	Paragraphs []Paragraph
	Sentences  []Sentence
}

// ClaimFindings is what the analysis found for one claim.
type ClaimFindings struct {
	// Evidence holds one match per item of the claim's Evidence, in order.
	Evidence []EvidenceMatch
	// IndependentSources is the number of independent origins among the
	// articles whose found evidence supports the claim: a copy and its
	// original count once (see OriginalOf). Contradicting and context
	// quotes do not count.
	IndependentSources int
	// ContradictingSources is the number of independent origins among the
	// articles whose found evidence contradicts the claim, counted alike.
	ContradictingSources int
}

// EvidenceMatch is where an evidence quote was found: its byte offsets in
// the article's text, the sentences it spans, and the sentences of other
// articles the generator found reporting the same thing.
type EvidenceMatch struct {
	Found        bool
	Start, End   int
	Sentences    []SentenceRef
	AlsoReported []SentenceRef
}

// Paragraph is a run of sentences; First and Last index the article's
// Sentences in its ArticleFindings.
type Paragraph struct {
	First, Last int
	// Furniture is set on text a scraper took along with the article that
	// is not part of it: a shouting headline of another story, a "CLICK
	// HERE" line, a copyright line, a label such as "Video Embed".
	Furniture bool
}

// Sentence is one sentence of an article. Start and End are byte offsets into
// Article.Text, so Text == Article.Text[Start:End].
type Sentence struct {
	ID         string // stable anchor: the same text gives the same ID
	Start, End int
	Text       string
	Para       int
}

// SentenceRef points at one sentence of one article.
type SentenceRef struct {
	Article  string `json:"article"`
	Sentence int    `json:"-"`
	ID       string `json:"sentence"`
}

// Mention is one occurrence of an actor's alias in an article.
type Mention struct {
	Actor      string
	Alias      string
	Article    string
	Sentence   int
	Start, End int // byte offsets into Article.Text
	// Nested is set on a name inside another actor's longer alias ("Volodymyr
	// Zelensky" in "the office of Ukrainian President Volodymyr Zelensky"):
	// it names the actor, but the longer alias decides who speaks and what
	// a page links.
	Nested bool
}

// StatementGroup is one thing an actor said, as reported by one or more
// articles: each Sentence is an article's wording of it.
type StatementGroup struct {
	Actor     string
	Sentences []SentenceRef
}

// Copy records that article Copy copies or rewrites article Of; Share is the
// fraction of Copy's sentences aligned with Of's, in any order, measured
// whether the detector or the editor relates the two. Editor is true when
// the editor said so with derived_from rather than the detector finding it.
type Copy struct {
	Copy, Of string
	Share    float64
	Editor   bool
}

// Article returns the findings of the article with the given slug; an
// article the analysis has not seen has none (the zero ArticleFindings).
func (f *Findings) Article(slug string) *ArticleFindings {
	if af := f.Articles[slug]; af != nil {
		return af
	}
	return &ArticleFindings{}
}

// Claim returns the findings of the claim with the given slug: one
// EvidenceMatch per evidence item when the analysis has seen the claim,
// none otherwise.
func (f *Findings) Claim(slug string) *ClaimFindings {
	if cf := f.Claims[slug]; cf != nil {
		return cf
	}
	return &ClaimFindings{}
}

// Match returns the match of the claim's i-th evidence item; the zero
// EvidenceMatch (not found) when there is none.
func (cf *ClaimFindings) Match(i int) EvidenceMatch {
	if i < 0 || i >= len(cf.Evidence) {
		return EvidenceMatch{}
	}
	return cf.Evidence[i]
}

// OriginalOf returns a function from an article slug to the article it
// copies, following chains of copies in f.Copies; an article that copies
// nothing maps to itself, and every article of a cycle of copies to the
// same one, the least slug on the cycle, so that the cycle counts as one
// source. A copy and its original count as one source. The chains are
// followed once, here, so each call of the function is one map lookup,
// and it is safe to call concurrently.
func (f *Findings) OriginalOf() func(string) string {
	of := map[string]string{}
	for _, c := range f.Copies {
		if _, ok := of[c.Copy]; !ok {
			of[c.Copy] = c.Of
		}
	}
	orig := make(map[string]string, len(of))
	var path []string
	for start := range of {
		path = path[:0]
		on := map[string]int{} // slug → its index in path
		slug, result := start, ""
		for {
			if o, ok := orig[slug]; ok {
				result = o
				break
			}
			if i, ok := on[slug]; ok {
				// A cycle: path[i:].
				result = slug
				for _, c := range path[i:] {
					result = min(result, c)
				}
				break
			}
			next, ok := of[slug]
			if !ok || next == slug {
				result = slug
				break
			}
			on[slug] = len(path)
			path = append(path, slug)
			slug = next
		}
		for _, p := range path {
			orig[p] = result
		}
	}
	return func(slug string) string {
		if o, ok := orig[slug]; ok {
			return o
		}
		return slug
	}
}
