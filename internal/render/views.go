package render

import (
	"errors"
	"fmt"
	"html/template"
	"slices"
	"sort"
	"strings"
	"sync"

	"briefing/internal/config"
	"briefing/internal/markdown"
	"briefing/internal/model"
)

// Page is what every template receives.
type Page struct {
	Kind        string // template name without .html
	Path        string // site path (see paths.go): "" for the overview
	Root        string // prefix from this page to the site root: "../../", or the base path on 404
	Title       string
	Description string
	Canonical   string
	Site        *SiteInfo
	Content     template.HTML // the page's Markdown body, rendered
	JSONLD      []template.JS // schema.org blocks

	Overview *Overview
	Articles []*ArticleView
	Article  *ArticleView
	Actors   []*ActorGroup
	Actor    *ActorView
	Claims   []*ClaimGroup
	Claim    *ClaimView
	Matrix   *SourceMatrix // the claim-by-source table of the claims page

	OGType string // Open Graph type: "website" or "article"

	out *Output     // the Output rendering the page, for its frame (see Frame)
	w   *pageWriter // the writer the page renders to
}

// File returns the output file of the page.
func (p *Page) File() string {
	if strings.HasSuffix(p.Path, ".html") {
		return p.Path
	}
	return p.Path + "index.html"
}

// URL returns a link from this page to the site path target.
func (p *Page) URL(target string) string { return p.Root + target }

// SiteInfo is the site-wide data of every page.
type SiteInfo struct {
	Title       string
	Description string
	Language    string
	BaseURL     string
	BasePath    string
	Author      string
	Pages       []Link // free pages, for the navigation

	// Site paths of the index pages, for links to them.
	ArticlesPath, ActorsPath, ClaimsPath string
}

// Link is a labelled site path.
type Link struct {
	Path  string
	Label string
}

// Overview is the data of the front page.
type Overview struct {
	Claims       []*ClaimGroup // every claim by status, for the first screen
	StatusCounts []StatusCount
	Sides        []*ActorGroup
	Articles     []*ArticleView
}

// StatusCount is how many claims have a status.
type StatusCount struct {
	Status model.Status
	Label  string
	Count  int
	Path   string // the status's claims, or the claims page when there are none
}

// ArticleView is an article as pages show it. Its summary and sentences
// are made when a page first asks for them, so that a preview renders only
// the article pages it shows; they are safe to ask for concurrently.
type ArticleView struct {
	*model.Article
	// The Article's fields that pages show most, copied: html/template
	// finds a field of the view itself at once, but one of the embedded
	// Article only by a search that allocates, which cost more than
	// showing the field on a large briefing's actor pages. The model does
	// not change while a site renders (see Renderer.Site).
	Slug, Title, Outlet, Origin, Author, URL string

	Path        string
	PublishedOn string     // the publication date in words, "" when unknown
	CopyOf      []CopyView // articles this one copies
	CopiedBy    []CopyView // articles that copy this one

	v        *views
	found    *model.ArticleFindings
	mentions []model.Mention         // this article's mentions, in text order
	cited    map[string][]*ClaimView // sentence anchor → claims citing it

	summaryOnce sync.Once
	summary     template.HTML
}

// Sentences returns the article's sentences, as the analysis found them.
func (av *ArticleView) Sentences() []model.Sentence { return av.found.Sentences }

// SummaryHTML returns the editor's summary, rendered.
func (av *ArticleView) SummaryHTML() template.HTML {
	av.summaryOnce.Do(func() { av.summary = av.v.markdown(av.Article.Summary, av.Path) })
	return av.summary
}

// ParagraphView is one paragraph of an article page.
type ParagraphView struct {
	Sentences []*SentenceView
	Furniture bool // scraped page furniture, not the article's text
}

// Paragraphs returns the article's sentences by paragraph: escaped, actor
// names linked, cited sentences marked. It makes them on each call, not
// once for the build: only the article's page shows them, and a large
// site would keep every article's text twice more until it is written.
func (av *ArticleView) Paragraphs() []*ParagraphView {
	root := rootOf(av.Path) // the sentences are shown on the article's page
	paras := make([]*ParagraphView, 0, len(av.found.Paragraphs))
	var b strings.Builder
	av.walk(func(p model.Paragraph) {
		paras = append(paras, &ParagraphView{Sentences: make([]*SentenceView, 0, p.Last-p.First+1), Furniture: p.Furniture})
	}, func(s model.Sentence, ms []model.Mention) {
		b.Reset()
		writeSentence(&b, av.Article, s, ms, root)
		para := paras[len(paras)-1]
		para.Sentences = append(para.Sentences, &SentenceView{ID: s.ID, HTML: template.HTML(b.String()), Claims: av.cited[s.ID]})
	})
	return paras
}

// walk calls paragraph for each paragraph of the article and then
// sentence for each of its sentences, with the sentence's mentions.
func (av *ArticleView) walk(paragraph func(model.Paragraph), sentence func(model.Sentence, []model.Mention)) {
	ms := av.mentions
	for _, p := range av.found.Paragraphs {
		paragraph(p)
		for i := p.First; i <= p.Last; i++ {
			// Mentions are in text order, so each sentence's are the
			// run at the front of what is left.
			for len(ms) > 0 && ms[0].Sentence < i {
				ms = ms[1:]
			}
			n := 0
			for n < len(ms) && ms[n].Sentence == i {
				n++
			}
			sentence(av.found.Sentences[i], ms[:n])
			ms = ms[n:]
		}
	}
}

// CopyView is one copy relation as pages show it.
type CopyView struct {
	Article *ArticleView
	// Percent is the copy's share of sentences aligned with the
	// original's, rounded, and at least 1 when any align.
	Percent int
	Editor  bool // the editor declared the copy (derived_from)
}

// SentenceView is one sentence of an article page.
type SentenceView struct {
	ID     string
	HTML   template.HTML // escaped text with actor names linked
	Claims []*ClaimView  // claims citing this sentence
}

// ActorGroup is the actors of one side.
type ActorGroup struct {
	Side   string
	Actors []*ActorView
}

// ActorView is an actor as pages show it.
type ActorView struct {
	*model.Actor
	Slug, Name, Side, Role string // the Actor's, copied (see ArticleView)

	Path       string
	Summary    template.HTML
	Statements []StatementView
	Claims     []*ClaimView // claims the actor makes
	Disputes   []*ClaimView // claims the actor disputes

	v        *views
	mentions []model.Mention // this actor's mentions, in site order

	namedOnce  sync.Once // Mentions and CoMentions are made on first use
	groups     []MentionGroup
	coMentions []CoMention
}

// Count returns how many times the articles name the actor.
func (av *ActorView) Count() int { return len(av.mentions) }

// Mentions returns the sentences that name the actor, by article, each
// sentence once.
func (av *ActorView) Mentions() []MentionGroup {
	av.namedOnce.Do(av.named)
	return av.groups
}

// CoMentions returns the other actors named in the sentences that name
// this one, with how many such sentences name each, most often first.
func (av *ActorView) CoMentions() []CoMention {
	av.namedOnce.Do(av.named)
	return av.coMentions
}

// named makes Mentions and CoMentions: on a large briefing they link
// thousands of sentences, and only the actor's own page shows them.
func (av *ActorView) named() {
	v := av.v
	co := map[string]int{}
	var group *MentionGroup
	for i, m := range av.mentions {
		if i > 0 && m.Article == av.mentions[i-1].Article && m.Sentence == av.mentions[i-1].Sentence {
			continue // the sentence names the actor twice
		}
		// The sentence's mentions: those of its article are in text order.
		var inSentence []model.Mention
		if art := v.articles[m.Article]; art != nil {
			all := art.mentions
			lo := sort.Search(len(all), func(j int) bool { return all[j].Sentence >= m.Sentence })
			hi := lo
			for hi < len(all) && all[hi].Sentence == m.Sentence {
				hi++
			}
			inSentence = all[lo:hi]
		}
		for _, o := range inSentence {
			if o.Actor != av.Slug {
				co[o.Actor]++
			}
		}
		if group == nil || group.Article.Slug != m.Article {
			av.groups = append(av.groups, MentionGroup{Article: v.articles[m.Article], root: rootOf(av.Path)})
			group = &av.groups[len(av.groups)-1]
		}
		group.Sentences = append(group.Sentences, v.sentenceLink(v.ref(m.Article, m.Sentence)))
	}
	for slug, n := range co {
		if o := v.actors[slug]; o != nil {
			av.coMentions = append(av.coMentions, CoMention{Actor: o.Actor, Path: o.Path, Count: n})
		}
	}
	sort.Slice(av.coMentions, func(i, j int) bool {
		x, y := av.coMentions[i], av.coMentions[j]
		if x.Count != y.Count {
			return x.Count > y.Count
		}
		return x.Actor.Name < y.Actor.Name
	})
}

// StatementView is one statement, with each outlet's wording.
type StatementView struct {
	Versions []SentenceLink
	Outlets  int // independent sources: a copy and its original count once
	Articles int // articles reporting it, copies included
}

// SentenceLink is a sentence shown with a link to its anchor. Its fields
// are plain values, not methods, as templates read them: actor pages of a
// large briefing link hundreds of thousands of sentences, and a method
// called from a template costs a reflected call each time.
type SentenceLink struct {
	Article *ArticleView // nil when the article is unknown
	ID      string
	Path    string // the site path of the sentence, with its anchor
	Text    string // the sentence's text, its white space collapsed
}

// MentionGroup is the sentences of one article that name an actor.
type MentionGroup struct {
	Article   *ArticleView
	Sentences []SentenceLink

	root string // the Root of the actor's page, which lists the group
}

// CoMention is another actor named in the same sentences, and how often.
type CoMention struct {
	Actor *model.Actor
	Path  string
	Count int
}

// ClaimGroup is the claims of one status.
type ClaimGroup struct {
	Status model.Status
	Label  string
	Claims []*ClaimView
}

// ClaimView is a claim as pages show it.
type ClaimView struct {
	*model.Claim
	Slug, Title string // the Claim's, copied (see ArticleView)
	Status      model.Status

	Path       string
	Label      string // the status in words
	Assessment template.HTML
	Claimants  []Link          // the actors who make the claim
	Disputants []Link          // the actors who dispute it
	Quotes     []EvidenceView  // its evidence, linked to the sentences, in the editor's order
	Groups     []EvidenceGroup // the same quotes by stance, in model.Stances order, without empty groups
	UpdatedOn  string          // when it was last reviewed, in words

	// Independent and Contradicting are the claim's independent
	// supporting and contradicting sources (see model.ClaimFindings).
	Independent, Contradicting int
}

// EvidenceGroup is the quotes of a claim that take one stance.
type EvidenceGroup struct {
	Stance model.Stance
	Label  string // the group's heading, in words
	Quotes []EvidenceView
}

// EvidenceView is one quote of a claim with its sentences.
type EvidenceView struct {
	Article      *model.Article
	Quote        string
	Stance       model.Stance
	Path         string // link to the first sentence of the quote
	AlsoReported []SentenceLink
}

// views builds the page values of one site.
type views struct {
	cfg  config.Config
	s    *model.Site
	f    *model.Findings
	md   *markdown.Renderer
	info *SiteInfo

	mu    sync.Mutex // guards diags: pages render concurrently
	diags *model.Diagnostics

	articles map[string]*ArticleView
	actors   map[string]*ActorView
	claims   map[string]*ClaimView
	slugs    siteSlugs // what editors' links can name
}

func newViews(cfg config.Config, s *model.Site, f *model.Findings, md *markdown.Renderer, diags *model.Diagnostics) *views {
	v := &views{cfg: cfg, s: s, f: f, md: md, diags: diags,
		articles: map[string]*ArticleView{}, actors: map[string]*ActorView{}, claims: map[string]*ClaimView{},
		slugs: slugsOf(s)}
	v.info = &SiteInfo{
		Title:       cfg.Title,
		Description: cfg.Description,
		Language:    cfg.Language,
		BaseURL:     cfg.BaseURL,
		BasePath:    cfg.BasePath(),
		Author:      cfg.Author,

		ArticlesPath: ArticlesPath,
		ActorsPath:   ActorsPath,
		ClaimsPath:   ClaimsPath,
	}
	if s.Index != nil && s.Index.Title != "" && cfg.Title == config.Default().Title {
		v.info.Title = s.Index.Title
	}
	if v.info.Description == "" && s.Index != nil {
		v.info.Description = s.Index.Description
	}
	for _, p := range s.Pages {
		v.info.Pages = append(v.info.Pages, Link{Path: PagePath(p.Slug), Label: p.Title})
	}
	for _, a := range s.Articles {
		v.articles[a.Slug] = v.article(a)
	}
	for _, a := range s.Actors {
		v.actors[a.Slug] = &ActorView{v: v, Actor: a, Path: ActorPath(a.Slug), Summary: v.markdown(a.Body, ActorPath(a.Slug)),
			Slug: a.Slug, Name: a.Name, Side: a.Side, Role: a.Role}
	}
	for _, c := range s.Claims {
		v.claims[c.Slug] = v.claim(c)
	}
	v.linkCopies()
	v.linkActors()
	v.linkClaims()
	return v
}

// markdown renders an editor's text shown on the page at site path from,
// with its links to the site's pages resolved (see links.go); a link that
// names nothing is a diagnostic at the link, any other failure one at the
// text's start.
func (v *views) markdown(m model.Markdown, from string) template.HTML {
	if strings.TrimSpace(m.Source) == "" {
		return ""
	}
	h, err := v.md.RenderLinks(m.Source, v.slugs.linker(from))
	if err != nil {
		v.mu.Lock()
		found := linkDiagnostics(err, m.Pos, v.diags)
		v.mu.Unlock()
		if found {
			return h
		}
		pos := m.Pos
		var le *markdown.LimitError
		if errors.As(err, &le) && le.Line > 0 {
			pos.Line, pos.Col = m.Pos.Line+le.Line-1, 0
			err = errors.New(le.Msg)
		}
		v.mu.Lock()
		v.diags.Errorf(pos, "render Markdown: %v", err)
		v.mu.Unlock()
	}
	return h
}

func (v *views) article(a *model.Article) *ArticleView {
	av := &ArticleView{Article: a, Path: ArticlePath(a.Slug), v: v, found: v.f.Article(a.Slug),
		Slug: a.Slug, Title: a.Title, Outlet: a.Outlet, Origin: a.Origin, Author: a.Author, URL: a.URL}
	if !a.Published.IsZero() {
		av.PublishedOn = a.Published.Format("2 January 2006")
	}
	return av
}

func (v *views) claim(c *model.Claim) *ClaimView {
	cf := v.f.Claim(c.Slug)
	cv := &ClaimView{Claim: c, Slug: c.Slug, Title: c.Title, Status: c.Status, Path: ClaimPath(c.Slug), Label: c.Status.Label(),
		Assessment: v.markdown(c.Body, ClaimPath(c.Slug)), Independent: cf.IndependentSources, Contradicting: cf.ContradictingSources}
	if !c.Updated.IsZero() {
		cv.UpdatedOn = c.Updated.Format("2 January 2006")
	}
	for _, r := range c.ClaimedBy {
		cv.Claimants = append(cv.Claimants, v.actorLink(r.Slug))
	}
	for _, r := range c.DisputedBy {
		cv.Disputants = append(cv.Disputants, v.actorLink(r.Slug))
	}
	for i, e := range c.Evidence {
		av := v.articles[e.Article]
		if av == nil {
			continue
		}
		a, m := av.Article, cf.Match(i)
		ev := EvidenceView{Article: a, Quote: e.Quote, Stance: e.Stance, Path: av.Path}
		if len(m.Sentences) > 0 {
			ev.Path = SentencePath(a.Slug, m.Sentences[0].ID)
		}
		for _, r := range m.AlsoReported {
			ev.AlsoReported = append(ev.AlsoReported, v.sentenceLink(r))
		}
		cv.Quotes = append(cv.Quotes, ev)
	}
	cv.Groups = groupByStance(cv.Quotes)
	return cv
}

// groupByStance returns quotes grouped by stance, in the order of
// model.Stances, leaving out the stances no quote takes. A quote of an
// empty stance supports, as the loader's default.
func groupByStance(quotes []EvidenceView) []EvidenceGroup {
	var groups []EvidenceGroup
	for _, st := range model.Stances() {
		g := EvidenceGroup{Stance: st, Label: st.Label()}
		for _, q := range quotes {
			if q.Stance == st || q.Stance == "" && st == model.Supports {
				g.Quotes = append(g.Quotes, q)
			}
		}
		if len(g.Quotes) > 0 {
			groups = append(groups, g)
		}
	}
	return groups
}

func (v *views) actorLink(slug string) Link {
	if a := v.actors[slug]; a != nil {
		return Link{Path: a.Path, Label: a.Name}
	}
	return Link{Label: slug}
}

func (v *views) sentenceLink(r model.SentenceRef) SentenceLink {
	l := SentenceLink{ID: r.ID, Path: SentencePath(r.Article, r.ID)}
	if av := v.articles[r.Article]; av != nil {
		l.Article = av
		if sents := av.found.Sentences; r.Sentence >= 0 && r.Sentence < len(sents) {
			l.Text = model.CollapseSpace(sents[r.Sentence].Text)
		}
	}
	return l
}

func (v *views) linkCopies() {
	for _, c := range v.f.Copies {
		cp, of := v.articles[c.Copy], v.articles[c.Of]
		if cp == nil || of == nil {
			continue
		}
		pct := int(c.Share*100 + 0.5)
		if pct == 0 && c.Share > 0 {
			pct = 1 // a copy with shared text never reads "0%"
		}
		cp.CopyOf = append(cp.CopyOf, CopyView{Article: of, Percent: pct, Editor: c.Editor})
		of.CopiedBy = append(of.CopiedBy, CopyView{Article: cp, Percent: pct, Editor: c.Editor})
	}
}

// linkActors hands each article and actor its mentions, from which their
// pages link names and list mentions when rendered, and fills the actors'
// statements.
func (v *views) linkActors() {
	ms := v.f.Mentions
	for i, m := range ms {
		if i == 0 || m.Article != ms[i-1].Article {
			n := i + 1
			for n < len(ms) && ms[n].Article == m.Article {
				n++
			}
			if av := v.articles[m.Article]; av != nil {
				av.mentions = ms[i:n:n]
			}
		}
		if av := v.actors[m.Actor]; av != nil {
			av.mentions = append(av.mentions, m)
		}
	}
	original := v.f.OriginalOf()
	for _, g := range v.f.Statements {
		av := v.actors[g.Actor]
		if av == nil {
			continue
		}
		sv := StatementView{}
		outlets, articles := map[string]bool{}, map[string]bool{}
		for _, r := range g.Sentences {
			sv.Versions = append(sv.Versions, v.sentenceLink(r))
			outlets[original(r.Article)] = true
			articles[r.Article] = true
		}
		sv.Outlets, sv.Articles = len(outlets), len(articles)
		av.Statements = append(av.Statements, sv)
	}
}

func (v *views) ref(article string, i int) model.SentenceRef {
	r := model.SentenceRef{Article: article, Sentence: i}
	if av := v.articles[article]; av != nil && i >= 0 && i < len(av.found.Sentences) {
		r.ID = av.found.Sentences[i].ID
	}
	return r
}

// writeSentence writes the sentence's text, escaped, with the actor names
// in it linked, for a page whose Root is root.
func writeSentence(b *strings.Builder, a *model.Article, s model.Sentence, ms []model.Mention, root string) {
	at := s.Start
	for _, m := range ms {
		if m.Start < at || m.End > s.End {
			continue
		}
		escapeText(b, a.Text[at:m.Start])
		b.WriteString(`<a class="actor" href="`)
		escapeText(b, root)
		escapeText(b, ActorPath(m.Actor))
		b.WriteString(`">`)
		escapeText(b, a.Text[m.Start:m.End])
		b.WriteString("</a>")
		at = m.End
	}
	escapeText(b, a.Text[at:s.End])
}

// linkClaims marks cited sentences and files claims under their actors.
func (v *views) linkClaims() {
	for _, c := range v.s.Claims {
		cv, cf := v.claims[c.Slug], v.f.Claim(c.Slug)
		for i, e := range c.Evidence {
			av := v.articles[e.Article]
			if av == nil {
				continue
			}
			if av.cited == nil {
				av.cited = map[string][]*ClaimView{}
			}
			for _, r := range cf.Match(i).Sentences {
				if !slices.Contains(av.cited[r.ID], cv) {
					av.cited[r.ID] = append(av.cited[r.ID], cv)
				}
			}
		}
		for _, r := range c.ClaimedBy {
			if av := v.actors[r.Slug]; av != nil {
				av.Claims = append(av.Claims, cv)
			}
		}
		for _, r := range c.DisputedBy {
			if av := v.actors[r.Slug]; av != nil {
				av.Disputes = append(av.Disputes, cv)
			}
		}
	}
}

// actorGroups groups actors by side, sides in order of first appearance by
// name, "Other" last.
func (v *views) actorGroups() []*ActorGroup {
	bySide := map[string]*ActorGroup{}
	var groups []*ActorGroup
	for _, a := range v.s.Actors {
		side := a.Side
		if side == "" {
			side = "Other"
		}
		g := bySide[side]
		if g == nil {
			g = &ActorGroup{Side: side}
			bySide[side] = g
			groups = append(groups, g)
		}
		g.Actors = append(g.Actors, v.actors[a.Slug])
	}
	sort.SliceStable(groups, func(i, j int) bool {
		if (groups[i].Side == "Other") != (groups[j].Side == "Other") {
			return groups[j].Side == "Other"
		}
		return groups[i].Side < groups[j].Side
	})
	for _, g := range groups {
		sort.SliceStable(g.Actors, func(i, j int) bool { return g.Actors[i].Name < g.Actors[j].Name })
	}
	return groups
}

func (v *views) claimGroups() []*ClaimGroup {
	var groups []*ClaimGroup
	for _, st := range model.Statuses() {
		g := &ClaimGroup{Status: st, Label: st.Label()}
		for _, c := range v.s.Claims {
			if c.Status == st {
				g.Claims = append(g.Claims, v.claims[c.Slug])
			}
		}
		if len(g.Claims) > 0 {
			groups = append(groups, g)
		}
	}
	return groups
}

// page completes pg, whose Kind, Path, Title and Description are set and
// whose subject (Article, Actor or Claim) is set on the pages of one: it
// adds what every page has, and what the subject tells search engines.
func (v *views) page(pg *Page) *Page {
	pg.Root, pg.Site = rootOf(pg.Path), v.info
	if pg.Description == "" {
		pg.Description = v.describe(pg)
	}
	if pg.Description == "" {
		pg.Description = v.info.Description
	}
	if pg.Kind == "404" {
		pg.Root = v.info.BasePath
	}
	pg.OGType = ogType(pg.Kind)
	if pg.Kind != "404" { // a 404 has no canonical address
		pg.Canonical = v.absURL(pg.Path)
	}
	pg.JSONLD = v.jsonLD(pg)
	return pg
}

// pageSpec is one page of the site: its output file, and how to make its
// value when it is rendered.
type pageSpec struct {
	file   string
	source string // the content file a free page comes from; "" for the rest
	make   func() *Page
	long   bool // an index page, which lists the whole site: rendered early (see Output.each)
}

// pages returns every page of the site, in a fixed order. Making the specs
// is cheap; the page values are made only when rendered.
func (v *views) pages() []pageSpec {
	var out []pageSpec
	add := func(p string, make func() *Page) {
		out = append(out, pageSpec{file: (&Page{Path: p}).File(), make: make})
	}
	index := func(p string, make func() *Page) { // a page that lists the whole site
		add(p, make)
		out[len(out)-1].long = true
	}
	articles := func() []*ArticleView {
		list := make([]*ArticleView, 0, len(v.s.Articles))
		for _, a := range v.s.Articles {
			list = append(list, v.articles[a.Slug])
		}
		return list
	}

	index("", func() *Page {
		ov := &Overview{Claims: v.claimGroups(), Sides: v.actorGroups(), Articles: articles()}
		count := map[model.Status]int{}
		for _, g := range ov.Claims {
			count[g.Status] = len(g.Claims)
		}
		for _, st := range model.Statuses() {
			n := count[st]
			sc := StatusCount{Status: st, Label: st.Label(), Count: n, Path: ClaimsPath}
			if n > 0 {
				sc.Path = StatusPath(st)
			}
			ov.StatusCounts = append(ov.StatusCounts, sc)
		}
		// The overview's own description, when it has one, is its lede:
		// the site's description is the default of every page.
		desc := v.info.Description
		if v.s.Index != nil && v.s.Index.Description != "" {
			desc = v.s.Index.Description
		}
		pg := v.page(&Page{Kind: "index", Path: "", Title: v.info.Title, Description: desc, Overview: ov})
		if v.s.Index != nil {
			pg.Content = v.markdown(v.s.Index.Body, "")
		}
		return pg
	})

	for _, p := range v.s.Pages {
		path := PagePath(p.Slug)
		add(path, func() *Page {
			pg := v.page(&Page{Kind: "page", Path: path, Title: p.Title, Description: p.Description})
			pg.Content = v.markdown(p.Body, PagePath(p.Slug))
			return pg
		})
		out[len(out)-1].source = p.File
	}

	index(ArticlesPath, func() *Page {
		return v.page(&Page{Kind: "articles", Path: ArticlesPath, Title: "Sources",
			Description: "The articles this briefing is built from.", Articles: articles()})
	})
	for _, a := range v.s.Articles {
		av := v.articles[a.Slug]
		add(av.Path, func() *Page {
			return v.page(&Page{Kind: "article", Path: av.Path, Title: a.Title, Article: av})
		})
	}

	index(ActorsPath, func() *Page {
		return v.page(&Page{Kind: "actors", Path: ActorsPath, Title: "Actors",
			Description: "The people and organisations in this story, by side.", Actors: v.actorGroups()})
	})
	for _, a := range v.s.Actors {
		av := v.actors[a.Slug]
		add(av.Path, func() *Page {
			return v.page(&Page{Kind: "actor", Path: av.Path, Title: a.Name, Description: a.Role, Actor: av})
		})
	}

	index(ClaimsPath, func() *Page {
		groups := v.claimGroups()
		return v.page(&Page{Kind: "claims", Path: ClaimsPath, Title: "What is confirmed vs disputed",
			Description: "Every claim about the event, grouped by status, traced to the sentences that carry it.", Claims: groups,
			Matrix: v.sourceMatrix(groups)})
	})
	for _, c := range v.s.Claims {
		cv := v.claims[c.Slug]
		add(cv.Path, func() *Page {
			return v.page(&Page{Kind: "claim", Path: cv.Path, Title: c.Title, Claim: cv})
		})
	}

	add(NotFoundPath, func() *Page { return v.page(&Page{Kind: "404", Path: NotFoundPath, Title: "Page not found"}) })
	return out
}

// extras returns the non-HTML files generated from the site, and how to
// make each.
func (v *views) extras() map[string]func() ([]byte, error) {
	ok := func(f func() []byte) func() ([]byte, error) { return func() ([]byte, error) { return f(), nil } }
	out := map[string]func() ([]byte, error){
		"briefing.json": v.dataJSON,
		"feed.xml":      ok(v.feed),
		"robots.txt":    ok(v.robots),
		"search.json":   ok(v.searchIndex),
	}
	if v.absURL("") != "" { // see sitemap
		out["sitemap.xml"] = ok(v.sitemap)
	}
	return out
}

// Verdict says in one line why the claim has its status, from what the
// status rules look at: the independent sources on each side and who
// disputes it. It says nothing the counts and disputed_by do not.
func (cv *ClaimView) Verdict() string {
	sources := func(n int, verb string) string {
		if n == 1 {
			return "1 independent source " + verb + "s it"
		}
		return fmt.Sprintf("%d independent sources %s it", n, verb)
	}
	names := func(ls []Link) string {
		var out []string
		for _, l := range ls {
			out = append(out, l.Label)
		}
		switch len(out) {
		case 0:
			return ""
		case 1:
			return out[0]
		}
		return strings.Join(out[:len(out)-1], ", ") + " and " + out[len(out)-1]
	}
	var parts []string
	switch {
	case cv.Independent > 0:
		parts = append(parts, sources(cv.Independent, "support"))
	default:
		parts = append(parts, "no independent source supports it")
	}
	if cv.Contradicting > 0 {
		parts = append(parts, sources(cv.Contradicting, "contradict"))
	}
	if d := names(cv.Disputants); d != "" {
		parts = append(parts, d+" dispute"+map[bool]string{true: "s", false: ""}[len(cv.Disputants) == 1]+" it")
	}
	if cv.Contradicting == 0 && len(cv.Disputants) == 0 {
		parts = append(parts, "no cited source contradicts it")
	}
	s := strings.Join(parts, "; ")
	return strings.ToUpper(s[:1]) + s[1:] + "."
}
