package model

import "time"

// Site is one briefing as loaded from its content folder. Slices are sorted
// by slug. Nothing changes it once loaded: what the analysis finds in it is
// a separate Findings value.
type Site struct {
	Index    *Page
	Pages    []*Page
	Articles []*Article
	Actors   []*Actor
	Claims   []*Claim
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
	TitleDerived bool   // true when Title was taken from the text
	TitleBy      string // "editor" when the editor wrote Title because the copy has no headline
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
}

// TitleByEditor is the value of title_by for a title the editor wrote.
const TitleByEditor = "editor"

// EditorTitle reports whether the editor wrote the article's title, which
// pages then mark as such: the copy has no headline of its own.
func (a *Article) EditorTitle() bool { return a.TitleBy == TitleByEditor }

// Actor is a person, organisation, state, group or outlet in the story.
type Actor struct {
	Slug     string
	File     string
	Name     string
	Aliases  []string
	AliasPos []Pos
	Kind     Kind // "" when the editor gave none
	Side     string
	Role     string
	Links    []string
	Body     Markdown
}

// Kind is what sort of actor an actor is, as its file's kind key says.
type Kind string

// Actor kinds.
const (
	Person       Kind = "person"
	Organisation Kind = "organisation"
	State        Kind = "state"
	Group        Kind = "group"
	Media        Kind = "media"
)

// Valid reports whether k is one of the actor kinds. The American spelling
// "organization" is accepted too.
func (k Kind) Valid() bool {
	switch k {
	case Person, Organisation, "organization", State, Group, Media:
		return true
	}
	return false
}

// Status is what the editor concluded about a claim.
type Status string

// Claim statuses.
const (
	Confirmed  Status = "confirmed"
	Disputed   Status = "disputed"
	Unverified Status = "unverified"
	False      Status = "false"
)

// Statuses returns the claim statuses in the order pages show them.
func Statuses() []Status { return []Status{Confirmed, Disputed, Unverified, False} }

// Valid reports whether s is one of the claim statuses.
func (s Status) Valid() bool {
	switch s {
	case Confirmed, Disputed, Unverified, False:
		return true
	}
	return false
}

// Label names the status in words, as pages show it; an unknown status is
// shown as it was written.
func (s Status) Label() string {
	switch s {
	case Confirmed:
		return "Confirmed"
	case Disputed:
		return "Disputed"
	case Unverified:
		return "Unverified"
	case False:
		return "False"
	}
	return string(s)
}

// Claim is one statement about the event, its status, who makes and who
// disputes it, and the quotes that carry it.
type Claim struct {
	Slug        string
	File        string
	Title       string
	TitlePos    Pos // where the title value is, or its key, or the file's start
	Status      Status
	StatusPos   Pos // where the status value is, or its key, or the file's start
	ClaimedBy   []Ref
	DisputedBy  []Ref
	Evidence    []Evidence
	EvidencePos Pos // where the evidence key is, or the file's start
	Updated     time.Time
	Body        Markdown
}

// Ref is a slug written in a content file and where it was written.
type Ref struct {
	Slug string
	Pos  Pos
}

// Evidence is one quote from one article and what it does to the claim.
type Evidence struct {
	Article    string
	ArticlePos Pos
	Quote      string
	QuotePos   Pos
	Stance     Stance // Supports when the editor gave none
	StancePos  Pos    // where the stance value is; zero when there is none
}

// Stance is what an evidence quote does to its claim.
type Stance string

// Evidence stances.
const (
	Supports    Stance = "supports"    // the quote carries the claim
	Contradicts Stance = "contradicts" // the quote says the claim is wrong
	Context     Stance = "context"     // the quote explains, neither carrying nor denying it
)

// Stances returns the evidence stances in the order pages show them.
func Stances() []Stance { return []Stance{Supports, Contradicts, Context} }

// Valid reports whether s is one of the evidence stances.
func (s Stance) Valid() bool {
	switch s {
	case Supports, Contradicts, Context:
		return true
	}
	return false
}

// Label names the group of quotes of stance s in words a reader
// understands, as claim pages head them; an unknown stance is shown as it
// was written.
func (s Stance) Label() string {
	switch s {
	case Supports:
		return "What supports it"
	case Contradicts:
		return "What contradicts it"
	case Context:
		return "Context"
	}
	return string(s)
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
