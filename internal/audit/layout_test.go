package audit

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"briefing/internal/build"
	"briefing/internal/render"
)

// screen is a viewport a reader meets the site in.
type screen struct {
	name  string
	w, h  int64
	phone bool
}

var (
	desktop = screen{"1280×800", 1280, 800, false}
	phone   = screen{"375×667", 375, 667, true}
)

// open loads u in the tab of ctx at the size of s, in the colour scheme
// given ("light" or "dark"; light when none is).
func (s screen) open(ctx context.Context, u string, scheme ...string) error {
	vp := chromedp.EmulateViewport(s.w, s.h)
	if s.phone {
		vp = chromedp.EmulateViewport(s.w, s.h, chromedp.EmulateMobile)
	}
	cs := "light"
	if len(scheme) > 0 {
		cs = scheme[0]
	}
	return within(ctx, 20*time.Second, colorScheme(cs), vp, chromedp.Navigate(u))
}

// eval evaluates a script on the page loaded in the tab of ctx.
func eval[T any](ctx context.Context, script string) (T, error) {
	return chromedp.Run(ctx, chromedp.Evaluate[T](script))
}

// layoutSite builds the default briefing, minified as published, and serves
// it under a sub-path.
func layoutSite(t *testing.T) (ctx context.Context, root string, files render.Files) {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test")
	}
	ctx = newBrowser(t)
	files = buildSite(t, build.Options{BaseURL: "https://example.org/sub/", Minify: true})
	return ctx, serveSite(t, files, "/sub/").URL + "/sub/", files
}

// glanceLink is one claim of the overview's "at a glance" list, as laid out.
type glanceLink struct {
	Status string  `json:"status"`
	Title  string  `json:"title"`
	Bottom float64 `json:"bottom"`
	Right  float64 `json:"right"`
	Font   float64 `json:"font"`
}

// TestFirstScreen checks the overview's first screen on a desktop and on a
// phone: every confirmed and every disputed claim is named there by its
// whole title, in type of at least 14 px, without scrolling down or
// sideways. The claims are read from the claims page, not from this test.
func TestFirstScreen(t *testing.T) {
	ctx, root, _ := layoutSite(t)

	// What the claims page says is confirmed and disputed.
	if err := desktop.open(ctx, root+"claims/"); err != nil {
		t.Fatal(err)
	}
	want, err := eval[map[string][]string](ctx, `(() => {
		const out = {};
		for (const s of ['confirmed', 'disputed'])
			out[s] = [...document.querySelectorAll('section.status-group[aria-labelledby="' + s + '"] article.claim h3 a')].map(a => a.textContent.trim());
		return out;
	})()`)
	if err != nil {
		t.Fatal(err)
	}
	if len(want["confirmed"])+len(want["disputed"]) == 0 {
		t.Fatal("the claims page lists no confirmed or disputed claim: nothing to check")
	}

	for _, s := range []screen{desktop, phone} {
		if err := s.open(ctx, root); err != nil {
			t.Fatal(err)
		}
		type layout struct {
			Links       []glanceLink `json:"links"`
			InnerHeight float64      `json:"innerHeight"`
			InnerWidth  float64      `json:"innerWidth"`
			ScrollWidth float64      `json:"scrollWidth"`
		}
		got, err := eval[layout](ctx, `(() => ({
			links: [...document.querySelectorAll('.glance [data-status="confirmed"] a, .glance [data-status="disputed"] a')].map(a => {
				const r = a.getBoundingClientRect();
				return {status: a.closest('[data-status]').dataset.status, title: a.textContent.trim(),
					bottom: r.bottom, right: r.right, font: parseFloat(getComputedStyle(a).fontSize)};
			}),
			innerHeight: innerHeight, innerWidth: innerWidth,
			scrollWidth: document.documentElement.scrollWidth,
		}))()`)
		if err != nil {
			t.Fatal(err)
		}
		shown := map[string][]string{}
		fit := 0
		for _, l := range got.Links {
			shown[l.Status] = append(shown[l.Status], l.Title)
			switch {
			case l.Bottom > got.InnerHeight || l.Right > got.InnerWidth:
				t.Errorf("%s: %s claim %q ends at %.0f×%.0f px, outside the first screen (%.0f×%.0f); shorter titles take fewer lines",
					s.name, l.Status, l.Title, l.Right, l.Bottom, got.InnerWidth, got.InnerHeight)
			case l.Font < 14:
				t.Errorf("%s: %s claim %q is set in %.1f px type, under 14 px", s.name, l.Status, l.Title, l.Font)
			default:
				fit++
			}
		}
		t.Logf("%s: %d of %d confirmed and disputed claims on the first screen", s.name, fit, len(got.Links))
		for _, status := range []string{"confirmed", "disputed"} {
			if !slices.Equal(sortedCopy(shown[status]), sortedCopy(want[status])) {
				t.Errorf("%s: the overview lists as %s %q, the claims page %q", s.name, status, shown[status], want[status])
			}
		}
		if got.ScrollWidth > got.InnerWidth {
			t.Errorf("%s: the overview scrolls sideways: %.0f px wide in a %.0f px window", s.name, got.ScrollWidth, got.InnerWidth)
		}
	}
}

func sortedCopy(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

// maxClaimsScreens is how many 800 px screens the claims page may fill at
// 1280 px: a reader should be able to take in every claim in a few scrolls.
const maxClaimsScreens = 6

// TestClaimsLength checks that the claims page, with its quotes folded,
// fits in a few screens on a desktop.
func TestClaimsLength(t *testing.T) {
	ctx, root, _ := layoutSite(t)
	if err := desktop.open(ctx, root+"claims/"); err != nil {
		t.Fatal(err)
	}
	got, err := eval[[]float64](ctx, `[document.documentElement.scrollHeight, innerHeight, document.querySelectorAll('article.claim').length]`)
	if err != nil {
		t.Fatal(err)
	}
	height, screen, claims := got[0], got[1], got[2]
	t.Logf("/claims/ at %s: %.0f px for %.0f claims, %.2f screens", desktop.name, height, claims, height/screen)
	if claims == 0 {
		t.Fatal("the claims page shows no claim: nothing to check")
	}
	if height > maxClaimsScreens*screen {
		t.Errorf("/claims/ is %.0f px high at %s, %.1f screens; want at most %d", height, desktop.name, height/screen, maxClaimsScreens)
	}
}

// TestSourcesTablePhone checks that the sources table shows every column of
// every row inside a phone's screen, without scrolling it sideways.
func TestSourcesTablePhone(t *testing.T) {
	ctx, root, _ := layoutSite(t)
	if err := phone.open(ctx, root+"articles/"); err != nil {
		t.Fatal(err)
	}
	hidden, err := eval[[]string](ctx, `(() => {
		const out = [], w = document.documentElement.clientWidth;
		const heads = [...document.querySelectorAll('table.sources-table thead th')].map(th => th.textContent.trim());
		const rows = document.querySelectorAll('table.sources-table tbody tr');
		if (!heads.length || !rows.length) return ['no sources table with a head and rows'];
		rows.forEach((tr, i) => [...tr.cells].forEach((td, j) => {
			const r = td.getBoundingClientRect(), cs = getComputedStyle(td);
			if (r.width < 1 || r.height < 1 || r.left < 0 || r.right > w + 0.5 || cs.visibility !== 'visible')
				out.push('row ' + (i+1) + ' ' + (heads[j] || 'column ' + (j+1)) + ': ' + Math.round(r.left) + '–' + Math.round(r.right) + ' px, ' + Math.round(r.height) + ' px high');
		}));
		return out;
	})()`)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range hidden {
		t.Errorf("/articles/ at %s: a cell is not shown within %d px: %s", phone.name, phone.w, h)
	}
}

// TestReflow loads every page at phone widths and checks that none scrolls
// sideways (WCAG 1.4.10 asks for 320 px); a wide table may scroll inside
// its own box.
func TestReflow(t *testing.T) {
	ctx, root, files := layoutSite(t)
	for _, w := range []int64{320, 375} {
		s := screen{fmt.Sprint(w), w, 640, true}
		for _, p := range auditPages(files) {
			if err := s.open(ctx, root+p); err != nil {
				t.Fatalf("/%s: %v", p, err)
			}
			wide, err := eval[[]string](ctx, `(() => {
				const w = document.documentElement.clientWidth, out = [];
				if (document.documentElement.scrollWidth <= w) return out;
				for (const el of document.querySelectorAll('body *')) {
					const r = el.getBoundingClientRect();
					if (r.right > w + 1) out.push(el.tagName.toLowerCase() + (el.className ? '.' + el.className : '') + ' ' + Math.round(r.right) + 'px');
				}
				return out.length ? out.slice(0, 5) : ['the document, ' + document.documentElement.scrollWidth + 'px'];
			})()`)
			if err != nil {
				t.Fatalf("/%s: %v", p, err)
			}
			if len(wide) > 0 {
				t.Errorf("/%s scrolls sideways at %d px: %s", p, w, strings.Join(wide, ", "))
			}
		}
	}
}

// TestSearchAway checks that the search results, which drop down over the
// page, go away on a click elsewhere and come back on a return to the box.
func TestSearchAway(t *testing.T) {
	ctx, root, _ := layoutSite(t)
	if err := desktop.open(ctx, root+"claims/"); err != nil {
		t.Fatal(err)
	}
	shown := func(when string, want bool) {
		t.Helper()
		got, err := eval[bool](ctx, `getComputedStyle(document.querySelector('.search-drop')).display !== 'none' && document.querySelectorAll('.search-results a').length > 0`)
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("%s: results shown = %v, want %v", when, got, want)
		}
	}
	step := func(actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := within(ctx, 10*time.Second, append(actions, chromedp.Sleep(300*time.Millisecond))...); err != nil {
			t.Fatal(err)
		}
	}
	step(chromedp.WaitVisible(chromedp.CSS(`#search-q`)), chromedp.SendKeys(chromedp.CSS(`#search-q`), "russia"))
	shown("after typing", true)
	step(chromedp.Click(chromedp.CSS(`footer.site p`))) // outside the results
	shown("after a click elsewhere", false)
	step(chromedp.Click(chromedp.CSS(`#search-q`)))
	shown("back in the box", true)
}
