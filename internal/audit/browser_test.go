package audit

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"briefing/internal/browsertest"
)

// unavailable skips the test for a missing tool, or fails it in CI.
func unavailable(t *testing.T, format string, args ...any) {
	t.Helper()
	browsertest.Unavailable(t, format, args...)
}

// newBrowser starts a headless Chromium for the test; see browsertest.New.
func newBrowser(t *testing.T) context.Context { return browsertest.New(t) }

// within runs steps with a deadline, on the tab of ctx.
func within(ctx context.Context, d time.Duration, steps ...chromedp.Action[chromedp.Void]) error {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	return chromedp.Do(ctx, steps...)
}

// colorScheme emulates prefers-color-scheme: "light" or "dark".
func colorScheme(scheme string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		})
		return err
	})
}
