package render_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/net/html"

	"briefing/internal/build"
	"briefing/internal/model"
	"briefing/internal/render"
)

// briefing is a small briefing folder; claims are added per test.
func briefing(claims map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{
		"content/_index.md": {Data: []byte("---\ntitle: Bridge\ndescription: One bridge.\n---\nThe overview.\n")},
		"content/articles/example.txt": {Data: []byte("Officials said on Monday that the bridge had been closed after a crack was found.\n\n" +
			"The mayor, Jane Doe, said the bridge would reopen soon. Residents were told to use the ferry.\n")},
		"content/articles/example.md":    {Data: []byte("---\ntitle: Town closes its bridge\noutlet: Example News\nurl: https://news.example/bridge\n---\nThe *editor's* summary, with a [link](https://x.example/).\n")},
		"content/actors/jane-doe.md":     {Data: []byte("---\nname: Jane Doe\naliases: [\"Jane Doe\", \"The mayor\", \"the mayor\"]\nkind: person\nside: Town\nrole: Mayor of the town\n---\nThe mayor.\n")},
		"content/actors/town-council.md": {Data: []byte("---\nname: Town council\naliases: [\"Officials\"]\nkind: organisation\n---\n")},
	}
	for slug, fm := range claims {
		fsys["content/claims/"+slug+".md"] = &fstest.MapFile{Data: []byte("---\n" + fm + "evidence:\n  - article: example\n    quote: \"the bridge had been closed\"\n---\nAssessment.\n")}
	}
	return fsys
}

func build1(t *testing.T, fsys fs.FS, opt build.Options) render.Files {
	t.Helper()
	b, err := build.New()
	if err != nil {
		t.Fatal(err)
	}
	res, err := b.Build(t.Context(), fsys, opt)
	if err != nil {
		t.Fatal(err)
	}
	if res.Files == nil {
		t.Fatalf("build failed: %v", res.Err())
	}
	return res.Files
}

// buildDiags builds fsys, which may fail, and returns every finding.
func buildDiags(t *testing.T, fsys fstest.MapFS) model.Diagnostics {
	t.Helper()
	b, err := build.New()
	if err != nil {
		t.Fatal(err)
	}
	res, err := b.Build(t.Context(), fsys, build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res.Diags
}

func countScripts(t *testing.T, page []byte) int {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for d := range doc.Descendants() {
		if d.Type == html.ElementNode && d.Data == "script" {
			n++
		}
	}
	return n
}

var ldScript = regexp.MustCompile(`(?s)<script type="?application/ld\+json"?>(.*?)</script>`)

func jsonLD(t *testing.T, page []byte) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, m := range ldScript.FindAllSubmatch(page, -1) {
		var v map[string]any
		if err := json.Unmarshal(m[1], &v); err != nil {
			t.Fatalf("JSON-LD does not parse: %v\n%s", err, m[1])
		}
		out = append(out, v)
	}
	return out
}

func TestClaimReviewCannotBreakOut(t *testing.T) {
	title := `Bridge </script><script>alert(1)</script> & <b>closed</b>`
	fsys := briefing(map[string]string{"closed": "title: '" + title + "'\nstatus: disputed\nclaimed_by: [jane-doe]\nupdated: 2024-01-02\n"})
	for _, minify := range []bool{false, true} {
		files := build1(t, fsys, build.Options{BaseURL: "https://example.org/b/", Minify: minify})
		page := files["claims/closed/index.html"]
		if n := countScripts(t, page); n != 2 { // search.js and the JSON-LD
			t.Fatalf("minify=%v: %d script elements, want 2: the title broke out:\n%s", minify, n, page)
		}
		lds := jsonLD(t, page)
		if len(lds) != 1 {
			t.Fatalf("minify=%v: %d JSON-LD blocks, want 1", minify, len(lds))
		}
		ld := lds[0]
		item := ld["itemReviewed"].(map[string]any)
		rating := ld["reviewRating"].(map[string]any)
		appearance := item["appearance"].([]any)[0].(map[string]any)
		author := item["author"].([]any)[0].(map[string]any)
		for _, c := range []struct{ got, want any }{
			{ld["@type"], "ClaimReview"},
			{ld["claimReviewed"], title},
			{ld["url"], "https://example.org/b/claims/closed/"},
			{ld["datePublished"], "2024-01-02"},
			{ld["dateModified"], "2024-01-02"},
			{rating["alternateName"], "Disputed"},
			{ld["author"].(map[string]any)["name"], "Bridge"},
			{item["@type"], "Claim"},
			{appearance["url"], "https://news.example/bridge"},
			{author["@type"], "Person"},
			{author["name"], "Jane Doe"},
		} {
			if c.got != c.want {
				t.Errorf("minify=%v: got %v, want %v in\n%v", minify, c.got, c.want, ld)
			}
		}
	}
}

func TestActorAndWebSiteJSONLD(t *testing.T) {
	files := build1(t, briefing(nil), build.Options{BaseURL: "https://example.org/"})
	person := jsonLD(t, files["actors/jane-doe/index.html"])[0]
	if person["@type"] != "Person" || person["name"] != "Jane Doe" || person["description"] != "Mayor of the town" {
		t.Errorf("actor JSON-LD = %v", person)
	}
	// The name itself and case variants are not alternate names.
	if got := person["alternateName"].([]any); len(got) != 1 || got[0] != "The mayor" {
		t.Errorf("alternateName = %v, want [The mayor]", got)
	}
	if org := jsonLD(t, files["actors/town-council/index.html"])[0]; org["@type"] != "Organization" {
		t.Errorf("organisation JSON-LD = %v", org)
	}
	if site := jsonLD(t, files["index.html"])[0]; site["@type"] != "WebSite" || site["url"] != "https://example.org/" {
		t.Errorf("overview JSON-LD = %v", site)
	}
}

func TestNoHost(t *testing.T) {
	fsys := briefing(map[string]string{"closed": "title: Closed\nstatus: confirmed\n"})
	files := build1(t, fsys, build.Options{BaseURL: "/"})
	for _, p := range []string{"index.html", "claims/closed/index.html", "404.html"} {
		page := string(files[p])
		if strings.Contains(page, `rel="canonical"`) || strings.Contains(page, "og:url") {
			t.Errorf("%s: canonical or og:url without a host in base_url", p)
		}
		if !strings.Contains(page, `og:title`) {
			t.Errorf("%s: no og:title", p)
		}
	}
	if _, ok := files["sitemap.xml"]; ok {
		t.Errorf("sitemap.xml written without a host")
	}
	if strings.Contains(string(files["robots.txt"]), "Sitemap:") {
		t.Errorf("robots.txt names a sitemap without a host:\n%s", files["robots.txt"])
	}
	var feed struct {
		Entries []struct {
			ID   string `xml:"id"`
			Link struct {
				Href string `xml:"href,attr"`
			} `xml:"link"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(files["feed.xml"], &feed); err != nil {
		t.Fatal(err)
	}
	if len(feed.Entries) != 1 || !regexp.MustCompile(`^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`).MatchString(feed.Entries[0].ID) ||
		feed.Entries[0].Link.Href != "/claims/closed/" {
		t.Errorf("feed entries = %+v", feed.Entries)
	}
	again := build1(t, fsys, build.Options{BaseURL: "/"})
	if string(again["feed.xml"]) != string(files["feed.xml"]) {
		t.Errorf("feed.xml differs between two builds of the same content")
	}
}

func TestFeedAndSitemap(t *testing.T) {
	fsys := briefing(map[string]string{
		"old":     "title: Old\nstatus: confirmed\nupdated: 2024-01-01\n",
		"new":     "title: New\nstatus: false\nupdated: 2024-03-01\n",
		"middle":  "title: Middle\nstatus: unverified\nupdated: 2024-02-01\n",
		"undated": "title: Undated\nstatus: disputed\n",
	})
	files := build1(t, fsys, build.Options{BaseURL: "https://example.org/b"})
	var feed struct {
		Updated string `xml:"updated"`
		Entries []struct {
			ID      string `xml:"id"`
			Title   string `xml:"title"`
			Updated string `xml:"updated"`
			Summary string `xml:"summary"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(files["feed.xml"], &feed); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range feed.Entries {
		got = append(got, e.Title+" "+e.Updated+" "+e.ID+" "+e.Summary)
	}
	want := []string{
		"New 2024-03-01T00:00:00Z https://example.org/b/claims/new/ False: New",
		"Middle 2024-02-01T00:00:00Z https://example.org/b/claims/middle/ Unverified: Middle",
		"Old 2024-01-01T00:00:00Z https://example.org/b/claims/old/ Confirmed: Old",
		"Undated 2024-03-01T00:00:00Z https://example.org/b/claims/undated/ Disputed: Undated",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") || feed.Updated != "2024-03-01T00:00:00Z" {
		t.Errorf("feed (updated %s):\n%s\nwant\n%s", feed.Updated, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	var set struct {
		URLs []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(files["sitemap.xml"], &set); err != nil {
		t.Fatal(err)
	}
	locs := map[string]bool{}
	for _, u := range set.URLs {
		locs[u.Loc] = true
	}
	// Every page but the 404 is in the sitemap, and nothing else.
	pages := 0
	for _, p := range files.Paths() {
		if !strings.HasSuffix(p, ".html") || p == "404.html" {
			continue
		}
		pages++
		if u := "https://example.org/b/" + strings.TrimSuffix(p, "index.html"); !locs[u] {
			t.Errorf("sitemap.xml lacks %s", u)
		}
	}
	if len(locs) != pages {
		t.Errorf("sitemap.xml has %d URLs, the site %d pages", len(locs), pages)
	}
	if !strings.Contains(string(files["robots.txt"]), "Sitemap: https://example.org/b/sitemap.xml\n") {
		t.Errorf("robots.txt:\n%s", files["robots.txt"])
	}
}

func TestSearchIndex(t *testing.T) {
	files := build1(t, briefing(map[string]string{"bridge-closed": "title: Closed\nstatus: confirmed\nclaimed_by: [jane-doe]\n"}), build.Options{})
	var entries []struct{ Title, URL, Kind, Text string }
	if err := json.Unmarshal(files["search.json"], &entries); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, e := range entries {
		got[e.Kind+" "+e.URL+" "+e.Title] = e.Text
	}
	for key, words := range map[string][]string{
		"actor actors/jane-doe/ Jane Doe":                  {"mayor", "Town", "person"},
		"claim claims/bridge-closed/ Closed":               {"Confirmed", "Jane", "bridge", "closed", "Assessment"},
		"article articles/example/ Town closes its bridge": {"Example", "News", "editor's", "summary", "link"},
	} {
		text, ok := got[key]
		if !ok {
			t.Errorf("search.json has no %q: %v", key, got)
			continue
		}
		for _, w := range words {
			if !strings.Contains(" "+strings.ToLower(text)+" ", " "+strings.ToLower(w)+" ") {
				t.Errorf("%s: text %q lacks %q", key, text, w)
			}
		}
		if strings.Contains(text, "x.example") {
			t.Errorf("%s: text %q holds a link target", key, text)
		}
	}
}
