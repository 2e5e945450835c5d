//go:build !wasm && bench

// Measurements, not tests: built only with -tags bench (make bench,
// make screenshot), so that make test runs no placeholder.

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"
)

// TestE2EColdLoad measures the cold load of the default static build
// alone, as make bench's cold-load section (perf_test.go) does for every
// site: a fresh profile each run, served like a CDN with the .br files. It
// logs the median of five runs.
func TestE2EColdLoad(t *testing.T) {
	_, dir := staticSite(t)
	c := serveCDN(t, dir)
	s := &perfSite{name: "chronik-5", dir: dir, origin: c.origin}
	target := coldTarget{Name: "Chronik, 5 articles", Card: ".chronik-card", Ready: "chronik-ready",
		Query: perfFirstQuery, Input: "#chronik-q", Count: "chronik-count"}
	const runs = 5
	var cards, ready, answered []float64
	for i := range runs {
		run, err := coldLoad(t, s, target)
		require.NoError(t, err)
		cards, ready, answered = append(cards, run.Card), append(ready, run.Ready), append(answered, run.Search)
		t.Logf("run %d: first card painted %.0f ms, search usable %.0f ms, first query answered %.0f ms, %.0f kB transferred",
			i+1, run.Card, run.Ready, run.Search, run.Transfer/1e3)
	}
	t.Logf("median of %d cold loads: first card painted %.0f ms, search usable %.0f ms, first query answered %.0f ms",
		runs, perfMedian(cards), perfMedian(ready), perfMedian(answered))
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
