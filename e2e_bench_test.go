//go:build !wasm && bench

// Measurements, not tests: built only with -tags bench (make bench,
// make screenshot), so that make test runs no placeholder.

package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"
)

// coldLoadProbe runs in the page before any of its own scripts. It records
// when the first card is in the document, the first contentful paint, and
// when search is usable: the first moment a typed query changes the live
// result count. It retypes until the WASM has taken over the field.
const coldLoadProbe = `(() => {
  window.__chronik = {};
  const t = window.__chronik;
  let last = 0;
  function tick() {
    const now = performance.now();
    if (!t.cards && document.querySelector(".chronik-card")) t.cards = now;
    const loader = document.getElementById("app-wasm-loader");
    const input = document.getElementById("chronik-q");
    const count = document.getElementById("chronik-count");
    if (document.readyState !== "loading" && !loader && input && now - last > 25) {
      input.value = "Oracle";
      input.dispatchEvent(new Event("input", { bubbles: true }));
      last = now;
    }
    if (last && count && count.textContent.startsWith("2 von")) { t.search = now; return; }
    setTimeout(tick, 2);
  }
  tick();
})();`

// TestE2EColdLoad measures the cold load of the static build in headless
// Chromium: a fresh profile each run, so nothing is cached. It reports the
// median of five runs.
func TestE2EColdLoad(t *testing.T) {
	_, dir := staticSite(t)
	origin := serveDir(t, dir)
	const runs = 5
	var cards, fcp, usable []float64
	for i := 0; i < runs; i++ {
		ctx := browser(t)
		require.NoError(t, chromedp.Run(ctx, chromedp.ActionFunc(func(ctx2 context.Context) error {
			_, err := page.AddScriptToEvaluateOnNewDocument(coldLoadProbe).Do(ctx2)
			return err
		})))
		require.NoError(t, chromedp.Run(ctx, chromedp.Navigate(origin+"/")))
		require.NoError(t, chromedp.Run(ctx, chromedp.Poll(`window.__chronik && window.__chronik.search`, nil, chromedp.WithPollingTimeout(2*time.Minute))))
		var m struct{ Cards, Search, FCP float64 }
		require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`({cards: __chronik.cards, search: __chronik.search,
			fcp: (performance.getEntriesByName("first-contentful-paint")[0] || {}).startTime || 0})`, &m)))
		cards = append(cards, max(m.Cards, m.FCP))
		fcp = append(fcp, m.FCP)
		usable = append(usable, m.Search)
		t.Logf("run %d: first cards visible %.0f ms (FCP %.0f ms), search usable %.0f ms", i+1, max(m.Cards, m.FCP), m.FCP, m.Search)
	}
	t.Logf("median of %d cold loads: first cards visible %.0f ms, search usable %.0f ms", runs, median(cards), median(usable))
	fmt.Printf("cold load (median of %d): first cards visible %.0f ms, search usable %.0f ms\n", runs, median(cards), median(usable))
}

// TestE2EScreenshot writes the README's screenshots of the widget searched
// for "Oracle" to docs/screenshots/ (or $CHRONIK_SCREENSHOTS): a 360px phone
// and a 1280px desktop, each with prefers-color-scheme light and dark, the
// whole page or its first 1600px.
func TestE2EScreenshot(t *testing.T) {
	out := os.Getenv("CHRONIK_SCREENSHOTS")
	if out == "" {
		out = filepath.Join("docs", "screenshots")
	}
	require.NoError(t, os.MkdirAll(out, 0o755))
	_, dir := staticSite(t)
	origin := serveDir(t, dir)
	const maxHeight = 1600
	for _, shot := range []struct {
		width  int64
		mobile bool
		scheme string
	}{
		{360, true, "light"},
		{360, true, "dark"},
		{1280, false, "light"},
		{1280, false, "dark"},
	} {
		name := fmt.Sprintf("chronik-%d-%s.png", shot.width, shot.scheme)
		t.Run(name, func(t *testing.T) {
			ctx := browser(t)
			opts := []chromedp.EmulateViewportOption{chromedp.EmulateScale(1)}
			if shot.mobile {
				opts = append(opts, chromedp.EmulateMobile, chromedp.EmulateTouch)
			}
			require.NoError(t, chromedp.Run(ctx,
				chromedp.EmulateViewport(shot.width, 800, opts...),
				colorScheme(shot.scheme),
				chromedp.Navigate(origin+"/?q=Oracle"),
			))
			require.NoError(t, waitReady(ctx))
			var height int64
			require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`Math.ceil(document.documentElement.scrollHeight)`, &height)))
			height = min(height, maxHeight)
			var png []byte
			require.NoError(t, chromedp.Run(ctx,
				chromedp.EmulateViewport(shot.width, height, opts...),
				chromedp.Sleep(300*time.Millisecond),
				chromedp.CaptureScreenshot(&png),
			))
			require.NoError(t, os.WriteFile(filepath.Join(out, name), png, 0o644))
			t.Logf("wrote %s (%dx%d)", filepath.Join(out, name), shot.width, height)
		})
	}
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}
