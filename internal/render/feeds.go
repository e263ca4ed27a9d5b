package render

import (
	"bytes"
	"crypto/sha1"
	"encoding/xml"
	"fmt"
	"sort"
	"time"
)

// This file writes the machine-readable files beside the pages:
// sitemap.xml, the Atom feed of the claims and robots.txt.

// sitePaths returns the site path of every page a crawler should index, in
// the order pages() renders them; the 404 page is left out.
func (v *views) sitePaths() []string {
	out := []string{""}
	for _, p := range v.s.Pages {
		out = append(out, PagePath(p.Slug))
	}
	out = append(out, ArticlesPath)
	for _, a := range v.s.Articles {
		out = append(out, v.articles[a.Slug].Path)
	}
	out = append(out, ActorsPath)
	for _, a := range v.s.Actors {
		out = append(out, v.actors[a.Slug].Path)
	}
	out = append(out, ClaimsPath)
	for _, c := range v.s.Claims {
		out = append(out, v.claims[c.Slug].Path)
	}
	return out
}

type sitemapURLSet struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

// sitemap returns sitemap.xml, or nil when base_url has no host: the
// sitemap protocol only allows absolute URLs.
func (v *views) sitemap() []byte {
	if v.absURL("") == "" {
		return nil
	}
	lastMod := map[string]string{}
	for _, c := range v.s.Claims {
		if !c.Updated.IsZero() {
			lastMod[v.claims[c.Slug].Path] = c.Updated.Format("2006-01-02")
		}
	}
	var set sitemapURLSet
	for _, p := range v.sitePaths() {
		set.URLs = append(set.URLs, sitemapURL{Loc: v.absURL(p), LastMod: lastMod[p]})
	}
	return marshalXML(set)
}

type atomFeed struct {
	XMLName   xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Title     string      `xml:"title"`
	Subtitle  string      `xml:"subtitle,omitempty"`
	ID        string      `xml:"id"`
	Updated   string      `xml:"updated"`
	Links     []atomLink  `xml:"link"`
	Author    atomPerson  `xml:"author"`
	Generator string      `xml:"generator"`
	Entries   []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomCategory struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr"`
}

type atomEntry struct {
	Title    string       `xml:"title"`
	ID       string       `xml:"id"`
	Updated  string       `xml:"updated"`
	Link     atomLink     `xml:"link"`
	Category atomCategory `xml:"category"`
	Summary  string       `xml:"summary"`
}

// feed returns the Atom feed of the claims, most recently updated first.
// Without a host in base_url, links are base-path absolute (Atom resolves
// them against the feed's own URL) and ids are name-based URNs, since an
// Atom id must be an absolute IRI.
func (v *views) feed() []byte {
	claims := make([]*ClaimView, 0, len(v.s.Claims))
	for _, c := range v.s.Claims {
		claims = append(claims, v.claims[c.Slug])
	}
	sort.SliceStable(claims, func(i, j int) bool {
		return claims[i].Updated.After(claims[j].Updated)
	})
	updated := v.feedUpdated(claims)

	author := v.info.Author
	if author == "" {
		author = v.info.Title
	}
	f := atomFeed{
		Title:    v.info.Title + ": claims",
		Subtitle: v.info.Description,
		ID:       v.feedID(""),
		Updated:  updated.Format(time.RFC3339),
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: v.cfg.AbsURL("feed.xml")},
			{Rel: "alternate", Type: "text/html", Href: v.cfg.AbsURL(ClaimsPath)},
		},
		Author:    atomPerson{Name: author},
		Generator: "briefing",
	}
	for _, cv := range claims {
		u := cv.Updated
		if u.IsZero() {
			u = updated
		}
		f.Entries = append(f.Entries, atomEntry{
			Title:    cv.Title,
			ID:       v.feedID(cv.Path),
			Updated:  u.Format(time.RFC3339),
			Link:     atomLink{Rel: "alternate", Type: "text/html", Href: v.cfg.AbsURL(cv.Path)},
			Category: atomCategory{Term: string(cv.Status), Label: cv.Label},
			Summary:  cv.Label + ": " + cv.Title,
		})
	}
	return marshalXML(f)
}

// feedUpdated is the newest claim date, else the newest article date, else
// the Unix epoch: never the build time, so that unchanged content gives an
// unchanged feed.
func (v *views) feedUpdated(newestFirst []*ClaimView) time.Time {
	if len(newestFirst) > 0 && !newestFirst[0].Updated.IsZero() {
		return newestFirst[0].Updated.UTC()
	}
	var t time.Time
	for _, a := range v.s.Articles {
		if a.Published.After(t) {
			t = a.Published
		}
	}
	if t.IsZero() {
		return time.Unix(0, 0).UTC()
	}
	return t.UTC()
}

// feedID is the Atom id of site path p: its absolute URL, or a stable
// name-based UUID URN when base_url has no host.
func (v *views) feedID(p string) string {
	if u := v.absURL(p); u != "" {
		return u
	}
	h := sha1.Sum([]byte("briefing\x00" + v.info.Title + "\x00" + p))
	h[6] = h[6]&0x0f | 0x50 // version 5
	h[8] = h[8]&0x3f | 0x80 // RFC 4122 variant
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16])
}

// robots returns robots.txt: everything may be crawled.
func (v *views) robots() []byte {
	var b bytes.Buffer
	b.WriteString("User-agent: *\nAllow: /\n")
	if u := v.absURL("sitemap.xml"); u != "" {
		fmt.Fprintf(&b, "\nSitemap: %s\n", u)
	}
	return b.Bytes()
}

// marshalXML encodes x as an indented XML document. The values are plain
// strings, which encoding/xml always encodes (it replaces characters XML
// cannot hold), so an error here is a programming error.
func marshalXML(x any) []byte {
	b, err := xml.MarshalIndent(x, "", "  ")
	if err != nil {
		panic(fmt.Sprintf("render: encode XML: %v", err))
	}
	return append(append([]byte(xml.Header), b...), '\n')
}
