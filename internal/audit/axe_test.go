package audit

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"briefing/internal/build"
	"briefing/internal/render"
)

// axeTags are the axe-core rule sets of WCAG 2.2 level AA.
const axeTags = `['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']`

// axeStructure are axe-core's best-practice rules for the page structure
// the theme promises: landmarks, one h1, headings in order, a skip link.
const axeStructure = `['landmark-one-main', 'landmark-unique', 'landmark-no-duplicate-banner',
	'landmark-no-duplicate-contentinfo', 'region', 'page-has-heading-one', 'heading-order', 'empty-heading', 'skip-link']`

// axeScript returns axe-core's browser script, installing it from
// package-lock.json with npm when node_modules lacks it.
func axeScript(t *testing.T) string {
	t.Helper()
	file := filepath.Join("node_modules", "axe-core", "axe.min.js")
	if _, err := os.Stat(file); err != nil {
		npm, err := exec.LookPath("npm")
		if err != nil {
			unavailable(t, "axe-core is not installed and there is no npm to install it: apt-get install npm")
		}
		cmd := exec.Command(npm, "ci", "--no-audit", "--no-fund", "--ignore-scripts")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("npm ci: %v\n%s", err, out)
		}
	}
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return string(src)
}

// auditPages returns the site path of every page of files, and a path that
// is not there, for the 404 page.
func auditPages(files render.Files) []string {
	var out []string
	for _, p := range files.Paths() {
		if p == "index.html" || strings.HasSuffix(p, "/index.html") {
			out = append(out, strings.TrimSuffix(p, "index.html"))
		}
	}
	return append(out, "some/deep/missing/")
}

// violation is one failed axe rule on one page.
type violation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// runAxe runs axe-core on the page loaded in the tab of ctx, injecting it
// first: the WCAG 2.2 AA rules and the structure rules.
func runAxe(ctx context.Context, axe string) ([]violation, error) {
	var vs []violation
	err := within(ctx, 60*time.Second, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		if _, err := chromedp.Evaluate[bool](axe+"\n;true")(ctx, tg); err != nil {
			return fmt.Errorf("inject axe-core: %w", err)
		}
		var err error
		vs, err = chromedp.Evaluate[[]violation](`(async () => {
			const opts = {resultTypes: ['violations']};
			const wcag = await axe.run(document, {...opts, runOnly: {type: 'tag', values: `+axeTags+`}});
			const structure = await axe.run(document, {...opts, runOnly: {type: 'rule', values: `+axeStructure+`}});
			return [...wcag.violations, ...structure.violations].map(v => ({
				id: v.id, impact: v.impact || '', help: v.help,
				nodes: v.nodes.map(n => n.target.join(' ') + ' — ' + (n.failureSummary || '').replace(/\s+/g, ' '))
			}));
		})()`, chromedp.EvalAwaitPromise)(ctx, tg)
		return err
	}))
	return vs, err
}

// TestAxe runs axe-core's WCAG 2.2 AA rules on every page, on a desktop in
// the light and the dark colour scheme, and on a phone, where the layout
// changes (touch targets, what is shown). TestReflow checks the widths.
func TestAxe(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	axe := axeScript(t)
	ctx := newBrowser(t)
	files := buildSite(t, build.Options{BaseURL: "https://example.org/sub/", Minify: true})
	srv := serveSite(t, files, "/sub/")
	pages := auditPages(files)

	wide := screen{"1280×900", 1280, 900, false}
	for _, run := range []struct {
		scheme string
		screen screen
	}{{"light", wide}, {"dark", wide}, {"light", phone}} {
		scheme := run.scheme
		for _, p := range pages {
			u := srv.URL + "/sub/" + p
			if err := run.screen.open(ctx, u, scheme); err != nil {
				t.Fatalf("%s: %v", u, err)
			}
			dark, err := chromedp.Run(ctx, chromedp.Evaluate[bool]("matchMedia('(prefers-color-scheme: dark)').matches"))
			if err != nil || dark != (scheme == "dark") {
				t.Fatalf("%s: prefers-color-scheme dark = %v (%v), want %s", u, dark, err, scheme)
			}
			vs, err := runAxe(ctx, axe)
			if err != nil {
				t.Fatalf("%s: axe: %v", u, err)
			}
			for _, v := range vs {
				t.Errorf("/%s (%s, %s): %s [%s, %s]\n\t%s", p, scheme, run.screen.name, v.Help, v.ID, v.Impact, strings.Join(v.Nodes, "\n\t"))
			}
		}
	}
}

// TestSearch types into the search box of the front page and of a deep
// page, follows the first result, and audits the page with results shown.
func TestSearch(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	axe := axeScript(t)
	ctx := newBrowser(t)
	files := buildSite(t, build.Options{BaseURL: "https://example.org/sub/", Minify: true})
	srv := serveSite(t, files, "/sub/")

	for _, start := range []string{"", "claims/", "some/deep/missing/"} {
		u := srv.URL + "/sub/" + start
		if err := within(ctx, 20*time.Second, colorScheme("light"), chromedp.EmulateViewport(1280, 900), chromedp.Navigate(u)); err != nil {
			t.Fatalf("%s: %v", u, err)
		}
		var results []string
		err := within(ctx, 10*time.Second,
			chromedp.WaitVisible(chromedp.CSS(`#search-q`)),
			chromedp.SendKeys(chromedp.CSS(`#search-q`), "gladkov"),
			chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
				for {
					r, err := chromedp.Evaluate[[]string](`[...document.querySelectorAll('.search-results a')].map(a => a.href)`)(ctx, tg)
					if err != nil || len(r) > 0 {
						results = r
						return err
					}
					select {
					case <-ctx.Done():
						return fmt.Errorf("no search results: %w", ctx.Err())
					case <-time.After(50 * time.Millisecond):
					}
				}
			}),
		)
		if err != nil {
			t.Fatalf("%s: search: %v", u, err)
		}
		if want := srv.URL + "/sub/actors/vyacheslav-gladkov/"; !slices.Contains(results, want) {
			t.Errorf("%s: search for gladkov gave %v, want %s among them", u, results, want)
		}
		for _, scheme := range []string{"light", "dark"} {
			if err := within(ctx, 5*time.Second, colorScheme(scheme)); err != nil {
				t.Fatal(err)
			}
			vs, err := runAxe(ctx, axe)
			if err != nil {
				t.Fatalf("%s: axe: %v", u, err)
			}
			for _, v := range vs {
				t.Errorf("/%s with search results (%s): %s [%s]\n\t%s", start, scheme, v.Help, v.ID, strings.Join(v.Nodes, "\n\t"))
			}
		}
		// Enter opens the best result.
		err = within(ctx, 10*time.Second, chromedp.SendKeys(chromedp.CSS(`#search-q`), "\r"), chromedp.Sleep(300*time.Millisecond))
		if err != nil {
			t.Fatal(err)
		}
		loc, err := chromedp.Run(ctx, chromedp.Location())
		if err != nil || loc != results[0] {
			t.Errorf("%s: Enter went to %s (%v), want %s", u, loc, err, results[0])
		}
	}
}
