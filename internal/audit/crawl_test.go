package audit

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"briefing/internal/build"
	"briefing/internal/render"
)

// maxAssets is the most CSS and JavaScript one page may load, uncompressed.
const maxAssets = 30 << 10

// TestCrawl serves the built site the way it is published and follows every
// reference from the front page.
func TestCrawl(t *testing.T) {
	for _, tc := range []struct {
		name    string
		baseURL string
		prefix  string
		minify  bool
	}{
		{"sub-path", "https://example.org/sub/", "/sub/", false},
		{"sub-path minified", "https://example.org/sub/", "/sub/", true},
		{"domain root", "/", "/", false},
		{"domain root minified", "/", "/", true},
		{"domain root with host", "https://example.org/", "/", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := buildSite(t, build.Options{BaseURL: tc.baseURL, Minify: tc.minify})
			srv := serveSite(t, files, tc.prefix)
			c := newCrawler(t, srv.URL, tc.prefix, tc.baseURL)
			c.crawl()
			c.checkFragments()
			c.checkPages()
			c.checkNotFound()
			c.checkFeeds(files)
		})
	}
}

// crawler fetches every page and asset reachable from the site root.
type crawler struct {
	t      *testing.T
	client *http.Client
	root   *url.URL // the site root on the test server
	public *url.URL // base_url as configured; Host is "" for "/"
	docs   map[string]*doc
	order  []string
	refs   []ref
}

// doc is one fetched URL.
type doc struct {
	url    *url.URL
	status int
	ctype  string
	body   []byte
	page   *page // nil unless HTML
}

// ref is a reference from one page to a URL, as the page wrote it.
type ref struct {
	from   string
	tag    string // a, link, script, img
	rel    string
	raw    string
	target *url.URL // resolved, mapped to the test server
}

func newCrawler(t *testing.T, srvURL, prefix, baseURL string) *crawler {
	root, _ := url.Parse(srvURL + prefix)
	public, _ := url.Parse(baseURL)
	return &crawler{
		t:      t,
		root:   root,
		public: public,
		docs:   map[string]*doc{},
		client: &http.Client{
			Timeout: 10 * time.Second,
			// A link that needs a redirect is a link written wrong.
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		},
	}
}

// local maps u to the test server when it points into the site: a URL on
// the test server, or an absolute URL under the published base_url. It
// reports false for other hosts and schemes.
func (c *crawler) local(u *url.URL) (*url.URL, bool) {
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, false
	}
	if u.Host == c.root.Host {
		return u, true
	}
	if c.public.Host != "" && u.Host == c.public.Host && strings.HasPrefix(u.Path, c.public.Path) {
		m := *u
		m.Scheme, m.Host = c.root.Scheme, c.root.Host
		m.Path = c.root.Path + strings.TrimPrefix(u.Path, c.public.Path)
		return &m, true
	}
	return nil, false
}

func (c *crawler) fetch(u *url.URL) *doc {
	key := withoutFragment(u)
	if d, ok := c.docs[key]; ok {
		return d
	}
	d := &doc{url: u}
	c.docs[key] = d
	c.order = append(c.order, key)
	resp, err := c.client.Get(key)
	if err != nil {
		c.t.Errorf("GET %s: %v", key, err)
		return d
	}
	defer resp.Body.Close()
	d.status = resp.StatusCode
	d.ctype = resp.Header.Get("Content-Type")
	d.body, _ = io.ReadAll(resp.Body)
	if strings.HasPrefix(d.ctype, "text/html") {
		p, err := parsePage(d.body)
		if err != nil {
			c.t.Errorf("%s: parse HTML: %v", key, err)
		}
		d.page = p
	}
	return d
}

// crawl fetches the front page and everything it leads to, breadth first.
func (c *crawler) crawl() {
	queue := []*url.URL{c.root}
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		if _, seen := c.docs[withoutFragment(u)]; seen {
			continue
		}
		d := c.fetch(u)
		if d.page == nil || d.status != http.StatusOK {
			continue
		}
		for _, r := range c.resolve(withoutFragment(u), d.page) {
			c.refs = append(c.refs, r)
			if r.target != nil {
				queue = append(queue, r.target)
			}
		}
	}
	if len(c.order) < 10 {
		c.t.Fatalf("crawl reached only %d URLs: %v", len(c.order), c.order)
	}
}

// resolve resolves the references of a page fetched from base. References
// to other hosts are errors for anything a browser loads by itself, and
// are left out for links.
func (c *crawler) resolve(base string, p *page) []ref {
	bu, _ := url.Parse(base)
	var out []ref
	for _, l := range p.links {
		u, err := bu.Parse(l.value)
		if err != nil {
			c.t.Errorf("%s: <%s> %q: %v", base, l.tag, l.value, err)
			continue
		}
		if u.Scheme == "mailto" || u.Scheme == "tel" {
			continue
		}
		m, ok := c.local(u)
		if !ok {
			if l.tag != "a" {
				c.t.Errorf("%s: <%s> loads %s from another host", base, l.tag, l.value)
			}
			continue
		}
		out = append(out, ref{from: base, tag: l.tag, rel: l.rel, raw: l.value, target: m})
	}
	return out
}

// checkFragments fails on every reference whose target is missing or whose
// #fragment names no element of the target page.
func (c *crawler) checkFragments() {
	for _, r := range c.refs {
		d := c.docs[withoutFragment(r.target)]
		switch {
		case d == nil:
			c.t.Errorf("%s: <%s> %q was never fetched", r.from, r.tag, r.raw)
		case d.status != http.StatusOK:
			c.t.Errorf("%s: <%s> %q is broken: %d", r.from, r.tag, r.raw, d.status)
		case r.target.Fragment != "" && (d.page == nil || !d.page.ids[r.target.Fragment]):
			c.t.Errorf("%s: <%s> %q: no element with id %q in the target", r.from, r.tag, r.raw, r.target.Fragment)
		}
	}
}

// checkPages checks each HTML page on its own: its canonical address, its
// JSON-LD, the weight of its assets and the hosts its CSS loads from.
func (c *crawler) checkPages() {
	pages := 0
	for _, key := range c.order {
		d := c.docs[key]
		if strings.HasPrefix(d.ctype, "text/css") {
			if m := cssRemote.Find(d.body); m != nil {
				c.t.Errorf("%s loads from another host: %s", key, m)
			}
		}
		if d.page == nil || d.status != http.StatusOK {
			continue
		}
		pages++
		p := d.page
		if n := p.count["h1"]; n != 1 {
			c.t.Errorf("%s: %d h1 elements, want 1", key, n)
		}
		if p.title == "" {
			c.t.Errorf("%s: no <title>", key)
		}
		c.checkCanonical(key, p)
		c.checkJSONLD(key, p)
		weight := 0
		for _, l := range p.links {
			if l.tag == "script" || (l.tag == "link" && l.rel == "stylesheet") {
				u, _ := url.Parse(key)
				u, _ = u.Parse(l.value)
				if a := c.docs[withoutFragment(u)]; a != nil {
					weight += len(a.body)
				}
			}
		}
		if weight > maxAssets {
			c.t.Errorf("%s: CSS and JavaScript weigh %d bytes, over %d", key, weight, maxAssets)
		}
	}
	c.t.Logf("crawled %d URLs, %d HTML pages, %d references", len(c.order), pages, len(c.refs))
}

var cssRemote = regexp.MustCompile(`(?i)(url\(\s*['"]?(https?:)?//|@import)[^;)]*`)

func (c *crawler) checkCanonical(key string, p *page) {
	if c.public.Host == "" {
		if p.canonical != "" || p.meta["og:url"] != "" {
			c.t.Errorf("%s: canonical %q, og:url %q without a host in base_url", key, p.canonical, p.meta["og:url"])
		}
		return
	}
	for name, v := range map[string]string{"canonical": p.canonical, "og:url": p.meta["og:url"]} {
		u, err := url.Parse(v)
		if err != nil || !u.IsAbs() {
			c.t.Errorf("%s: %s %q is not an absolute URL", key, name, v)
			continue
		}
		if m, ok := c.local(u); !ok || m.String() != key {
			c.t.Errorf("%s: %s %q is not this page", key, name, v)
		}
	}
	for _, k := range []string{"og:title", "og:type", "og:site_name", "twitter:card", "description"} {
		if p.meta[k] == "" {
			c.t.Errorf("%s: no %s meta tag", key, k)
		}
	}
}

// checkJSONLD checks that every JSON-LD block parses and that pages of the
// kinds that have one carry the right schema.org type.
func (c *crawler) checkJSONLD(key string, p *page) {
	rel := strings.TrimPrefix(key, c.root.String())
	var types []string
	for _, block := range p.jsonld {
		var v map[string]any
		if err := json.Unmarshal([]byte(block), &v); err != nil {
			c.t.Errorf("%s: JSON-LD does not parse: %v\n%s", key, err, block)
			continue
		}
		if v["@context"] != "https://schema.org" {
			c.t.Errorf("%s: JSON-LD @context = %v", key, v["@context"])
		}
		typ, _ := v["@type"].(string)
		types = append(types, typ)
		if typ == "ClaimReview" {
			rating, _ := v["reviewRating"].(map[string]any)
			item, _ := v["itemReviewed"].(map[string]any)
			if v["claimReviewed"] != p.h1 || rating["alternateName"] == nil || item["@type"] != "Claim" || v["author"] == nil {
				c.t.Errorf("%s: incomplete ClaimReview: %s", key, block)
			}
		}
	}
	want := ""
	switch {
	case rel == "":
		want = "WebSite"
	case regexp.MustCompile(`^claims/[^/]+/$`).MatchString(rel):
		want = "ClaimReview"
	case regexp.MustCompile(`^actors/[^/]+/$`).MatchString(rel):
		want = "Person|Organization"
	}
	if want != "" && !slices.ContainsFunc(types, func(t string) bool { return slices.Contains(strings.Split(want, "|"), t) }) {
		c.t.Errorf("%s: JSON-LD types %v, want %s", key, types, want)
	}
}

// checkNotFound asks for a page deep below the site and checks that the 404
// page comes back and that everything it references resolves from there.
func (c *crawler) checkNotFound() {
	u, _ := c.root.Parse("some/deep/missing/")
	resp, err := c.client.Get(u.String())
	if err != nil {
		c.t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		c.t.Errorf("GET %s: status %d, want 404", u, resp.StatusCode)
	}
	p, err := parsePage(body)
	if err != nil || !strings.Contains(p.h1, "not found") {
		c.t.Fatalf("GET %s: not the 404 page (%v): %.200s", u, err, body)
	}
	stylesheets := 0
	for _, r := range c.resolve(u.String(), p) {
		if r.tag == "link" && r.rel == "stylesheet" {
			stylesheets++
		}
		if withoutFragment(r.target) == u.String() { // "#main": this very page
			if !p.ids[r.target.Fragment] {
				c.t.Errorf("404 page: %q: no element with that id", r.raw)
			}
			continue
		}
		resp, err := c.client.Get(withoutFragment(r.target))
		if err != nil {
			c.t.Errorf("404 page: %v", err)
			continue
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			c.t.Errorf("404 page at %s: <%s> %q is broken: %d", u.Path, r.tag, r.raw, resp.StatusCode)
		}
	}
	if stylesheets == 0 {
		c.t.Errorf("404 page has no stylesheet")
	}
}

// checkFeeds parses sitemap.xml, feed.xml and robots.txt and checks that
// they list the pages the crawl found.
func (c *crawler) checkFeeds(files render.Files) {
	var htmlPages []string
	claims := 0
	for _, key := range c.order {
		if d := c.docs[key]; d.page != nil && d.status == http.StatusOK {
			htmlPages = append(htmlPages, key)
			if regexp.MustCompile(`/claims/[^/]+/$`).MatchString(key) {
				claims++
			}
		}
	}
	sort.Strings(htmlPages)

	robots := string(files["robots.txt"])
	if !strings.Contains(robots, "User-agent: *") || !strings.Contains(robots, "Allow: /") {
		c.t.Errorf("robots.txt does not allow everything:\n%s", robots)
	}

	if c.public.Host == "" {
		if _, ok := files["sitemap.xml"]; ok {
			c.t.Errorf("sitemap.xml written without a host in base_url: it cannot hold absolute URLs")
		}
	} else {
		if want := "Sitemap: " + c.public.String() + "sitemap.xml"; !strings.Contains(robots, want) {
			c.t.Errorf("robots.txt lacks %q:\n%s", want, robots)
		}
		var set struct {
			URLs []struct {
				Loc string `xml:"loc"`
			} `xml:"url"`
		}
		if err := xml.Unmarshal(files["sitemap.xml"], &set); err != nil {
			c.t.Fatalf("sitemap.xml: %v", err)
		}
		var locs []string
		for _, u := range set.URLs {
			pu, err := url.Parse(u.Loc)
			if err != nil || !pu.IsAbs() {
				c.t.Errorf("sitemap.xml: %q is not an absolute URL", u.Loc)
				continue
			}
			m, ok := c.local(pu)
			if !ok {
				c.t.Errorf("sitemap.xml: %q is not under %s", u.Loc, c.public)
				continue
			}
			locs = append(locs, m.String())
		}
		sort.Strings(locs)
		if !slices.Equal(locs, htmlPages) {
			c.t.Errorf("sitemap.xml lists\n  %v\nthe crawl found\n  %v", locs, htmlPages)
		}
	}

	var feed struct {
		XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
		ID      string   `xml:"id"`
		Updated string   `xml:"updated"`
		Entries []struct {
			ID      string `xml:"id"`
			Title   string `xml:"title"`
			Updated string `xml:"updated"`
			Summary string `xml:"summary"`
			Link    struct {
				Href string `xml:"href,attr"`
			} `xml:"link"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(files["feed.xml"], &feed); err != nil {
		c.t.Fatalf("feed.xml: %v", err)
	}
	if len(feed.Entries) != claims {
		c.t.Errorf("feed.xml has %d entries, the site %d claim pages", len(feed.Entries), claims)
	}
	feedURL, _ := c.root.Parse("feed.xml")
	var prev time.Time
	for i, e := range feed.Entries {
		up, err := time.Parse(time.RFC3339, e.Updated)
		if err != nil {
			c.t.Errorf("feed.xml entry %d: updated %q: %v", i, e.Updated, err)
		}
		if i > 0 && up.After(prev) {
			c.t.Errorf("feed.xml entry %d (%s) is newer than the one before it", i, e.Updated)
		}
		prev = up
		if id, err := url.Parse(e.ID); err != nil || !id.IsAbs() {
			c.t.Errorf("feed.xml entry %d: id %q is not an absolute IRI", i, e.ID)
		}
		if e.Title == "" || !strings.HasSuffix(e.Summary, e.Title) {
			c.t.Errorf("feed.xml entry %d: title %q, summary %q", i, e.Title, e.Summary)
		}
		link, err := feedURL.Parse(e.Link.Href)
		if err != nil {
			c.t.Errorf("feed.xml entry %d: link %q: %v", i, e.Link.Href, err)
			continue
		}
		m, ok := c.local(link)
		if !ok || !slices.Contains(htmlPages, m.String()) {
			c.t.Errorf("feed.xml entry %d: link %q is not a page of the site", i, e.Link.Href)
		}
	}
}

func withoutFragment(u *url.URL) string {
	v := *u
	v.Fragment, v.RawFragment = "", ""
	return v.String()
}

// page is what the crawl needs of one HTML document.
type page struct {
	ids       map[string]bool
	links     []link
	count     map[string]int // elements by tag
	title, h1 string
	canonical string
	meta      map[string]string // name or property → content
	jsonld    []string
}

// link is a URL-valued attribute of an element.
type link struct {
	tag, rel, value string
}

func parsePage(data []byte) (*page, error) {
	root, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	p := &page{ids: map[string]bool{}, count: map[string]int{}, meta: map[string]string{}}
	for n := range root.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		p.count[n.Data]++
		a := attrs(n)
		if id := a["id"]; id != "" {
			if p.ids[id] {
				return p, fmt.Errorf("duplicate id %q", id)
			}
			p.ids[id] = true
		}
		if n.Data == "a" && a["name"] != "" {
			p.ids[a["name"]] = true
		}
		switch n.Data {
		case "a":
			if v, ok := a["href"]; ok {
				p.links = append(p.links, link{tag: "a", value: v})
			}
		case "link":
			p.links = append(p.links, link{tag: "link", rel: a["rel"], value: a["href"]})
			if a["rel"] == "canonical" {
				p.canonical = a["href"]
			}
		case "script":
			if v, ok := a["src"]; ok {
				p.links = append(p.links, link{tag: "script", value: v})
			}
			if a["type"] == "application/ld+json" {
				p.jsonld = append(p.jsonld, text(n))
			}
		case "img", "source", "iframe":
			if v, ok := a["src"]; ok {
				p.links = append(p.links, link{tag: n.Data, value: v})
			}
		case "meta":
			if k := a["name"] + a["property"]; k != "" {
				p.meta[k] = a["content"]
			}
		case "title":
			p.title = text(n)
		case "h1":
			p.h1 = strings.Join(strings.Fields(text(n)), " ")
		}
	}
	return p, nil
}

func attrs(n *html.Node) map[string]string {
	m := map[string]string{}
	for _, a := range n.Attr {
		m[a.Key] = a.Val
	}
	return m
}

func text(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return b.String()
}
