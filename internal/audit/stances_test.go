package audit

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/rogpeppe/go-internal/txtar"

	"briefing/internal/build"
)

// TestAxeStances runs axe-core on the claim pages of a briefing whose
// quotes take all three stances, which the default briefing does not yet:
// the stance headings must keep the heading order and their colours the
// contrast, in both colour schemes.
func TestAxeStances(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	ar, err := txtar.ParseFile("../build/testdata/stances.txtar")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		if !strings.HasPrefix(f.Name, "want/") {
			fsys[f.Name] = &fstest.MapFile{Data: f.Data}
		}
	}
	b, err := build.New()
	if err != nil {
		t.Fatal(err)
	}
	res, err := b.Build(t.Context(), fsys, build.Options{BaseURL: "https://example.org/", Minify: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Files == nil {
		t.Fatalf("build failed:\n%v", res.Err())
	}
	axe := axeScript(t)
	ctx := newBrowser(t)
	srv := serveSite(t, res.Files, "/")
	for _, scheme := range []string{"light", "dark"} {
		for _, p := range []string{"claims/", "claims/bridge-closed/"} {
			u := srv.URL + "/" + p
			if err := within(ctx, 20*time.Second, colorScheme(scheme), chromedp.EmulateViewport(1280, 900), chromedp.Navigate(u)); err != nil {
				t.Fatalf("%s: %v", u, err)
			}
			vs, err := runAxe(ctx, axe)
			if err != nil {
				t.Fatalf("%s: axe: %v", u, err)
			}
			for _, v := range vs {
				t.Errorf("/%s (%s): %s [%s, %s]\n\t%s", p, scheme, v.Help, v.ID, v.Impact, strings.Join(v.Nodes, "\n\t"))
			}
		}
	}
}
