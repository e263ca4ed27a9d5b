package audit

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"briefing/internal/build"
)

// TestScreenshots writes screenshots of one page of each kind, its first
// screen and the whole page, on a phone (375×667) and a desktop (1280×800),
// light and dark, into the folder named by $BRIEFING_SHOTS, for a person to
// look at. It is skipped when that is unset.
//
//	BRIEFING_SHOTS=/tmp/shots go test ./internal/audit -run Screenshots
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("BRIEFING_SHOTS")
	if dir == "" {
		t.Skip("set BRIEFING_SHOTS to a folder to take screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	ctx := newBrowser(t)
	files := buildSite(t, build.Options{BaseURL: "https://example.org/sub/", Minify: true})
	srv := serveSite(t, files, "/sub/")
	pages := map[string]string{"overview": ""}
	for _, p := range files.Paths() {
		for _, kind := range []string{"articles", "actors", "claims"} {
			if strings.HasPrefix(p, kind+"/") && strings.Count(p, "/") == 2 && pages[kind[:len(kind)-1]] == "" {
				pages[kind[:len(kind)-1]] = strings.TrimSuffix(p, "index.html")
			}
		}
	}
	pages["claims"], pages["actors"], pages["sources"], pages["404"] = "claims/", "actors/", "articles/", "missing/page/"
	if p := os.Getenv("BRIEFING_SHOTS_PAGES"); p != "" { // e.g. "claim=claims/x/,actor=actors/y/"
		for _, kv := range strings.Split(p, ",") {
			k, v, _ := strings.Cut(kv, "=")
			pages[k] = v
		}
	}
	for name, p := range pages {
		for _, s := range []screen{phone, desktop} {
			for _, scheme := range []string{"light", "dark"} {
				if err := s.open(ctx, srv.URL+"/sub/"+p, scheme); err != nil {
					t.Fatalf("%s: %v", p, err)
				}
				// The first screen, and the whole page.
				for suffix, action := range map[string]chromedp.Action[[]byte]{
					"-top": chromedp.CaptureScreenshot(),
					"":     chromedp.FullScreenshot(100),
				} {
					shot, err := chromedp.Run(ctx, action)
					if err != nil {
						t.Fatalf("%s: %v", p, err)
					}
					file := filepath.Join(dir, fmt.Sprintf("%s-%d-%s%s.png", name, s.w, scheme, suffix))
					if err := os.WriteFile(file, shot, 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
	}
}
