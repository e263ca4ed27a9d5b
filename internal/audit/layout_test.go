package audit

import (
	"context"
	"fmt"
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

// open loads u in the tab of ctx at the size of s, in the light scheme.
func (s screen) open(ctx context.Context, u string) error {
	vp := chromedp.EmulateViewport(s.w, s.h)
	if s.phone {
		vp = chromedp.EmulateViewport(s.w, s.h, chromedp.EmulateMobile)
	}
	return within(ctx, 20*time.Second, colorScheme("light"), vp, chromedp.Navigate(u))
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
