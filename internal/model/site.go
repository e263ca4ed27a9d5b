package model

import "time"

// Site is one briefing: everything loaded from its content folder, plus what
// the analysis adds. Slices are sorted by slug.
type Site struct {
	Index    *Page
	Pages    []*Page
	Articles []*Article
	Actors   []*Actor
	Claims   []*Claim

	// Filled by analysis.
	Mentions   []Mention        // every alias occurrence, in article then text order
	Statements []StatementGroup // attributed sentences, grouped across outlets
	Copies     []Copy           // articles that copy or reword another
}

// Page is a Markdown page: the overview (content/_index.md) or a free page
// (content/pages/<slug>.md).
type Page struct {
	Slug        string
	File        string
	Title       string
	Description string
	Body        Markdown
}

// Markdown is an editor's Markdown text and where it starts, so that
// positions inside it map back to the file.
type Markdown struct {
	Source string
	Pos    Pos // position of the first byte of Source
}

// Article is one raw source article and the editor's metadata about it.
type Article struct {
	Slug string
	File string // the .txt file
	Meta string // the sidecar .md file, "" when there is none

	Title        string
	TitleDerived bool // true when Title was taken from the text
	Outlet       string
	Origin       string
	Author       string
	Published    time.Time // zero when unknown
	URL          string
	Language     string
	DerivedFrom  string // slug of the article this one copies, per the editor
	DerivedPos   Pos
	Summary      Markdown

	// Text is the raw article text after any front matter; TextPos is where
	// it starts in File.
	Text    string
	TextPos Pos

	Paragraphs []Paragraph
	Sentences  []Sentence
}

// Paragraph is a run of sentences; First and Last index Article.Sentences.
type Paragraph struct {
	First, Last int
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

// Actor is a person, organisation, state, group or outlet in the story.
type Actor struct {
	Slug     string
	File     string
	Name     string
	Aliases  []string
	AliasPos []Pos
	Kind     string
	Side     string
	Role     string
	Links    []string
	Body     Markdown
}

// Claim statuses.
const (
	Confirmed  = "confirmed"
	Disputed   = "disputed"
	Unverified = "unverified"
	False      = "false"
)

// Statuses returns the claim statuses in the order pages show them.
func Statuses() []string { return []string{Confirmed, Disputed, Unverified, False} }

// Claim is one statement about the event, its status, who makes and who
// disputes it, and the quotes that carry it.
type Claim struct {
	Slug        string
	File        string
	Title       string
	Status      string
	ClaimedBy   []Ref
	DisputedBy  []Ref
	Evidence    []Evidence
	EvidencePos Pos // where the evidence key is, or the file's start
	Updated     time.Time
	Body        Markdown

	IndependentSources int // filled by analysis
}

// Ref is a slug written in a content file and where it was written.
type Ref struct {
	Slug string
	Pos  Pos
}

// Evidence is one quote from one article supporting a claim.
type Evidence struct {
	Article    string
	ArticlePos Pos
	Quote      string
	QuotePos   Pos

	// Filled by analysis: where the quote is in the article's text, the
	// sentences it spans, and the matching sentences the generator found in
	// other articles.
	Found        bool
	Start, End   int
	Sentences    []SentenceRef
	AlsoReported []SentenceRef
}

// Mention is one occurrence of an actor's alias in an article.
type Mention struct {
	Actor      string
	Alias      string
	Article    string
	Sentence   int
	Start, End int // byte offsets into Article.Text
}

// StatementGroup is one thing an actor said, as reported by one or more
// articles: each Sentence is an article's wording of it.
type StatementGroup struct {
	Actor     string
	Sentences []SentenceRef
}

// Copy records that article Copy copies or rewrites article Of; Share is the
// fraction of Copy's sentences aligned with Of. Editor is true when the
// editor said so with derived_from rather than the detector finding it.
type Copy struct {
	Copy, Of string
	Share    float64
	Editor   bool
}

// Article returns the article with the given slug, or nil.
func (s *Site) Article(slug string) *Article {
	for _, a := range s.Articles {
		if a.Slug == slug {
			return a
		}
	}
	return nil
}

// Actor returns the actor with the given slug, or nil.
func (s *Site) Actor(slug string) *Actor {
	for _, a := range s.Actors {
		if a.Slug == slug {
			return a
		}
	}
	return nil
}

// OriginalOf returns a function from an article slug to the article it
// copies, following chains of copies in s.Copies; an article that copies
// nothing maps to itself. A copy and its original count as one source.
func (s *Site) OriginalOf() func(string) string {
	of := map[string]string{}
	for _, c := range s.Copies {
		if _, ok := of[c.Copy]; !ok {
			of[c.Copy] = c.Of
		}
	}
	return func(slug string) string {
		for range len(of) + 1 { // bounded, in case of a cycle
			next, ok := of[slug]
			if !ok || next == slug {
				break
			}
			slug = next
		}
		return slug
	}
}
