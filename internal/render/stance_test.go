package render_test

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"briefing/internal/build"
)

// stanceBriefing has a claim supported by one article and its declared
// copy, contradicted by a third and given context by a fourth.
func stanceBriefing() fstest.MapFS {
	article := func(title, url, published, extra string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: " + title + "\noutlet: Example News\nurl: " + url +
			"\npublished: " + published + "\n" + extra + "---\n")}
	}
	text := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	const closed = "Officials said on Monday that the bridge had been closed after a crack was found.\n"
	return fstest.MapFS{
		"content/articles/wire.txt":    text(closed),
		"content/articles/wire.md":     article("Bridge closed", "https://wire.example/", "2024-01-02", ""),
		"content/articles/reprint.txt": text(closed),
		"content/articles/reprint.md":  article("Bridge closed, again", "https://reprint.example/", "2024-01-03", "derived_from: wire\n"),
		"content/articles/council.txt": text("The town council denied that the bridge had been closed.\n"),
		"content/articles/council.md":  article("The council says the bridge is open", "https://council.example/", "2024-01-01", ""),
		"content/articles/history.txt": text("The bridge was last repaired ten years ago.\n"),
		"content/articles/history.md":  article("The bridge's history", "https://history.example/", "2020-01-01", ""),
		"content/claims/bridge-closed.md": text("---\ntitle: The bridge was closed\nstatus: confirmed\nevidence:\n" +
			"  - article: wire\n    quote: \"the bridge had been closed\"\n" +
			"  - article: reprint\n    quote: \"the bridge had been closed\"\n" +
			"  - article: council\n    quote: \"denied that the bridge had been closed\"\n    stance: contradicts\n" +
			"  - article: history\n    quote: \"last repaired ten years ago\"\n    stance: context\n" +
			"updated: 2024-01-04\n---\nAssessment.\n"),
	}
}

// TestStanceCounts checks that the counts of independent supporting and
// contradicting sources are the same on the claims page, the claim page,
// in briefing.json and in the ClaimReview, and that quotes are grouped by
// stance.
func TestStanceCounts(t *testing.T) {
	files := build1(t, stanceBriefing(), build.Options{BaseURL: "https://example.org/"})

	claims := string(files["claims/index.html"])
	if !regexp.MustCompile(`Independent sources: <strong>1</strong> supporting, <strong>1</strong> contradicting`).MatchString(claims) {
		t.Errorf("claims page does not show 1 supporting and 1 contradicting source:\n%s", claims)
	}

	page := string(files["claims/bridge-closed/index.html"])
	for _, want := range []string{
		"<dt>Independent sources that support it</dt><dd>1</dd>",
		"<dt>Independent sources that contradict it</dt><dd>1 ",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("claim page lacks %q", want)
		}
	}
	// The groups come in order, each once, each holding its own quotes.
	groups := regexp.MustCompile(`<h3 class="stance stance-(\w+)">([^<]+)</h3>\s*<ul class="evidence">(?s:(.*?))</ul>`).FindAllStringSubmatch(page, -1)
	want := []struct{ stance, label, article string }{
		{"supports", "What supports it", "articles/wire/"},
		{"contradicts", "What contradicts it", "articles/council/"},
		{"context", "Context", "articles/history/"},
	}
	if len(groups) != len(want) {
		t.Fatalf("claim page has %d stance groups, want %d:\n%s", len(groups), len(want), page)
	}
	for i, g := range groups {
		if g[1] != want[i].stance || g[2] != want[i].label || !strings.Contains(g[3], want[i].article) {
			t.Errorf("group %d = %s %q, want %s %q holding %s", i, g[1], g[2], want[i].stance, want[i].label, want[i].article)
		}
	}
	if n := strings.Count(groups[0][3], "<li>"); n != 2 {
		t.Errorf("the supporting group holds %d quotes, want 2 (the article and its copy)", n)
	}

	var data struct {
		Claims []struct {
			IndependentSources   int `json:"independent_sources"`
			ContradictingSources int `json:"contradicting_sources"`
			Evidence             []struct {
				Stance string `json:"stance"`
			}
		}
	}
	if err := json.Unmarshal(files["briefing.json"], &data); err != nil {
		t.Fatal(err)
	}
	c := data.Claims[0]
	if c.IndependentSources != 1 || c.ContradictingSources != 1 {
		t.Errorf("briefing.json: independent_sources %d, contradicting_sources %d; want 1, 1", c.IndependentSources, c.ContradictingSources)
	}
	var stances []string
	for _, e := range c.Evidence {
		stances = append(stances, e.Stance)
	}
	if got := strings.Join(stances, " "); got != "supports supports contradicts context" {
		t.Errorf("briefing.json stances = %s, want the default written out: supports supports contradicts context", got)
	}

	ld := jsonLD(t, []byte(page))[0]
	rating := ld["reviewRating"].(map[string]any)
	if got := rating["ratingExplanation"]; got != "1 independent source supports the claim and 1 independent source contradicts it; a copy of an article and its original count once." {
		t.Errorf("ratingExplanation = %q", got)
	}
	item := ld["itemReviewed"].(map[string]any)
	var urls []string
	for _, a := range item["appearance"].([]any) {
		urls = append(urls, a.(map[string]any)["url"].(string))
	}
	if got := strings.Join(urls, " "); got != "https://wire.example/ https://reprint.example/" {
		t.Errorf("appearance = %s, want only the articles that carry the claim", got)
	}
	if got := item["firstAppearance"].(map[string]any)["url"]; got != "https://wire.example/" {
		t.Errorf("firstAppearance = %v, want the earliest carrier, not the earlier article that denies it", got)
	}
}
