//go:build !wasm

package main

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"chronik/app"
	chronik "chronik/embed"
)

// click clicks the first element matching a CSS selector.
func click(sel string) chromedp.Action {
	return chromedp.Click(sel, chromedp.ByQuery, chromedp.NodeVisible)
}

// chipSel selects the filter chip whose text starts with name.
func chipSel(legend, name string) string {
	return fmt.Sprintf(`//fieldset[legend=%q]/button[starts-with(normalize-space(.), %q)]`, legend, name)
}

// monthHeadings returns the month headings of the timeline, in page order.
func monthHeadings(t *testing.T, ctx context.Context) []string {
	t.Helper()
	var hs []string
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`[...document.querySelectorAll(".chronik-month-title")].map(e => e.textContent)`, &hs)))
	return hs
}

// intersect returns the ids in both lists, in the order of a.
func intersect(a, b []string) []string {
	var out []string
	for _, id := range a {
		if slices.Contains(b, id) {
			out = append(out, id)
		}
	}
	return out
}

func TestE2EFiltersSortAndMonthsCombineAndSurviveReload(t *testing.T) {
	b, dir := staticSite(t)
	origin := serveDir(t, dir)
	ctx := browser(t)
	all := len(b.Chronicle.Articles)
	chrono := ids(b, "")
	require.NoError(t, chromedp.Run(ctx, chromedp.Navigate(origin+"/")))
	require.NoError(t, waitReady(ctx))

	// Month headings, in order.
	require.Equal(t, []string{"August 2020", "September 2020"}, monthHeadings(t, ctx))
	require.Equal(t, months(b, chrono), monthHeadings(t, ctx))

	// An actor chip narrows to the articles about the actor, and says so.
	oracle := ids(b, "Oracle")
	var chip string
	require.NoError(t, chromedp.Run(ctx, chromedp.Text(chipSel("Akteure", "Oracle"), &chip, chromedp.BySearch)))
	require.Contains(t, chip, fmt.Sprint(len(oracle)), "the chip shows its count")
	require.NoError(t, chromedp.Run(ctx, chromedp.Click(chipSel("Akteure", "Oracle"), chromedp.BySearch)))
	require.NoError(t, waitCount(ctx, fmt.Sprintf("%d von %d Artikeln", len(oracle), all)))
	got, err := shown(ctx)
	require.NoError(t, err)
	require.Equal(t, oracle, got)
	var pressed string
	require.NoError(t, chromedp.Run(ctx, chromedp.AttributeValue(chipSel("Akteure", "Oracle"), "aria-pressed", &pressed, nil, chromedp.BySearch)))
	require.Equal(t, "true", pressed)

	// With a search: both must match.
	require.NoError(t, typeQuery(ctx, "Datenschutz"))
	want := intersect(ids(b, "Datenschutz"), oracle)
	require.NotEmpty(t, want)
	require.Less(t, len(want), len(oracle), "the search narrows the chip's articles")
	require.NoError(t, waitCount(ctx, fmt.Sprintf("%d von %d Artikeln", len(want), all)))
	got, err = shown(ctx)
	require.NoError(t, err)
	require.Equal(t, want, got)

	// Newest first, kept in the URL with the query and the chip.
	require.NoError(t, typeQuery(ctx, "Tiktok"))
	want = intersect(ids(b, "Tiktok"), oracle)
	require.NoError(t, waitCount(ctx, fmt.Sprintf("%d von %d Artikeln", len(want), all)))
	require.NoError(t, chromedp.Run(ctx, chromedp.SetValue("#chronik-sort", "newest", chromedp.ByQuery),
		chromedp.Evaluate(`document.getElementById("chronik-sort").dispatchEvent(new Event("change", {bubbles: true}))`, nil)))
	slices.Reverse(want)
	require.NoError(t, chromedp.Run(ctx, chromedp.Poll(fmt.Sprintf(`[...document.querySelectorAll(".chronik-card")].map(e => e.id).join() === %q`, cardIDs(want)), nil, chromedp.WithPollingTimeout(5*time.Second))))
	var search string
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`location.search`, &search)))
	q, err := url.ParseQuery(search[1:])
	require.NoError(t, err)
	require.Equal(t, url.Values{"q": {"Tiktok"}, "actor": {"Oracle"}, "sort": {"newest"}}, q)

	require.NoError(t, chromedp.Run(ctx, chromedp.Reload()))
	require.NoError(t, waitReady(ctx))
	require.NoError(t, waitCount(ctx, fmt.Sprintf("%d von %d Artikeln", len(want), all)))
	got, err = shown(ctx)
	require.NoError(t, err)
	require.Equal(t, want, got, "the reload keeps query, chip and order")
	var sortValue string
	require.NoError(t, chromedp.Run(ctx, chromedp.Value("#chronik-sort", &sortValue, chromedp.ByQuery)))
	require.Equal(t, "newest", sortValue)
	require.Equal(t, months(b, want), monthHeadings(t, ctx), "a heading per month, newest first")

	// Relevance: the best match first, no month headings.
	require.NoError(t, chromedp.Run(ctx, chromedp.SetValue("#chronik-sort", "relevance", chromedp.ByQuery),
		chromedp.Evaluate(`document.getElementById("chronik-sort").dispatchEvent(new Event("change", {bubbles: true}))`, nil)))
	require.NoError(t, chromedp.Run(ctx, chromedp.Poll(`document.querySelector(".chronik-month-title") === null`, nil, chromedp.WithPollingTimeout(5*time.Second))))
	var ranked []string
	for _, h := range b.Index.Search("Tiktok", b.Docs).Hits {
		if id := b.Chronicle.Articles[h.Doc].ID; slices.Contains(oracle, id) {
			ranked = append(ranked, id)
		}
	}
	got, err = shown(ctx)
	require.NoError(t, err)
	require.Equal(t, ranked, got)

	// Reset: every filter goes, the query and the order stay.
	require.NoError(t, chromedp.Run(ctx, click(".chronik-reset")))
	require.NoError(t, waitCount(ctx, fmt.Sprintf("%d von %d Artikeln", len(ids(b, "Tiktok")), all)))
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`location.search`, &search)))
	require.Equal(t, "?q=Tiktok&sort=relevance", search)
	require.NoError(t, chromedp.Run(ctx, chromedp.Poll(`document.activeElement.id === "chronik-q"`, nil, chromedp.WithPollingTimeout(5*time.Second))),
		"the focus stays in the widget when the reset button goes")

	// A date range: September only. Month-only August articles stay out.
	require.NoError(t, typeQuery(ctx, ""))
	require.NoError(t, waitCount(ctx, fmt.Sprintf("%d Artikel", all)))
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`(() => {
		const f = document.getElementById("chronik-from");
		f.value = "2020-09-01";
		f.dispatchEvent(new Event("change", {bubbles: true}));
	})()`, nil)))
	var september []string
	for _, a := range b.Chronicle.Articles {
		if a.Date.Month == time.September {
			september = append(september, a.ID)
		}
	}
	require.NotEmpty(t, september)
	require.NoError(t, waitCount(ctx, fmt.Sprintf("%d von %d Artikeln", len(september), all)))
	got, err = shown(ctx)
	require.NoError(t, err)
	require.Equal(t, september, got)
	require.Equal(t, []string{"September 2020"}, monthHeadings(t, ctx))

	// The source chips count within the date range.
	for _, src := range []string{"nd", "1E9"} {
		n := 0
		for _, a := range b.Chronicle.Articles {
			if a.Source == src && a.Date.Month == time.September {
				n++
			}
		}
		require.NoError(t, chromedp.Run(ctx, chromedp.Text(chipSel("Quelle", src), &chip, chromedp.BySearch)))
		require.Contains(t, chip, fmt.Sprint(n), "chip %s", src)
	}
	require.NoError(t, chromedp.Run(ctx, click(".chronik-reset")))
	require.NoError(t, waitCount(ctx, fmt.Sprintf("%d Artikel", all)))
	var from string
	require.NoError(t, chromedp.Run(ctx, chromedp.Value("#chronik-from", &from, chromedp.ByQuery)))
	require.Empty(t, from, "reset empties the date field too")
	got, err = shown(ctx)
	require.NoError(t, err)
	require.Equal(t, chrono, got)
}

// months returns the German month headings of the articles ids, in order.
func months(b *chronik.Bundle, ids []string) []string {
	var out []string
	for _, id := range ids {
		m := app.German().Month(b.Chronicle.Articles[index(b, id)].Date.Year, b.Chronicle.Articles[index(b, id)].Date.Month)
		if len(out) == 0 || out[len(out)-1] != m {
			out = append(out, m)
		}
	}
	return out
}

// cardIDs joins article ids as the cards' element ids.
func cardIDs(ids []string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = "artikel-" + id
	}
	return strings.Join(out, ",")
}

// longSite builds, once per test binary, a static site of n articles that
// all match "Tiktok", from a generated folder.
var longSite struct {
	once sync.Once
	dir  string
	err  error
}

func longStaticSite(t *testing.T, n int) string {
	t.Helper()
	longSite.once.Do(func() {
		tmp, err := os.MkdirTemp("", "chronik-e2e-long")
		if err != nil {
			longSite.err = err
			return
		}
		arts := filepath.Join(tmp, "articles")
		if err := os.MkdirAll(arts, 0o755); err != nil {
			longSite.err = err
			return
		}
		files := map[string]string{"_index.md": "---\ntitle: Lange Chronik\nactors: Oracle\n---\n"}
		for i := range n {
			files[fmt.Sprintf("m%03d.md", i)] = fmt.Sprintf("---\ndate: 2021-%02d-%02d\ntitle: Meldung %d über Tiktok\nsource: nd\n---\nTiktok und Oracle verhandeln, Folge %d.\n", 1+i/28, 1+i%28, i, i)
		}
		for name, text := range files {
			if err := os.WriteFile(filepath.Join(arts, name), []byte(text), 0o644); err != nil {
				longSite.err = err
				return
			}
		}
		longSite.dir = filepath.Join(tmp, "site")
		longSite.err = writeStaticArticles(arts, longSite.dir, "")
	})
	require.NoError(t, longSite.err)
	return longSite.dir
}

func TestE2EShowMoreRevealsTheNextCardsAndMovesFocus(t *testing.T) {
	const n = 120
	origin := serveDir(t, longStaticSite(t, n))
	ctx := browser(t)
	require.NoError(t, chromedp.Run(ctx, chromedp.Navigate(origin+"/?q=Tiktok")))
	require.NoError(t, waitReady(ctx))
	require.NoError(t, waitCount(ctx, fmt.Sprintf("%d von %d Artikeln", n, n)))
	cards := func() int {
		var k int
		require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`document.querySelectorAll(".chronik-card").length`, &k)))
		return k
	}
	require.Equal(t, app.PageSize, cards(), "one page of cards, however many match")

	label, err := textOf(ctx, "#chronik-more-cards")
	require.NoError(t, err)
	require.Equal(t, app.German().ShowMore(app.PageSize, n-app.PageSize), label)
	require.NoError(t, chromedp.Run(ctx, chromedp.Focus("#chronik-more-cards", chromedp.ByQuery), chromedp.KeyEvent("\r")))
	require.NoError(t, chromedp.Run(ctx, chromedp.Poll(fmt.Sprintf(`document.querySelectorAll(".chronik-card").length === %d`, 2*app.PageSize), nil, chromedp.WithPollingTimeout(5*time.Second))))
	var focused int
	require.NoError(t, chromedp.Run(ctx, chromedp.Poll(`document.activeElement.id.startsWith("weiter-")`, nil, chromedp.WithPollingTimeout(5*time.Second))))
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`[...document.querySelectorAll(".chronik-more")].indexOf(document.activeElement)`, &focused)))
	require.Equal(t, app.PageSize, focused, "the focus moves to the first new card")

	// Page by page to the last: then the button goes, and every card is
	// shown.
	for shown := 2 * app.PageSize; shown < n; shown += app.PageSize {
		require.NoError(t, chromedp.Run(ctx, click("#chronik-more-cards")))
		require.NoError(t, chromedp.Run(ctx, chromedp.Poll(fmt.Sprintf(`document.querySelectorAll(".chronik-card").length === %d`, min(n, shown+app.PageSize)), nil, chromedp.WithPollingTimeout(5*time.Second))))
	}
	require.NoError(t, chromedp.Run(ctx, chromedp.Poll(`!document.getElementById("chronik-more-cards")`, nil, chromedp.WithPollingTimeout(5*time.Second))))

	// A new query starts again with one page.
	require.NoError(t, typeQuery(ctx, "Oracle"))
	require.NoError(t, waitCount(ctx, fmt.Sprintf("%d von %d Artikeln", n, n)))
	require.Equal(t, app.PageSize, cards())
}
